import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT, UnsecuredJWT } from 'jose';
import { problemType } from '../../../contract/problem.ts';
import { call, provisionAccount } from '../support/requests.ts';
import { createTestApp } from '../support/test-app.ts';
import { mintToken } from '../support/tokens.ts';

async function setUp(env: Record<string, string> = {}) {
  const test = await createTestApp({ env });
  await provisionAccount(test.app, 'acme');
  return test;
}

async function expectUnauthorized(response: Response, detailPattern: RegExp) {
  assert.equal(response.status, 401);
  assert.equal(response.headers.get('Content-Type'), 'application/problem+json');
  assert.match(response.headers.get('WWW-Authenticate') ?? '', /^Bearer realm="customer-portal"/);
  const problem = await response.json();
  assert.equal(problem.type, problemType('unauthorized'));
  assert.equal(problem.status, 401);
  assert.match(problem.detail, detailPattern);
}

const me = (app: Awaited<ReturnType<typeof setUp>>['app'], token?: string, headers: Record<string, string> = {}) =>
  call(app, 'GET', '/v1/me', { ...(token && { token }), headers });

describe('a portal request is refused with 401', () => {
  it('when it carries no Authorization header', async () => {
    const { app } = await setUp();
    await expectUnauthorized(await me(app), /Authorization: Bearer/);
  });

  it('when the Authorization header is not a Bearer JWT', async () => {
    const { app } = await setUp();
    await expectUnauthorized(await me(app, undefined, { Authorization: 'Basic YWRhOnNlY3JldA==' }), /must be "Bearer <JWT>"/);
    await expectUnauthorized(await me(app, 'not-a-jwt'), /must be "Bearer <JWT>"/);
  });

  it('when the token is unsigned (alg none)', async () => {
    const { app } = await setUp();
    const token = new UnsecuredJWT({ sub: 'acme-admin', customer: 'acme' })
      .setAudience('customer-portal')
      .setExpirationTime('10m')
      .encode();
    await expectUnauthorized(await me(app, token), /not a valid signed JWT|algorithm/);
  });

  it('when the signature was made with another secret', async () => {
    const { app } = await setUp();
    const token = await mintToken({ sub: 'acme-admin', customer: 'acme' }, { secret: 'another-secret-that-is-long-enough-0123' });
    await expectUnauthorized(await me(app, token), /signature does not verify/);
  });

  it('when the token uses an algorithm outside the allow-list', async () => {
    const { app } = await setUp();
    const token = await new SignJWT({ sub: 'acme-admin', customer: 'acme' })
      .setProtectedHeader({ alg: 'HS512' })
      .setAudience('customer-portal')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('test-secret-that-is-long-enough-0123456789'));
    await expectUnauthorized(await me(app, token), /algorithm this portal does not accept/);
  });

  it('when the token has expired beyond the clock tolerance', async () => {
    const { app, clock } = await setUp();
    const token = await mintToken({ sub: 'acme-admin', customer: 'acme' }, { expiresIn: '1m' });
    clock.set(new Date(Date.now() + 2 * 60_000).toISOString());
    await expectUnauthorized(await me(app, token), /expired/);
  });

  it('when the audience is another one, or missing', async () => {
    const { app } = await setUp();
    await expectUnauthorized(await me(app, await mintToken({ sub: 'acme-admin', customer: 'acme' }, { audience: 'billing' })), /audience/);
    await expectUnauthorized(await me(app, await mintToken({ sub: 'acme-admin', customer: 'acme' }, { audience: null })), /"aud"/);
  });

  it('when an issuer is configured and the token has another one, or none', async () => {
    const { app } = await setUp({ PORTAL_JWT_ISSUER: 'https://host.example' });
    await expectUnauthorized(
      await me(app, await mintToken({ sub: 'acme-admin', customer: 'acme' }, { issuer: 'https://evil.example' })),
      /issuer/,
    );
    await expectUnauthorized(await me(app, await mintToken({ sub: 'acme-admin', customer: 'acme' })), /"iss"/);
    const accepted = await me(app, await mintToken({ sub: 'acme-admin', customer: 'acme' }, { issuer: 'https://host.example' }));
    assert.equal(accepted.status, 200);
  });

  for (const claim of ['sub', 'customer'] as const) {
    it(`when the "${claim}" claim is missing`, async () => {
      const { app } = await setUp();
      const claims: Record<string, string> = { sub: 'acme-admin', customer: 'acme' };
      delete claims[claim];
      await expectUnauthorized(await me(app, await mintToken(claims)), new RegExp(`"${claim}"`));
    });
  }

  it('when the "exp" claim is missing', async () => {
    const { app } = await setUp();
    const token = await new SignJWT({ sub: 'acme-admin', customer: 'acme' })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('customer-portal')
      .sign(new TextEncoder().encode('test-secret-that-is-long-enough-0123456789'));
    await expectUnauthorized(await me(app, token), /"exp"/);
  });

  it('when a claim has the wrong type', async () => {
    const { app } = await setUp();
    await expectUnauthorized(await me(app, await mintToken({ sub: 'acme-admin', customer: 42 as unknown as string })), /"customer"/);
  });

  it('for any garbage that looks like a token, never with a 500', async () => {
    const { app } = await setUp();
    const valid = await mintToken({ sub: 'acme-admin', customer: 'acme' });
    const [header, payload, signature] = valid.split('.') as [string, string, string];
    const garbage = [
      'a.b.c',
      `${header}.${payload}.`,
      `${header}..${signature}`,
      `.${payload}.${signature}`,
      `${payload}.${header}.${signature}`,
      `${header}.${payload}.${signature.slice(0, -4)}AAAA`,
      `eyJhbGciOiJIUzI1NiJ9.${Buffer.from('[1,2]').toString('base64url')}.${signature}`,
      `${Buffer.from('{"alg":"HS256","crit":["x"]}').toString('base64url')}.${payload}.${signature}`,
      `${Buffer.from('not json').toString('base64url')}.${payload}.${signature}`,
    ];
    for (const token of garbage) {
      const response = await me(app, token);
      assert.equal(response.status, 401, `token ${token} answered ${response.status}`);
    }
  });
});

