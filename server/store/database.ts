import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { allowDirectReads } from './direct-reads.ts';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

export type PortalDb = Kysely<Database>;

/** Opens (creating if needed) the embedded SQLite database: WAL, foreign keys, busy timeout. */
export function openSqliteDatabase(file: string): PortalDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const statements = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  allowDirectReads(db, sqlite, statements.prepare);
  return db;
}
