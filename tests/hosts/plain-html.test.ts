import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type HostPage, openHostPage, saveCompanyName, waitForText } from './support/host-page.ts';
import { type HostSuite, servePlainHtmlBundle, startHostSuite } from './support/host-suite.ts';

describe('a plain HTML host page (demo/hosts/plain-html), on another origin than the portal, under a strict CSP', () => {
  let suite: HostSuite;
  let host: HostPage;

  before(async () => {
    suite = await startHostSuite('acmeAdmin');
    await servePlainHtmlBundle(suite);
    host = await openHostPage(suite.browser, `${suite.host.origin}/plain-html/`);
  });

  after(() => suite?.close());

  test('shows the account’s data from the portal server in the elements of its markup', async () => {
    await waitForText(host.page, 'portal-customer-info', 'Acme Inc.');
    await waitForText(host.page, 'portal-subscriptions', 'Glaxis');
  });

  test('hears portal-standing-change and portal-saved in its own script', async () => {
    await waitForText(host.page, '#standing', 'Account standing: good');
    await saveCompanyName(host.page, 'Acme Incorporated');
    await waitForText(host.page, '#standing', 'Your changes were saved.');
    await waitForText(host.page, 'portal-customer-info', 'Acme Incorporated');
  });

  test('logs no error and breaks no rule of its Content-Security-Policy', async () => {
    assert.deepEqual(await host.cspViolations(), []);
    assert.deepEqual(host.errors, []);
  });
});
