import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Whether the database is PostgreSQL, for the little that must differ from SQLite. */
const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Where the migrations' own tables live. On PostgreSQL, the connection's current schema: Kysely
 * otherwise looks for them in every schema of the database and may find another schema's.
 */
export async function migrationTableSchema(db: Kysely<any>): Promise<string | undefined> {
  if (!isPostgres(db)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]!.schema;
}
