import { setTimeout as delay } from 'node:timers/promises';
import type { PortalDb } from './database.ts';

const maxAttempts = 8;

/** SQLSTATE of a transaction the database gave up so that concurrent ones stay serializable (or broke a deadlock). */
const isRetryable = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01';
};

/**
 * Runs `work` in a serializable database transaction, joining the caller's when `db` already is
 * one. Every read-then-write (a twin check before an insert, a balance before a payment) then
 * holds under real concurrency: SQLite runs one writer at a time anyway, and PostgreSQL aborts
 * one of two transactions that would interleave, which is retried here from the start — so
 * `work` must do nothing outside the database.
 */
export async function inTransaction<T>(db: PortalDb, work: (trx: PortalDb) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().setIsolationLevel('serializable').execute(work);
    } catch (error) {
      if (attempt === maxAttempts || !isRetryable(error)) throw error;
      await delay(Math.random() * 10 * attempt);
    }
  }
}
