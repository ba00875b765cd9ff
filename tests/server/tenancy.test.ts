import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import XLSX from 'sheetjs-style';
import { routes } from '../../contract/routes.ts';
import { recordTransaction } from '../../server/store/transactions.ts';
import { call, callAdmin, grantPortalAccess, provisionAccount, type ProvisionedAccount, userToken } from './support/requests.ts';
import { addPaymentMethod, cardDetails, tokenize } from './support/payment-methods.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * Two accounts on one server: "alpha" with data, "bravo" nearly empty. Every route is called as
 * bravo and must neither show nor touch alpha's data; alpha's ids answer like missing ones.
 */
let test: TestApp;
let alpha: ProvisionedAccount;
let bravo: ProvisionedAccount;
let alphaSubscriptionId: string;
let alphaRequestId: string;
let alphaMethodIds: string[];
let alphaVisaToken: string;
let alphaInvoiceId: string;
let alphaTransactionId: string;

before(async () => {
  test = await createTestApp();
  alpha = await provisionAccount(test.app, 'alpha', { companyName: 'Alpha Secret Co' });
  bravo = await provisionAccount(test.app, 'bravo');
  const subscription = await callAdmin(test.app, 'POST', '/admin/v1/customers/alpha/subscriptions', {
    plan: 'AlphaPlan',
    unitAmount: 9900,
    interval: 'month',
    startsAt: '2026-01-01',
    invoiceTerms: 'Monthly in advance',
    paymentTerms: 'Net 30',
    features: [{ name: 'Glaxis', unitAmount: 1500, active: true }],
  });
  alphaSubscriptionId = (await subscription.json()).id;
  const invoice = await callAdmin(test.app, 'POST', '/admin/v1/customers/alpha/invoices', {
    issuedAt: '2020-01-01',
    dueAt: '2020-01-31',
    lines: [{ description: 'Alpha work', quantity: 1, unitAmount: 5000 }],
  });
  alphaInvoiceId = (await invoice.json()).id;
  alphaTransactionId = await recordTransaction(test.db, {
    customerId: 'alpha',
    kind: 'refund',
    status: 'succeeded',
    amount: 700,
    currency: 'USD',
    methodLabel: 'Visa ·· 4242',
    reference: 're_alpha',
    occurredAt: '2020-02-01T12:00:00.000Z',
    allocations: [],
  });
  await grantPortalAccess(test.app, alpha, 'alpha-user');
  await grantPortalAccess(test.app, alpha, 'alpha-clerk');
  const request = await call(test.app, 'POST', '/v1/subscriptions/requests', {
    token: alpha.siteAdmin.token,
    body: { subscriptionId: alphaSubscriptionId, kind: 'cancel' },
  });
  alphaRequestId = (await request.json()).id;
  alphaVisaToken = await tokenize(test.app, cardDetails('4242424242424242'));
  const visa = await call(test.app, 'POST', '/v1/payment-methods', { token: alpha.siteAdmin.token, body: { token: alphaVisaToken } });
  const mastercard = await addPaymentMethod(test.app, alpha.siteAdmin.token, cardDetails('5555555555554444'));
  alphaMethodIds = [(await visa.json()).id, mastercard.id];
});

const asBravo = (method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) =>
  call(test.app, method, path, { token: bravo.siteAdmin.token, ...options });

const problemShape = async (response: Response) => {
  const { type, title, status, detail } = await response.json();
  return { type, title, status, detail };
};

const alphaAccess = async () => {
  const response = await call(test.app, 'GET', '/v1/access/users', { token: alpha.siteAdmin.token });
  return (await response.json()).data as { sub: string; hasPortalAccess: boolean }[];
};

const alphaMethods = async () => {
  const response = await call(test.app, 'GET', '/v1/payment-methods', { token: alpha.siteAdmin.token });
  return ((await response.json()).data as { id: string; isDefault: boolean }[]).map((method) => [method.id, method.isDefault]);
};

const alphaRequests = async () => {
  const response = await call(test.app, 'GET', '/v1/subscriptions/requests', { token: alpha.siteAdmin.token });
  return (await response.json()).data as { id: string }[];
};

const alphaSees = async (path: string) => ((await (await call(test.app, 'GET', path, { token: alpha.siteAdmin.token })).json()).data as unknown[]).length;

