import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InvoiceDetail, InvoiceSummary } from '../../../contract/invoice.ts';
import { issueInvoice, issueInvoices, pdfText, recordFor, walkPages } from '../support/history.ts';
import { call, callAdmin, provisionAccount } from '../support/requests.ts';
import { createTestApp } from '../support/test-app.ts';

async function setUp(env: Record<string, string> = {}) {
  const test = await createTestApp({ env });
  const account = await provisionAccount(test.app, 'acme', {
    address: { line1: '500 Main St', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
    billingContact: { name: 'Bill Ing', email: 'billing@acme.test' },
  });
  const get = (path: string) => call(test.app, 'GET', path, { token: account.siteAdmin.token });
  const list = async (query = '') => {
    const response = await get(`/v1/invoices${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as { data: InvoiceSummary[]; nextCursor: string | null };
  };
  const numbers = async (query: string) => (await walkPages<InvoiceSummary>(test.app, account.siteAdmin.token, `/v1/invoices${query}`)).rows.map((row) => row.number);
  return { ...test, account, get, list, numbers };
}

const newestFirst = (a: { issuedAt: string; id: string }, b: { issuedAt: string; id: string }) =>
  b.issuedAt.localeCompare(a.issuedAt) || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);

const fieldErrors = async (response: Response) => {
  assert.equal(response.status, 422);
  return ((await response.json()).errors as { path: string }[]).map((error) => error.path);
};

describe('GET /v1/invoices', () => {
  it('walks every invoice once, newest first, ties on a date in id order, 25 a page by default', async () => {
    const { app, account, list } = await setUp();
    const issued = await issueInvoices(app, 'acme', 30, 7);
    const firstPage = await list();
    assert.equal(firstPage.data.length, 25);
    const { rows, pages } = await walkPages<InvoiceSummary>(app, account.siteAdmin.token, '/v1/invoices?limit=4');
    assert.equal(pages, 8);
    assert.deepEqual(rows.map((row) => row.id), [...issued].sort(newestFirst).map((invoice) => invoice.id));
  });

  it('answers the row fields, with amounts in minor units and whether it is past due', async () => {
    const { app, list } = await setUp();
    await issueInvoice(app, 'acme', { issuedAt: '2026-01-05', dueAt: '2026-02-04', unitAmount: 4900, taxAmount: 392, number: 'INV-2026-7' });
    const [row] = (await list()).data;
    const { id, ...rest } = row!;
    assert.match(id, /^inv_/);
    assert.deepEqual(rest, {
      number: 'INV-2026-7',
      status: 'open',
      isPastDue: true,
      issuedAt: '2026-01-05',
      dueAt: '2026-02-04',
      currency: 'USD',
      total: 5292,
      amountPaid: 0,
      amountDue: 5292,
    });
  });

  it('loses and repeats nothing when invoices are issued while someone pages through', async () => {
    const { app, account, list } = await setUp();
    const before = await issueInvoices(app, 'acme', 12, 3);
    const first = await list('?limit=5');
    await issueInvoice(app, 'acme', { issuedAt: '2026-01-02' });
    await issueInvoice(app, 'acme', { issuedAt: '2026-12-01' });
    const rest = await walkPages<InvoiceSummary>(app, account.siteAdmin.token, '/v1/invoices?limit=5', first.nextCursor);
    const seen = [...first.data, ...rest.rows].map((row) => row.id);
    assert.equal(new Set(seen).size, seen.length, 'no invoice twice');
    for (const invoice of before) assert.ok(seen.includes(invoice.id), `${invoice.number} is not lost`);
  });

  it('filters by status as stored, with past_due for open invoices past their due date', async () => {
    const test = await setUp();
    const paid = await issueInvoice(test.app, 'acme', { issuedAt: '2026-03-01', number: 'PAID-1' });
    await issueInvoice(test.app, 'acme', { issuedAt: '2026-03-02', dueAt: '2026-04-01', number: 'LATE-1' });
    await issueInvoice(test.app, 'acme', { issuedAt: '2026-03-03', dueAt: '2099-01-01', number: 'OPEN-1' });
    const voided = await issueInvoice(test.app, 'acme', { issuedAt: '2026-03-04', number: 'VOID-1' });
    await recordFor(test, 'acme', { occurredAt: '2026-03-05T10:00:00.000Z', allocations: [{ invoiceId: paid.id, amount: 4900 }] });
    await test.db.updateTable('invoices').set({ status: 'void' }).where('id', '=', voided.id).execute();
    assert.deepEqual(await test.numbers('?status=paid'), ['PAID-1']);
    assert.deepEqual(await test.numbers('?status=open'), ['OPEN-1', 'LATE-1']);
    assert.deepEqual(await test.numbers('?status=past_due'), ['LATE-1']);
    assert.deepEqual(await test.numbers('?status=void'), ['VOID-1']);
    const late = (await test.list('?status=open')).data.map((row) => [row.number, row.isPastDue, row.amountDue]);
    assert.deepEqual(late, [['OPEN-1', false, 4900], ['LATE-1', true, 4900]]);
  });

  it('filters by issue date, both ends included', async () => {
    const { app, numbers } = await setUp();
    for (const [issuedAt, number] of [['2026-02-28', 'A'], ['2026-03-01', 'B'], ['2026-03-31', 'C'], ['2026-04-01', 'D']]) {
      await issueInvoice(app, 'acme', { issuedAt: issuedAt!, number });
    }
    assert.deepEqual(await numbers('?from=2026-03-01&to=2026-03-31'), ['C', 'B']);
    assert.deepEqual(await numbers('?from=2026-03-31'), ['D', 'C']);
    assert.deepEqual(await numbers('?to=2026-02-28'), ['A']);
  });

  it('finds invoices by any part of their number, in any case', async () => {
    const { app, numbers } = await setUp();
    for (const number of ['INV-001234', 'INV-001235', 'CN-2026/1234']) await issueInvoice(app, 'acme', { issuedAt: '2026-05-01', number });
    assert.deepEqual((await numbers('?q=1234')).sort(), ['CN-2026/1234', 'INV-001234']);
    assert.deepEqual((await numbers('?q=inv-00123')).sort(), ['INV-001234', 'INV-001235']);
    assert.deepEqual(await numbers('?q=nothing'), []);
  });

  const refusals: [string, string, string[]][] = [
    ['a limit of 0', '?limit=0', ['limit']],
    ['a limit over 100', '?limit=101', ['limit']],
    ['a limit that is not a number', '?limit=ten', ['limit']],
    ['an unknown status', '?status=overdue', ['status']],
    ['a date that is not one', '?from=2026-13-01', ['from']],
    ['a range that ends before it starts', '?from=2026-05-01&to=2026-04-30', ['to']],
    ['a search with wildcards', '?q=%25', ['q']],
    ['an unknown parameter', '?sort=asc', ['sort']],
    ['a cursor that is not base64url', '?cursor=***', ['cursor']],
    ['a tampered cursor', `?cursor=${Buffer.from('["invoices","2026-01-01","x\\" or 1=1"]').toString('base64url')}`, ['cursor']],
    ['a cursor of another list', `?cursor=${Buffer.from('["transactions","2026-01-01T00:00:00.000Z","txn_1"]').toString('base64url')}`, ['cursor']],
  ];
  for (const [what, query, paths] of refusals) {
    it(`refuses ${what} with a 422 naming the parameter`, async () => {
      const { get } = await setUp();
      assert.deepEqual(await fieldErrors(await get(`/v1/invoices${query}`)), paths);
    });
  }
});

describe('GET /v1/invoices/{id}', () => {
  it('answers the lines, totals and the payments applied, with their method', async () => {
    const test = await setUp();
    const invoice = await issueInvoice(test.app, 'acme', { issuedAt: '2026-06-01', dueAt: '2026-07-01', unitAmount: 10000, taxAmount: 800 });
    const paymentId = await recordFor(test, 'acme', { occurredAt: '2026-06-10T09:00:00.000Z', amount: 6000, allocations: [{ invoiceId: invoice.id, amount: 6000 }] });
    await recordFor(test, 'acme', { kind: 'failed_payment', status: 'failed', occurredAt: '2026-06-11T09:00:00.000Z', allocations: [{ invoiceId: invoice.id, amount: 4800 }] });
    const response = await test.get(`/v1/invoices/${invoice.id}`);
    assert.equal(response.status, 200);
    const detail = (await response.json()) as InvoiceDetail;
    assert.deepEqual(
      [detail.subtotal, detail.tax, detail.total, detail.amountPaid, detail.amountDue, detail.isPastDue],
      [10000, 800, 10800, 6000, 4800, true],
    );
    assert.deepEqual(detail.lines, [{ description: 'Pro plan', quantity: 1, unitAmount: 10000, amount: 10000 }]);
    assert.deepEqual(detail.payments, [
      { transactionId: paymentId, kind: 'payment', occurredAt: '2026-06-10T09:00:00.000Z', amount: 6000, methodLabel: 'Visa ·· 4242' },
    ]);
  });

  it('answers 404 for an id the account does not have', async () => {
    const { get } = await setUp();
    assert.equal((await get('/v1/invoices/inv_nothing')).status, 404);
  });
});

describe('GET /v1/invoices/{id}/pdf', () => {
  it('is an invoice document with vendor, customer, Customer Key, lines, totals, status and payment terms', async () => {
    const test = await setUp({ PORTAL_VENDOR_NAME: 'Vendor Software Ltd', PORTAL_VENDOR_ADDRESS: '1 Market Street, San Francisco CA 94105' });
    await callAdmin(test.app, 'POST', '/admin/v1/customers/acme/subscriptions', {
      plan: 'Pro', unitAmount: 4900, interval: 'month', startsAt: '2026-01-01', invoiceTerms: 'Monthly in advance', paymentTerms: 'Net 30',
    });
    const invoice = await issueInvoice(test.app, 'acme', { issuedAt: '2026-10-01', dueAt: '2026-10-31', unitAmount: 4900, taxAmount: 392, number: 'INV-000123' });
    await recordFor(test, 'acme', { occurredAt: '2026-10-05T09:00:00.000Z', amount: 1000, allocations: [{ invoiceId: invoice.id, amount: 1000 }] });
    const customerKey = (await (await test.get('/v1/customer')).json()).customerKey;

    const response = await test.get(`/v1/invoices/${invoice.id}/pdf`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'application/pdf');
    assert.equal(response.headers.get('Content-Disposition'), 'attachment; filename="acme-INV-000123.pdf"');
    const pdf = Buffer.from(await response.arrayBuffer());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'Vendor Software Ltd',
      '1 Market Street',
      'San Francisco CA 94105',
      'acme Inc.',
      '500 Main St',
      'Springfield, IL 62701',
      `Customer Key: ${customerKey}`,
      'INV-000123',
      'Oct 31, 2026',
      'Past due',
      'Pro plan',
      'Net 30, due Oct 31, 2026',
    ]) {
      assert.ok(text.includes(expected), `the PDF shows "${expected}"`);
    }
    assert.match(text, /Subtotal\s+\$49\.00/);
    assert.match(text, /Tax\s+\$3\.92/);
    assert.match(text, /Total\s+\$52\.92/);
    assert.match(text, /Amount paid\s+\$10\.00/);
    assert.match(text, /Amount due\s+\$42\.92/);
    assert.match(text, /Page 1 of 1/);
  });

  it('answers 404 for an id the account does not have', async () => {
    const { get } = await setUp();
    assert.equal((await get('/v1/invoices/inv_nothing/pdf')).status, 404);
  });
});
