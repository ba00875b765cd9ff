import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { type HostPage, openHostPage, shadowElement, waitForText } from './support/host-page.ts';
import { type HostSuite, servePlainHtmlBundle, startHostSuite } from './support/host-suite.ts';

// pages/hostile-css/hostile.css: `table { display: none }`, `button { all: unset }`,
// `* { box-sizing: content-box }`, `html { font-size: 40px }`.
describe('a host page with hostile global CSS', () => {
  let suite: HostSuite;
  let host: HostPage;

  before(async () => {
    suite = await startHostSuite('vandelayAdmin');
    await servePlainHtmlBundle(suite);
    suite.host.mount('/hostile-css/', fileURLToPath(new URL('pages/hostile-css/', import.meta.url)));
    host = await openHostPage(suite.browser, `${suite.host.origin}/hostile-css/`);
    await waitForText(host.page, 'portal-customer-info', 'Vandelay Industries');
    await waitForText(host.page, 'portal-invoices', 'VA-0120');
  });

  after(() => suite?.close());

  test('still shows the invoice table’s rows', async () => {
    const row = await shadowElement(host.page, 'portal-invoices', '[part="row"]');
    const box = await row.boundingBox();
    assert.ok(box && box.height > 0 && box.width > 0, `row box ${JSON.stringify(box)}`);
    assert.notEqual(await row.evaluate((element) => getComputedStyle(element.closest('table')!).display), 'none');
  });

  test('keeps its buttons looking and working like buttons', async () => {
    const edit = await shadowElement(host.page, 'portal-customer-info', '[part="edit-button"]');
    const look = await edit.evaluate((element) => {
      const style = getComputedStyle(element);
      return { border: style.borderTopStyle, padding: parseFloat(style.paddingInlineStart), cursor: style.cursor, height: element.getBoundingClientRect().height };
    });
    assert.equal(look.border, 'solid');
    assert.ok(look.padding > 0, `padding ${look.padding}`);
    assert.equal(look.cursor, 'pointer');
    assert.ok(look.height >= 36 && look.height < 60, `height ${look.height}`);
    await edit.click();
    await shadowElement(host.page, 'portal-customer-info', 'form[part="form"]');
  });

  test('sizes its fields inside their form, whatever box-sizing the page sets on every element', async () => {
    const overflowing = await (await shadowElement(host.page, 'portal-customer-info', 'form[part="form"]')).evaluate((form) => {
      const right = form.getBoundingClientRect().right;
      return [...form.querySelectorAll('input, select')]
        .filter((field) => getComputedStyle(field).boxSizing !== 'border-box' || field.getBoundingClientRect().right > right + 0.5)
        .map((field) => field.id);
    });
    assert.deepEqual(overflowing, []);
  });

  test('takes the page’s font, its text size from body rather than from the 40px rem, and its text colour token', async () => {
    const inherited = await host.page.evaluate(() => {
      const heading = document.querySelector('portal-customer-info')!.shadowRoot!.querySelector('h2')!.parentElement!;
      const element = getComputedStyle(heading);
      const body = getComputedStyle(document.body);
      return { element: [element.fontFamily, element.color, element.fontSize], body: [body.fontFamily, body.color, body.fontSize] };
    });
    assert.deepEqual(inherited.element, inherited.body);
  });

  test('logs no error', () => {
    assert.deepEqual(host.errors, []);
  });
});
