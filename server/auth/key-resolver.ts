import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { ConfigError, type PortalConfig } from '../config.ts';

/** Where token signatures are checked against, and which algorithms are accepted. */
export interface KeyResolver {
  key: KeyObject | Uint8Array | JWTVerifyGetKey;
  algorithms: string[];
}

const asymmetricAlgorithms = ['ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

/** The algorithms a public key can verify; an HS256 token "signed" with the public key is never among them. */
function algorithmsFor(key: KeyObject): string[] {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
    case 'rsa-pss':
      return ['PS256', 'PS384', 'PS512'];
    case 'ed25519':
      return ['EdDSA', 'Ed25519'];
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      const byCurve: Record<string, string> = { prime256v1: 'ES256', secp384r1: 'ES384', secp521r1: 'ES512' };
      if (curve && byCurve[curve]) return [byCurve[curve]];
    }
  }
  throw new ConfigError(`PORTAL_JWT_PUBLIC_KEY is a ${key.asymmetricKeyType} key, which cannot verify tokens here (use EC P-256/384/521, Ed25519 or RSA)`);
}

function parsePublicKey(text: string): { key: KeyObject; algorithm?: string } {
  const trimmed = text.trim();
  if (/PRIVATE KEY/.test(trimmed)) throw new ConfigError('PORTAL_JWT_PUBLIC_KEY holds a private key: give the public key only');
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as { d?: unknown; alg?: string };
      if (jwk.d !== undefined) throw new ConfigError('PORTAL_JWT_PUBLIC_KEY holds a private key: give the public key only');
      return { key: createPublicKey({ key: jwk as never, format: 'jwk' }), ...(jwk.alg && { algorithm: jwk.alg }) };
    }
    // Environment variables often carry PEM newlines as "\n".
    return { key: createPublicKey(trimmed.replace(/\\n/g, '\n')) };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError('PORTAL_JWT_PUBLIC_KEY is neither a PEM public key nor a public JWK');
  }
}

export function keyResolverFromConfig(jwt: PortalConfig['jwt']): KeyResolver {
  switch (jwt.key.kind) {
    case 'jwks':
      return {
        key: createRemoteJWKSet(jwt.key.url, { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 600_000 }),
        algorithms: asymmetricAlgorithms,
      };
    case 'public-key': {
      const { key, algorithm } = parsePublicKey(jwt.key.text);
      const algorithms = algorithmsFor(key);
      if (algorithm && !algorithms.includes(algorithm)) {
        throw new ConfigError(`PORTAL_JWT_PUBLIC_KEY says alg ${algorithm}, which does not fit a ${key.asymmetricKeyType} key`);
      }
      return { key, algorithms: algorithm ? [algorithm] : algorithms };
    }
    case 'secret':
      return { key: new TextEncoder().encode(jwt.key.secret), algorithms: ['HS256'] };
  }
}
