import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';

declare global {
  interface Window {
    cspViolations: string[];
  }
}

export const launchChromium = (): Promise<Browser> =>
  puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });

export interface HostPage {
  page: Page;
  /** Console errors, uncaught exceptions, failed requests and HTTP errors, in the order they happened. */
  errors: string[];
  /** Every `securitypolicyviolation` the page saw: directive and what was blocked. */
  cspViolations(): Promise<string[]>;
}

/** Opens a host page, recording what would tell its developer something is wrong. */
export async function openHostPage(browser: Browser, url: string, viewport = { width: 1100, height: 900 }): Promise<HostPage> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error instanceof Error ? error.message : String(error)}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // Added before any of the page's own scripts run; the DevTools protocol is not subject to the page's CSP.
  await page.evaluateOnNewDocument(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  await page.goto(url);
  return { page, errors, cspViolations: () => page.evaluate(() => window.cspViolations) };
}

// Waits poll every frame (waitForFunction): Puppeteer's waitForSelector and locators watch the
// document for mutations, and miss the ones inside shadow roots.

/** Waits until the element `selector` finds in the page shows `text`, counting what its shadow roots (at any depth) render. */
export async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(
    (selector, text) => {
      // A loop, not a named helper: tsx would wrap a named function in a __name() the page lacks.
      const element = document.querySelector(selector);
      if (!element) return false;
      const pending: Node[] = [element];
      let shown = '';
      while (pending.length > 0) {
        const node = pending.pop()!;
        if (node.nodeType === Node.TEXT_NODE) shown += (node as Text).data;
        const children = [...node.childNodes, ...((node as Element).shadowRoot ? [(node as Element).shadowRoot!] : [])];
        pending.push(...children.reverse());
      }
      return shown.replace(/\s+/g, ' ').includes(text);
    },
    { timeout: 10_000 },
    selector,
    text,
  );
}

/** Waits for the element `inner` finds in the shadow root of the element `host` finds. */
export async function shadowElement(page: Page, host: string, inner: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction((host, inner) => document.querySelector(host)?.shadowRoot?.querySelector(inner), { timeout: 10_000 }, host, inner);
  return handle as ElementHandle<Element>;
}

/** Edits the company name in <portal-customer-info> and saves it, as a user would. */
export async function saveCompanyName(page: Page, companyName: string): Promise<void> {
  await (await shadowElement(page, 'portal-customer-info', '[part="edit-button"]')).click();
  const input = await shadowElement(page, 'portal-customer-info', 'input#companyName');
  await input.evaluate((element) => (element as HTMLInputElement).select());
  await input.type(companyName);
  await (await shadowElement(page, 'portal-customer-info', '[part="save-button"]')).click();
}
