import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { call, provisionAccount } from '../support/requests.ts';
import { createTestApp } from '../support/test-app.ts';

const hostPage = 'https://app.example.test';

async function setUp() {
  const test = await createTestApp({ env: { PORTAL_CORS_ORIGINS: hostPage } });
  const account = await provisionAccount(test.app, 'acme');
  return { app: test.app, token: account.siteAdmin.token };
}

describe('CORS and the headers every answer carries', () => {
  it('lets a PORTAL_CORS_ORIGINS page read an answer and its exposed headers', async () => {
    const { app, token } = await setUp();
    const response = await call(app, 'GET', '/v1/customer', { token, headers: { Origin: hostPage } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), hostPage);
    assert.match(response.headers.get('Access-Control-Expose-Headers') ?? '', /ETag/);
    assert.equal(response.headers.get('Vary'), 'Origin');
    assert.ok(response.headers.get('ETag'));
  });

  it('gives another origin no CORS headers', async () => {
    const { app, token } = await setUp();
    const response = await call(app, 'GET', '/v1/me', { token, headers: { Origin: 'https://evil.example.test' } });
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), null);
    assert.equal(response.headers.get('Access-Control-Expose-Headers'), null);
  });

  it('answers a preflight with the methods, headers and how long to remember them', async () => {
    const { app } = await setUp();
    const response = await app.request('/v1/customer', {
      method: 'OPTIONS',
      headers: { Origin: hostPage, 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'if-match' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), hostPage);
    assert.match(response.headers.get('Access-Control-Allow-Methods') ?? '', /PATCH/);
    assert.match(response.headers.get('Access-Control-Allow-Headers') ?? '', /If-Match/);
    assert.equal(response.headers.get('Access-Control-Max-Age'), '600');
  });

  it('marks answers and problems alike with a request id, nosniff and no-store', async () => {
    const { app, token } = await setUp();
    for (const response of [await call(app, 'GET', '/v1/me', { token }), await call(app, 'GET', '/v1/nowhere', { token }), await call(app, 'GET', '/v1/me')]) {
      assert.match(response.headers.get('X-Request-Id') ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
    }
  });
});

describe('the same headers over HTTP, where @hono/node-server writes them onto the Node response', () => {
  it('carries them on answers, problems and preflights, with the route’s own headers beside them', async (t) => {
    const { app, token } = await setUp();
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
    });
    t.after(() => new Promise((resolve) => server.close(resolve)));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = (path: string, headers: Record<string, string>) => fetch(`${base}${path}`, { headers });

    const answer = await get('/v1/customer', { Authorization: `Bearer ${token}`, Origin: hostPage });
    const problem = await get('/v1/nowhere', { Authorization: `Bearer ${token}`, Origin: hostPage });
    const preflight = await fetch(`${base}/v1/customer`, { method: 'OPTIONS', headers: { Origin: hostPage, 'Access-Control-Request-Method': 'PATCH' } });
    assert.deepEqual([answer.status, problem.status, preflight.status], [200, 404, 204]);
    for (const response of [answer, problem, preflight]) {
      assert.match(response.headers.get('X-Request-Id') ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
      assert.equal(response.headers.get('Vary'), 'Origin');
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), hostPage);
    }
    assert.ok(answer.headers.get('ETag'));
    assert.equal(answer.headers.get('Content-Type'), 'application/json');
    assert.equal(problem.headers.get('Content-Type'), 'application/problem+json');
    assert.match(preflight.headers.get('Access-Control-Allow-Methods') ?? '', /PATCH/);
    assert.equal((await answer.json()).id, 'acme');

    const otherOrigin = await get('/v1/me', { Authorization: `Bearer ${token}`, Origin: 'https://evil.example.test' });
    assert.equal(otherOrigin.headers.get('Access-Control-Allow-Origin'), null);
  });
});
