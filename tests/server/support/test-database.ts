import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PortalDb } from '../../../server/store/database.ts';
import { migrateToLatest } from '../../../server/store/migrate.ts';
import { openDatabase } from '../../../server/store/open-database.ts';

/** Set (by `npm run test:postgres`) to run the server tests on this PostgreSQL server instead of SQLite. */
export const postgresUrl = process.env.PORTAL_TEST_DATABASE_URL || undefined;

let fileDatabase: Promise<{ url: string; pool: pg.Pool }> | undefined;

/**
 * A database for this test file's process, made on first use: each test file works in its own, so
 * the migrator's lock and catalog lookups never wait on another file's schemas.
 */
function databaseOfThisFile(serverUrl: string) {
  fileDatabase ??= (async () => {
    const name = `test_${process.pid}_${randomUUID().slice(0, 8)}`;
    const server = new pg.Client({ connectionString: serverUrl });
    await server.connect();
    await server.query(`create database ${name}`);
    await server.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return { url: url.toString(), pool: new pg.Pool({ connectionString: url.toString(), max: 1, allowExitOnIdle: true }) };
  })();
  return fileDatabase;
}

/** A schema of its own in this file's database, so tests stay independent. */
async function createSchemaUrl(serverUrl: string): Promise<string> {
  const database = await databaseOfThisFile(serverUrl);
  const schema = `test_${randomUUID().replaceAll('-', '')}`;
  await database.pool.query(`create schema ${schema}`);
  const url = new URL(database.url);
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
