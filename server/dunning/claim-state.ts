/**
 * How long a run may hold a claimed notice before another run takes it over: longer than any send
 * can take (the SMTP mailer gives up within a minute), so only a run that died leaves one this old.
 */
export const claimLeaseMilliseconds = 10 * 60_000;

/** A claimed notice another run may send now: its send failed, or its run vanished before recording anything. */
export function isRetakeable(claim: { claimed_at: string | null; sent_at: string | null; last_error: string | null }, now: Date): boolean {
  if (claim.sent_at !== null) return false;
  if (claim.last_error !== null) return true;
  return claim.claimed_at !== null && claim.claimed_at <= new Date(now.getTime() - claimLeaseMilliseconds).toISOString();
}
