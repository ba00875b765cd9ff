import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemType } from '../../../../contract/problem.ts';
import { call, callAdmin, provisionAccount } from '../../support/requests.ts';
import { createTestApp } from '../../support/test-app.ts';

const acme = {
  id: 'acme',
  companyName: 'Acme Inc.',
  currency: 'USD',
  locale: 'en-US',
  siteAdmin: { sub: 'u-100', name: 'Ada Admin', email: 'ada@acme.test' },
};

const proSubscription = {
  plan: 'Pro',
  unitAmount: 4900,
  interval: 'month',
  startsAt: '2026-01-01',
  invoiceTerms: 'Invoiced monthly in advance',
  paymentTerms: 'Net 30',
  features: [
    { name: 'Glaxis', unitAmount: 1500, active: true },
    { name: 'Web API', unitAmount: 2500, active: false },
  ],
};

describe('the admin API', () => {
  it('refuses calls without the admin key, with another key, or with a user token', async () => {
    const { app } = await createTestApp();
    const account = await provisionAccount(app, 'acme');
    const attempts = [
      await call(app, 'GET', '/admin/v1/customers/acme/standing'),
      await call(app, 'GET', '/admin/v1/customers/acme/standing', { token: 'test-admin-key-that-is-long-enough-012345678X' }),
      await call(app, 'GET', '/admin/v1/customers/acme/standing', { token: 'short' }),
      await call(app, 'GET', '/admin/v1/customers/acme/standing', { token: account.siteAdmin.token }),
    ];
    for (const response of attempts) {
      assert.equal(response.status, 401);
      assert.equal((await response.json()).type, problemType('unauthorized'));
    }
  });

  it('provisions a customer with its Site Admin and a generated Customer Key', async () => {
    const { app, db } = await createTestApp();
    const response = await callAdmin(app, 'POST', '/admin/v1/customers', acme);
    assert.equal(response.status, 201);
    const customer = await response.json();
    assert.equal(customer.id, 'acme');
    assert.match(customer.customerKey, /^CK-/);
    assert.deepEqual(customer.siteAdmin, acme.siteAdmin);
    const siteAdmin = await db.selectFrom('users').selectAll().where('subject', '=', 'u-100').executeTakeFirstOrThrow();
    assert.deepEqual([siteAdmin.customer_id, siteAdmin.is_site_admin], ['acme', 1]);
    const audit = await db.selectFrom('audit_log').select(['actor', 'action']).executeTakeFirstOrThrow();
    assert.deepEqual(audit, { actor: 'admin-api', action: 'customer.provisioned' });
  });

  it('refuses to provision the same id twice', async () => {
    const { app } = await createTestApp();
    await callAdmin(app, 'POST', '/admin/v1/customers', acme);
    const response = await callAdmin(app, 'POST', '/admin/v1/customers', { ...acme, companyName: 'Other' });
    assert.equal(response.status, 409);
    assert.match((await response.json()).detail, /already exists/);
  });

  it('refuses an unknown currency, a bad locale and a Site Admin without email, naming each', async () => {
    const { app } = await createTestApp();
    const response = await callAdmin(app, 'POST', '/admin/v1/customers', {
      ...acme,
      currency: 'XYZ',
      locale: 'not a locale!',
      siteAdmin: { sub: 'u-100', name: 'Ada' },
    });
    assert.equal(response.status, 422);
    assert.deepEqual(
      (await response.json()).errors.map((error: { path: string }) => error.path),
      ['currency', 'locale', 'siteAdmin.email'],
    );
  });

  it('adds a subscription; inactive features are offered as add-ons', async () => {
    const { app, clock } = await createTestApp();
    await callAdmin(app, 'POST', '/admin/v1/customers', acme);
    clock.set('2026-11-27T12:00:00Z');
    const response = await callAdmin(app, 'POST', '/admin/v1/customers/acme/subscriptions', proSubscription);
    assert.equal(response.status, 201);
    const subscription = await response.json();
    assert.deepEqual(
      { ...subscription, id: undefined },
      {
        id: undefined,
        plan: 'Pro',
        status: 'active',
        unitAmount: 4900,
        currency: 'USD',
        interval: 'month',
        startsAt: '2026-01-01',
        nextInvoiceAt: '2026-12-01',
        invoiceTerms: 'Invoiced monthly in advance',
        paymentTerms: 'Net 30',
        features: [
          { name: 'Glaxis', unitAmount: 1500, isActive: true },
          { name: 'Web API', unitAmount: 2500, isActive: false },
        ],
      },
    );
    const token = (await provisionAccount(app, 'other')).siteAdmin.token;
    assert.deepEqual((await (await call(app, 'GET', '/v1/subscriptions', { token })).json()).data, []);
  });

  it('refuses a subscription with a feature listed twice or a negative rate', async () => {
    const { app } = await createTestApp();
    await callAdmin(app, 'POST', '/admin/v1/customers', acme);
    const response = await callAdmin(app, 'POST', '/admin/v1/customers/acme/subscriptions', {
      ...proSubscription,
      unitAmount: -1,
      features: [proSubscription.features[0], proSubscription.features[0]],
    });
    assert.deepEqual(
      (await response.json()).errors.map((error: { path: string }) => error.path),
      ['unitAmount', 'features'],
    );
  });

  it('issues an invoice with a generated number, totals in minor units, in the customer’s currency', async () => {
    const { app } = await createTestApp();
    await callAdmin(app, 'POST', '/admin/v1/customers', acme);
    const invoiceBody = {
      issuedAt: '2026-10-01',
      dueAt: '2026-10-31',
      taxAmount: 441,
      lines: [
        { description: 'Pro plan', quantity: 1, unitAmount: 4900 },
        { description: 'Extra seats', quantity: 3, unitAmount: 700 },
      ],
    };
    const first = await (await callAdmin(app, 'POST', '/admin/v1/customers/acme/invoices', invoiceBody)).json();
    const second = await (await callAdmin(app, 'POST', '/admin/v1/customers/acme/invoices', invoiceBody)).json();
    assert.deepEqual(
      [first.number, first.subtotal, first.tax, first.total, first.amountDue, first.currency, first.status],
      ['INV-000001', 7000, 441, 7441, 7441, 'USD', 'open'],
    );
    assert.equal(second.number, 'INV-000002');
    assert.deepEqual(first.lines[1], { description: 'Extra seats', quantity: 3, unitAmount: 700, amount: 2100 });
  });

  it('refuses an invoice number used before, and a due date before the issue date', async () => {
    const { app } = await createTestApp();
    await callAdmin(app, 'POST', '/admin/v1/customers', acme);
    const body = { number: 'A-1', issuedAt: '2026-10-01', dueAt: '2026-10-31', lines: [{ description: 'x', quantity: 1, unitAmount: 1 }] };
    assert.equal((await callAdmin(app, 'POST', '/admin/v1/customers/acme/invoices', body)).status, 201);
    const duplicate = await callAdmin(app, 'POST', '/admin/v1/customers/acme/invoices', body);
    assert.equal(duplicate.status, 409);
    assert.equal((await duplicate.json()).errors[0].path, 'number');
    const backwards = await callAdmin(app, 'POST', '/admin/v1/customers/acme/invoices', { ...body, number: 'A-2', dueAt: '2026-09-01' });
    assert.deepEqual((await backwards.json()).errors, [{ path: 'dueAt', message: 'The due date cannot be before the issue date.' }]);
  });

  it('reads standing: good, due soon in the week before the due date, past due after it, locked after the grace period', async () => {
    const { app, clock } = await createTestApp({ env: { PORTAL_GRACE_DAYS: '10' } });
    await callAdmin(app, 'POST', '/admin/v1/customers', acme);
    await callAdmin(app, 'POST', '/admin/v1/customers/acme/invoices', {
      issuedAt: '2026-10-01',
      dueAt: '2026-10-31',
      lines: [{ description: 'Pro plan', quantity: 1, unitAmount: 4900 }],
    });
    const standingOn = async (date: string) => {
      clock.set(`${date}T12:00:00Z`);
      return (await callAdmin(app, 'GET', '/admin/v1/customers/acme/standing')).json();
    };
    assert.equal((await standingOn('2026-10-23')).status, 'good');
    const dueSoon = await standingOn('2026-10-24');
    assert.deepEqual([dueSoon.status, dueSoon.nextDueAt, dueSoon.lockAt], ['due_soon', '2026-10-31', null]);
    assert.equal((await standingOn('2026-10-31')).status, 'due_soon');
    const pastDue = await standingOn('2026-11-01');
    assert.deepEqual(
      [pastDue.status, pastDue.balanceDue, pastDue.pastDueAmount, pastDue.oldestDueAt, pastDue.lockAt, pastDue.currency],
      ['past_due', 4900, 4900, '2026-10-31', '2026-11-10', 'USD'],
    );
    assert.deepEqual(pastDue.contact, {
      siteAdmin: { name: 'Ada Admin', email: 'ada@acme.test' },
      support: { email: 'support@vendor.test' },
    });
    assert.equal((await standingOn('2026-11-10')).status, 'locked');
  });
});
