import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PortalDb } from '../../../server/store/database.ts';
import { migrateToLatest } from '../../../server/store/migrate.ts';
import { openDatabase } from '../../../server/store/open-database.ts';

/** Set (by `npm run test:postgres`) to run the server tests on this PostgreSQL server instead of SQLite. */
export const postgresUrl = process.env.PORTAL_TEST_DATABASE_URL || undefined;

let adminPool: pg.Pool | undefined;

/** A schema of its own on the test server, so tests stay independent and may run in parallel. */
async function createSchemaUrl(serverUrl: string): Promise<string> {
  adminPool ??= new pg.Pool({ connectionString: serverUrl, max: 1, allowExitOnIdle: true });
  const schema = `test_${randomUUID().replaceAll('-', '')}`;
  await adminPool.query(`create schema ${schema}`);
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/**
 * The settings naming a fresh database for one test: a file (or in-memory SQLite), or a new schema
 * on the PostgreSQL test server when there is one. Pass them to loadConfig, or to a child process.
 */
export async function testDatabaseEnv(databaseFile = ':memory:'): Promise<Record<string, string>> {
  if (!postgresUrl) return { PORTAL_DB: databaseFile };
  // Few connections each, as the suite holds many apps open at once.
  return { PORTAL_DB: databaseFile, PORTAL_DATABASE_URL: await createSchemaUrl(postgresUrl), PORTAL_DATABASE_POOL_SIZE: '4' };
}

/** Opens and migrates the database `testDatabaseEnv` named. */
export async function openTestDatabase(env?: Record<string, string>): Promise<PortalDb> {
  const settings = env ?? (await testDatabaseEnv());
  const db = openDatabase({
    databaseFile: settings.PORTAL_DB!,
    postgres: settings.PORTAL_DATABASE_URL ? { url: settings.PORTAL_DATABASE_URL, poolSize: Number(settings.PORTAL_DATABASE_POOL_SIZE) } : undefined,
  });
  await migrateToLatest(db);
  return db;
}
