import { errors as joseErrors, type JWTPayload, jwtVerify } from 'jose';
import * as z from 'zod';
import { ProblemError } from '../errors.ts';
import type { KeyResolver } from './key-resolver.ts';

/** What the portal takes from a host's token. */
export interface TokenClaims {
  sub: string;
  customer: string;
  name: string | null;
  email: string | null;
}

const claimsSchema = z.object({
  sub: z.string().min(1).max(255),
  customer: z.string().min(1).max(64),
  name: z.string().max(200).optional(),
  email: z.string().max(254).optional(),
});

/** Claims of a token whose signature and rules checked out, and when it expires. */
export interface VerifiedToken {
  claims: TokenClaims;
  expiresAt: Date;
}

export interface TokenRules {
  issuer: string | undefined;
  audience: string;
}

const clockToleranceSeconds = 30;

const unauthorized = (detail: string) =>
  new ProblemError(401, 'unauthorized', {
    detail,
    headers: { 'WWW-Authenticate': `Bearer realm="customer-portal", error="invalid_token"` },
  });

function explain(error: unknown): ProblemError {
  if (error instanceof joseErrors.JWTExpired) return unauthorized('The token has expired. Ask the host product for a new one.');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return unauthorized(`The token lacks the "${error.claim}" claim.`);
    if (error.claim === 'aud') return unauthorized('The token is meant for another audience (aud).');
    if (error.claim === 'iss') return unauthorized('The token comes from an issuer this portal does not trust (iss).');
    if (error.claim === 'nbf') return unauthorized('The token is not valid yet (nbf).');
    return unauthorized(`The token's "${error.claim}" claim is not valid.`);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return unauthorized('The token is signed with an algorithm this portal does not accept.');
  if (error instanceof joseErrors.JWKSNoMatchingKey) return unauthorized('The token is signed with a key (kid) this portal does not know.');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return unauthorized('The token’s signature does not verify.');
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid || isFetchFailure(error)) {
    return new ProblemError(503, 'service-unavailable', {
      detail: 'The portal cannot reach the key set it verifies tokens with. Try again shortly.',
      headers: { 'Retry-After': '30' },
    });
  }
  return unauthorized('The token is not a valid signed JWT.');
}

const isFetchFailure = (error: unknown): boolean => error instanceof TypeError && error.message === 'fetch failed';

/** Verifies a host's token; throws a 401 problem saying what is wrong with it. */
export async function verifyToken(token: string, keys: KeyResolver, rules: TokenRules, now: Date): Promise<VerifiedToken> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys.key as never, {
      algorithms: keys.algorithms,
      audience: rules.audience,
      ...(rules.issuer && { issuer: rules.issuer }),
      requiredClaims: ['exp', 'sub', 'customer', ...(rules.issuer ? ['iss'] : [])],
      clockTolerance: clockToleranceSeconds,
      currentDate: now,
    }));
  } catch (error) {
    throw explain(error);
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) {
    const claim = String(claims.error.issues[0]!.path[0]);
    throw unauthorized(`The token's "${claim}" claim is not valid.`);
  }
  return {
    claims: {
      sub: claims.data.sub,
      customer: claims.data.customer,
      name: claims.data.name ?? null,
      email: claims.data.email ?? null,
    },
    // jose has checked that exp is present and a number.
    expiresAt: new Date(payload.exp! * 1000),
  };
}
