import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import type { PortalTestEnv } from '../../browser/support/portal-test-env.ts';
import type { TestUserName } from '../../browser/support/test-accounts.ts';
import { bundleEntry } from './host-builds.ts';
import { type HostServer, startHostServer } from './host-server.ts';
import { launchChromium } from './host-page.ts';
import { type PortalServer, startPortalServer } from './portal-server.ts';

export const hostsFolder = fileURLToPath(new URL('../../../demo/hosts/', import.meta.url));

export interface HostSuite {
  host: HostServer;
  portal: PortalTestEnv;
  browser: Browser;
  /** A fresh folder for this suite's builds, removed by close(). */
  buildFolder: string;
  close(): Promise<void>;
}

/**
 * A host product's server and the portal server on two origins (the portal trusts the host for
 * CORS), the signed-in user's portal token behind the host's /api/portal-token, and Chromium.
 */
export async function startHostSuite(user: TestUserName): Promise<HostSuite> {
  const buildFolder = mkdtempSync(join(tmpdir(), 'portal-hosts-'));
  const host = await startHostServer();
  host.mount('/', hostsFolder);
  let portalServer: PortalServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await portalServer?.close();
    await host.close();
    rmSync(buildFolder, { recursive: true, force: true });
  };
  try {
    portalServer = await startPortalServer(host.origin);
    host.connect(portalServer.env.origin, portalServer.env.tokens[user]);
    browser = await launchChromium();
    return { host, portal: portalServer.env, browser, buildFolder, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Bundles the one-file package (widgets/index.ts) and serves it where demo/hosts/plain-html loads it. */
export async function servePlainHtmlBundle(suite: HostSuite): Promise<void> {
  await bundleEntry('widgets/index.ts', join(suite.buildFolder, 'customer-portal.js'));
  suite.host.mount('/plain-html/vendor/', suite.buildFolder);
}
