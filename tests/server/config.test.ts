import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../server/config.ts';
import { refusal, validEnvironment } from './support/config-refusal.ts';

const valid = validEnvironment;

describe('configuration', () => {
  it('has working defaults for everything but the keys', () => {
    const config = loadConfig(valid);
    assert.equal(config.port, 8787);
    assert.equal(config.databaseFile, './data/portal.db');
    assert.equal(config.jwt.audience, 'customer-portal');
    assert.equal(config.graceDays, 14);
    assert.deepEqual(config.corsOrigins, []);
    assert.equal(config.smtpUrl, undefined);
    assert.equal(config.mailFrom, 'Customer Portal <billing@localhost>');
    assert.equal(config.outboxFolder, join('data', 'outbox'));
    assert.deepEqual([config.supportPhone, config.supportUrl, config.salesEmail], [undefined, undefined, undefined]);
    assert.deepEqual(config.vendor, { name: 'Customer Portal', addressLines: [] });
  });

  it('reads the vendor of the invoices, its address one line per comma', () => {
    const config = loadConfig({
      ...valid,
      PORTAL_VENDOR_NAME: ' Vendor Software Ltd ',
      PORTAL_VENDOR_ADDRESS: '1 Market Street, Suite 400,, San Francisco CA 94105 ,United States',
    });
    assert.deepEqual(config.vendor, {
      name: 'Vendor Software Ltd',
      addressLines: ['1 Market Street', 'Suite 400', 'San Francisco CA 94105', 'United States'],
    });
  });

  it('reads the support contact, the sales address and the sender', () => {
    const config = loadConfig({
      ...valid,
      PORTAL_SUPPORT_PHONE: ' +1 (415) 555-0100 ',
      PORTAL_SUPPORT_URL: 'https://vendor.example/support',
      PORTAL_SALES_EMAIL: 'sales@vendor.example',
      PORTAL_MAIL_FROM: '"Vendor, Inc." <billing@vendor.example>',
    });
    assert.equal(config.supportPhone, '+1 (415) 555-0100');
    assert.equal(config.supportUrl, 'https://vendor.example/support');
    assert.equal(config.salesEmail, 'sales@vendor.example');
    assert.equal(config.mailFrom, '"Vendor, Inc." <billing@vendor.example>');
  });

  it('takes a bare address as the sender', () => {
    assert.equal(loadConfig({ ...valid, PORTAL_MAIL_FROM: 'billing@localhost' }).mailFrom, 'billing@localhost');
  });

  it('uses PostgreSQL when PORTAL_DATABASE_URL is set, with 10 connections per node unless PORTAL_DATABASE_POOL_SIZE says otherwise', () => {
    assert.equal(loadConfig(valid).postgres, undefined);
    assert.deepEqual(loadConfig({ ...valid, PORTAL_DATABASE_URL: 'postgres://portal:secret@db.internal:5432/portal' }).postgres, {
      url: 'postgres://portal:secret@db.internal:5432/portal',
      poolSize: 10,
    });
    assert.deepEqual(loadConfig({ ...valid, PORTAL_DATABASE_URL: 'postgresql://db.internal/portal', PORTAL_DATABASE_POOL_SIZE: '25' }).postgres, {
      url: 'postgresql://db.internal/portal',
      poolSize: 25,
    });
  });

  it('refuses a database URL that is not PostgreSQL, and a pool of no connections', () => {
    assert.equal(
      refusal({ ...valid, PORTAL_DATABASE_URL: 'mysql://db.internal/portal' }),
      'PORTAL_DATABASE_URL must be a postgres:// URL, such as postgres://portal:secret@db.internal:5432/portal',
    );
    assert.equal(
      refusal({ ...valid, PORTAL_DATABASE_URL: 'postgres://db.internal/portal', PORTAL_DATABASE_POOL_SIZE: '0' }),
      'PORTAL_DATABASE_POOL_SIZE must be a whole number of connections from 1 to 1000',
    );
    assert.equal(refusal({ ...valid, PORTAL_DATABASE_POOL_SIZE: 'many' }), 'PORTAL_DATABASE_POOL_SIZE must be a whole number of connections from 1 to 1000');
  });

  it('puts the outbox beside the database file, in the temp folder for an in-memory one, or where PORTAL_OUTBOX_DIR says', () => {
    assert.equal(loadConfig({ ...valid, PORTAL_DB: '/var/lib/portal/portal.db' }).outboxFolder, '/var/lib/portal/outbox');
    assert.equal(loadConfig({ ...valid, PORTAL_DB: ':memory:' }).outboxFolder, join(tmpdir(), 'customer-portal-outbox'));
    assert.equal(loadConfig({ ...valid, PORTAL_OUTBOX_DIR: '/srv/mail' }).outboxFolder, '/srv/mail');
  });

  it('reads a list of CORS origins', () => {
    const config = loadConfig({ ...valid, PORTAL_CORS_ORIGINS: 'https://app.example.com, http://localhost:3000' });
    assert.deepEqual(config.corsOrigins, ['https://app.example.com', 'http://localhost:3000']);
  });

  const refusals: [string, Record<string, string>, RegExp][] = [
    ['no way to verify tokens', { PORTAL_ADMIN_API_KEY: valid.PORTAL_ADMIN_API_KEY }, /^PORTAL_JWT_JWKS_URL, PORTAL_JWT_PUBLIC_KEY or PORTAL_JWT_SECRET is required/],
    ['two ways to verify tokens', { ...valid, PORTAL_JWT_JWKS_URL: 'https://host.example/jwks.json' }, /^PORTAL_JWT_JWKS_URL and PORTAL_JWT_SECRET are both set/],
    ['a shared secret in production', { ...valid, NODE_ENV: 'production' }, /^PORTAL_JWT_SECRET is for development only/],
    ['a short secret', { ...valid, PORTAL_JWT_SECRET: 'short' }, /^PORTAL_JWT_SECRET must be at least 32 characters/],
    ['no admin key', { PORTAL_JWT_SECRET: valid.PORTAL_JWT_SECRET }, /^PORTAL_ADMIN_API_KEY is required/],
    ['a JWKS URL that is not http(s)', { ...valid, PORTAL_JWT_SECRET: '', PORTAL_JWT_JWKS_URL: 'ftp://x/jwks' }, /^PORTAL_JWT_JWKS_URL /],
    ['a wildcard CORS origin', { ...valid, PORTAL_CORS_ORIGINS: '*' }, /^PORTAL_CORS_ORIGINS each entry must be an origin/],
    ['a CORS origin with a path', { ...valid, PORTAL_CORS_ORIGINS: 'https://app.example.com/settings' }, /^PORTAL_CORS_ORIGINS /],
    ['a grace period that is not a number', { ...valid, PORTAL_GRACE_DAYS: 'two weeks' }, /^PORTAL_GRACE_DAYS must be a whole number of days/],
    ['a negative grace period', { ...valid, PORTAL_GRACE_DAYS: '-1' }, /^PORTAL_GRACE_DAYS /],
    ['a port out of range', { ...valid, PORT: '70000' }, /^PORT must be a port number/],
    ['an SMTP URL of another scheme', { ...valid, PORTAL_SMTP_URL: 'https://mail.example' }, /^PORTAL_SMTP_URL must be an smtp/],
    ['a support email that is not one', { ...valid, PORTAL_SUPPORT_EMAIL: 'support' }, /^PORTAL_SUPPORT_EMAIL must be an email/],
    ['a support phone that is not a number', { ...valid, PORTAL_SUPPORT_PHONE: 'call us' }, /^PORTAL_SUPPORT_PHONE must be a phone number/],
    ['a support page that is not a web URL', { ...valid, PORTAL_SUPPORT_URL: 'ftp://vendor.example/support' }, /^PORTAL_SUPPORT_URL must be an http/],
    ['a support page that is not a URL', { ...valid, PORTAL_SUPPORT_URL: 'vendor support' }, /^PORTAL_SUPPORT_URL must be an http/],
    ['a sales email that is not one', { ...valid, PORTAL_SALES_EMAIL: 'sales' }, /^PORTAL_SALES_EMAIL must be an email/],
    ['a sender without an address', { ...valid, PORTAL_MAIL_FROM: 'Customer Portal' }, /^PORTAL_MAIL_FROM must be an address such as/],
    ['a vendor name of more than 200 characters', { ...valid, PORTAL_VENDOR_NAME: 'V'.repeat(201) }, /^PORTAL_VENDOR_NAME must be at most 200 characters/],
    ['a vendor address of more than 8 lines', { ...valid, PORTAL_VENDOR_ADDRESS: 'a,b,c,d,e,f,g,h,i' }, /^PORTAL_VENDOR_ADDRESS must have at most 8 lines/],
    ['a token cache size that is not a whole number', { ...valid, PORTAL_JWT_CACHE_SIZE: 'many' }, /^PORTAL_JWT_CACHE_SIZE must be a whole number of tokens/],
    ['a sender whose address is not one', { ...valid, PORTAL_MAIL_FROM: 'Billing <billing>' }, /^PORTAL_MAIL_FROM must be an address such as/],
  ];
  for (const [what, env, message] of refusals) {
    it(`refuses ${what}, naming the setting`, () => {
      assert.match(refusal(env), message);
    });
  }

  it('stops the server (server/main.ts) with one clear line and exit code 1', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { PATH: process.env.PATH, PORTAL_JWT_SECRET: valid.PORTAL_JWT_SECRET, PORTAL_GRACE_DAYS: 'soon', PORTAL_ADMIN_API_KEY: valid.PORTAL_ADMIN_API_KEY },
      encoding: 'utf8',
    });
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, 'Configuration error: PORTAL_GRACE_DAYS must be a whole number of days\n');
  });
});
