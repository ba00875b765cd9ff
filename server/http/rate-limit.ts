import type { Clock } from '../clock.ts';
import { ProblemError } from '../errors.ts';
import type { PortalDb } from '../store/database.ts';
import { type RateLimit, takeRateLimit } from '../store/rate-limits.ts';

/** Counts an attempt; over the limit, throws a 429 problem with Retry-After. */
export async function enforceRateLimit(db: PortalDb, clock: Clock, limit: RateLimit, what: string): Promise<void> {
  const retryAfterSeconds = await takeRateLimit(db, limit, clock.now());
  if (retryAfterSeconds > 0) {
    throw new ProblemError(429, 'rate-limited', {
      detail: `Too many ${what} in a short time. Try again in ${retryAfterSeconds} seconds.`,
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}
