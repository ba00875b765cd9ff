import * as z from 'zod';

/** The server's settings. Nothing else in the server reads process.env. */
export interface PortalConfig {
  port: number;
  databaseFile: string;
  jwt: {
    key:
      | { kind: 'jwks'; url: URL }
      | { kind: 'public-key'; text: string }
      | { kind: 'secret'; secret: string };
    issuer: string | undefined;
    audience: string;
  };
  adminApiKey: string;
  corsOrigins: string[];
  smtpUrl: string | undefined;
  graceDays: number;
  supportEmail: string | undefined;
  isProduction: boolean;
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

const portMessage = 'must be a port number between 0 and 65535';

const environment = z.object({
  NODE_ENV: optionalText,
  PORT: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: portMessage }).int(portMessage).min(0, portMessage).max(65535, portMessage).default(8787),
  ),
  PORTAL_DB: optionalText.default('./data/portal.db'),
  PORTAL_JWT_JWKS_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  PORTAL_JWT_PUBLIC_KEY: optionalText,
  PORTAL_JWT_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  PORTAL_JWT_ISSUER: optionalText,
  PORTAL_JWT_AUDIENCE: optionalText.default('customer-portal'),
  PORTAL_ADMIN_API_KEY: optionalText.pipe(
    z.string({ error: 'is required (the key the vendor’s systems use for /admin/v1)' }).min(32, 'must be at least 32 characters'),
  ),
  PORTAL_CORS_ORIGINS: optionalText.transform((value) => (value ? value.split(',').map((entry) => entry.trim()) : [])).pipe(z.array(origin)),
  PORTAL_SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional()),
  PORTAL_GRACE_DAYS: optionalText.pipe(
    z.coerce.number<string | undefined>({ error: "must be a whole number of days" }).int('must be a whole number of days').min(0).max(365).default(14),
  ),
  PORTAL_SUPPORT_EMAIL: optionalText.pipe(z.email('must be an email address').optional()),
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
    jwt: {
      key: settings.PORTAL_JWT_JWKS_URL
        ? { kind: 'jwks', url: new URL(settings.PORTAL_JWT_JWKS_URL) }
        : settings.PORTAL_JWT_PUBLIC_KEY
          ? { kind: 'public-key', text: settings.PORTAL_JWT_PUBLIC_KEY }
          : { kind: 'secret', secret: settings.PORTAL_JWT_SECRET! },
      issuer: settings.PORTAL_JWT_ISSUER,
      audience: settings.PORTAL_JWT_AUDIENCE,
    },
    adminApiKey: settings.PORTAL_ADMIN_API_KEY,
    corsOrigins: settings.PORTAL_CORS_ORIGINS,
    smtpUrl: settings.PORTAL_SMTP_URL,
    graceDays: settings.PORTAL_GRACE_DAYS,
    supportEmail: settings.PORTAL_SUPPORT_EMAIL,
    isProduction,
  };
}
