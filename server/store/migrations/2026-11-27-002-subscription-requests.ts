import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application types here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('subscription_requests')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('subscription_id', 'text', (col) => col.references('subscriptions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('add_feature', 'remove_feature', 'change_plan', 'cancel', 'other')`),
    )
    .addColumn('feature_name', 'text')
    .addColumn('message', 'text')
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('pending', 'resolved')`))
    .addColumn('requested_by_subject', 'text', (col) => col.notNull())
    .addColumn('requested_by_name', 'text')
    .addColumn('requested_by_email', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('subscription_requests_customer_created')
    .on('subscription_requests')
    .columns(['customer_id', 'created_at', 'id'])
    .execute();
  // One pending request per subscription, kind and feature, even when two nodes take the same one
  // at once; free-text requests ("other") may stand side by side.
  await sql`create unique index subscription_requests_one_pending on subscription_requests
    (customer_id, coalesce(subscription_id, ''), kind, coalesce(feature_name, ''))
    where status = 'pending' and kind <> 'other'`.execute(db);
}
