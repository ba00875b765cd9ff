import type { TestApp } from './test-app.ts';
import { adminApiKey } from './test-app.ts';
import { mintToken } from './tokens.ts';

type App = TestApp['app'];

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls the app as a client would; a `body` is sent as JSON. */
export function call(app: App, method: string, path: string, options: CallOptions = {}) {
  return app.request(path, {
    method,
    headers: {
      ...(options.token && { Authorization: `Bearer ${options.token}` }),
      ...(options.body !== undefined && { 'Content-Type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
}

export const callAdmin = (app: App, method: string, path: string, body?: unknown) =>
  call(app, method, path, { token: adminApiKey, body });

export interface ProvisionedAccount {
  id: string;
  siteAdmin: { sub: string; token: string };
}

/** Provisions an account through the admin API and mints its Site Admin's token. */
export async function provisionAccount(app: App, id: string, extra: Record<string, unknown> = {}): Promise<ProvisionedAccount> {
  const siteAdminSub = `${id}-admin`;
  const response = await callAdmin(app, 'POST', '/admin/v1/customers', {
    id,
    companyName: `${id} Inc.`,
    currency: 'USD',
    locale: 'en-US',
    siteAdmin: { sub: siteAdminSub, name: `${id} Admin`, email: `admin@${id}.test` },
    ...extra,
  });
  if (response.status !== 201) throw new Error(`provisioning ${id}: ${response.status} ${await response.text()}`);
  return { id, siteAdmin: { sub: siteAdminSub, token: await mintToken({ sub: siteAdminSub, customer: id }) } };
}

/** A token for another user of the account; they are created on first use, without portal access. */
export const userToken = (customer: string, sub: string, name = sub) =>
  mintToken({ sub, customer, name, email: `${sub}@example.test` });

export async function grantPortalAccess(app: App, account: ProvisionedAccount, sub: string): Promise<void> {
  const response = await call(app, 'PUT', `/v1/access/users/${sub}`, {
    token: account.siteAdmin.token,
    body: { portalAccess: true },
  });
  if (response.status !== 200) throw new Error(`granting ${sub}: ${response.status} ${await response.text()}`);
}
