import { SignJWT } from 'jose';
import type { TokenRules } from '../auth/verify-token.ts';

export interface DemoUser {
  sub: string;
  customer: string;
  name: string | null;
  email: string | null;
}

const lifetimeMs = 8 * 60 * 60 * 1000;

/** An HS256 token for `user`, valid for 8 hours from `issuedAt`, as a host product mints one for its signed-in user. */
export function signDemoToken(secret: string, user: DemoUser, rules: TokenRules, issuedAt: Date): Promise<string> {
  let token = new SignJWT({
    customer: user.customer,
    ...(user.name !== null && { name: user.name }),
    ...(user.email !== null && { email: user.email }),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.sub)
    .setAudience(rules.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(new Date(issuedAt.getTime() + lifetimeMs));
  if (rules.issuer) token = token.setIssuer(rules.issuer);
  return token.sign(new TextEncoder().encode(secret));
}
