import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problemType } from '../../../contract/problem.ts';
import { routes } from '../../../contract/routes.ts';
import { call, grantPortalAccess, provisionAccount, userToken } from '../support/requests.ts';
import { createTestApp } from '../support/test-app.ts';

async function setUp() {
  const test = await createTestApp();
  const account = await provisionAccount(test.app, 'acme');
  return { ...test, account };
}

/** One valid request per signed-in route, so each can be tried without the permission. */
const exampleRequests: Record<string, { path: string; body?: unknown; headers?: Record<string, string> }> = {
  'get /v1/me': { path: '/v1/me' },
  'get /v1/standing': { path: '/v1/standing' },
  'get /v1/customer': { path: '/v1/customer' },
  'patch /v1/customer': { path: '/v1/customer', body: { companyName: 'Taken Over' }, headers: { 'If-Match': '*' } },
  'get /v1/subscriptions': { path: '/v1/subscriptions' },
  'get /v1/access/users': { path: '/v1/access/users' },
  'put /v1/access/users/{sub}': { path: '/v1/access/users/viewer', body: { portalAccess: true } },
  'delete /v1/access/users/{sub}': { path: '/v1/access/users/acme-admin' },
  'get /v1/contact': { path: '/v1/contact' },
  'post /v1/subscriptions/requests': { path: '/v1/subscriptions/requests', body: { kind: 'other', message: 'Please call me.' } },
  'get /v1/subscriptions/requests': { path: '/v1/subscriptions/requests' },
  'get /v1/payment-methods': { path: '/v1/payment-methods' },
  'post /v1/payment-methods': { path: '/v1/payment-methods', body: { token: 'tok_anything' } },
  'post /v1/payment-methods/{id}/default': { path: '/v1/payment-methods/pm_anything/default' },
  'delete /v1/payment-methods/{id}': { path: '/v1/payment-methods/pm_anything' },
  'post /v1/payments': { path: '/v1/payments', body: { paymentMethodId: 'pm_anything' }, headers: { 'Idempotency-Key': 'k' } },
  'get /v1/invoices': { path: '/v1/invoices' },
  'get /v1/invoices/export': { path: '/v1/invoices/export?format=pdf' },
  'get /v1/invoices/{id}': { path: '/v1/invoices/inv_anything' },
  'get /v1/invoices/{id}/pdf': { path: '/v1/invoices/inv_anything/pdf' },
  'post /v1/invoices/{id}/send': { path: '/v1/invoices/inv_anything/send', body: {} },
  'get /v1/transactions': { path: '/v1/transactions' },
  'get /v1/transactions/export': { path: '/v1/transactions/export?format=xlsx' },
  'post /v1/transactions/{id}/send': { path: '/v1/transactions/txn_anything/send', body: {} },
};

