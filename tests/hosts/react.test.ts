import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildReact } from './support/host-builds.ts';
import { type HostPage, openHostPage, saveCompanyName, waitForText } from './support/host-page.ts';
import { type HostSuite, hostsFolder, startHostSuite } from './support/host-suite.ts';

describe('a React 19 host (demo/hosts/react), bundled with esbuild, on another origin than the portal, under a strict CSP', () => {
  let suite: HostSuite;
  let host: HostPage;

  before(async () => {
    suite = await startHostSuite('hooliAdmin');
    await buildReact(suite.buildFolder);
    copyFileSync(join(hostsFolder, 'react/index.html'), join(suite.buildFolder, 'index.html'));
    suite.host.mount('/react/', suite.buildFolder);
    host = await openHostPage(suite.browser, `${suite.host.origin}/react/`);
  });

  after(() => suite?.close());

  test('passes the token provider and api base as properties, and the elements show the server’s data', async () => {
    await waitForText(host.page, 'portal-customer-info', 'Hooli Inc.');
    await waitForText(host.page, 'portal-subscriptions', 'Glaxis');
    assert.equal(await host.page.$eval('portal-invoices', (element) => (element as HTMLElement & { pageSize: number }).pageSize), 10);
  });

  test('hears the elements’ events through onportal-… props, in React state', async () => {
    await waitForText(host.page, '#standing', 'Account standing: good');
    await saveCompanyName(host.page, 'Hooli XYZ');
    await waitForText(host.page, '#standing', 'Your changes were saved.');
  });

  test('logs no error and breaks no rule of its Content-Security-Policy', async () => {
    assert.deepEqual(await host.cspViolations(), []);
    assert.deepEqual(host.errors, []);
  });
});
