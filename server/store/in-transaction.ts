import type { PortalDb } from './database.ts';

/** Runs `work` in a database transaction, joining the caller's when `db` already is one. */
export const inTransaction = <T>(db: PortalDb, work: (trx: PortalDb) => Promise<T>): Promise<T> =>
  db.isTransaction ? work(db) : db.transaction().execute(work);
