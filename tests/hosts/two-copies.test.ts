import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { type HostPage, openHostPage, waitForText } from './support/host-page.ts';
import { type HostSuite, servePlainHtmlBundle, startHostSuite } from './support/host-suite.ts';

declare global {
  interface Window {
    litElementVersions?: string[];
  }
}

describe('two copies of the package on one page', () => {
  let suite: HostSuite;
  let host: HostPage;

  before(async () => {
    suite = await startHostSuite('acmeAdmin');
    await servePlainHtmlBundle(suite);
    // The same file under another URL is another module: its own Lit, its own element classes.
    suite.host.mount('/two-copies/second-copy/', suite.buildFolder);
    suite.host.mount('/two-copies/', fileURLToPath(new URL('pages/two-copies/', import.meta.url)));
    host = await openHostPage(suite.browser, `${suite.host.origin}/two-copies/`);
  });

  after(() => suite?.close());

  test('both copies load, and the elements the first one registered show the server’s data', async () => {
    await waitForText(host.page, 'portal-customer-info', 'Acme Inc.');
    await waitForText(host.page, 'portal-subscriptions', 'Glaxis');
    assert.equal(await host.page.evaluate(() => window.litElementVersions?.length), 2);
  });

  test('the second copy’s registrations do not throw', () => {
    assert.deepEqual(host.errors, []);
  });
});
