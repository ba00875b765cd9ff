import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import { phonePattern } from '../contract/customer.ts';
import type { DunningSchedule } from './domain/dunning-schedule.ts';

/** The server's settings. Nothing else in the server reads process.env. */
export interface PortalConfig {
  port: number;
  /** The embedded SQLite database; unused when `postgres` is set. */
  databaseFile: string;
  /** PostgreSQL instead of SQLite, for several server nodes on one database. */
  postgres: { url: string; poolSize: number } | undefined;
  jwt: {
    key:
      | { kind: 'jwks'; url: URL }
      | { kind: 'public-key'; text: string }
      | { kind: 'secret'; secret: string };
    issuer: string | undefined;
    audience: string;
    /** How many verified tokens to remember so their signature is checked once; 0: check every request. */
    cacheSize: number;
  };
  adminApiKey: string;
  corsOrigins: string[];
  smtpUrl: string | undefined;
  /** The From of every message, e.g. "Customer Portal <billing@example.com>". */
  mailFrom: string;
  /** Where the embedded outbox writes .eml files when there is no SMTP server. */
  outboxFolder: string;
  graceDays: number;
  supportEmail: string | undefined;
  supportPhone: string | undefined;
  supportUrl: string | undefined;
  /** Where change requests go; the support address stands in when unset. */
  salesEmail: string | undefined;
  /** Who issues the invoices: the vendor block of every invoice PDF and the sender named in its email. */
  vendor: { name: string; addressLines: string[] };
  isProduction: boolean;
  /** An open invoice falling due within this many days makes the account due_soon. */
  dueSoonDays: number;
  /** Minor units of the account's currency: owing less than this past due never locks an account. */
  lockMinimum: number;
  /** When notices go out, and how often the server looks (0 minutes: never; run it from a scheduler instead). */
  dunning: { schedule: DunningSchedule; intervalMinutes: number };
}

/** A setting is wrong or missing; the message is one line naming it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const optionalText = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value ? value : undefined));

const origin = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}, 'each entry must be an origin such as https://app.example.com (scheme, host, optional port; no path, no "*")');

const mailbox = z.string().refine((value) => {
  const match = /^(?:[^<>]*<([^<>\s]+)>|([^<>\s]+))$/.exec(value);
  const address = match?.[1] ?? match?.[2];
  return address !== undefined && z.regexes.html5Email.test(address);
}, 'must be an address such as "Customer Portal <billing@example.com>" or billing@example.com');

/** Beside a database file, e.g. ./data/outbox/; an in-memory database has no folder of its own. */
const defaultOutboxFolder = (databaseFile: string) =>
  databaseFile === ':memory:' ? join(tmpdir(), 'customer-portal-outbox') : join(dirname(databaseFile), 'outbox');

const portMessage = 'must be a port number between 0 and 65535';
const poolSizeMessage = 'must be a whole number of connections from 1 to 1000';
const lockMinimumMessage = 'must be a whole amount in minor units, such as 1000 for $10.00';

const wholeNumber = (unit: string, max: number, fallback: number) => {
  const message = `must be a whole number of ${unit} from 0 to ${max}`;
  return optionalText.pipe(z.coerce.number<string | undefined>({ error: message }).int(message).min(0, message).max(max, message).default(fallback));
};

/** Days of a dunning schedule: "7,1", or "none". */
const dayList = (fallback: string) =>
  optionalText
    .transform((value) => value ?? fallback)
    .pipe(z.string().regex(/^(none|\d{1,3}( *, *\d{1,3})*)$/, 'must be whole numbers of days separated by commas, such as "7,1", or "none"'))
    .transform((value) => (value === 'none' ? [] : value.split(',').map(Number)))
    .pipe(
      z
        .array(z.int().min(1, 'must name days from 1 to 365').max(365, 'must name days from 1 to 365'))
        .refine((days) => new Set(days).size === days.length, 'must name each day once'),
    );

