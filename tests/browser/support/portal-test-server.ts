import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { jsonLogger, loadConfig, type Logger, startPortalServer } from '../../../server/index.ts';
import { provisionHistory } from './history-ledger.ts';
import type { PortalTestEnv } from './portal-test-env.ts';
import { acme, provisionTestAccounts, type TestUserName, testUsers } from './test-accounts.ts';

// Started by the test runner as `node --import tsx portal-test-server.ts <page origin>`: serves
// the portal on a temp database, prints one PortalTestEnv JSON line, and stops when stdin closes.

const pageOrigin = process.argv[2];
if (!pageOrigin) throw new Error('Pass the test page origin, e.g. http://localhost:8000.');

const directory = mkdtempSync(join(tmpdir(), 'portal-browser-tests-'));
process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
const jwtSecret = randomBytes(32).toString('base64url');
const adminApiKey = randomBytes(32).toString('base64url');
const quietLogger: Logger = { info: () => {}, error: jsonLogger.error };

const startServer = (corsOrigins: string) =>
  startPortalServer(
    loadConfig({
      PORT: '0',
      PORTAL_DB: join(directory, 'portal.db'),
      PORTAL_JWT_SECRET: jwtSecret,
      PORTAL_ADMIN_API_KEY: adminApiKey,
      PORTAL_CORS_ORIGINS: corsOrigins,
      PORTAL_SUPPORT_EMAIL: 'support@vendor.test',
      PORTAL_SUPPORT_PHONE: '+1 800 555 0100',
      PORTAL_SALES_EMAIL: 'sales@vendor.test',
    }),
    quietLogger,
  );

const server = await startServer(pageOrigin);
const closedServer = await startServer('');
const origin = `http://127.0.0.1:${server.port}`;

const hour = 60 * 60;
const now = Math.floor(Date.now() / 1000);
const mintToken = (user: { customer: string; sub: string; name: string; email: string }, expiresAt = now + hour) =>
  new SignJWT({ customer: user.customer, name: user.name, email: user.email })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.sub)
    .setAudience('customer-portal')
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(jwtSecret));

await provisionTestAccounts(origin, adminApiKey, (user) => mintToken(user));
await provisionHistory(origin, adminApiKey, server.db);

const tokens = Object.fromEntries(
  await Promise.all(Object.entries(testUsers).map(async ([name, user]) => [name, await mintToken(user)] as const)),
) as Record<TestUserName, string>;
const env: PortalTestEnv = {
  origin,
  closedOrigin: `http://127.0.0.1:${closedServer.port}`,
  tokens: { ...tokens, acmeAdminExpired: await mintToken({ customer: acme.id, ...acme.siteAdmin }, now - hour) },
};
process.stdout.write(`${JSON.stringify(env)}\n`);

// stdin closes both when the runner stops us and when it dies without doing so.
process.stdin.resume();
process.stdin.once('end', () => void Promise.all([server.close(), closedServer.close()]));
