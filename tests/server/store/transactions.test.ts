import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type NewTransaction, recordTransaction } from '../../../server/store/transactions.ts';
import { callAdmin, provisionAccount } from '../support/requests.ts';
import { createTestApp } from '../support/test-app.ts';

async function setUp() {
  const test = await createTestApp();
  await provisionAccount(test.app, 'acme');
  await provisionAccount(test.app, 'other', { currency: 'EUR' });
  const issue = async (customer: string, unitAmount: number) => {
    const response = await callAdmin(test.app, 'POST', `/admin/v1/customers/${customer}/invoices`, {
      issuedAt: '2026-10-01',
      dueAt: '2026-10-31',
      lines: [{ description: 'Plan', quantity: 1, unitAmount }],
    });
    return (await response.json()).id as string;
  };
  const invoiceState = (id: string) =>
    test.db.selectFrom('invoices').select(['status', 'amount_paid', 'paid_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const transactionCount = async () =>
    (await test.db.selectFrom('transactions').select('id').execute()).length +
    (await test.db.selectFrom('transaction_allocations').select('invoice_id').execute()).length;
  return { ...test, issue, invoiceState, transactionCount };
}

const payment = (invoiceId: string, amount: number, overrides: Partial<NewTransaction> = {}): NewTransaction => ({
  customerId: 'acme',
  kind: 'payment',
  status: 'succeeded',
  amount,
  currency: 'USD',
  methodLabel: 'Visa ·· 4242',
  reference: 'ch_1',
  occurredAt: '2026-10-05T12:00:00.000Z',
  allocations: [{ invoiceId, amount }],
  ...overrides,
});

describe('recordTransaction', () => {
  it('pays an invoice in parts and marks it paid when covered', async () => {
    const { db, issue, invoiceState } = await setUp();
    const invoice = await issue('acme', 5000);
    await recordTransaction(db, payment(invoice, 2000));
    assert.deepEqual(await invoiceState(invoice), { status: 'open', amount_paid: 2000, paid_at: null });
    await recordTransaction(db, payment(invoice, 3000, { occurredAt: '2026-10-09T12:00:00.000Z' }));
    assert.deepEqual(await invoiceState(invoice), { status: 'paid', amount_paid: 5000, paid_at: '2026-10-09T12:00:00.000Z' });
  });

  it('leaves the invoice as it was for a failed attempt', async () => {
    const { db, issue, invoiceState } = await setUp();
    const invoice = await issue('acme', 5000);
    await recordTransaction(db, payment(invoice, 5000, { kind: 'failed_payment', status: 'failed', failureReason: 'Declined.' }));
    assert.deepEqual(await invoiceState(invoice), { status: 'open', amount_paid: 0, paid_at: null });
  });

  const refusals: [string, (ids: { acme: string; other: string }) => NewTransaction, RegExp][] = [
    ['paying an invoice beyond its total', ({ acme }) => payment(acme, 5001), /cannot take/],
    ['another customer’s invoice', ({ other }) => payment(other, 100), /is not one of customer acme/],
    ['an invoice in another currency', ({ acme }) => payment(acme, 100, { currency: 'EUR' }), /is in USD, not EUR/],
    ['a refund that claims to pay invoices', ({ acme }) => payment(acme, 100, { kind: 'refund' }), /refund carries no allocations/],
    ['allocations above the amount', ({ acme }) => ({ ...payment(acme, 100), allocations: [{ invoiceId: acme, amount: 200 }] }), /exceed/],
    ['an amount that is not a positive whole number', ({ acme }) => payment(acme, 10.5), /positive integer/],
  ];
  for (const [what, transaction, message] of refusals) {
    it(`refuses ${what} and writes nothing`, async () => {
      const { db, issue, invoiceState, transactionCount } = await setUp();
      const ids = { acme: await issue('acme', 5000), other: await issue('other', 5000) };
      await assert.rejects(recordTransaction(db, transaction(ids)), message);
      assert.equal(await transactionCount(), 0);
      assert.deepEqual(await invoiceState(ids.acme), { status: 'open', amount_paid: 0, paid_at: null });
    });
  }

  it('rolls back every allocation when a later one fails', async () => {
    const { db, issue, invoiceState, transactionCount } = await setUp();
    const first = await issue('acme', 1000);
    const second = await issue('acme', 1000);
    const transaction = { ...payment(first, 2500), allocations: [{ invoiceId: first, amount: 1000 }, { invoiceId: second, amount: 1500 }] };
    await assert.rejects(recordTransaction(db, transaction), /cannot take/);
    assert.equal(await transactionCount(), 0);
    assert.deepEqual(await invoiceState(first), { status: 'open', amount_paid: 0, paid_at: null });
  });

  it('joins the caller’s transaction, so the caller’s rollback undoes it', async () => {
    const { db, issue, transactionCount } = await setUp();
    const invoice = await issue('acme', 1000);
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await recordTransaction(trx, payment(invoice, 1000));
        throw new Error('the caller changed its mind');
      }),
      /changed its mind/,
    );
    assert.equal(await transactionCount(), 0);
  });
});
