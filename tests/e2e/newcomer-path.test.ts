import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import XLSX from 'sheetjs-style';
import { click, fill, launchChromium, readShadowText, screenshot, textOf, waitForText } from './support/browser.ts';
import { type RunningDemo, startDemo } from './support/demo-process.ts';

// What a newcomer does after `npm start`, in order: each test goes on from where the last one left the page.
describe('the demo host product, driven in Chromium against npm start', { timeout: 240_000 }, () => {
  let demo: RunningDemo;
  let browser: Browser;
  let page: Page;
  /** Script errors, failed requests and Content-Security-Policy refusals: the page must have none. */
  const pageProblems: string[] = [];
  let resentInvoiceNumber = '';

  before(async () => {
    [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
    page = await browser.newPage();
    await readShadowText(page);
    page.on('pageerror', (error) => pageProblems.push(`page error: ${error instanceof Error ? error.message : String(error)}`));
    page.on('console', (message) => {
      // Refused requests are told apart below, by what they asked for.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageProblems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      const isExpected = (response.status() === 401 && pathname === '/login') || (response.status() === 402 && pathname === '/api/projects');
      if (response.status() >= 400 && !isExpected) pageProblems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  async function signIn(username: string): Promise<void> {
    await page.goto(`${demo.hostUrl}/login`);
    await fill(page, '#username', username);
    await fill(page, '#password', 'demo-password');
    await Promise.all([page.waitForNavigation(), click(page, 'button::-p-text(Sign in)')]);
  }

  async function signOut(): Promise<void> {
    await Promise.all([page.waitForNavigation(), click(page, 'button::-p-text(Sign out)')]);
  }

  /** What the product's own API answers this browser's session, from the page. */
  const productApiStatus = () => page.evaluate(async () => (await fetch('/api/projects')).status);

  test('the URL npm start prints opens the login page; a wrong password is refused with a clear message', async () => {
    await page.goto(demo.hostUrl);
    assert.equal(new URL(page.url()).pathname, '/login');
    await screenshot(page, '1-login');
    await fill(page, '#username', 'lena');
    await fill(page, '#password', 'not her password');
    const [response] = await Promise.all([page.waitForNavigation(), click(page, 'button::-p-text(Sign in)')]);
    assert.equal(response?.status(), 401);
    assert.equal(await textOf(page, '[role="alert"]'), 'That username and password do not match. Check them and try again.');
  });

  test('a plain user of the locked account lands on the lock screen, which names whom to contact; the product API refuses her', async () => {
    await signIn('lena');
    assert.equal(new URL(page.url()).pathname, '/home');
    const reason = await textOf(page, 'portal-lockout-gate >>> #lock-reason');
    assert.match(reason, /ask your Site Admin, or contact support/);
    const contacts = await textOf(page, 'portal-lockout-gate >>> [part="contacts"]');
    assert.match(contacts, /Your Site Admin Katrin Vogel katrin\.vogel@globex\.test/);
    assert.match(contacts, /Support support@acme-workspace\.test/);
    assert.equal(await page.$('acme-projects'), null, 'the product content is not on the page while locked');
    assert.equal(await productApiStatus(), 402);
    await screenshot(page, '2-lockout-gate-plain-user');
    await signOut();
  });

  test('the Customer Portal link, opened signed out, comes back after sign-in; a user without the permission is told who can grant it', async () => {
    await page.goto(`${demo.hostUrl}/settings/customer-portal`);
    assert.equal(new URL(page.url()).pathname, '/login');
    await fill(page, '#username', 'robert');
    await fill(page, '#password', 'demo-password');
    await Promise.all([page.waitForNavigation(), click(page, 'button::-p-text(Sign in)')]);
    assert.equal(new URL(page.url()).pathname, '/settings/customer-portal');
    assert.equal(
      await page.$eval('.notice p', (paragraph) => (paragraph as HTMLElement).innerText.replace(/\s+/g, ' ').trim()),
      'The Customer Portal shows your company’s information, subscriptions, payment methods, invoices and transactions to the people who hold this permission. Ask your Site Admin, Andrew Fuller (andrew.fuller@northwind.test), to grant it.',
    );
    assert.equal(await page.$('portal-provider'), null);
    await screenshot(page, '3-customer-portal-without-permission');
    await signOut();
  });

  test('its Site Admin adds a test card on the lock screen and pays; the product opens and its API answers', async () => {
    await signIn('katrin');
    await waitForText(page, 'portal-lockout-gate', 'is overdue, so this account is locked');
    assert.equal(await productApiStatus(), 402);

    await click(page, 'portal-lockout-gate >>> portal-payment-methods >>> [part="add-card"]');
    const field = (id: string) => `portal-lockout-gate >>> portal-payment-methods >>> [id="${id}"]`;
    await fill(page, field('card.name'), 'Katrin Vogel');
    await fill(page, field('card.number'), '4242 4242 4242 4242');
    await fill(page, field('card.expMonth'), '12');
    await fill(page, field('card.expYear'), String(new Date().getUTCFullYear() + 3));
    await fill(page, field('card.cvc'), '123');
    await click(page, 'portal-lockout-gate >>> portal-payment-methods >>> form [type="submit"]');

    // The seed's card on file is declined for insufficient funds; pay with the new Visa.
    const payBalance = 'portal-lockout-gate >>> portal-pay-balance';
    await click(page, `${payBalance} >>> [part="methods"] strong::-p-text(Visa ·· 4242)`);
    await click(page, `${payBalance} >>> [part="pay-button"]`);
    await waitForText(page, `${payBalance} >>> [part="confirm"]`, 'Visa ·· 4242');
    await screenshot(page, '4-pay');
    await click(page, `${payBalance} >>> [part="confirm"] button.primary`);

    await waitForText(page, 'portal-lockout-gate >>> [part="paid"]', 'Your account is in good standing again');
    await waitForText(page, 'acme-projects', 'Berlin office move');
    assert.equal(await productApiStatus(), 200);
    await screenshot(page, '5-product-open');
  });

  test('Settings → Customer Portal shows every element with the account’s real data', async () => {
    await click(page, 'nav summary::-p-text(Settings)');
    await Promise.all([page.waitForNavigation(), click(page, 'nav a::-p-text(Customer Portal)')]);
    assert.equal(new URL(page.url()).pathname, '/settings/customer-portal');

    const customerInfo = await waitForText(page, 'portal-customer-info', 'Globex GmbH');
    assert.match(customerInfo, /CK-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/, 'the Customer Key');
    assert.match(customerInfo, /Friedrichstraße 68/);
    await waitForText(page, 'portal-subscriptions', 'Business');
    await waitForText(page, 'portal-subscriptions', 'Web API');
    await waitForText(page, 'portal-payment-methods', 'Visa ·· 4242');
    await waitForText(page, 'portal-access', 'Lena Schmidt');
    await waitForText(page, 'portal-invoices >>> [part="table"]', 'Paid');
    const invoiceRows = await page.$$('portal-invoices >>> [part="row"]');
    assert.ok(invoiceRows.length >= 12, `a year of invoices, not ${invoiceRows.length}`);
    const transactions = await waitForText(page, 'portal-transactions >>> [part="table"]', 'Visa ·· 4242');
    assert.match(transactions, /SEPA Direct Debit/);
    await screenshot(page, '6-customer-portal');
  });

  test('resending an invoice puts the email, with its PDF, in the demo’s outbox page', async () => {
    const firstRow = 'portal-invoices >>> [part="row"]';
    resentInvoiceNumber = await textOf(page, `${firstRow} th`);
    await click(page, `${firstRow} button::-p-text(Resend)`);
    await click(page, 'portal-invoices >>> dialog form button[type="submit"]');
    await waitForText(page, 'portal-invoices >>> [part="notice"]', `sent to`);

    await Promise.all([page.waitForNavigation(), click(page, 'nav a::-p-text(Outbox)')]);
    const newest = await textOf(page, '.outbox li summary');
    assert.match(newest, new RegExp(resentInvoiceNumber.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(newest, /To .*buchhaltung@globex\.test/);
    assert.match(newest, /Attached: .*\.pdf/);
    await screenshot(page, '7-outbox');
  });

  test('exporting the invoices to Excel downloads a valid workbook with a row per invoice', async () => {
    await page.goto(`${demo.hostUrl}/settings/customer-portal`);
    const downloads = join(demo.dataFolder, 'downloads');
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await click(page, 'portal-invoices >>> [part="export"]');
    await click(page, 'portal-invoices >>> [part="export-menu"] button::-p-text(Excel)');

    const fileName = await waitForFile(downloads, '.xlsx');
    const bytes = readFileSync(join(downloads, fileName));
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx file is a zip');
    const workbook = XLSX.read(bytes, { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets[workbook.SheetNames[0]!]!);
    assert.ok(rows.length >= 12, `a row per invoice, not ${rows.length}`);
    assert.ok(rows.some((row) => Object.values(row).includes(resentInvoiceNumber)), `the workbook lists ${resentInvoiceNumber}`);
  });

  test('the theme switch white-labels the product and the portal elements through custom properties', async () => {
    await Promise.all([page.waitForNavigation(), click(page, '.theme-switch button::-p-text(Partner)')]);
    assert.equal(new URL(page.url()).pathname, '/settings/customer-portal');
    await waitForText(page, 'portal-customer-info', 'Globex GmbH');
    const look = await page.evaluate(() => {
      const element = document.querySelector('portal-customer-info')!;
      const button = element.shadowRoot!.querySelector('button.primary, button')!;
      return {
        theme: document.documentElement.dataset.theme,
        accent: getComputedStyle(element).getPropertyValue('--portal-color-accent').trim(),
        font: getComputedStyle(button).fontFamily,
      };
    });
    assert.deepEqual(look, { theme: 'partner', accent: '#0f766e', font: 'Georgia, "DejaVu Serif", serif' });
    await screenshot(page, '8-white-label');
  });

  test('no page had a script error, a failed request or a Content-Security-Policy refusal', () => {
    assert.deepEqual(pageProblems, []);
  });
});

async function waitForFile(folder: string, extension: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = readdirSafe(folder).find((name) => name.endsWith(extension));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${extension} file was downloaded into ${folder} within ${timeoutMs} ms`);
}

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
