import { loadConfig, type PortalConfig } from '../server/config.ts';
import { newDevelopmentSecret } from '../server/seed/development-config.ts';

/**
 * The portal server as the demo host needs it: it verifies the host's tokens against the host's
 * JWKS, expects the host as issuer, and lets the host's pages call it (CORS). The admin key, which
 * the host uses to read standings, is generated when the environment gives none.
 */
export function demoPortalConfig(env: Record<string, string | undefined>, hostOrigin: string): PortalConfig {
  const extraOrigins = env.PORTAL_CORS_ORIGINS?.split(',').map((origin) => origin.trim()).filter(Boolean) ?? [];
  return loadConfig({
    ...env,
    NODE_ENV: 'development',
    PORTAL_JWT_JWKS_URL: `${hostOrigin}/.well-known/jwks.json`,
    PORTAL_JWT_PUBLIC_KEY: undefined,
    PORTAL_JWT_SECRET: undefined,
    PORTAL_JWT_ISSUER: hostOrigin,
    PORTAL_CORS_ORIGINS: [hostOrigin, ...extraOrigins.filter((origin) => origin !== hostOrigin)].join(','),
    PORTAL_ADMIN_API_KEY: env.PORTAL_ADMIN_API_KEY ?? newDevelopmentSecret(),
  });
}
