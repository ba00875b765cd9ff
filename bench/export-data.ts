import { encodeCursor } from '../server/store/keyset.ts';
import { openSqliteDatabase, type PortalDb } from '../server/store/database.ts';
import { migrateToLatest } from '../server/store/migrate.ts';

/** The accounts the export bench reads: one whose history is exported, one deep enough to page 100k rows in. */
export const exportAccount = 'bench-exports';
export const deepAccount = 'bench-deep';

export interface ExportBenchData {
  invoices: number;
  transactions: number;
  deepInvoices: number;
  /** The cursor of the page that starts 100,000 rows into the deep account's invoice list. */
  deepCursor: string;
}

const batch = 500;
const day = 86_400_000;

async function insertCustomer(db: PortalDb, id: string, now: string) {
  await db
    .insertInto('customers')
    .values({ id, customer_key: `CK-${id}`, company_name: `${id} Inc.`, currency: 'USD', locale: 'en-US', created_at: now, updated_at: now })
    .execute();
  const userId = `usr_${id}`;
  await db.insertInto('users').values({ id: userId, customer_id: id, subject: `${id}-admin`, name: 'Bench Admin', email: `admin@${id}.test`, is_site_admin: 1, created_at: now, last_seen_at: null }).execute();
  await db.insertInto('portal_grants').values({ user_id: userId, granted_by_user_id: null, granted_at: now }).execute();
}

/** `count` invoices issued over the last years, several a day, some paid; answers their ids, oldest first. */
async function insertInvoices(db: PortalDb, customerId: string, count: number, now: string): Promise<string[]> {
  const ids: string[] = [];
  const start = Date.UTC(2020, 0, 1);
  for (let offset = 0; offset < count; offset += batch) {
    const rows = Array.from({ length: Math.min(batch, count - offset) }, (_, index) => {
      const position = offset + index;
      const issuedAt = new Date(start + Math.floor(position / 8) * day).toISOString().slice(0, 10);
      const id = `inv_${customerId}_${String(position).padStart(7, '0')}`;
      ids.push(id);
      const isPaid = position % 5 !== 0;
      return {
        id,
        customer_id: customerId,
        number: `${customerId.toUpperCase()}-${String(position).padStart(7, '0')}`,
        status: isPaid ? ('paid' as const) : ('open' as const),
        issued_at: issuedAt,
        due_at: new Date(Date.parse(issuedAt) + 30 * day).toISOString().slice(0, 10),
        currency: 'USD',
        subtotal: 4900,
        tax: 392,
        total: 5292,
        amount_paid: isPaid ? 5292 : 0,
        paid_at: isPaid ? `${issuedAt}T12:00:00.000Z` : null,
        created_at: now,
      };
    });
    await db.insertInto('invoices').values(rows).execute();
  }
  return ids;
}

/** `count` transactions, a tenth of them failed attempts with a reason, each allocated to one invoice. */
async function insertTransactions(db: PortalDb, customerId: string, count: number, invoiceIds: string[]) {
  const start = Date.UTC(2020, 0, 1);
  for (let offset = 0; offset < count; offset += batch) {
    const positions = Array.from({ length: Math.min(batch, count - offset) }, (_, index) => offset + index);
    const rows = positions.map((position) => {
      const isFailed = position % 10 === 0;
      return {
        id: `txn_${customerId}_${String(position).padStart(7, '0')}`,
        customer_id: customerId,
        kind: isFailed ? ('failed_payment' as const) : ('payment' as const),
        status: isFailed ? ('failed' as const) : ('succeeded' as const),
        amount: 5292,
        currency: 'USD',
        payment_method_id: null,
        method_label: 'Visa ·· 4242',
        reference: `ch_${String(position).padStart(20, '0')}`,
        failure_reason: isFailed ? 'The card has insufficient funds. Use another payment method.' : null,
        decline_code: isFailed ? 'insufficient_funds' : null,
        occurred_at: new Date(start + position * 1_500_000).toISOString(),
      };
    });
    await db.insertInto('transactions').values(rows).execute();
    await db
      .insertInto('transaction_allocations')
      .values(rows.map((row, index) => ({ transaction_id: row.id, invoice_id: invoiceIds[positions[index]! % invoiceIds.length]!, amount: 5292 })))
      .execute();
  }
}

/** Creates and fills the bench database, straight through the store's tables (the API would take minutes). */
export async function seedExportBench(databaseFile: string, sizes: { invoices: number; transactions: number; deepInvoices: number }): Promise<ExportBenchData> {
  const db = openSqliteDatabase(databaseFile);
  await migrateToLatest(db);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await insertCustomer(trx, exportAccount, now);
    const invoiceIds = await insertInvoices(trx, exportAccount, sizes.invoices, now);
    await insertTransactions(trx, exportAccount, sizes.transactions, invoiceIds);
    await insertCustomer(trx, deepAccount, now);
    await insertInvoices(trx, deepAccount, sizes.deepInvoices, now);
  });
  const depth = Math.min(100_000, sizes.deepInvoices - 25);
  const deepRow = await db
    .selectFrom('invoices')
    .select(['issued_at', 'id'])
    .where('customer_id', '=', deepAccount)
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .offset(depth - 1)
    .limit(1)
    .executeTakeFirstOrThrow();
  await db.destroy();
  return { ...sizes, deepCursor: encodeCursor('invoices', { at: deepRow.issued_at, id: deepRow.id }) };
}
