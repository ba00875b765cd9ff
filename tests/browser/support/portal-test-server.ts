import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { jsonLogger, loadConfig, type Logger, startPortalServer } from '../../../server/index.ts';
import type { PortalTestEnv } from './portal-test-env.ts';
import { acme, globex, provisionTestAccounts } from './test-accounts.ts';

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
    }),
    quietLogger,
  );

const server = await startServer(pageOrigin);
const closedServer = await startServer('');
const origin = `http://127.0.0.1:${server.port}`;
await provisionTestAccounts(origin, adminApiKey);

const hour = 60 * 60;
const mintToken = (account: typeof acme | typeof globex, expiresAt: number) =>
  new SignJWT({ customer: account.id, name: account.siteAdmin.name, email: account.siteAdmin.email })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(account.siteAdmin.sub)
    .setAudience('customer-portal')
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(jwtSecret));

const now = Math.floor(Date.now() / 1000);
const env: PortalTestEnv = {
  origin,
  closedOrigin: `http://127.0.0.1:${closedServer.port}`,
  tokens: {
    acmeAdmin: await mintToken(acme, now + hour),
    acmeAdminExpired: await mintToken(acme, now - hour),
    globexAdmin: await mintToken(globex, now + hour),
  },
};
process.stdout.write(`${JSON.stringify(env)}\n`);

// stdin closes both when the runner stops us and when it dies without doing so.
process.stdin.resume();
process.stdin.once('end', () => void Promise.all([server.close(), closedServer.close()]));
