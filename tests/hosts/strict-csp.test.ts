import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { strictCsp } from './support/host-server.ts';
import { type HostPage, openHostPage, shadowElement, waitForText } from './support/host-page.ts';
import { type HostSuite, servePlainHtmlBundle, startHostSuite } from './support/host-suite.ts';

// Every element of the plain HTML host, for an account past due (so the gate warns and the payment
// methods offer <portal-pay-balance>), under the CSP the host server sends with every response.
describe('under a strict Content-Security-Policy (no unsafe-inline, no unsafe-eval)', () => {
  let suite: HostSuite;
  let host: HostPage;

  before(async () => {
    suite = await startHostSuite('starkAdmin');
    await servePlainHtmlBundle(suite);
    host = await openHostPage(suite.browser, `${suite.host.origin}/plain-html/`);
  });

  after(() => suite?.close());

  test('the page is served with the policy', async () => {
    const response = await fetch(`${suite.host.origin}/plain-html/`);
    assert.equal(response.headers.get('content-security-policy'), strictCsp(suite.portal.origin));
  });

  test('every element renders, its loading placeholders, forms and the pay flow included', async () => {
    await waitForText(host.page, 'portal-lockout-gate', 'A payment is overdue.');
    await waitForText(host.page, 'portal-customer-info', 'Stark Industries');
    await waitForText(host.page, 'portal-subscriptions', 'You have no subscriptions yet.');
    await waitForText(host.page, 'portal-invoices', 'My Invoice History');
    await waitForText(host.page, 'portal-transactions', 'My Transaction History');
    await waitForText(host.page, 'portal-access', 'Pepper Potts');
    await (await shadowElement(host.page, 'portal-payment-methods', '[part="add-card"]')).click();
    await shadowElement(host.page, 'portal-payment-methods', 'form[part="form"]');
    await (await shadowElement(host.page, 'portal-payment-methods', '[part="balance"] button')).click();
    await waitForText(host.page, 'portal-payment-methods', 'Balance due');
    await host.page.waitForFunction(() =>
      document.querySelector('portal-payment-methods')?.shadowRoot?.querySelector('portal-pay-balance')?.shadowRoot?.querySelector('[part="amount"]'),
    );
  });

  test('no securitypolicyviolation fired and nothing was logged as an error', async () => {
    assert.deepEqual(await host.cspViolations(), []);
    assert.deepEqual(host.errors, []);
  });

  test('the listener does hear a violation: a style attribute parsed from HTML is one', async () => {
    const page = (await openHostPage(suite.browser, `${suite.host.origin}/plain-html/`)).page;
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color: red">inline</p>'));
    await page.waitForFunction(() => window.cspViolations.length > 0);
    assert.match((await page.evaluate(() => window.cspViolations))[0]!, /^style-src-attr blocked inline/);
    await page.close();
  });
});
