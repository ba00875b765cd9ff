import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import XLSX from 'sheetjs-style';
import { issueInvoice, issueInvoices, pdfText, recordFor } from '../support/history.ts';
import { call, provisionAccount } from '../support/requests.ts';
import { createTestApp } from '../support/test-app.ts';

const BundledZip = createRequire(import.meta.url)('sheetjs-style/jszip.js') as new (data: Buffer) => {
  file(name: string): { asText(): string } | null;
};

async function setUp(account: Record<string, unknown> = {}) {
  const test = await createTestApp();
  const { siteAdmin } = await provisionAccount(test.app, 'acme', account);
  const download = async (path: string) => {
    const response = await call(test.app, 'GET', path, { token: siteAdmin.token });
    assert.equal(response.status, 200, await response.clone().text());
    return { response, body: Buffer.from(await response.arrayBuffer()) };
  };
  return { ...test, download, token: siteAdmin.token };
}

const readSheet = (body: Buffer) => {
  const workbook = XLSX.read(body, { type: 'buffer', cellDates: true, cellNF: true });
  return workbook.Sheets[workbook.SheetNames[0]!]!;
};

const sheetXml = (body: Buffer) => new BundledZip(body).file('xl/worksheets/sheet1.xml')!.asText();

const today = new Date().toISOString().slice(0, 10);

