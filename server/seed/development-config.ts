import { randomBytes } from 'node:crypto';
import { loadConfig, type PortalConfig } from '../config.ts';

/** A random key, long enough for PORTAL_JWT_SECRET and PORTAL_ADMIN_API_KEY. */
export const newDevelopmentSecret = (): string => randomBytes(32).toString('base64url');

/**
 * The configuration the demo and the seed run with: the environment's settings, but always in
 * development with a shared JWT secret, because the demo signs its users' tokens itself. The secret
 * and the admin key are generated when the environment gives none.
 */
export function loadDevelopmentConfig(env: Record<string, string | undefined>): { config: PortalConfig; jwtSecret: string } {
  const jwtSecret = env.PORTAL_JWT_SECRET?.trim() || newDevelopmentSecret();
  const config = loadConfig({
    ...env,
    NODE_ENV: 'development',
    PORTAL_JWT_JWKS_URL: undefined,
    PORTAL_JWT_PUBLIC_KEY: undefined,
    PORTAL_JWT_SECRET: jwtSecret,
    PORTAL_ADMIN_API_KEY: env.PORTAL_ADMIN_API_KEY?.trim() || newDevelopmentSecret(),
  });
  return { config, jwtSecret };
}