describe('a valid token', () => {
  it('is accepted a little after exp, within the clock tolerance', async () => {
    const { app, clock } = await setUp();
    const token = await mintToken({ sub: 'acme-admin', customer: 'acme' }, { expiresIn: '1m' });
    clock.set(new Date(Date.now() + 80_000).toISOString());
    assert.equal((await me(app, token)).status, 200);
  });

  it('for an account that was never provisioned is refused with 403 not-provisioned', async () => {
    const { app } = await setUp();
    const response = await me(app, await mintToken({ sub: 'u-1', customer: 'initech' }));
    assert.equal(response.status, 403);
    const problem = await response.json();
    assert.equal(problem.type, problemType('not-provisioned'));
    assert.match(problem.detail, /not been set up/);
  });

  it('creates the user on first use, and keeps their name and email in step with the host', async () => {
    const { app, db } = await setUp();
    assert.equal((await me(app, await mintToken({ sub: 'u-7', customer: 'acme', name: 'Grace', email: 'g@acme.test' }))).status, 200);
    let user = await db.selectFrom('users').selectAll().where('subject', '=', 'u-7').executeTakeFirstOrThrow();
    assert.deepEqual([user.customer_id, user.name, user.email, user.is_site_admin], ['acme', 'Grace', 'g@acme.test', 0]);

    await me(app, await mintToken({ sub: 'u-7', customer: 'acme', name: 'Grace Hopper', email: 'g@acme.test' }));
    user = await db.selectFrom('users').selectAll().where('subject', '=', 'u-7').executeTakeFirstOrThrow();
    assert.equal(user.name, 'Grace Hopper');
    const count = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 2);
  });
});
