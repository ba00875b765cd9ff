import type { TokenClaims } from './verify-token.ts';

/** Claims of tokens whose signature was already checked, so a repeated token skips the signature check. */
export interface VerifiedTokenCache {
  /** The claims of `token` if it verified before and its entry has not expired by `now`. */
  get(token: string, now: Date): TokenClaims | undefined;
  /** Remembers a successfully verified token until min(its `exp`, now + ttl). */
  remember(token: string, claims: TokenClaims, expiresAt: Date, now: Date): void;
}

interface Entry {
  claims: TokenClaims;
  expiresAtMs: number;
}

/**
 * A least-recently-used cache of at most `maxEntries` tokens, keyed by the whole token string.
 * The ttl bounds how long a token keeps working after its signing key leaves the key set.
 * `maxEntries` 0 turns it off: every request checks the signature.
 */
export function createVerifiedTokenCache(options: { maxEntries: number; ttlMs: number }): VerifiedTokenCache {
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently used first.
  const entries = new Map<string, Entry>();
  return {
    get(token, now) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      entries.delete(token);
      if (now.getTime() >= entry.expiresAtMs) return undefined;
      entries.set(token, entry);
      return entry.claims;
    },
    remember(token, claims, expiresAt, now) {
      if (options.maxEntries === 0) return;
      const expiresAtMs = Math.min(expiresAt.getTime(), now.getTime() + options.ttlMs);
      if (now.getTime() >= expiresAtMs) return;
      entries.delete(token);
      entries.set(token, { claims, expiresAtMs });
      if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}
