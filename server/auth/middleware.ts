import { createHash, timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { ProblemError } from '../errors.ts';
import type { PortalEnv } from '../http/env.ts';
import type { PortalDb } from '../store/database.ts';
import { findSiteAdmin } from '../store/users.ts';
import type { Clock } from '../clock.ts';
import type { KeyResolver } from './key-resolver.ts';
import { signIn } from './sign-in.ts';
import type { VerifiedTokenCache } from './verified-token-cache.ts';
import { type TokenClaims, type TokenRules, verifyToken } from './verify-token.ts';

const bearerPattern = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

function bearerToken(header: string | undefined): string {
  const match = header ? bearerPattern.exec(header.trim()) : null;
  if (!match) {
    throw new ProblemError(401, 'unauthorized', {
      detail: header ? 'The Authorization header must be "Bearer <JWT>".' : 'Send the host’s token as "Authorization: Bearer <JWT>".',
      headers: { 'WWW-Authenticate': 'Bearer realm="customer-portal"' },
    });
  }
  return match[1]!;
}

interface AuthenticateDeps {
  db: PortalDb;
  clock: Clock;
  keys: KeyResolver;
  tokenRules: TokenRules;
  verifiedTokens: VerifiedTokenCache;
}

async function verifyAndRemember(deps: AuthenticateDeps, token: string, now: Date): Promise<TokenClaims> {
  const verified = await verifyToken(token, deps.keys, deps.tokenRules, now);
  deps.verifiedTokens.remember(token, verified.claims, verified.expiresAt, now);
  return verified.claims;
}

/** Verifies the Bearer token (or finds it verified before) and signs the user in; sets `principal`. */
export const authenticateUser = (deps: AuthenticateDeps) =>
  createMiddleware<PortalEnv>(async (c, next) => {
    const now = deps.clock.now();
    const token = bearerToken(c.req.header('Authorization'));
    // A token verified before is answered without another async step.
    const claims = deps.verifiedTokens.get(token, now) ?? (await verifyAndRemember(deps, token, now));
    c.set('principal', await signIn(deps.db, claims, now));
    await next();
  });

/** Lets only holders of Customer Portal View through, and tells the others whom to ask. */
export const requirePortalAccess = (db: PortalDb) =>
  createMiddleware<PortalEnv>(async (c, next) => {
    const { customerId, hasPortalAccess } = c.get('principal');
    if (!hasPortalAccess) {
      const siteAdmin = await findSiteAdmin(db, customerId);
      const whom = siteAdmin?.name ? `your Site Admin, ${siteAdmin.name},` : 'your Site Admin';
      throw new ProblemError(403, 'forbidden', {
        detail: `You need the Customer Portal View permission. Ask ${whom} to grant it.`,
      });
    }
    await next();
  });

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Server-to-server calls carry PORTAL_ADMIN_API_KEY as a Bearer token; compared in constant time. */
export const authenticateAdmin = (adminApiKey: string) => {
  const expected = digest(adminApiKey);
  return createMiddleware<PortalEnv>(async (c, next) => {
    const presented = /^Bearer +(.+)$/.exec(c.req.header('Authorization')?.trim() ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(presented), expected)) {
      throw new ProblemError(401, 'unauthorized', {
        detail: 'The admin API needs "Authorization: Bearer <PORTAL_ADMIN_API_KEY>".',
        headers: { 'WWW-Authenticate': 'Bearer realm="customer-portal-admin"' },
      });
    }
    await next();
  });
};
