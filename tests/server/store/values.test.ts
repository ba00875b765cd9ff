import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recordAudit } from '../../../server/store/audit.ts';
import { insertInvoice } from '../../../server/store/invoices.ts';
import { openTestDatabase } from '../support/test-database.ts';

// Run on SQLite and, in npm run test:postgres, on PostgreSQL: both must answer the same values.
async function withCustomer() {
  const db = await openTestDatabase();
  const at = '2026-11-27T12:00:00.123Z';
  await db.insertInto('customers').values({ id: 'acme', customer_key: 'CK-1', company_name: 'Acme', currency: 'USD', locale: 'en-US', created_at: at, updated_at: at }).execute();
  return { db, at };
}

describe('stored values', () => {
  it('keep money beyond 32 bits as exact numbers, and sums and counts of it as numbers too', async () => {
    const { db, at } = await withCustomer();
    const unitAmount = 4_000_000_000_00;
    for (const day of ['01', '02']) {
      await insertInvoice(db, 'acme', 'USD', { issuedAt: `2026-10-${day}`, dueAt: '2026-10-31', taxAmount: 0, lines: [{ description: 'Big', quantity: 1, unitAmount }] }, at);
    }
    const invoice = await db.selectFrom('invoices').select(['total', 'amount_paid']).executeTakeFirstOrThrow();
    assert.deepEqual(invoice, { total: unitAmount, amount_paid: 0 });
    const totals = await db
      .selectFrom('invoices')
      .select((eb) => [eb.fn.sum<number>('total').as('sum'), eb.fn.countAll<number>().as('count')])
      .executeTakeFirstOrThrow();
    assert.deepEqual(totals, { sum: 2 * unitAmount, count: 2 });
    await db.destroy();
  });

  it('keep timestamps as the ISO text they were given, milliseconds included, and compare them as text', async () => {
    const { db, at } = await withCustomer();
    const customer = await db.selectFrom('customers').select(['created_at']).where('created_at', '>', '2026-11-27T12:00:00.100Z').executeTakeFirstOrThrow();
    assert.equal(customer.created_at, at);
    await db.destroy();
  });

  it('keep JSON as the text written, and give it back whole', async () => {
    const { db, at } = await withCustomer();
    const after = { companyName: 'Ácme “Ltd”', contacts: [{ name: 'Zoë', email: 'zoe@acme.test' }], total: 4900 };
    await recordAudit(db, { customerId: 'acme', actor: 'u-1', action: 'customer.updated', after, at });
    const row = await db.selectFrom('audit_log').select(['after_json', 'before_json']).executeTakeFirstOrThrow();
    assert.equal(row.after_json, JSON.stringify(after));
    assert.deepEqual(JSON.parse(row.after_json!), after);
    assert.equal(row.before_json, null);
    await db.destroy();
  });
});
