import { ConfigError } from '../server/config.ts';

export interface DemoSettings {
  /** Port of the demo host product; 0 picks a free one. */
  hostPort: number;
  /** The environment the portal server is configured from, with the demo's defaults. */
  portalEnv: Record<string, string | undefined>;
}

const defaultHostPort = 3000;

// What the vendor would configure; the environment may override each.
const vendorDefaults = {
  PORTAL_VENDOR_NAME: 'Acme Workspace',
  PORTAL_VENDOR_ADDRESS: '500 Howard Street, San Francisco CA 94105, United States',
  PORTAL_MAIL_FROM: 'Acme Workspace Billing <billing@acme-workspace.test>',
  PORTAL_SUPPORT_EMAIL: 'support@acme-workspace.test',
  PORTAL_SUPPORT_PHONE: '+1 415 555 0100',
  PORTAL_SALES_EMAIL: 'sales@acme-workspace.test',
};

/** Reads DEMO_PORT; every other setting is the portal server's own (README, "Configuration"). */
export function loadDemoSettings(env: Record<string, string | undefined>): DemoSettings {
  const text = env.DEMO_PORT?.trim();
  const hostPort = text ? Number(text) : defaultHostPort;
  if (!Number.isInteger(hostPort) || hostPort < 0 || hostPort > 65535) {
    throw new ConfigError('DEMO_PORT must be a port number between 0 and 65535');
  }
  const portalEnv = { ...vendorDefaults, ...Object.fromEntries(Object.entries(env).filter(([, value]) => value?.trim())) };
  return { hostPort, portalEnv };
}