describe('Customer Portal View', () => {
  it('has an example request for every signed-in route', () => {
    const signedIn = routes.filter((route) => route.access === 'user' || route.access === 'portal');
    assert.deepEqual(Object.keys(exampleRequests).sort(), signedIn.map((route) => `${route.method} ${route.path}`).sort());
  });

  for (const route of routes.filter((candidate) => candidate.access === 'portal')) {
    const key = `${route.method} ${route.path}`;
    it(`is required for ${key}: without it the answer is 403 naming the Site Admin`, async () => {
      const { app } = await setUp();
      const example = exampleRequests[key]!;
      const response = await call(app, route.method.toUpperCase(), example.path, {
        token: await userToken('acme', 'viewer'),
        body: example.body,
        ...(example.headers && { headers: example.headers }),
      });
      assert.equal(response.status, 403);
      const problem = await response.json();
      assert.equal(problem.type, problemType('forbidden'));
      assert.match(problem.detail, /Customer Portal View.*acme Admin/);
    });
  }

  for (const route of routes.filter((candidate) => candidate.access === 'user')) {
    it(`is not needed for ${route.method} ${route.path}`, async () => {
      const { app } = await setUp();
      const response = await call(app, 'GET', route.path, { token: await userToken('acme', 'viewer') });
      assert.equal(response.status, 200);
    });
  }

  it('is held by the Site Admin from provisioning on', async () => {
    const { app, account } = await setUp();
    const me = await (await call(app, 'GET', '/v1/me', { token: account.siteAdmin.token })).json();
    assert.deepEqual([me.isSiteAdmin, me.hasPortalAccess], [true, true]);
  });

  it('once granted, lets the user in; once revoked, keeps them out again', async () => {
    const { app, account } = await setUp();
    const token = await userToken('acme', 'billing');
    assert.equal((await call(app, 'GET', '/v1/customer', { token })).status, 403);
    await grantPortalAccess(app, account, 'billing');
    assert.equal((await call(app, 'GET', '/v1/customer', { token })).status, 200);
    const revoked = await call(app, 'PUT', '/v1/access/users/billing', { token, body: { portalAccess: false } });
    assert.equal(revoked.status, 200);
    assert.equal((await revoked.json()).hasPortalAccess, false);
    assert.equal((await call(app, 'GET', '/v1/customer', { token })).status, 403);
  });

  it('can be granted before the user ever signs in', async () => {
    const { app, account } = await setUp();
    const response = await call(app, 'PUT', '/v1/access/users/new-hire', {
      token: account.siteAdmin.token,
      body: { portalAccess: true, name: 'New Hire', email: 'new@acme.test' },
    });
    assert.equal(response.status, 200);
    const user = await response.json();
    assert.deepEqual([user.name, user.hasPortalAccess, user.grantedBy], ['New Hire', true, 'acme Admin']);
    assert.equal((await call(app, 'GET', '/v1/customer', { token: await userToken('acme', 'new-hire') })).status, 200);
  });

  it('lists the Site Admin first, marked as such, then the others with who granted their access', async () => {
    const { app, account } = await setUp();
    await grantPortalAccess(app, account, 'billing');
    await call(app, 'GET', '/v1/me', { token: await userToken('acme', 'viewer') });
    const list = await (await call(app, 'GET', '/v1/access/users', { token: account.siteAdmin.token })).json();
    assert.deepEqual(
      list.data.map((user: Record<string, unknown>) => [user.sub, user.isSiteAdmin, user.hasPortalAccess, user.grantedBy]),
      [
        ['acme-admin', true, true, null],
        ['billing', false, true, 'acme Admin'],
        ['viewer', false, false, null],
      ],
    );
    assert.equal(list.nextCursor, null);
  });

  it('cannot be revoked from the Site Admin, by anyone', async () => {
    const { app, account } = await setUp();
    await grantPortalAccess(app, account, 'billing');
    for (const token of [account.siteAdmin.token, await userToken('acme', 'billing')]) {
      const response = await call(app, 'PUT', '/v1/access/users/acme-admin', { token, body: { portalAccess: false } });
      assert.equal(response.status, 409);
      const problem = await response.json();
      assert.equal(problem.type, problemType('conflict'));
      assert.match(problem.detail, /The Site Admin always keeps Customer Portal View/);
    }
    const me = await (await call(app, 'GET', '/v1/me', { token: account.siteAdmin.token })).json();
    assert.equal(me.hasPortalAccess, true);
  });

  it('cannot be lost by removing the Site Admin', async () => {
    const { app, account, db } = await setUp();
    const response = await call(app, 'DELETE', '/v1/access/users/acme-admin', { token: account.siteAdmin.token });
    assert.equal(response.status, 409);
    assert.match((await response.json()).detail, /cannot remove them/);
    assert.ok(await db.selectFrom('users').select('id').where('subject', '=', 'acme-admin').executeTakeFirst());
  });

  it('goes with a removed user, who comes back without it on their next token', async () => {
    const { app, account } = await setUp();
    await grantPortalAccess(app, account, 'billing');
    const removed = await call(app, 'DELETE', '/v1/access/users/billing', { token: account.siteAdmin.token });
    assert.equal(removed.status, 204);
    const me = await (await call(app, 'GET', '/v1/me', { token: await userToken('acme', 'billing') })).json();
    assert.equal(me.hasPortalAccess, false);
  });

  it('changes land in the audit log with who, what, whom and when', async () => {
    const { app, account, db, clock } = await setUp();
    clock.set('2026-11-27T09:30:00.000Z');
    await grantPortalAccess(app, account, 'billing');
    clock.set('2026-11-27T09:31:00.000Z');
    await call(app, 'PUT', '/v1/access/users/billing', { token: account.siteAdmin.token, body: { portalAccess: false } });
    clock.set('2026-11-27T09:32:00.000Z');
    await call(app, 'DELETE', '/v1/access/users/billing', { token: account.siteAdmin.token });
    const entries = await db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'target', 'at', 'before_json', 'after_json'])
      .where('customer_id', '=', 'acme')
      .where('action', 'like', 'access.%')
      .orderBy('at')
      .execute();
    assert.deepEqual(
      entries.map((entry) => [entry.actor, entry.action, entry.target, entry.at]),
      [
        ['acme-admin', 'access.granted', 'billing', '2026-11-27T09:30:00.000Z'],
        ['acme-admin', 'access.revoked', 'billing', '2026-11-27T09:31:00.000Z'],
        ['acme-admin', 'access.user-removed', 'billing', '2026-11-27T09:32:00.000Z'],
      ],
    );
    assert.deepEqual(JSON.parse(entries[1]!.after_json!), { hasPortalAccess: false });
  });

  it('is not logged again when a grant is repeated', async () => {
    const { app, account, db } = await setUp();
    await grantPortalAccess(app, account, 'billing');
    await grantPortalAccess(app, account, 'billing');
    const grants = await db.selectFrom('audit_log').select('id').where('action', '=', 'access.granted').execute();
    assert.equal(grants.length, 1);
  });

  it('rejects a change body with a wrong type or an unknown field, listing each', async () => {
    const { app, account } = await setUp();
    const response = await call(app, 'PUT', '/v1/access/users/billing', {
      token: account.siteAdmin.token,
      body: { portalAccess: 'yes', role: 'owner' },
    });
    assert.equal(response.status, 422);
    const problem = await response.json();
    assert.deepEqual(
      problem.errors.map((error: { path: string }) => error.path).sort(),
      ['portalAccess', 'role'],
    );
  });
});
