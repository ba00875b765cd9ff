import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { HostUser } from './user-directory.ts';

const algorithm = 'EdDSA';
const lifetimeSeconds = 5 * 60;

export interface TokenSigner {
  /** The public half, as the JWKS the portal verifies tokens against. */
  jwks: { keys: JWK[] };
  /** A short-lived token for the portal, for `user`. */
  mint(user: HostUser): Promise<string>;
}

/**
 * The product's own signing key for portal tokens: an Ed25519 pair made at start, whose private
 * half never leaves this process. The portal finds the public half by `kid` in the JWKS.
 */
export async function createTokenSigner({ issuer, audience }: { issuer: string; audience: string }): Promise<TokenSigner> {
  const { privateKey, publicKey } = await generateKeyPair(algorithm, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    jwks: { keys: [{ ...publicJwk, kid, alg: algorithm, use: 'sig' }] },
    mint: (user) =>
      new SignJWT({ customer: user.accountId, name: user.name, email: user.email })
        .setProtectedHeader({ alg: algorithm, kid })
        .setSubject(user.id)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .sign(privateKey),
  };
}
