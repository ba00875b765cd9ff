import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { keyResolverFromConfig } from '../../../server/auth/key-resolver.ts';
import { ConfigError, loadConfig } from '../../../server/config.ts';
import { call, provisionAccount } from '../support/requests.ts';
import { adminApiKey, createTestApp } from '../support/test-app.ts';

const claims = { sub: 'acme-admin', customer: 'acme' };

const sign = (alg: string, key: Parameters<SignJWT['sign']>[0], kid?: string) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg, ...(kid && { kid }) })
    .setAudience('customer-portal')
    .setExpirationTime('10m')
    .sign(key);

async function appVerifyingWith(env: Record<string, string>) {
  const config = loadConfig({ PORTAL_ADMIN_API_KEY: adminApiKey, ...env });
  const test = await createTestApp({ env: { ...env, PORTAL_JWT_SECRET: '' }, keys: keyResolverFromConfig(config.jwt) });
  await provisionAccount(test.app, 'acme');
  return test.app;
}

const status = async (app: Awaited<ReturnType<typeof appVerifyingWith>>, token: string) =>
  (await call(app, 'GET', '/v1/me', { token })).status;

describe('with PORTAL_JWT_PUBLIC_KEY', () => {
  it('accepts an ES256 token signed by the matching private key (PEM or JWK)', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const token = await sign('ES256', privateKey);
    assert.equal(await status(await appVerifyingWith({ PORTAL_JWT_PUBLIC_KEY: await exportSPKI(publicKey) }), token), 200);
    const jwk = JSON.stringify(await exportJWK(publicKey));
    assert.equal(await status(await appVerifyingWith({ PORTAL_JWT_PUBLIC_KEY: jwk }), token), 200);
  });

  it('refuses an HS256 token whose "secret" is the public key itself', async () => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(publicKey);
    const app = await appVerifyingWith({ PORTAL_JWT_PUBLIC_KEY: pem });
    const response = await call(app, 'GET', '/v1/me', { token: await sign('HS256', new TextEncoder().encode(pem)) });
    assert.equal(response.status, 401);
    assert.match((await response.json()).detail, /algorithm/);
  });

  it('refuses a token signed by another key pair', async () => {
    const ours = await generateKeyPair('EdDSA', { extractable: true });
    const theirs = await generateKeyPair('EdDSA');
    const app = await appVerifyingWith({ PORTAL_JWT_PUBLIC_KEY: await exportSPKI(ours.publicKey) });
    assert.equal(await status(app, await sign('EdDSA', theirs.privateKey)), 401);
    assert.equal(await status(app, await sign('EdDSA', ours.privateKey)), 200);
  });

  it('stops start-up when given a private key or something that is not a key', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    for (const text of [await exportPKCS8(privateKey), 'hello']) {
      const config = loadConfig({ PORTAL_ADMIN_API_KEY: adminApiKey, PORTAL_JWT_PUBLIC_KEY: text });
      assert.throws(() => keyResolverFromConfig(config.jwt), (error) => error instanceof ConfigError && /PORTAL_JWT_PUBLIC_KEY/.test(error.message));
    }
  });
});

describe('with PORTAL_JWT_JWKS_URL', () => {
  let jwksServer: Server;
  let jwksUrl: string;
  let signingKey: CryptoKey;

  before(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    signingKey = pair.privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'ES256', use: 'sig' }] });
    jwksServer = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(jwks));
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  after(() => jwksServer.close());

  it('accepts a token whose kid is in the key set', async () => {
    const app = await appVerifyingWith({ PORTAL_JWT_JWKS_URL: jwksUrl });
    assert.equal(await status(app, await sign('ES256', signingKey, 'key-1')), 200);
  });

  it('refuses a token whose kid is unknown', async () => {
    const app = await appVerifyingWith({ PORTAL_JWT_JWKS_URL: jwksUrl });
    const response = await call(app, 'GET', '/v1/me', { token: await sign('ES256', signingKey, 'key-2') });
    assert.equal(response.status, 401);
    assert.match((await response.json()).detail, /kid/);
  });

  it('answers 503, not 500, when the key set cannot be fetched', async () => {
    const app = await appVerifyingWith({ PORTAL_JWT_JWKS_URL: 'http://127.0.0.1:9/jwks.json' });
    const response = await call(app, 'GET', '/v1/me', { token: await sign('ES256', signingKey, 'key-1') });
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('Content-Type'), 'application/problem+json');
    assert.equal(response.headers.get('Retry-After'), '30');
  });
});
