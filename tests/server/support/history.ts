import { execFileSync } from 'node:child_process';
import { type NewTransaction, recordTransaction } from '../../../server/store/transactions.ts';
import { call, callAdmin } from './requests.ts';
import type { TestApp } from './test-app.ts';

type App = TestApp['app'];

export interface IssuedInvoice {
  id: string;
  number: string;
  issuedAt: string;
}

/** Issues an invoice through the admin API; one line of `unitAmount`, due 30 days later unless given. */
export async function issueInvoice(
  app: App,
  customer: string,
  invoice: { issuedAt: string; dueAt?: string; unitAmount?: number; number?: string; taxAmount?: number },
): Promise<IssuedInvoice> {
  const response = await callAdmin(app, 'POST', `/admin/v1/customers/${customer}/invoices`, {
    issuedAt: invoice.issuedAt,
    dueAt: invoice.dueAt ?? invoice.issuedAt,
    ...(invoice.number && { number: invoice.number }),
    ...(invoice.taxAmount !== undefined && { taxAmount: invoice.taxAmount }),
    lines: [{ description: 'Pro plan', quantity: 1, unitAmount: invoice.unitAmount ?? 4900 }],
  });
  if (response.status !== 201) throw new Error(`issuing an invoice: ${response.status} ${await response.text()}`);
  const body = await response.json();
  return { id: body.id, number: body.number, issuedAt: body.issuedAt };
}

/** `count` invoices issued a day apart from 2026-01-01, cycling through `days` dates so that some share one. */
export async function issueInvoices(app: App, customer: string, count: number, days = count): Promise<IssuedInvoice[]> {
  const issued: IssuedInvoice[] = [];
  for (let index = 0; index < count; index++) {
    const date = new Date(Date.UTC(2026, 0, 1 + (index % days))).toISOString().slice(0, 10);
    issued.push(await issueInvoice(app, customer, { issuedAt: date }));
  }
  return issued;
}

/** Records a transaction for `customer` the way the payments flow does; answers its id. */
export const recordFor = (test: TestApp, customer: string, transaction: Partial<NewTransaction> & { occurredAt: string }) =>
  recordTransaction(test.db, {
    customerId: customer,
    kind: 'payment',
    status: 'succeeded',
    amount: 4900,
    currency: 'USD',
    methodLabel: 'Visa ·· 4242',
    reference: `ch_${transaction.occurredAt}`,
    allocations: [],
    ...transaction,
  });

/** Every page of a list from `cursor` on, following nextCursor; answers the rows in order and how many pages it took. */
export async function walkPages<Row>(app: App, token: string, path: string, cursor: string | null = null): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const response = await call(app, 'GET', cursor ? `${path}${separator}cursor=${cursor}` : path, { token });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { data: Row[]; nextCursor: string | null };
    rows.push(...page.data);
    pages += 1;
    cursor = page.nextCursor;
    if (pages > 1000) throw new Error(`${path}: more than 1000 pages; the cursor does not advance`);
  } while (cursor);
  return { rows, pages };
}

/** The text of a PDF as poppler's pdftotext reads it. */
export const pdfText = (pdf: Buffer, layout = true): string =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-', '-'], { input: pdf, encoding: 'utf8' });
