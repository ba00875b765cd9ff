import type { Kysely } from 'kysely';

// Frozen in time: never import application types here.
export async function up(db: Kysely<any>): Promise<void> {
  // The pending transaction an idempotency key stands for, and how long its request may run before
  // a retry may take over (after a crash) and reconcile it with the gateway.
  await db.schema.alterTable('idempotency_keys').addColumn('transaction_id', 'text').execute();
  await db.schema.alterTable('idempotency_keys').addColumn('locked_until', 'text').execute();
  // The processor's reason code for a declined payment, beside the sentence shown to people.
  await db.schema.alterTable('transactions').addColumn('decline_code', 'text').execute();
  await db.schema.createIndex('idempotency_keys_running').on('idempotency_keys').columns(['customer_id', 'state', 'locked_until']).execute();
}
