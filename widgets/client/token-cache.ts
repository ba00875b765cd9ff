/**
 * Holds the host's token so every call does not ask the host for one. Callers keep the
 * promise they were handed: renewing with it asks the host again only if nobody else has
 * since, so calls that fail together with one stale token share one fresh token.
 */
export class TokenCache {
  readonly #provider: () => Promise<string>;
  #pending: Promise<string> | undefined;

  constructor(provider: () => Promise<string>) {
    this.#provider = provider;
  }

  current(): Promise<string> {
    if (!this.#pending) {
      const pending = this.#provider();
      this.#pending = pending;
      // A failed request for a token is not kept: the next call asks again.
      pending.catch(() => {
        if (this.#pending === pending) this.#pending = undefined;
      });
    }
    return this.#pending;
  }

  renew(stale: Promise<string>): Promise<string> {
    if (this.#pending === stale) this.#pending = undefined;
    return this.current();
  }
}
