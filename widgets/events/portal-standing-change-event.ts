import type { Standing, StandingStatus } from '../../contract/standing.ts';

/**
 * Fired when the lockout gate learns the account's standing and it differs from what it knew: on the
 * first read (`previousStatus` null), and when a payment, a re-check or a retry finds another status.
 */
export class PortalStandingChangeEvent extends Event {
  static readonly eventName = 'portal-standing-change';
  /** The status the gate knew before; null on its first read. */
  readonly previousStatus: StandingStatus | null;
  readonly status: StandingStatus;
  /** The standing as the server answered it. */
  readonly standing: Standing;

  constructor(previousStatus: StandingStatus | null, standing: Standing) {
    super(PortalStandingChangeEvent.eventName, { bubbles: true, composed: true });
    this.previousStatus = previousStatus;
    this.status = standing.status;
    this.standing = standing;
  }
}

declare global {
  interface HTMLElementEventMap {
    'portal-standing-change': PortalStandingChangeEvent;
  }
}
