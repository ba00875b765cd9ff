import type { PortalDb } from './database.ts';
import { inTransaction } from './in-transaction.ts';

export interface RateLimit {
  /** What is counted, e.g. "payment:acme:u-100". */
  bucket: string;
  /** Attempts allowed within the window. */
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one attempt against `limit.bucket`. Answers 0 when it is allowed (and recorded), else the
 * seconds until the oldest attempt in the window expires (and records nothing).
 */
export async function takeRateLimit(db: PortalDb, limit: RateLimit, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000).toISOString();
  return inTransaction(db, async (trx) => {
    await trx.deleteFrom('rate_limit_hits').where('bucket', '=', limit.bucket).where('at', '<=', windowStart).execute();
    const hits = await trx
      .selectFrom('rate_limit_hits')
      .select('at')
      .where('bucket', '=', limit.bucket)
      .orderBy('at')
      .execute();
    if (hits.length >= limit.limit) {
      const oldest = Date.parse(hits[0]!.at);
      return Math.max(1, Math.ceil((oldest + limit.windowSeconds * 1000 - now.getTime()) / 1000));
    }
    await trx.insertInto('rate_limit_hits').values({ bucket: limit.bucket, at: now.toISOString() }).execute();
    return 0;
  });
}