describe('GET /v1/invoices/export?format=xlsx', () => {
  it('holds every invoice the filters select, not one page, as real number and date cells', async () => {
    const test = await setUp();
    await issueInvoices(test.app, 'acme', 130, 40);
    const paid = await issueInvoice(test.app, 'acme', { issuedAt: '2026-09-01', number: 'PAID-1', unitAmount: 123456 });
    await recordFor(test, 'acme', { occurredAt: '2026-09-02T10:00:00.000Z', amount: 123456, allocations: [{ invoiceId: paid.id, amount: 123456 }] });

    const { response, body } = await test.download('/v1/invoices/export?format=xlsx');
    assert.equal(response.headers.get('Content-Type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(response.headers.get('Content-Disposition'), `attachment; filename="acme-invoices-${today}.xlsx"`);
    const sheet = readSheet(body);
    assert.equal(XLSX.utils.sheet_to_json(sheet).length, 131);
    assert.deepEqual(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1'].map((ref) => sheet[ref]?.v), [
      'Number', 'Issued', 'Due', 'Status', 'Total', 'Paid', 'Amount due', 'Currency',
    ]);
    // Newest first: the paid invoice of September leads.
    assert.equal(sheet.A2?.v, 'PAID-1');
    assert.equal(sheet.E2?.t, 'n');
    assert.equal(sheet.E2?.v, 1234.56);
    assert.equal(sheet.E2?.z, '"$"#,##0.00');
    assert.equal(sheet.E2?.w, '$1,234.56');
    assert.equal(sheet.B2?.t, 'd');
    assert.equal((sheet.B2?.v as Date).toISOString(), '2026-09-01T00:00:00.000Z');
    assert.equal(sheet.D2?.v, 'Paid');
  });

  it('freezes the styled header row and sets the column widths', async () => {
    const test = await setUp();
    await issueInvoices(test.app, 'acme', 3);
    const { body } = await test.download('/v1/invoices/export?format=xlsx');
    const xml = sheetXml(body);
    assert.match(xml, /<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    assert.match(xml, /<col min="1" max="1" width="16\.\d+" customWidth="1"\/>/);
    const workbook = XLSX.read(body, { type: 'buffer', cellStyles: true });
    const header = workbook.Sheets.Invoices!.A1 as unknown as { s: { fgColor?: { rgb: string } } };
    assert.equal(header.s.fgColor?.rgb, '1F4E79');
  });

  it('applies the same filters as the list', async () => {
    const test = await setUp();
    for (const [issuedAt, number] of [['2026-02-01', 'FEB'], ['2026-03-01', 'MAR'], ['2026-04-01', 'APR']]) {
      await issueInvoice(test.app, 'acme', { issuedAt: issuedAt!, number });
    }
    const { body } = await test.download('/v1/invoices/export?format=xlsx&from=2026-02-15&q=r');
    assert.deepEqual(XLSX.utils.sheet_to_json<{ Number: string }>(readSheet(body)).map((row) => row.Number), ['APR', 'MAR']);
  });

  it('writes amounts in the currency and locale of the account', async () => {
    const test = await setUp({ currency: 'EUR', locale: 'de-DE' });
    await issueInvoice(test.app, 'acme', { issuedAt: '2026-02-01', unitAmount: 4900 });
    const sheet = readSheet((await test.download('/v1/invoices/export?format=xlsx')).body);
    assert.deepEqual([sheet.E2?.t, sheet.E2?.v, sheet.E2?.z], ['n', 49, '#,##0.00"\u00a0€"']);
  });
});

describe('GET /v1/transactions/export?format=xlsx', () => {
  it('writes each transaction with its instant as a date-time cell and its invoices', async () => {
    const test = await setUp();
    const invoice = await issueInvoice(test.app, 'acme', { issuedAt: '2026-03-01', number: 'INV-1' });
    await recordFor(test, 'acme', { occurredAt: '2026-03-02T10:30:00.000Z', reference: 'ch_1', allocations: [{ invoiceId: invoice.id, amount: 4900 }] });
    await recordFor(test, 'acme', { occurredAt: '2026-03-03T08:00:00.000Z', kind: 'refund', amount: 900, reference: 're_1' });
    const { response, body } = await test.download('/v1/transactions/export?format=xlsx');
    assert.equal(response.headers.get('Content-Disposition'), `attachment; filename="acme-transactions-${today}.xlsx"`);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(readSheet(body));
    assert.deepEqual(
      rows.map((row) => [(row['Date (UTC)'] as Date).toISOString(), row.Type, row.Amount, row.Reference, row.Invoices]),
      [
        ['2026-03-03T08:00:00.000Z', 'Refund', 9, 're_1', undefined],
        ['2026-03-02T10:30:00.000Z', 'Payment', 49, 'ch_1', 'INV-1'],
      ],
    );
  });
});

describe('PDF exports', () => {
  it('list every invoice, a header row on each page, pages numbered "Page n of m"', async () => {
    const test = await setUp();
    const issued = await issueInvoices(test.app, 'acme', 300, 90);
    const { response, body } = await test.download('/v1/invoices/export?format=pdf');
    assert.equal(response.headers.get('Content-Type'), 'application/pdf');
    assert.equal(response.headers.get('Content-Disposition'), `attachment; filename="acme-invoices-${today}.pdf"`);
    const text = pdfText(body);
    for (const invoice of issued) assert.ok(text.includes(invoice.number), `${invoice.number} is in the PDF`);
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    assert.ok(pages > 1, 'several pages');
    assert.equal(text.match(/Number\s+Issued\s+Due\s+Status\s+Total\s+Paid\s+Amount due/g)?.length, pages);
    assert.match(text, new RegExp(`Page ${pages} of ${pages}`));
  });

  it('list transactions with method, reference and failure reason', async () => {
    const test = await setUp();
    await recordFor(test, 'acme', {
      kind: 'failed_payment',
      status: 'failed',
      occurredAt: '2026-03-02T10:00:00.000Z',
      reference: 'ch_declined_1',
      failureReason: 'Insufficient funds.',
    });
    const text = pdfText((await test.download('/v1/transactions/export?format=pdf&kind=failed_payment')).body);
    for (const expected of ['Transactions', 'Only failed payments', '2026-03-02 10:00', 'Failed payment', 'Visa ·· 4242', 'ch_declined_1', 'Insufficient funds.', 'Page 1 of 1']) {
      assert.ok(text.includes(expected), `the PDF shows "${expected}"`);
    }
  });

  it('say so when nothing matches', async () => {
    const test = await setUp();
    const text = pdfText((await test.download('/v1/invoices/export?format=pdf&status=void')).body);
    assert.match(text, /No invoices match these filters\./);
    assert.match(text, /Status: void/);
  });
});

describe('export requests', () => {
  for (const [query, path] of [['', 'format'], ['?format=csv', 'format'], ['?format=pdf&cursor=abc', 'cursor'], ['?format=pdf&limit=5', 'limit']]) {
    it(`refuse "${query}" with a 422 on ${path}`, async () => {
      const test = await setUp();
      const response = await call(test.app, 'GET', `/v1/invoices/export${query}`, { token: test.token });
      assert.equal(response.status, 422);
      assert.deepEqual((await response.json()).errors.map((error: { path: string }) => error.path), [path]);
    });
  }
});
