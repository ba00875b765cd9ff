import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { takeRateLimit } from '../../server/store/rate-limits.ts';
import { addPaymentMethod, cardDetails } from './support/payment-methods.ts';
import { call, callAdmin, provisionAccount } from './support/requests.ts';
import { createTestApp } from './support/test-app.ts';
import { openTestDatabase } from './support/test-database.ts';

// On PostgreSQL (npm run test:postgres) these requests really overlap, each on a pooled connection
// of its own; on SQLite they queue for the one connection. Either way the outcome must be the same.
const times = <T>(count: number, make: (index: number) => T | Promise<T>) => Promise.all(Array.from({ length: count }, async (_, index) => make(index)));

describe('requests at the same moment', () => {
  it('count against a rate limit one by one: of ten attempts at once, exactly the limit get through', async () => {
    const db = await openTestDatabase();
    const now = new Date('2026-11-27T12:00:00.000Z');
    const waits = await times(10, () => takeRateLimit(db, { bucket: 'resend:acme:u-1', limit: 3, windowSeconds: 600 }, now));
    assert.equal(waits.filter((wait) => wait === 0).length, 3);
    assert.equal(await db.selectFrom('rate_limit_hits').select('at').execute().then((rows) => rows.length), 3);
    await db.destroy();
  });

  it('save the customer once under one ETag: one 200, the others 412, the version one higher', async () => {
    const { app, db } = await createTestApp();
    const account = await provisionAccount(app, 'acme');
    const responses = await times(6, (index) =>
      call(app, 'PATCH', '/v1/customer', { token: account.siteAdmin.token, body: { companyName: `Acme ${index}` }, headers: { 'If-Match': '"1"' } }),
    );
    assert.deepEqual(responses.map((response) => response.status).sort(), [200, 412, 412, 412, 412, 412]);
    const saved = await db.selectFrom('customers').select(['version', 'company_name']).where('id', '=', 'acme').executeTakeFirstOrThrow();
    assert.equal(saved.version, 2);
    const winner = responses.find((response) => response.status === 200)!;
    assert.equal((await winner.json()).companyName, saved.company_name);
  });

  it('pay an account once even under different Idempotency-Keys: one charge, the others told a payment is running', async () => {
    const { app, db } = await createTestApp();
    const account = await provisionAccount(app, 'acme');
    await callAdmin(app, 'POST', '/admin/v1/customers/acme/invoices', {
      issuedAt: '2026-09-01',
      dueAt: '2026-10-01',
      lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }],
    });
    const card = await addPaymentMethod(app, account.siteAdmin.token, cardDetails('4242424242424242'));
    const responses = await times(4, (index) =>
      call(app, 'POST', '/v1/payments', { token: account.siteAdmin.token, body: { paymentMethodId: card.id }, headers: { 'Idempotency-Key': `key-${index}` } }),
    );
    const statuses = responses.map((response) => response.status);
    assert.equal(statuses.filter((status) => status === 201).length, 1, statuses.join());
    // A request that came after the payment finished finds nothing left to pay (422); one during it, 409.
    assert.ok(statuses.every((status) => [201, 409, 422].includes(status)), statuses.join());
    assert.equal((await db.selectFrom('sandbox_charges').selectAll().execute()).length, 1);
  });

  it('issue an invoice number once: one 201, the others 409', async () => {
    const { app, db } = await createTestApp();
    await provisionAccount(app, 'acme');
    const responses = await times(4, () =>
      callAdmin(app, 'POST', '/admin/v1/customers/acme/invoices', {
        number: 'INV-2026-001',
        issuedAt: '2026-09-01',
        dueAt: '2026-10-01',
        lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }],
      }),
    );
    assert.deepEqual(responses.map((response) => response.status).sort(), [201, 409, 409, 409]);
    assert.equal((await db.selectFrom('invoices').select('id').execute()).length, 1);
  });

  it('add the same card once: one 201, the others told it is already on file', async () => {
    const { app, db } = await createTestApp();
    const account = await provisionAccount(app, 'acme');
    const tokens = await times(4, async () => {
      const response = await call(app, 'POST', '/sandbox-gateway/v1/tokens', { body: cardDetails('4242424242424242') });
      return (await response.json()).token as string;
    });
    const responses = await times(4, (index) => call(app, 'POST', '/v1/payment-methods', { token: account.siteAdmin.token, body: { token: tokens[index] } }));
    assert.deepEqual(responses.map((response) => response.status).sort(), [201, 409, 409, 409]);
    const methods = await db.selectFrom('payment_methods').select('is_default').execute();
    assert.deepEqual(methods, [{ is_default: 1 }]);
  });
});
