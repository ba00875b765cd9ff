import type { TestUserName } from './test-accounts.ts';

/** What the portal test server prints and the test page reads from /portal-test-env.json. */
export interface PortalTestEnv {
  /** The portal server, on another origin than the test page, which it trusts for CORS. */
  origin: string;
  /** The same server and database, trusting no browser origin. */
  closedOrigin: string;
  /** A token for each test user, and Ada's (acme's Site Admin) expired an hour ago. */
  tokens: Record<TestUserName | 'acmeAdminExpired', string>;
}

export async function loadPortalTestEnv(): Promise<PortalTestEnv> {
  const response = await fetch('/portal-test-env.json');
  if (!response.ok) throw new Error(`The test runner did not serve the portal test env (HTTP ${response.status}).`);
  return (await response.json()) as PortalTestEnv;
}
