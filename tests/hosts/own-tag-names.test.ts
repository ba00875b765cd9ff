import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bundleEntry } from './support/host-builds.ts';
import { type HostPage, openHostPage, waitForText } from './support/host-page.ts';
import { type HostSuite, startHostSuite } from './support/host-suite.ts';

const defaultTags = [
  'portal-access',
  'portal-customer-info',
  'portal-invoices',
  'portal-lockout-gate',
  'portal-pay-balance',
  'portal-payment-methods',
  'portal-provider',
  'portal-subscriptions',
  'portal-transactions',
];

describe('a partner registering the elements under its own tag names (demo/hosts/partner-tags)', () => {
  let suite: HostSuite;
  let host: HostPage;

  before(async () => {
    suite = await startHostSuite('acmeAdmin');
    await bundleEntry('widgets/elements.ts', join(suite.buildFolder, 'elements.js'));
    suite.host.mount('/partner-tags/vendor/', suite.buildFolder);
    host = await openHostPage(suite.browser, `${suite.host.origin}/partner-tags/`);
  });

  after(() => suite?.close());

  test('shows the server’s data in <acme-…> elements inside <acme-provider>, in the partner’s wording', async () => {
    await waitForText(host.page, 'acme-customer-info', 'Acme Inc.');
    await waitForText(host.page, 'acme-subscriptions', 'Glaxis');
    await waitForText(host.page, 'acme-invoices', 'No invoices yet.');
    await waitForText(host.page, 'acme-payment-methods', 'No payment method on file.');
    const titles = await host.page.evaluate(() =>
      ['acme-customer-info', 'acme-invoices'].map((tag) => document.querySelector(tag)!.shadowRoot!.querySelector('h2')!.textContent!.trim()),
    );
    assert.deepEqual(titles, ['Company details', 'Invoices']);
  });

  test('leaves every default portal-* tag undefined, also for the elements shown inside others', async () => {
    const defined = await host.page.evaluate((tags) => tags.filter((tag) => customElements.get(tag)), defaultTags);
    assert.deepEqual(defined, []);
    const inner = await host.page.evaluate(() => ['acme-lockout-gate', 'acme-payment-methods', 'acme-pay-balance'].filter((tag) => customElements.get(tag)));
    assert.deepEqual(inner, ['acme-lockout-gate', 'acme-payment-methods', 'acme-pay-balance']);
  });

  test('applies the partner’s tokens and ::part rules', async () => {
    const card = await host.page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('acme-customer-info')!.shadowRoot!.querySelector('[part="card"]')!);
      return { borderTop: `${style.borderTopWidth} ${style.borderTopColor}`, radius: style.borderTopLeftRadius };
    });
    assert.deepEqual(card, { borderTop: '4px rgb(15, 118, 110)', radius: '2px' });
  });

  test('logs no error and breaks no rule of its Content-Security-Policy', async () => {
    assert.deepEqual(await host.cspViolations(), []);
    assert.deepEqual(host.errors, []);
  });
});
