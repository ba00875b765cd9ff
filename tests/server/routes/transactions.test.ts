import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Transaction } from '../../../contract/transaction.ts';
import { issueInvoice, recordFor, walkPages } from '../support/history.ts';
import { call, provisionAccount } from '../support/requests.ts';
import { createTestApp } from '../support/test-app.ts';

async function setUp() {
  const test = await createTestApp();
  const account = await provisionAccount(test.app, 'acme');
  const get = (path: string) => call(test.app, 'GET', path, { token: account.siteAdmin.token });
  const walk = (path: string) => walkPages<Transaction>(test.app, account.siteAdmin.token, path);
  return { ...test, account, get, walk };
}

const hour = (index: number) => new Date(Date.UTC(2026, 2, 1, index)).toISOString();

describe('GET /v1/transactions', () => {
  it('walks every transaction once, newest first, instants shared in id order', async () => {
    const test = await setUp();
    const recorded: { id: string; occurredAt: string }[] = [];
    for (let index = 0; index < 23; index++) {
      const occurredAt = hour(index % 9);
      recorded.push({ id: await recordFor(test, 'acme', { occurredAt, reference: `ch_${index}` }), occurredAt });
    }
    const { rows, pages } = await test.walk('/v1/transactions?limit=5');
    assert.equal(pages, 5);
    const expected = [...recorded].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || (b.id < a.id ? -1 : 1));
    assert.deepEqual(rows.map((row) => row.id), expected.map((row) => row.id));
  });

  it('answers kind, status, amount, method, reference, failure reason and the invoices it was for', async () => {
    const test = await setUp();
    const invoice = await issueInvoice(test.app, 'acme', { issuedAt: '2026-03-01', number: 'INV-9' });
    const id = await recordFor(test, 'acme', {
      kind: 'failed_payment',
      status: 'failed',
      occurredAt: '2026-03-02T10:00:00.000Z',
      reference: 'ch_declined',
      methodLabel: 'Mastercard ·· 4444',
      failureReason: 'The card has insufficient funds.',
      allocations: [{ invoiceId: invoice.id, amount: 4900 }],
    });
    const { data } = await (await test.get('/v1/transactions')).json();
    assert.deepEqual(data, [
      {
        id,
        kind: 'failed_payment',
        status: 'failed',
        amount: 4900,
        currency: 'USD',
        methodLabel: 'Mastercard ·· 4444',
        reference: 'ch_declined',
        failureReason: 'The card has insufficient funds.',
        occurredAt: '2026-03-02T10:00:00.000Z',
        invoices: [{ id: invoice.id, number: 'INV-9', amount: 4900 }],
      },
    ]);
  });

  it('filters by kind and by UTC day, both ends included', async () => {
    const test = await setUp();
    await recordFor(test, 'acme', { occurredAt: '2026-03-31T23:59:59.999Z', reference: 'late-march' });
    await recordFor(test, 'acme', { occurredAt: '2026-04-01T00:00:00.000Z', reference: 'april-first' });
    await recordFor(test, 'acme', { occurredAt: '2026-04-30T23:59:59.999Z', kind: 'refund', reference: 'april-refund' });
    await recordFor(test, 'acme', { occurredAt: '2026-05-01T00:00:00.000Z', kind: 'credit', methodLabel: null, reference: 'may-credit' });
    const references = async (query: string) => (await test.walk(`/v1/transactions${query}`)).rows.map((row) => row.reference);
    assert.deepEqual(await references('?from=2026-04-01&to=2026-04-30'), ['april-refund', 'april-first']);
    assert.deepEqual(await references('?kind=refund'), ['april-refund']);
    assert.deepEqual(await references('?kind=payment&to=2026-03-31'), ['late-march']);
    assert.deepEqual(await references('?kind=credit&from=2026-05-01'), ['may-credit']);
  });

  const refusals: [string, string][] = [
    ['an unknown kind', '?kind=chargeback'],
    ['a limit over 100', '?limit=1000'],
    ['a date that is not one', '?to=yesterday'],
    ['a cursor of the invoice list', `?cursor=${Buffer.from('["invoices","2026-01-01","inv_1"]').toString('base64url')}`],
    ['a cursor whose instant is not one', `?cursor=${Buffer.from('["transactions","soon","txn_1"]').toString('base64url')}`],
  ];
  for (const [what, query] of refusals) {
    it(`refuses ${what} with a 422 naming the parameter`, async () => {
      const { get } = await setUp();
      const response = await get(`/v1/transactions${query}`);
      assert.equal(response.status, 422);
      const [parameter] = query.slice(1).split('=');
      assert.deepEqual((await response.json()).errors.map((error: { path: string }) => error.path), [parameter]);
    });
  }
});
