import type { Kysely } from 'kysely';

// Frozen in time: never import application types here.
export async function up(db: Kysely<any>): Promise<void> {
  // Filtered history pages, newest first: the filter's equality, then the keyset order, so a page
  // stops after its rows instead of sorting every match (and the status-and-due index is not picked).
  await db.schema.createIndex('invoices_customer_status_issued').on('invoices').columns(['customer_id', 'status', 'issued_at', 'id']).execute();
  await db.schema
    .createIndex('transactions_customer_kind_occurred')
    .on('transactions')
    .columns(['customer_id', 'kind', 'occurred_at', 'id'])
    .execute();
}
