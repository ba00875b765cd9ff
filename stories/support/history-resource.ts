import type { DocumentSend, DocumentSent } from '../../contract/document-delivery.ts';
import type { InvoiceDetail, InvoiceList, InvoiceSummary } from '../../contract/invoice.ts';
import type { TransactionList } from '../../contract/transaction.ts';
import { acmeCustomer } from '../fixtures/customer.ts';
import { rangeDisordered, recipientInvalid } from '../fixtures/problem.ts';
import { answer, json, problemResponse } from './answers.ts';
import type { Routes } from './fixture-server.ts';

const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * A page of the rows the filters kept, as the server answers it. The cursor here is the index of
 * the next row (the server's are opaque); a range whose end is before its start is refused, as the
 * server does.
 */
function page<Row>(request: Request, rows: Row[], keep: (row: Row, query: URLSearchParams) => boolean, dateOf: (row: Row) => string): Response {
  const query = new URL(request.url).searchParams;
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '\uffff';
  if (from > to) return problemResponse(rangeDisordered);
  const kept = rows.filter((row) => keep(row, query) && dateOf(row) >= from && dateOf(row) <= to);
  const start = Number(query.get('cursor') ?? 0);
  const end = start + Number(query.get('limit') ?? 25);
  return json({ data: kept.slice(start, end), nextCursor: end < kept.length ? String(end) : null });
}

/** A made document: a few bytes of its type, under the kind of name the server gives it. */
const file = (format: string, name: string) =>
  new Response(format === 'pdf' ? '%PDF-1.7\n' : 'PK\u0003\u0004', {
    headers: {
      'Content-Type': format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${name}.${format}"`,
    },
  });

const exported = (list: string) => (request: Request) => file(new URL(request.url).searchParams.get('format')!, `acme-${list}-2026-11-27`);

/** Checks the recipients as the server does; with none given, the billing contact is sent to. */
async function send(request: Request): Promise<Response> {
  const { to } = (await request.json()) as DocumentSend;
  const refuse = (path: string, message: string) => problemResponse({ ...recipientInvalid, instance: new URL(request.url).pathname, errors: [{ path, message }] });
  if (to && to.length > 5) return refuse('to', 'At most 5 addresses.');
  const invalid = to?.findIndex((address) => !emailPattern.test(address)) ?? -1;
  if (invalid >= 0) return refuse(`to.${invalid}`, 'Use a valid email address.');
  const sent: DocumentSent = { to: to ?? [acmeCustomer.billingContact!.email], sentAt: new Date().toISOString() };
  return json(sent);
}

/** The invoice with its lines and payments: the detail given for it, or one made up from the row. */
function detailOf(invoice: InvoiceSummary, details: InvoiceDetail[]): InvoiceDetail {
  const given = details.find((detail) => detail.id === invoice.id);
  if (given) return given;
  const month = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(invoice.issuedAt));
  return {
    ...invoice,
    subtotal: invoice.total,
    tax: 0,
    lines: [
      { description: `Pro plan, ${month}`, quantity: 1, unitAmount: 4900, amount: 4900 },
      { description: `Glaxis, ${month}`, quantity: 1, unitAmount: 1500, amount: 1500 },
    ],
    payments:
      invoice.status === 'paid'
        ? [{ transactionId: `txn_for_${invoice.id}`, kind: 'payment', occurredAt: `${invoice.issuedAt}T10:00:00.000Z`, amount: invoice.total, methodLabel: 'Visa ·· 4242' }]
        : [],
  };
}

/** What <portal-invoices> calls: the list with the server's filters, each invoice, its PDF, resend, export; and the customer, for the billing contact. */
export function invoicesResource(list: InvoiceList, details: InvoiceDetail[] = []): Routes {
  const find = (id: string) => list.data.find((invoice) => invoice.id === id)!;
  return {
    'GET /v1/customer': answer(acmeCustomer),
    'GET /v1/invoices': (request) =>
      page(
        request,
        list.data,
        (invoice, query) => {
          const status = query.get('status');
          const search = query.get('q')?.toUpperCase();
          const isStatus = !status || (status === 'past_due' ? invoice.isPastDue : invoice.status === status);
          return isStatus && (!search || invoice.number.includes(search));
        },
        (invoice) => invoice.issuedAt,
      ),
    // Before {id}, which would take "export" for an id.
    'GET /v1/invoices/export': exported('invoices'),
    'GET /v1/invoices/{id}': (_, { id }) => json(detailOf(find(id!), details)),
    'GET /v1/invoices/{id}/pdf': (_, { id }) => file('pdf', `acme-${find(id!).number}`),
    'POST /v1/invoices/{id}/send': send,
  };
}

/** What <portal-transactions> calls: the list with the server's filters, resend, export; and the customer, for the billing contact. */
export function transactionsResource(list: TransactionList): Routes {
  return {
    'GET /v1/customer': answer(acmeCustomer),
    'GET /v1/transactions': (request) =>
      page(
        request,
        list.data,
        (transaction, query) => !query.get('kind') || transaction.kind === query.get('kind'),
        (transaction) => transaction.occurredAt.slice(0, 10),
      ),
    'GET /v1/transactions/export': exported('transactions'),
    'POST /v1/transactions/{id}/send': send,
  };
}
