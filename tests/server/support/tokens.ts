import { SignJWT } from 'jose';
import { jwtSecret } from './test-app.ts';

export interface TokenClaims {
  sub?: string;
  customer?: string;
  name?: string;
  email?: string;
  [claim: string]: unknown;
}

/** An HS256 token as a host would mint it for the test app's secret; override anything. */
export async function mintToken(
  claims: TokenClaims,
  options: { expiresIn?: string | number; audience?: string | null; issuer?: string; secret?: string } = {},
): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (options.audience !== null) jwt = jwt.setAudience(options.audience ?? 'customer-portal');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.expiresIn !== undefined || !('exp' in claims)) jwt = jwt.setExpirationTime(options.expiresIn ?? '10m');
  return jwt.sign(new TextEncoder().encode(options.secret ?? jwtSecret));
}
