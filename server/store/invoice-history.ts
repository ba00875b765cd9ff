import type { InvoicePayment, InvoiceStatusFilter, InvoiceSummary } from '../../contract/invoice.ts';
import { isPastDue } from '../domain/past-due.ts';
import type { PortalDb } from './database.ts';
import { precompiledQuery } from './precompiled-query.ts';
import { amountDueOf } from './invoices.ts';
import { type Keyset, type Page, toPage } from './keyset.ts';
import type { InvoiceRow } from './schema.ts';

export interface InvoiceFilters {
  status?: InvoiceStatusFilter | undefined;
  /** Issue dates, both ends included. */
  from?: string | undefined;
  to?: string | undefined;
  /** Part of the number, any case; letters, digits, "-" and "/" only, so it holds no LIKE wildcard. */
  q?: string | undefined;
}

/** Invoice cursors hold the issue date. */
export const invoiceCursorPattern = /^\d{4}-\d{2}-\d{2}$/;

type SummaryRow = Pick<InvoiceRow, 'id' | 'number' | 'status' | 'issued_at' | 'due_at' | 'currency' | 'total' | 'amount_paid'>;

const toSummary = (row: SummaryRow, today: string): InvoiceSummary => {
  const amountDue = amountDueOf(row);
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    isPastDue: isPastDue({ amountDue, dueAt: row.due_at }, today),
    issuedAt: row.issued_at,
    dueAt: row.due_at,
    currency: row.currency,
    total: row.total,
    amountPaid: row.amount_paid,
    amountDue,
  };
};

/**
 * One page of the account's invoices, newest first (issue date, then id), after `after`. The
 * keyset comparison is a row value, so the index on (customer_id, issued_at, id) — or with a status
 * filter (customer_id, status, issued_at, id) — starts the page where the last one ended.
 */
export async function listInvoicePage(
  db: PortalDb,
  customerId: string,
  filters: InvoiceFilters,
  today: string,
  after: Keyset | undefined,
  limit: number,
): Promise<Page<InvoiceSummary>> {
  const search = filters.q?.toUpperCase();
  const shape: PageShape = `${filters.status === 'past_due' ? 'past-due' : filters.status ? 'status' : 'any'}|${filters.from ? 'from' : ''}|${filters.to ? 'to' : ''}|${search ? 'search' : ''}|${after ? 'after' : ''}`;
  const fetched = await invoicePageQuery(
    db,
    {
      customerId,
      status: filters.status === 'past_due' ? 'open' : filters.status,
      today,
      from: filters.from,
      to: filters.to,
      pattern: `%${search}%`,
      afterAt: after?.at,
      afterId: after?.id,
      limit: limit + 1,
    },
    shape,
  );
  const page = toPage(fetched, limit, (row) => ({ at: row.issued_at, id: row.id }));
  return { rows: page.rows.map((row) => toSummary(row, today)), next: page.next };
}

/** Which clauses a page query has: status kind, then each optional filter and the cursor, present or not. */
type PageShape = `${'any' | 'status' | 'past-due'}|${'' | 'from'}|${'' | 'to'}|${'' | 'search'}|${'' | 'after'}`;

interface PageParams extends Record<string, unknown> {
  customerId: string;
  status: InvoiceRow['status'] | undefined;
  today: string;
  from: string | undefined;
  to: string | undefined;
  pattern: string;
  afterAt: string | undefined;
  afterId: string | undefined;
  limit: number;
}

/** The page query, compiled once per shape: it runs on every request of the invoice list. */
const invoicePageQuery = precompiledQuery<PageParams, SummaryRow, PageShape>((db, param, shape) => {
  const [statusKind, from, to, search, after] = shape.split('|');
  let query = db
    .selectFrom('invoices')
    .select(['id', 'number', 'status', 'issued_at', 'due_at', 'currency', 'total', 'amount_paid'])
    .where('customer_id', '=', param('customerId'));
  if (statusKind === 'past-due') {
    query = query.where('status', '=', param('status')!).where('due_at', '<', param('today')).whereRef('amount_paid', '<', 'total');
  } else if (statusKind === 'status') {
    query = query.where('status', '=', param('status')!);
  }
  if (from) query = query.where('issued_at', '>=', param('from')!);
  if (to) query = query.where('issued_at', '<=', param('to')!);
  if (search) query = query.where((eb) => eb(eb.fn('upper', ['number']), 'like', param('pattern')));
  if (after) query = query.where((eb) => eb(eb.refTuple('issued_at', 'id'), '<', eb.tuple(param('afterAt')!, param('afterId')!)));
  return query.orderBy('issued_at', 'desc').orderBy('id', 'desc').limit(param('limit'));
});

/** Succeeded payments and credits applied to an invoice, oldest first. */
export async function listInvoicePayments(db: PortalDb, invoiceId: string): Promise<InvoicePayment[]> {
  const rows = await db
    .selectFrom('transaction_allocations')
    .innerJoin('transactions', 'transactions.id', 'transaction_allocations.transaction_id')
    .select([
      'transactions.id',
      'transactions.kind',
      'transactions.occurred_at',
      'transactions.method_label',
      'transaction_allocations.amount',
    ])
    .where('transaction_allocations.invoice_id', '=', invoiceId)
    .where('transactions.status', '=', 'succeeded')
    .where('transactions.kind', 'in', ['payment', 'credit'])
    .orderBy('transactions.occurred_at')
    .orderBy('transactions.id')
    .execute();
  return rows.map((row) => ({
    transactionId: row.id,
    kind: row.kind as InvoicePayment['kind'],
    occurredAt: row.occurred_at,
    amount: row.amount,
    methodLabel: row.method_label,
  }));
}
