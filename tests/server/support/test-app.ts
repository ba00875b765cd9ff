import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPortalApp } from '../../../server/app.ts';
import { keyResolverFromConfig, type KeyResolver } from '../../../server/auth/key-resolver.ts';
import type { Clock } from '../../../server/clock.ts';
import { loadConfig, type PortalConfig } from '../../../server/config.ts';
import type { Logger } from '../../../server/logger.ts';
import { createMailer } from '../../../server/mail/create-mailer.ts';
import type { PaymentGateway } from '../../../server/payments/gateway.ts';
import { createSandboxGateway } from '../../../server/payments/sandbox/create-sandbox-gateway.ts';
import type { PortalDb } from '../../../server/store/database.ts';
import { openTestDatabase, testDatabaseEnv } from './test-database.ts';

export const jwtSecret = 'test-secret-that-is-long-enough-0123456789';
export const adminApiKey = 'test-admin-key-that-is-long-enough-0123456789';

const outboxFolders = mkdtempSync(join(tmpdir(), 'portal-test-outbox-'));
process.once('exit', () => rmSync(outboxFolders, { recursive: true, force: true }));

/** A clock tests can move; it starts at the real time, so freshly minted tokens are valid. */
export class FakeClock implements Clock {
  private current = new Date();
  now(): Date {
    return new Date(this.current);
  }
  set(instant: string): void {
    this.current = new Date(instant);
  }
}

/** Captures what the server logs, so tests can read it. */
export class MemoryLogger implements Logger {
  readonly lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  info(message: string, fields?: Record<string, unknown>) {
    this.lines.push({ level: 'info', message, ...(fields && { fields }) });
  }
  error(message: string, fields?: Record<string, unknown>) {
    this.lines.push({ level: 'error', message, ...(fields && { fields }) });
  }
}

export interface TestAppOptions {
  env?: Record<string, string>;
  keys?: KeyResolver;
  /** Puts something between the app and the sandbox gateway, e.g. a simulated crash. */
  wrapGateway?: (gateway: PaymentGateway) => PaymentGateway;
  /** Database settings from testDatabaseEnv, or `{ PORTAL_DB: file }` for an SQLite file even when the suite runs on PostgreSQL. */
  database?: Record<string, string>;
}

/**
 * A fresh app on a fresh database with migrations applied: in-memory SQLite, or a schema of its own
 * on PostgreSQL when the suite runs there (PORTAL_TEST_DATABASE_URL). It mails through the real
 * mailer the configuration picks: the outbox (rows in `outbox`, .eml files in `config.outboxFolder`,
 * a folder of its own) unless `env` names an SMTP server. It pays through the sandbox gateway on the
 * same database.
 */
export async function createTestApp(options: TestAppOptions = {}) {
  const databaseEnv = options.database ?? (await testDatabaseEnv());
  const config: PortalConfig = loadConfig({
    ...databaseEnv,
    PORTAL_JWT_SECRET: jwtSecret,
    PORTAL_ADMIN_API_KEY: adminApiKey,
    PORTAL_SUPPORT_EMAIL: 'support@vendor.test',
    PORTAL_OUTBOX_DIR: join(outboxFolders, randomUUID()),
    ...options.env,
  });
  const db: PortalDb = await openTestDatabase(databaseEnv);
  const clock = new FakeClock();
  const logger = new MemoryLogger();
  const mailer = createMailer(config, db, clock);
  const sandbox = createSandboxGateway(db, clock);
  const paymentGateway = options.wrapGateway ? options.wrapGateway(sandbox) : sandbox;
  const app = createPortalApp({ db, clock, keys: options.keys ?? keyResolverFromConfig(config.jwt), config, logger, mailer, paymentGateway });
  return { app, db, clock, logger, config, paymentGateway, databaseEnv };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
