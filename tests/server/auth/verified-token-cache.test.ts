import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type JWTVerifyGetKey } from 'jose';
import { createVerifiedTokenCache } from '../../../server/auth/verified-token-cache.ts';
import type { TokenClaims } from '../../../server/auth/verify-token.ts';
import { call, provisionAccount } from '../support/requests.ts';
import { createTestApp, jwtSecret } from '../support/test-app.ts';
import { mintToken } from '../support/tokens.ts';

const claims = (sub: string): TokenClaims => ({ sub, customer: 'acme', name: null, email: null });
const at = (iso: string) => new Date(iso);
const now = at('2026-11-27T12:00:00Z');
const inAnHour = at('2026-11-27T13:00:00Z');

describe('the verified-token cache', () => {
  it('answers the claims of a remembered token, and nothing for another token', () => {
    const cache = createVerifiedTokenCache({ maxEntries: 10, ttlMs: 60_000 });
    cache.remember('token-a', claims('a'), inAnHour, now);
    assert.deepEqual(cache.get('token-a', now), claims('a'));
    assert.equal(cache.get('token-a-but-longer', now), undefined);
    assert.equal(cache.get('token-', now), undefined);
  });

  it('forgets a token at its exp, even when the ttl would keep it longer', () => {
    const cache = createVerifiedTokenCache({ maxEntries: 10, ttlMs: 3_600_000 });
    cache.remember('token', claims('a'), at('2026-11-27T12:00:10Z'), now);
    assert.deepEqual(cache.get('token', at('2026-11-27T12:00:09.999Z')), claims('a'));
    assert.equal(cache.get('token', at('2026-11-27T12:00:10Z')), undefined);
  });

  it('forgets a token after the ttl, even when its exp is later', () => {
    const cache = createVerifiedTokenCache({ maxEntries: 10, ttlMs: 60_000 });
    cache.remember('token', claims('a'), inAnHour, now);
    assert.deepEqual(cache.get('token', at('2026-11-27T12:00:59Z')), claims('a'));
    assert.equal(cache.get('token', at('2026-11-27T12:01:00Z')), undefined);
  });

  it('holds at most maxEntries tokens, evicting the least recently used', () => {
    const cache = createVerifiedTokenCache({ maxEntries: 2, ttlMs: 60_000 });
    cache.remember('token-a', claims('a'), inAnHour, now);
    cache.remember('token-b', claims('b'), inAnHour, now);
    cache.get('token-a', now);
    cache.remember('token-c', claims('c'), inAnHour, now);
    assert.deepEqual(cache.get('token-a', now), claims('a'));
    assert.equal(cache.get('token-b', now), undefined);
    assert.deepEqual(cache.get('token-c', now), claims('c'));
  });

  it('remembers nothing when its size is 0', () => {
    const cache = createVerifiedTokenCache({ maxEntries: 0, ttlMs: 60_000 });
    cache.remember('token', claims('a'), inAnHour, now);
    assert.equal(cache.get('token', now), undefined);
  });
});

/** The test app verifying with the shared secret through a key function that counts signature checks. */
async function countingApp(env: Record<string, string> = {}) {
  let keyLookups = 0;
  const key: JWTVerifyGetKey = async () => {
    keyLookups += 1;
    return new TextEncoder().encode(jwtSecret);
  };
  const test = await createTestApp({ env, keys: { key, algorithms: ['HS256'] } });
  const account = await provisionAccount(test.app, 'acme');
  return { ...test, token: account.siteAdmin.token, keyLookups: () => keyLookups };
}

describe('portal requests with the verified-token cache', () => {
  it('check a token’s signature once, however often it comes', async () => {
    const { app, token, keyLookups } = await countingApp();
    for (let request = 0; request < 3; request++) assert.equal((await call(app, 'GET', '/v1/me', { token })).status, 200);
    assert.equal(keyLookups(), 1);
  });

  it('check every request’s signature with PORTAL_JWT_CACHE_SIZE=0', async () => {
    const { app, token, keyLookups } = await countingApp({ PORTAL_JWT_CACHE_SIZE: '0' });
    for (let request = 0; request < 3; request++) assert.equal((await call(app, 'GET', '/v1/me', { token })).status, 200);
    assert.equal(keyLookups(), 3);
  });

  it('refuse a cached token once it has expired', async () => {
    const { app, clock } = await countingApp();
    const token = await mintToken({ sub: 'acme-admin', customer: 'acme' }, { expiresIn: '2m' });
    assert.equal((await call(app, 'GET', '/v1/me', { token })).status, 200);
    clock.set(new Date(Date.now() + 3 * 60_000).toISOString());
    assert.equal((await call(app, 'GET', '/v1/me', { token })).status, 401);
  });

  it('remember no refused token', async () => {
    const { app, keyLookups } = await countingApp();
    const forged = await mintToken({ sub: 'acme-admin', customer: 'acme' }, { secret: 'another-secret-that-is-long-enough-0123456789' });
    for (let request = 0; request < 2; request++) assert.equal((await call(app, 'GET', '/v1/me', { token: forged })).status, 401);
    assert.equal(keyLookups(), 2);
  });
});
