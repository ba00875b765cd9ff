import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../../server/domain/calendar.ts';
import { seedDemoData } from '../../server/seed/seed-demo-data.ts';
import type { PortalDb } from '../../server/store/database.ts';
import { call, callAdmin } from './support/requests.ts';
import { createTestApp } from './support/test-app.ts';
import { mintToken } from './support/tokens.ts';

// The last day of a month: Northwind's newest invoice (Net 30 from the 1st) falls due on it.
const today = '2026-12-31';
const now = new Date(`${today}T15:00:00Z`);

async function seeded() {
  const test = await createTestApp();
  test.clock.set(now.toISOString());
  const summary = await seedDemoData(test.db, test.config, now);
  return { ...test, summary };
}

const standingOf = async (test: Awaited<ReturnType<typeof seeded>>, customerId: string) => {
  const response = await callAdmin(test.app, 'GET', `/admin/v1/customers/${customerId}/standing`);
  assert.equal(response.status, 200);
  return response.json();
};

const invoicesOf = (db: PortalDb, customerId: string) =>
  db.selectFrom('invoices').selectAll().where('customer_id', '=', customerId).orderBy('issued_at').execute();

async function countRows(db: PortalDb) {
  const tables = ['customers', 'users', 'portal_grants', 'subscriptions', 'invoices', 'transactions', 'transaction_allocations', 'payment_methods', 'audit_log'] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    counts[table] = row.count;
  }
  return counts;
}

describe('the demo seed', () => {
  it('leaves Northwind in good standing, its current invoice due soon, as the admin standing route reports', async () => {
    const standing = await standingOf(await seeded(), 'northwind');
    assert.equal(standing.status, 'due_soon');
    assert.equal(standing.nextDueAt, today);
    assert.equal(standing.balanceDue, 6400);
    assert.equal(standing.pastDueAmount, 0);
  });

  it('leaves Globex locked under the default 14-day grace period', async () => {
    const standing = await standingOf(await seeded(), 'globex');
    assert.equal(standing.status, 'locked');
    assert.equal(standing.currency, 'EUR');
    assert.ok(standing.lockAt <= today);
  });

  it('gives Northwind twelve monthly invoices, all paid but the current month’s, which is open and not overdue', async () => {
    const invoices = await invoicesOf((await seeded()).db, 'northwind');
    assert.equal(invoices.length, 12);
    assert.equal(new Set(invoices.map((invoice) => invoice.issued_at.slice(0, 7))).size, 12);
    const current = invoices.at(-1)!;
    assert.equal(current.issued_at, '2026-12-01');
    assert.equal(current.status, 'open');
    assert.equal(current.amount_paid, 0);
    assert.ok(current.due_at >= today);
    assert.ok(invoices.slice(0, -1).every((invoice) => invoice.status === 'paid' && invoice.amount_paid === invoice.total));
  });

  it('leaves Globex’s last three invoices unpaid and more than 14 days overdue', async () => {
    const invoices = await invoicesOf((await seeded()).db, 'globex');
    assert.equal(invoices.length, 12);
    const unpaid = invoices.filter((invoice) => invoice.status === 'open');
    assert.deepEqual(unpaid, invoices.slice(-3));
    assert.ok(unpaid.every((invoice) => invoice.amount_paid === 0 && addDays(invoice.due_at, 14) < today));
  });

  it('records every kind of transaction: payment, failed payment, refund and credit', async () => {
    const { db } = await seeded();
    const kinds = await db.selectFrom('transactions').select(['kind', 'status']).distinct().orderBy('kind').execute();
    assert.deepEqual(kinds, [
      { kind: 'credit', status: 'succeeded' },
      { kind: 'failed_payment', status: 'failed' },
      { kind: 'payment', status: 'succeeded' },
      { kind: 'refund', status: 'succeeded' },
    ]);
  });

  it('pays each invoice exactly what succeeded payments and credits allocated to it, never beyond its total', async () => {
    const { db } = await seeded();
    const invoices = await db.selectFrom('invoices').select(['number', 'total', 'amount_paid']).execute();
    const settled = await db
      .selectFrom('transaction_allocations')
      .innerJoin('transactions', 'transactions.id', 'transaction_allocations.transaction_id')
      .innerJoin('invoices', 'invoices.id', 'transaction_allocations.invoice_id')
      .select(['invoices.number', 'transaction_allocations.amount'])
      .where('transactions.status', '=', 'succeeded')
      .where('transactions.kind', 'in', ['payment', 'credit'])
      .execute();
    for (const invoice of invoices) {
      const allocated = settled.filter((row) => row.number === invoice.number).reduce((sum, row) => sum + row.amount, 0);
      assert.equal(invoice.amount_paid, allocated, invoice.number);
      assert.ok(invoice.amount_paid <= invoice.total, invoice.number);
    }
  });

  it('gives each demo user the Customer Portal View the demo needs, as GET /v1/me reports', async () => {
    const { app } = await seeded();
    const expected = {
      'northwind/northwind-admin': true,
      'northwind/northwind-billing': true,
      'northwind/northwind-viewer': false,
      'globex/globex-admin': true,
      'globex/globex-user': false,
    };
    const actual: Record<string, boolean> = {};
    for (const user of Object.keys(expected)) {
      const [customer, sub] = user.split('/') as [string, string];
      const response = await call(app, 'GET', '/v1/me', { token: await mintToken({ sub, customer, exp: now.getTime() / 1000 + 600 }) });
      assert.equal(response.status, 200);
      actual[user] = (await response.json()).hasPortalAccess;
    }
    assert.deepEqual(actual, expected);
  });

  it('puts cards on file: Northwind a Visa as default and a Mastercard, Globex a card every charge on which is declined', async () => {
    const { app, db, paymentGateway } = await seeded();
    const cardsOf = async (customer: string) => {
      const token = await mintToken({ sub: `${customer}-admin`, customer, exp: now.getTime() / 1000 + 600 });
      const list = await (await call(app, 'GET', '/v1/payment-methods', { token })).json();
      return list.data.map((method: Record<string, unknown>) => [method.brand, method.last4, method.isDefault, method.isExpired]);
    };
    assert.deepEqual(await cardsOf('northwind'), [
      ['visa', '4242', true, false],
      ['mastercard', '4444', false, false],
    ]);
    assert.deepEqual(await cardsOf('globex'), [['visa', '9995', true, false]]);
    const globexCard = await db.selectFrom('payment_methods').select('token').where('customer_id', '=', 'globex').executeTakeFirstOrThrow();
    const charge = await paymentGateway.charge({ token: globexCard.token, amount: 100, currency: 'EUR', idempotencyKey: 'seed-test', description: 'Globex' });
    assert.deepEqual(charge.status === 'failed' && charge.declineCode, 'insufficient_funds');
  });

  it('changes nothing when run a second time, and says so', async () => {
    const { db, config } = await seeded();
    const before = await countRows(db);
    const second = await seedDemoData(db, config, now);
    assert.deepEqual(second.seededIds, []);
    assert.deepEqual(await countRows(db), before);
  });
});
