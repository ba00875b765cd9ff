import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildVue } from './support/host-builds.ts';
import { type HostPage, openHostPage, saveCompanyName, waitForText } from './support/host-page.ts';
import { type HostSuite, startHostSuite } from './support/host-suite.ts';

describe('a Vue 3 host (demo/hosts/vue), built with Vite, on another origin than the portal, under a strict CSP', () => {
  let suite: HostSuite;
  let host: HostPage;

  before(async () => {
    suite = await startHostSuite('starkAdmin');
    await buildVue(suite.buildFolder);
    suite.host.mount('/vue/', suite.buildFolder);
    host = await openHostPage(suite.browser, `${suite.host.origin}/vue/`);
  });

  after(() => suite?.close());

  test('renders <portal-*> as custom elements with the token provider bound as a property, showing the server’s data', async () => {
    await waitForText(host.page, 'portal-customer-info', 'Stark Industries');
    await waitForText(host.page, 'portal-subscriptions', 'You have no subscriptions yet.');
    await waitForText(host.page, 'portal-lockout-gate', 'A payment is overdue.');
  });

  test('hears the elements’ events through @portal-… listeners', async () => {
    await waitForText(host.page, '#standing', 'Account standing: past_due');
    await saveCompanyName(host.page, 'Stark Industries Ltd.');
    await waitForText(host.page, '#standing', 'Your changes were saved.');
  });

  test('logs no error and breaks no rule of its Content-Security-Policy', async () => {
    assert.deepEqual(await host.cspViolations(), []);
    assert.deepEqual(host.errors, []);
  });
});