const environment = z.object({
  NODE_ENV: optionalText,
  PORT: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: portMessage }).int(portMessage).min(0, portMessage).max(65535, portMessage).default(8787),
  ),
  PORTAL_DB: optionalText.default('./data/portal.db'),
  PORTAL_DATABASE_URL: optionalText.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL, such as postgres://portal:secret@db.internal:5432/portal' }).optional(),
  ),
  PORTAL_DATABASE_POOL_SIZE: optionalText.pipe(
    z.coerce
      .number<string | undefined>({ error: poolSizeMessage })
      .int(poolSizeMessage)
      .min(1, poolSizeMessage)
      .max(1000, poolSizeMessage)
      .default(10),
  ),
  PORTAL_JWT_JWKS_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  PORTAL_JWT_PUBLIC_KEY: optionalText,
  PORTAL_JWT_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  PORTAL_JWT_ISSUER: optionalText,
  PORTAL_JWT_AUDIENCE: optionalText.default('customer-portal'),
  PORTAL_JWT_CACHE_SIZE: wholeNumber('tokens', 1_000_000, 10_000),
  PORTAL_ADMIN_API_KEY: optionalText.pipe(
    z.string({ error: 'is required (the key the vendor’s systems use for /admin/v1)' }).min(32, 'must be at least 32 characters'),
  ),
  PORTAL_CORS_ORIGINS: optionalText.transform((value) => (value ? value.split(',').map((entry) => entry.trim()) : [])).pipe(z.array(origin)),
  PORTAL_SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional()),
  PORTAL_MAIL_FROM: optionalText.pipe(mailbox.default('Customer Portal <billing@localhost>')),
  PORTAL_OUTBOX_DIR: optionalText,
  PORTAL_GRACE_DAYS: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: "must be a whole number of days" }).int('must be a whole number of days').min(0).max(365).default(14),
  ),
  PORTAL_SUPPORT_EMAIL: optionalText.pipe(z.email('must be an email address').optional()),
  PORTAL_SUPPORT_PHONE: optionalText.pipe(
    z.string().regex(phonePattern, 'must be a phone number such as +1 415 555 0100').optional(),
  ),
  PORTAL_SUPPORT_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional()),
  PORTAL_SALES_EMAIL: optionalText.pipe(z.email('must be an email address').optional()),
  PORTAL_VENDOR_NAME: optionalText.pipe(z.string().max(200, 'must be at most 200 characters').default('Customer Portal')),
  PORTAL_VENDOR_ADDRESS: optionalText
    .transform((value) => (value ? value.split(',').map((line) => line.trim()).filter((line) => line.length > 0) : []))
    .pipe(z.array(z.string().max(200, 'must have lines of at most 200 characters')).max(8, 'must have at most 8 lines (one per comma)')),
  PORTAL_DUE_SOON_DAYS: wholeNumber('days', 365, 7),
  PORTAL_LOCK_MINIMUM: optionalText.pipe(
    z.coerce
      .number<string | undefined>({ error: lockMinimumMessage })
      .int(lockMinimumMessage)
      .min(0, lockMinimumMessage)
      .max(Number.MAX_SAFE_INTEGER, lockMinimumMessage)
      .default(0),
  ),
  PORTAL_DUNNING_REMINDER_DAYS: dayList('7,1'),
  PORTAL_DUNNING_OVERDUE_DAYS: dayList('3,10'),
  PORTAL_DUNNING_FINAL_WARNING_DAYS: wholeNumber('days', 365, 3),
  PORTAL_DUNNING_INTERVAL_MINUTES: wholeNumber('minutes', 1440, 60),
});

/** Reads and checks the environment; throws ConfigError naming the first wrong or missing setting. */
export function loadConfig(env: Record<string, string | undefined>): PortalConfig {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(`${name} ${issue.message}`);
  }
  const settings = parsed.data;
  const isProduction = settings.NODE_ENV === 'production';
  const keySettings = (['PORTAL_JWT_JWKS_URL', 'PORTAL_JWT_PUBLIC_KEY', 'PORTAL_JWT_SECRET'] as const).filter(
    (name) => settings[name] !== undefined,
  );
  if (keySettings.length !== 1) {
    throw new ConfigError(
      keySettings.length === 0
        ? 'PORTAL_JWT_JWKS_URL, PORTAL_JWT_PUBLIC_KEY or PORTAL_JWT_SECRET is required (how to verify the host’s tokens)'
        : `${keySettings.join(' and ')} are both set: choose one way to verify tokens`,
    );
  }
  if (settings.PORTAL_JWT_SECRET && isProduction) {
    throw new ConfigError('PORTAL_JWT_SECRET is for development only: in production use PORTAL_JWT_JWKS_URL or PORTAL_JWT_PUBLIC_KEY');
  }
  return {
    port: settings.PORT,
    databaseFile: settings.PORTAL_DB,
    postgres: settings.PORTAL_DATABASE_URL ? { url: settings.PORTAL_DATABASE_URL, poolSize: settings.PORTAL_DATABASE_POOL_SIZE } : undefined,
    jwt: {
      key: settings.PORTAL_JWT_JWKS_URL
        ? { kind: 'jwks', url: new URL(settings.PORTAL_JWT_JWKS_URL) }
        : settings.PORTAL_JWT_PUBLIC_KEY
          ? { kind: 'public-key', text: settings.PORTAL_JWT_PUBLIC_KEY }
          : { kind: 'secret', secret: settings.PORTAL_JWT_SECRET! },
      issuer: settings.PORTAL_JWT_ISSUER,
      audience: settings.PORTAL_JWT_AUDIENCE,
      cacheSize: settings.PORTAL_JWT_CACHE_SIZE,
    },
    adminApiKey: settings.PORTAL_ADMIN_API_KEY,
    corsOrigins: settings.PORTAL_CORS_ORIGINS,
    smtpUrl: settings.PORTAL_SMTP_URL,
    mailFrom: settings.PORTAL_MAIL_FROM,
    outboxFolder: settings.PORTAL_OUTBOX_DIR ?? defaultOutboxFolder(settings.PORTAL_DB),
    graceDays: settings.PORTAL_GRACE_DAYS,
    supportEmail: settings.PORTAL_SUPPORT_EMAIL,
    supportPhone: settings.PORTAL_SUPPORT_PHONE,
    supportUrl: settings.PORTAL_SUPPORT_URL,
    salesEmail: settings.PORTAL_SALES_EMAIL,
    vendor: { name: settings.PORTAL_VENDOR_NAME, addressLines: settings.PORTAL_VENDOR_ADDRESS },
    isProduction,
    dueSoonDays: settings.PORTAL_DUE_SOON_DAYS,
    lockMinimum: settings.PORTAL_LOCK_MINIMUM,
    dunning: {
      schedule: {
        reminderDays: settings.PORTAL_DUNNING_REMINDER_DAYS,
        overdueDays: settings.PORTAL_DUNNING_OVERDUE_DAYS,
        finalWarningDays: settings.PORTAL_DUNNING_FINAL_WARNING_DAYS,
      },
      intervalMinutes: settings.PORTAL_DUNNING_INTERVAL_MINUTES,
    },
  };
}
