import type SQLite from 'better-sqlite3';
import type { SqliteStatement } from 'kysely';
import type { PortalDb } from './database.ts';

type DirectRead = (sql: string, parameters: readonly unknown[]) => unknown[] | undefined;

const directReads = new WeakMap<PortalDb, DirectRead>();

/**
 * Lets precompiled reads on this SQLite handle run at once instead of through Kysely's connection
 * lock, whose steps cost about as much as SQLite reading a user row. Safe whenever no transaction is
 * open on the connection: better-sqlite3 runs a statement to its end before anything else runs, and
 * Kysely holds the lock across awaits only for a transaction (the portal streams no query). While one
 * is open, the read waits its turn through Kysely as before, so it never sees uncommitted writes.
 */
export function allowDirectReads(db: PortalDb, sqlite: SQLite.Database, prepare: (sql: string) => SqliteStatement): void {
  directReads.set(db, (sql, parameters) => {
    if (sqlite.inTransaction) return undefined;
    const statement = prepare(sql);
    return statement.reader ? statement.all(parameters) : undefined;
  });
}

/** The rows of a read run at once, or undefined when it must go through Kysely (another database, or a transaction open). */
export const readDirectly = (db: PortalDb, sql: string, parameters: readonly unknown[]): unknown[] | undefined =>
  directReads.get(db)?.(sql, parameters);
