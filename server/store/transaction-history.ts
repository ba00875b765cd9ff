import type { Transaction, TransactionKind } from '../../contract/transaction.ts';
import { addDays } from '../domain/calendar.ts';
import type { PortalDb } from './database.ts';
import { type Keyset, type Page, toPage } from './keyset.ts';
import type { TransactionsTable } from './schema.ts';

export interface TransactionFilters {
  kind?: TransactionKind | undefined;
  /** UTC calendar dates of occurred_at, both ends included. */
  from?: string | undefined;
  to?: string | undefined;
}

/** Transaction cursors hold the ISO instant it occurred at. */
export const transactionCursorPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

type TransactionRow = Pick<
  TransactionsTable,
  'id' | 'kind' | 'status' | 'amount' | 'currency' | 'method_label' | 'reference' | 'failure_reason' | 'occurred_at'
>;

const columns = ['id', 'kind', 'status', 'amount', 'currency', 'method_label', 'reference', 'failure_reason', 'occurred_at'] as const;

/** The rows with the invoices each applies to, read in one query for the whole page. */
async function withInvoices(db: PortalDb, rows: TransactionRow[]): Promise<Transaction[]> {
  if (rows.length === 0) return [];
  const allocations = await db
    .selectFrom('transaction_allocations')
    .innerJoin('invoices', 'invoices.id', 'transaction_allocations.invoice_id')
    .select(['transaction_allocations.transaction_id', 'invoices.id', 'invoices.number', 'transaction_allocations.amount'])
    .where('transaction_allocations.transaction_id', 'in', rows.map((row) => row.id))
    .orderBy('invoices.due_at')
    .orderBy('invoices.number')
    .execute();
  const invoicesOf = new Map<string, Transaction['invoices']>();
  for (const { transaction_id, ...invoice } of allocations) {
    const invoices = invoicesOf.get(transaction_id) ?? [];
    invoices.push(invoice);
    invoicesOf.set(transaction_id, invoices);
  }
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    methodLabel: row.method_label,
    reference: row.reference,
    failureReason: row.failure_reason,
    occurredAt: row.occurred_at,
    invoices: invoicesOf.get(row.id) ?? [],
  }));
}

/** One page of the account's transactions, newest first (occurred_at, then id), after `after`. */
export async function listTransactionPage(
  db: PortalDb,
  customerId: string,
  filters: TransactionFilters,
  after: Keyset | undefined,
  limit: number,
): Promise<Page<Transaction>> {
  let query = db.selectFrom('transactions').select(columns).where('customer_id', '=', customerId);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.from) query = query.where('occurred_at', '>=', filters.from);
  if (filters.to) query = query.where('occurred_at', '<', addDays(filters.to, 1));
  if (after) query = query.where((eb) => eb(eb.refTuple('occurred_at', 'id'), '<', eb.tuple(after.at, after.id)));
  const fetched = await query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const page = toPage(fetched, limit, (row) => ({ at: row.occurred_at, id: row.id }));
  return { rows: await withInvoices(db, page.rows), next: page.next };
}

export async function findTransaction(db: PortalDb, customerId: string, transactionId: string): Promise<Transaction | undefined> {
  const row = await db
    .selectFrom('transactions')
    .select(columns)
    .where('customer_id', '=', customerId)
    .where('id', '=', transactionId)
    .executeTakeFirst();
  return row ? (await withInvoices(db, [row]))[0] : undefined;
}
