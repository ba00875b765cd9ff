import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routes } from '../../../contract/routes.ts';
import { call, provisionAccount, userToken } from '../support/requests.ts';
import { createTestApp } from '../support/test-app.ts';
import { mintToken } from '../support/tokens.ts';

async function setUp() {
  const test = await createTestApp();
  const account = await provisionAccount(test.app, 'acme');
  return { ...test, account };
}

describe('signing in', () => {
  it('lets a user in on the request after another node wrote their grant to the database, and out on the one after it went', async () => {
    const { app, db } = await setUp();
    const token = await userToken('acme', 'billing');
    assert.equal((await call(app, 'GET', '/v1/invoices', { token })).status, 403);
    const user = await db.selectFrom('users').select('id').where('subject', '=', 'billing').executeTakeFirstOrThrow();
    await db.insertInto('portal_grants').values({ user_id: user.id, granted_by_user_id: null, granted_at: new Date().toISOString() }).execute();
    assert.equal((await call(app, 'GET', '/v1/invoices', { token })).status, 200);
    await db.deleteFrom('portal_grants').where('user_id', '=', user.id).execute();
    assert.equal((await call(app, 'GET', '/v1/invoices', { token })).status, 403);
  });

  it('refuses every route the contract gives to Customer Portal View to a user without it, and opens the signed-in ones', async () => {
    const { app } = await setUp();
    const token = await userToken('acme', 'viewer');
    for (const route of routes.filter((route) => route.access === 'portal' || route.access === 'user')) {
      const path = route.path.replace(/\{\w+\}/g, 'x');
      const response = await call(app, route.method.toUpperCase(), path, { token, ...(route.method !== 'get' && { body: {} }) });
      const expected = route.access === 'user' ? 200 : 403;
      assert.equal(response.status, expected, `${route.method} ${route.path}`);
    }
  });

  it('names the Site Admin in the 403 of a user without Customer Portal View', async () => {
    const { app } = await setUp();
    const response = await call(app, 'GET', '/v1/invoices', { token: await userToken('acme', 'viewer') });
    assert.equal(response.status, 403);
    assert.match((await response.json()).detail, /Ask your Site Admin, acme Admin, to grant it\./);
  });

  it('names the Site Admin in the standing of a user without Customer Portal View', async () => {
    const { app } = await setUp();
    const standing = await (await call(app, 'GET', '/v1/standing', { token: await userToken('acme', 'viewer') })).json();
    assert.deepEqual(standing.contact.siteAdmin, { name: 'acme Admin', email: 'admin@acme.test' });
    assert.equal(standing.canPay, false);
  });

  it('names the Site Admin in their own standing as their token names them on that request', async () => {
    const { app, account } = await setUp();
    const token = await mintToken({ sub: account.siteAdmin.sub, customer: 'acme', name: 'Ada Renamed', email: 'ada@acme.test' });
    const standing = await (await call(app, 'GET', '/v1/standing', { token })).json();
    assert.deepEqual(standing.contact.siteAdmin, { name: 'Ada Renamed', email: 'ada@acme.test' });
  });

  it('refuses a token for an account that was never provisioned', async () => {
    const { app } = await setUp();
    const response = await call(app, 'GET', '/v1/standing', { token: await userToken('nobody-co', 'someone') });
    assert.equal(response.status, 403);
    assert.match((await response.json()).type, /not-provisioned/);
  });

  it('creates the user on their first token, without Customer Portal View', async () => {
    const { app, db } = await setUp();
    const me = await (await call(app, 'GET', '/v1/me', { token: await userToken('acme', 'newcomer', 'New Comer') })).json();
    assert.deepEqual([me.sub, me.name, me.hasPortalAccess, me.isSiteAdmin], ['newcomer', 'New Comer', false, false]);
    const users = await db.selectFrom('users').select('subject').where('subject', '=', 'newcomer').execute();
    assert.equal(users.length, 1);
  });
});
