import SQLite from 'better-sqlite3';
import { encodeCursor } from '../server/store/keyset.ts';
import { openSqliteDatabase } from '../server/store/database.ts';
import { migrateToLatest } from '../server/store/migrate.ts';

/** The account whose history is exported; the one deep enough to page in, load and render. */
export const exportAccount = 'bench-exports';
export const deepAccount = 'bench-deep';

export interface BenchSizes {
  exportInvoices: number;
  exportTransactions: number;
  deepInvoices: number;
  /** How far into the deep account's list the deep page starts. */
  pageDepth: number;
}

export interface BenchData extends BenchSizes {
  /** The cursor of the page that starts `pageDepth` rows into the deep account's invoice list. */
  deepCursor: string;
}

const day = 86_400_000;
const start = Date.UTC(2020, 0, 1);
const isoDate = (milliseconds: number) => new Date(milliseconds).toISOString().slice(0, 10);
const invoiceId = (customerId: string, position: number) => `inv_${customerId}_${String(position).padStart(7, '0')}`;

function insertAccount(sqlite: SQLite.Database, id: string, now: string) {
  sqlite
    .prepare('insert into customers (id, customer_key, company_name, currency, locale, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)')
    .run(id, `CK-${id}`, `${id} Inc.`, 'USD', 'en-US', now, now);
  const userId = `usr_${id}`;
  sqlite
    .prepare('insert into users (id, customer_id, subject, name, email, is_site_admin, created_at) values (?, ?, ?, ?, ?, 1, ?)')
    .run(userId, id, `${id}-admin`, 'Bench Admin', `admin@${id}.test`, now);
  sqlite.prepare('insert into portal_grants (user_id, granted_by_user_id, granted_at) values (?, null, ?)').run(userId, now);
}

/** `count` invoices, eight issued a day from 2020 on; `isOpen` picks the unpaid ones. */
function insertInvoices(sqlite: SQLite.Database, customerId: string, count: number, now: string, isOpen: (position: number) => boolean) {
  const insert = sqlite.prepare(
    `insert into invoices (id, customer_id, number, status, issued_at, due_at, currency, subtotal, tax, total, amount_paid, paid_at, created_at)
     values (?, ?, ?, ?, ?, ?, 'USD', 4900, 392, 5292, ?, ?, ?)`,
  );
  for (let position = 0; position < count; position++) {
    const issuedAt = start + Math.floor(position / 8) * day;
    const isPaid = !isOpen(position);
    insert.run(
      invoiceId(customerId, position),
      customerId,
      `${customerId.toUpperCase()}-${String(position).padStart(7, '0')}`,
      isPaid ? 'paid' : 'open',
      isoDate(issuedAt),
      isoDate(issuedAt + 30 * day),
      isPaid ? 5292 : 0,
      isPaid ? `${isoDate(issuedAt)}T12:00:00.000Z` : null,
      now,
    );
  }
}

/** `count` transactions, a tenth of them failed attempts with a reason, each allocated to one of `invoices`. */
function insertTransactions(sqlite: SQLite.Database, customerId: string, count: number, invoices: number) {
  const insert = sqlite.prepare(
    `insert into transactions (id, customer_id, kind, status, amount, currency, payment_method_id, method_label, reference, failure_reason, decline_code, occurred_at)
     values (?, ?, ?, ?, 5292, 'USD', null, 'Visa ·· 4242', ?, ?, ?, ?)`,
  );
  const allocate = sqlite.prepare('insert into transaction_allocations (transaction_id, invoice_id, amount) values (?, ?, 5292)');
  for (let position = 0; position < count; position++) {
    const isFailed = position % 10 === 0;
    const id = `txn_${customerId}_${String(position).padStart(7, '0')}`;
    insert.run(
      id,
      customerId,
      isFailed ? 'failed_payment' : 'payment',
      isFailed ? 'failed' : 'succeeded',
      `ch_${String(position).padStart(20, '0')}`,
      isFailed ? 'The card has insufficient funds. Use another payment method.' : null,
      isFailed ? 'insufficient_funds' : null,
      new Date(start + position * 1_500_000).toISOString(),
    );
    allocate.run(id, invoiceId(customerId, position % invoices));
  }
}

/**
 * Creates the bench database: the export account (a fifth of its invoices open) and the deep
 * account (all paid but the newest three, as a long-lived account's are). Written straight into the
 * tables with one prepared statement per table in one transaction: the API would take minutes.
 */
export async function seedBenchDatabase(databaseFile: string, sizes: BenchSizes): Promise<BenchData> {
  const db = openSqliteDatabase(databaseFile);
  await migrateToLatest(db);
  await db.destroy();
  const sqlite = new SQLite(databaseFile);
  try {
    const now = new Date().toISOString();
    sqlite.transaction(() => {
      insertAccount(sqlite, exportAccount, now);
      insertInvoices(sqlite, exportAccount, sizes.exportInvoices, now, (position) => position % 5 === 0);
      insertTransactions(sqlite, exportAccount, sizes.exportTransactions, sizes.exportInvoices);
      insertAccount(sqlite, deepAccount, now);
      insertInvoices(sqlite, deepAccount, sizes.deepInvoices, now, (position) => position >= sizes.deepInvoices - 3);
    })();
    sqlite.pragma('optimize');
    const deepRow = sqlite
      .prepare('select issued_at, id from invoices where customer_id = ? order by issued_at desc, id desc limit 1 offset ?')
      .get(deepAccount, sizes.pageDepth - 1) as { issued_at: string; id: string };
    return { ...sizes, deepCursor: encodeCursor('invoices', { at: deepRow.issued_at, id: deepRow.id }) };
  } finally {
    sqlite.close();
  }
}
