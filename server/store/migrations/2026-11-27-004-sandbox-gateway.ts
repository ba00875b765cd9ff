import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application types here.
// The sandbox gateway's own records, as a processor keeps them on its side: tokens with what their
// test number decided, charges and refunds keyed by the caller's idempotency key. Never a card or
// account number, never a CVC.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sandbox_secrets')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();
  // Generated per database, so a fingerprint stays the same across restarts and server nodes.
  await db.insertInto('sandbox_secrets').values({ name: 'fingerprint', value: randomBytes(32).toString('base64url') }).execute();

  await db.schema
    .createTable('sandbox_tokens')
    .addColumn('token', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('card', 'bank_account')`))
    .addColumn('brand', 'text')
    .addColumn('last4', 'text', (col) => col.notNull())
    .addColumn('exp_month', 'integer')
    .addColumn('exp_year', 'integer')
    .addColumn('holder_name', 'text', (col) => col.notNull())
    .addColumn('fingerprint', 'text', (col) => col.notNull())
    .addColumn('charge_outcome', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('sandbox_charges')
    .addColumn('reference', 'text', (col) => col.primaryKey())
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('token', 'text', (col) => col.notNull().references('sandbox_tokens.token'))
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('succeeded', 'failed')`))
    .addColumn('decline_code', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('sandbox_refunds')
    .addColumn('reference', 'text', (col) => col.primaryKey())
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('charge_reference', 'text', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('succeeded', 'failed')`))
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sandbox_refunds_charge').on('sandbox_refunds').column('charge_reference').execute();
}