/** The rows of a spreadsheet export, header excluded. */
const exportedRows = async (response: Response) => {
  assert.equal(response.status, 200);
  const workbook = XLSX.read(Buffer.from(await response.arrayBuffer()), { type: 'buffer' });
  return XLSX.utils.sheet_to_json(workbook.Sheets[workbook.SheetNames[0]!]!);
};

const outboxSize = async () => (await test.db.selectFrom('outbox').select('id').execute()).length;

const cases: Record<string, () => Promise<void>> = {
  'get /v1/me': async () => {
    const me = await (await asBravo('GET', '/v1/me')).json();
    assert.equal(me.customer.id, 'bravo');
  },
  'get /v1/standing': async () => {
    const standing = await (await asBravo('GET', '/v1/standing')).json();
    assert.deepEqual([standing.status, standing.balanceDue], ['good', 0]);
  },
  'get /v1/customer': async () => {
    const text = await (await asBravo('GET', '/v1/customer')).text();
    assert.match(text, /"id":"bravo"/);
    assert.doesNotMatch(text, /Alpha/);
  },
  'patch /v1/customer': async () => {
    const response = await asBravo('PATCH', '/v1/customer', { body: { companyName: 'Bravo Renamed' }, headers: { 'If-Match': '*' } });
    assert.equal(response.status, 200);
    const alphaCustomer = await (await call(test.app, 'GET', '/v1/customer', { token: alpha.siteAdmin.token })).json();
    assert.equal(alphaCustomer.companyName, 'Alpha Secret Co');
  },
  'get /v1/subscriptions': async () => {
    assert.deepEqual(await (await asBravo('GET', '/v1/subscriptions')).json(), { data: [], nextCursor: null });
  },
  'get /v1/access/users': async () => {
    const users = (await (await asBravo('GET', '/v1/access/users')).json()).data as { sub: string }[];
    assert.deepEqual(users.map((user) => user.sub), ['bravo-admin']);
  },
  'put /v1/access/users/{sub}': async () => {
    const alphasUser = await asBravo('PUT', '/v1/access/users/alpha-user', { body: { portalAccess: false } });
    const unknownUser = await asBravo('PUT', '/v1/access/users/nobody-1', { body: { portalAccess: false } });
    assert.equal(alphasUser.status, unknownUser.status);
    const { sub: _a, ...alphaShape } = await alphasUser.json();
    const { sub: _u, ...unknownShape } = await unknownUser.json();
    assert.deepEqual(alphaShape, unknownShape);
    assert.equal((await alphaAccess()).find((user) => user.sub === 'alpha-user')?.hasPortalAccess, true);
  },
  'delete /v1/access/users/{sub}': async () => {
    const alphasUser = await asBravo('DELETE', '/v1/access/users/alpha-clerk');
    const unknownUser = await asBravo('DELETE', '/v1/access/users/nobody-2');
    assert.equal(alphasUser.status, 404);
    assert.deepEqual(await problemShape(alphasUser), await problemShape(unknownUser));
    assert.ok((await alphaAccess()).some((user) => user.sub === 'alpha-clerk'));
  },
  'get /v1/contact': async () => {
    const contact = await (await asBravo('GET', '/v1/contact')).json();
    assert.deepEqual(contact, { support: { email: 'support@vendor.test', phone: null, url: null } });
  },
  'post /v1/subscriptions/requests': async () => {
    const alphasSubscription = await asBravo('POST', '/v1/subscriptions/requests', { body: { subscriptionId: alphaSubscriptionId, kind: 'change_plan' } });
    const unknownSubscription = await asBravo('POST', '/v1/subscriptions/requests', { body: { subscriptionId: 'sub_nothing', kind: 'change_plan' } });
    assert.equal(alphasSubscription.status, 404);
    assert.deepEqual(await problemShape(alphasSubscription), await problemShape(unknownSubscription));
    assert.deepEqual((await alphaRequests()).map((request) => request.id), [alphaRequestId]);
    const bravosRequests = await test.db.selectFrom('subscription_requests').select('id').where('customer_id', '=', 'bravo').execute();
    assert.deepEqual(bravosRequests, []);
  },
  'get /v1/subscriptions/requests': async () => {
    assert.ok(alphaRequestId);
    assert.deepEqual(await (await asBravo('GET', '/v1/subscriptions/requests')).json(), { data: [], nextCursor: null });
  },
  'get /v1/payment-methods': async () => {
    assert.equal((await alphaMethods()).length, 2);
    assert.deepEqual(await (await asBravo('GET', '/v1/payment-methods')).json(), { data: [], nextCursor: null });
  },
  'post /v1/payment-methods': async () => {
    const alphasToken = await asBravo('POST', '/v1/payment-methods', { body: { token: alphaVisaToken } });
    const unknownToken = await asBravo('POST', '/v1/payment-methods', { body: { token: 'tok_nothing' } });
    assert.equal(alphasToken.status, 422);
    const { requestId: _a, ...alphaShape } = await alphasToken.json();
    const { requestId: _u, ...unknownShape } = await unknownToken.json();
    assert.deepEqual(alphaShape, unknownShape);
    const bravosMethods = await test.db.selectFrom('payment_methods').select('id').where('customer_id', '=', 'bravo').execute();
    assert.deepEqual(bravosMethods, []);
  },
  'post /v1/payment-methods/{id}/default': async () => {
    const before = await alphaMethods();
    const alphasMethod = await asBravo('POST', `/v1/payment-methods/${alphaMethodIds[1]}/default`);
    const unknownMethod = await asBravo('POST', '/v1/payment-methods/pm_nothing/default');
    assert.equal(alphasMethod.status, 404);
    assert.deepEqual(await problemShape(alphasMethod), await problemShape(unknownMethod));
    assert.deepEqual(await alphaMethods(), before);
  },
  'delete /v1/payment-methods/{id}': async () => {
    const alphasMethod = await asBravo('DELETE', `/v1/payment-methods/${alphaMethodIds[1]}`);
    const unknownMethod = await asBravo('DELETE', '/v1/payment-methods/pm_nothing');
    assert.equal(alphasMethod.status, 404);
    assert.deepEqual(await problemShape(alphasMethod), await problemShape(unknownMethod));
    assert.deepEqual((await alphaMethods()).map(([id]) => id).sort(), [...alphaMethodIds].sort());
  },
  'get /admin/v1/customers/{id}/standing': async () => {
    const response = await callAdmin(test.app, 'GET', '/admin/v1/customers/charlie/standing');
    assert.equal(response.status, 404);
  },
  'post /admin/v1/customers/{id}/subscriptions': async () => {
    const response = await callAdmin(test.app, 'POST', '/admin/v1/customers/charlie/subscriptions', {});
    assert.equal(response.status, 404);
  },
  'post /admin/v1/customers/{id}/invoices': async () => {
    const response = await callAdmin(test.app, 'POST', '/admin/v1/customers/charlie/invoices', {});
    assert.equal(response.status, 404);
  },
  'post /admin/v1/customers': async () => {
    const response = await callAdmin(test.app, 'POST', '/admin/v1/customers', {
      id: 'alpha',
      companyName: 'Impostor',
      currency: 'USD',
      siteAdmin: { sub: 'x', name: 'X', email: 'x@x.test' },
    });
    assert.equal(response.status, 409);
    const alphaCustomer = await (await call(test.app, 'GET', '/v1/customer', { token: alpha.siteAdmin.token })).json();
    assert.equal(alphaCustomer.companyName, 'Alpha Secret Co');
  },
  'get /v1/invoices': async () => {
    assert.equal(await alphaSees('/v1/invoices'), 1);
    assert.deepEqual(await (await asBravo('GET', '/v1/invoices')).json(), { data: [], nextCursor: null });
  },
  'get /v1/invoices/export': async () => {
    assert.deepEqual(await exportedRows(await asBravo('GET', '/v1/invoices/export?format=xlsx')), []);
  },
  'get /v1/invoices/{id}': async () => {
    const alphasInvoice = await asBravo('GET', `/v1/invoices/${alphaInvoiceId}`);
    const unknownInvoice = await asBravo('GET', '/v1/invoices/inv_nothing');
    assert.equal(alphasInvoice.status, 404);
    assert.deepEqual(await problemShape(alphasInvoice), await problemShape(unknownInvoice));
  },
  'get /v1/invoices/{id}/pdf': async () => {
    const alphasInvoice = await asBravo('GET', `/v1/invoices/${alphaInvoiceId}/pdf`);
    const unknownInvoice = await asBravo('GET', '/v1/invoices/inv_nothing/pdf');
    assert.equal(alphasInvoice.status, 404);
    assert.deepEqual(await problemShape(alphasInvoice), await problemShape(unknownInvoice));
  },
  'post /v1/invoices/{id}/send': async () => {
    const before = await outboxSize();
    const alphasInvoice = await asBravo('POST', `/v1/invoices/${alphaInvoiceId}/send`, { body: { to: ['bravo@bravo.test'] } });
    const unknownInvoice = await asBravo('POST', '/v1/invoices/inv_nothing/send', { body: { to: ['bravo@bravo.test'] } });
    assert.equal(alphasInvoice.status, 404);
    assert.deepEqual(await problemShape(alphasInvoice), await problemShape(unknownInvoice));
    assert.equal(await outboxSize(), before);
  },
  'get /v1/transactions': async () => {
    assert.equal(await alphaSees('/v1/transactions'), 1);
    assert.deepEqual(await (await asBravo('GET', '/v1/transactions')).json(), { data: [], nextCursor: null });
  },
  'get /v1/transactions/export': async () => {
    assert.deepEqual(await exportedRows(await asBravo('GET', '/v1/transactions/export?format=xlsx')), []);
  },
  'post /v1/transactions/{id}/send': async () => {
    const before = await outboxSize();
    const alphasTransaction = await asBravo('POST', `/v1/transactions/${alphaTransactionId}/send`, { body: { to: ['bravo@bravo.test'] } });
    const unknownTransaction = await asBravo('POST', '/v1/transactions/txn_nothing/send', { body: { to: ['bravo@bravo.test'] } });
    assert.equal(alphasTransaction.status, 404);
    assert.deepEqual(await problemShape(alphasTransaction), await problemShape(unknownTransaction));
    assert.equal(await outboxSize(), before);
  },
  'post /v1/payments': async () => {
    const alphaInvoice = await test.db.selectFrom('invoices').select('id').where('customer_id', '=', 'alpha').executeTakeFirstOrThrow();
    const pay = (paymentMethodId: string, invoiceIds: string[], key: string) =>
      asBravo('POST', '/v1/payments', { body: { paymentMethodId, invoiceIds }, headers: { 'Idempotency-Key': key } });
    const withAlphasIds = await pay(alphaMethodIds[0]!, [alphaInvoice.id], 'tenancy-1');
    const withUnknownIds = await pay('pm_nothing', ['inv_nothing'], 'tenancy-2');
    assert.equal(withAlphasIds.status, 422);
    assert.deepEqual(await withAlphasIds.json().then(({ errors }) => errors), await withUnknownIds.json().then(({ errors }) => errors));
    const invoice = await test.db.selectFrom('invoices').select(['status', 'amount_paid']).where('id', '=', alphaInvoice.id).executeTakeFirstOrThrow();
    assert.deepEqual(invoice, { status: 'open', amount_paid: 0 });
    assert.equal((await test.db.selectFrom('sandbox_charges').select('reference').execute()).length, 0);
  },
  'post /admin/v1/dunning/run': async () => {
    await provisionAccount(test.app, 'delta', { billingContact: { name: 'Dee Billing', email: 'billing@delta.test' } });
    await callAdmin(test.app, 'POST', '/admin/v1/customers/delta/invoices', {
      issuedAt: '2020-03-01',
      dueAt: '2020-03-31',
      lines: [{ description: 'Delta work', quantity: 1, unitAmount: 4900 }],
    });
    assert.equal((await callAdmin(test.app, 'POST', '/admin/v1/dunning/run')).status, 200);
    const notices = await test.db.selectFrom('outbox').select(['customer_id', 'recipients', 'subject']).where('subject', 'like', 'Access locked%').orderBy('customer_id').execute();
    assert.deepEqual(
      notices.map((notice) => [notice.customer_id, JSON.parse(notice.recipients), notice.subject]),
      [
        ['alpha', ['admin@alpha.test'], 'Access locked: Alpha Secret Co has $50.00 past due'],
        ['delta', ['billing@delta.test', 'admin@delta.test'], 'Access locked: delta Inc. has $49.00 past due'],
      ],
    );
  },
};

describe('a second tenant', () => {
  it('has a case for every route that is not public', () => {
    const routeKeys = routes.filter((route) => route.access !== 'public').map((route) => `${route.method} ${route.path}`);
    assert.deepEqual(Object.keys(cases).sort(), routeKeys.sort());
  });

  for (const [route, check] of Object.entries(cases)) {
    it(`neither sees nor changes the other account's data through ${route}`, check);
  }

  it('cannot reach the other account by naming it anywhere but in the token', async () => {
    const response = await call(test.app, 'GET', '/v1/customer?customer=alpha', {
      token: await userToken('bravo', 'bravo-admin'),
      headers: { 'X-Customer': 'alpha' },
    });
    assert.match(await response.text(), /"id":"bravo"/);
  });
});
