import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { AccountStanding } from '../../contract/standing.ts';
import { createHostApp } from '../../demo/host/app.ts';
import { demoLogins } from '../../demo/host/demo-users.ts';
import { createSessionStore } from '../../demo/host/sessions.ts';
import { createTokenSigner, type TokenSigner } from '../../demo/host/token-signer.ts';
import { createUserDirectory, type UserDirectory } from '../../demo/host/user-directory.ts';

const origin = 'http://localhost:3000';
const portalUrl = 'http://localhost:8787';

const standingOf = (status: AccountStanding['status']): AccountStanding => ({
  status,
  currency: 'EUR',
  balanceDue: status === 'locked' ? 40698 : 0,
  pastDueAmount: status === 'locked' ? 40698 : 0,
  oldestDueAt: null,
  lockAt: status === 'locked' ? '2026-08-29' : null,
  nextDueAt: null,
  contact: { siteAdmin: null, support: null },
});

// The host app alone: the portal's answers about standing come from a stand-in, as a host's own tests would have them.
describe('the demo host app', () => {
  let users: UserDirectory;
  let tokens: TokenSigner;
  before(async () => {
    [users, tokens] = await Promise.all([createUserDirectory(demoLogins), createTokenSigner({ issuer: origin, audience: 'customer-portal' })]);
  });

  const hostApp = () =>
    createHostApp({
      origin,
      portalUrl,
      users,
      demoLogins,
      sessions: createSessionStore(),
      tokens,
      standing: { getStanding: async (accountId) => standingOf(accountId === 'globex' ? 'locked' : 'good') },
      outboxFolder: '/nonexistent',
      assets: new Map(),
    });

  const postForm = (app: ReturnType<typeof hostApp>, path: string, fields: Record<string, string>) =>
    app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  async function signedIn(username: string, next = '/home') {
    const app = hostApp();
    const response = await postForm(app, '/login', { username, password: 'demo-password', next });
    const cookie = response.headers.get('Set-Cookie')!.split(';')[0]!;
    return { app, response, cookie };
  }

  test('signing in sets an httpOnly, SameSite session cookie and goes where the user was headed', async () => {
    const { response } = await signedIn('andrew', '/settings/customer-portal');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), '/settings/customer-portal');
    assert.match(response.headers.get('Set-Cookie')!, /^acme_session=[\w-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  test('a locked account signs in to the dashboard, whose lockout gate shows the lock screen', async () => {
    const { response } = await signedIn('lena', '/projects');
    assert.equal(response.headers.get('Location'), '/home');
  });

  test('a redirect after sign-in never leaves the site', async () => {
    for (const next of ['//evil.test/', '/\\evil.test', 'https://evil.test/', 'javascript:alert(1)']) {
      const { response } = await signedIn('andrew', next);
      assert.equal(response.headers.get('Location'), '/home', next);
    }
  });

  test('a wrong password, a missing field and a body that is not a form are answered with the form and the reason, never a 500', async () => {
    const app = hostApp();
    const wrong = await postForm(app, '/login', { username: 'andrew', password: 'guess' });
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /That username and password do not match/);
    const unknown = await postForm(app, '/login', { username: 'nobody', password: 'demo-password' });
    assert.equal(unknown.status, 401);
    const missing = await postForm(app, '/login', { username: 'andrew' });
    assert.equal(missing.status, 400);
    assert.match(await missing.text(), /Enter your username and your password/);
    const json = await app.request('/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":"andrew"}' });
    assert.equal(json.status, 400);
    assert.match(await json.text(), /not sent as a form/);
    const broken = await app.request('/login', { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, body: 'garbage' });
    assert.equal(broken.status, 400);
    const theme = await postForm(app, '/theme', { theme: 'neon' });
    assert.equal(theme.status, 400);
  });

  test('pages and the API ask for sign-in first', async () => {
    const app = hostApp();
    const page = await app.request('/settings/customer-portal?tab=1');
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('Location'), '/login?next=%2Fsettings%2Fcustomer-portal%3Ftab%3D1');
    assert.equal((await app.request('/api/portal-token')).status, 401);
    assert.equal((await app.request('/api/projects')).status, 401);
  });

  test('the portal token is a short-lived EdDSA token for the signed-in user that the JWKS verifies', async () => {
    const { app, cookie } = await signedIn('katrin');
    const { token } = (await (await app.request('/api/portal-token', { headers: { Cookie: cookie } })).json()) as { token: string };
    const jwks = await (await app.request('/.well-known/jwks.json')).json();
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), { issuer: origin, audience: 'customer-portal' });
    assert.equal(protectedHeader.alg, 'EdDSA');
    assert.deepEqual(
      { sub: payload.sub, customer: payload.customer, name: payload.name, email: payload.email },
      { sub: 'globex-admin', customer: 'globex', name: 'Katrin Vogel', email: 'katrin.vogel@globex.test' },
    );
    assert.equal(payload.exp! - payload.iat!, 300);
  });

  test('the product API refuses a locked account with 402 and serves one in good standing', async () => {
    const locked = await signedIn('katrin');
    const refused = await locked.app.request('/api/projects', { headers: { Cookie: locked.cookie } });
    assert.equal(refused.status, 402);
    assert.equal(((await refused.json()) as { type: string }).type, 'tag:customer-portal,2026:problem:account-locked');
    const good = await signedIn('andrew');
    const served = await good.app.request('/api/projects', { headers: { Cookie: good.cookie } });
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('Portal-Standing'), 'good');
  });

  test('signing out ends the session on the server, not only in the browser', async () => {
    const { app, cookie } = await signedIn('andrew');
    assert.equal((await app.request('/logout', { method: 'POST', headers: { Cookie: cookie } })).status, 303);
    assert.equal((await app.request('/api/portal-token', { headers: { Cookie: cookie } })).status, 401);
  });
});
