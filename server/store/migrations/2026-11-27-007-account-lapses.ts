import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application types here.
export async function up(db: Kysely<any>): Promise<void> {
  // A lapse: from the dunning run that first saw an account past due (or locked) to the run that
  // saw it back in good standing. Closing it claims the "access restored" notice, sent once per
  // lapse; the notice columns work as in dunning_notices.
  await db.schema
    .createTable('account_lapses')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('restored_at', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  // At most one open lapse per account, whatever runs overlap.
  await sql`create unique index account_lapses_one_open on account_lapses (customer_id) where restored_at is null`.execute(db);
  await db.schema.createIndex('account_lapses_customer_started').on('account_lapses').columns(['customer_id', 'started_at']).execute();
}
