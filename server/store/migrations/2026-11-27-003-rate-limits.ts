import type { Kysely } from 'kysely';

// Frozen in time: never import application types here.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per attempt; kept in the database so every server node counts the same attempts.
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('bucket', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_hits_bucket_at').on('rate_limit_hits').columns(['bucket', 'at']).execute();
}
