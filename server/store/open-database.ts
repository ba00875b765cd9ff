import type { PortalConfig } from '../config.ts';
import { openSqliteDatabase, type PortalDb } from './database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

/** The database the configuration names: PostgreSQL when PORTAL_DATABASE_URL is set, else the embedded SQLite file. */
export const openDatabase = (config: Pick<PortalConfig, 'databaseFile' | 'postgres'>): PortalDb =>
  config.postgres ? openPostgresDatabase(config.postgres.url, config.postgres.poolSize) : openSqliteDatabase(config.databaseFile);

/** Which database, for start-up lines and logs: the file, or the PostgreSQL server and database without credentials. */
export function describeDatabase(config: Pick<PortalConfig, 'databaseFile' | 'postgres'>): string {
  if (!config.postgres) return config.databaseFile;
  const url = new URL(config.postgres.url);
  return `PostgreSQL ${url.host}${url.pathname}`;
}
