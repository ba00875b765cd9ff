import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { jsonLogger } from '../logger.ts';
import type { PortalDb } from './database.ts';
import type { Database } from './schema.ts';

const int8 = 20;
const numeric = 1700;

/** Money and counts come back as numbers, as from SQLite; a value a number cannot hold exactly is an error, never rounded. */
function exactNumber(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`${text} does not fit a JavaScript number exactly.`);
  return value;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === int8 || oid === numeric ? exactNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A pool on the PostgreSQL database the URL names; the schema is the one the URL's user (or its `options`) selects. */
export function openPostgresDatabase(url: string, poolSize: number): PortalDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    // A request waits at most this long for a connection (all busy, or the server unreachable), then fails.
    connectionTimeoutMillis: 10_000,
    // Idle connections do not keep a CLI run or a test process alive.
    allowExitOnIdle: true,
  });
  // An idle connection that breaks (the database restarted) leaves the pool, and the next query opens
  // a new one; unheard, the error would end the process.
  pool.on('error', (error) => jsonLogger.error('idle PostgreSQL connection lost', { error: String(error) }));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
