import { PortalClient } from './portal-client.ts';

type TokenProvider = () => Promise<string>;

const clients = new WeakMap<TokenProvider, Map<string, PortalClient>>();

/**
 * One client per (api-base, token provider), so elements configured alike share its token cache
 * instead of each asking the host for a token.
 */
export function clientFor(apiBase: string | undefined, tokenProvider: TokenProvider | undefined): PortalClient | undefined {
  if (!apiBase || !tokenProvider) return undefined;
  let byBase = clients.get(tokenProvider);
  if (!byBase) clients.set(tokenProvider, (byBase = new Map()));
  let client = byBase.get(apiBase);
  if (!client) byBase.set(apiBase, (client = new PortalClient({ apiBase, tokenProvider })));
  return client;
}
