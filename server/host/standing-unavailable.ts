/** The portal could not say how an account stands: unreachable, too slow, or refusing the admin key. */
export class StandingUnavailableError extends Error {
  override name = 'StandingUnavailableError';
}
