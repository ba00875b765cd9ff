import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';

/** Debian's Chromium, headless, as every browser test here runs it. */
export const launchChromium = (): Promise<Browser> =>
  puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    defaultViewport: { width: 1280, height: 900 },
  });

// Plain JavaScript, so the function reaches the page as written (tsx would wrap named functions in a helper the page lacks).
const deepTextScript = `window.deepText = function deepText(node) {
  if (node.shadowRoot) return deepText(node.shadowRoot) + ' ' + [...node.childNodes].map(deepText).join(' ');
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  return [...node.childNodes].map(deepText).join(' ');
};`;

declare global {
  interface Window {
    /** The text under a node, shadow roots included, with a space between elements' texts. */
    deepText(node: Node): string;
  }
}

/** Lets textOf and waitForText read into shadow roots on every page this tab opens. */
export const readShadowText = (page: Page) => page.evaluateOnNewDocument(deepTextScript);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The element a selector finds (`>>>` pierces shadow roots), once it is there. Polls rather than
 * using waitForSelector, whose mutation observer does not see changes inside shadow roots.
 */
export async function find(page: Page, selector: string, timeout = 15_000): Promise<ElementHandle> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const element = await page.$(selector);
    if (element) return element;
    if (Date.now() > deadline) throw new Error(`nothing matched ${selector} within ${timeout} ms`);
    await pause(100);
  }
}

const textIn = (element: ElementHandle) => element.evaluate((node) => window.deepText(node).replace(/\s+/g, ' ').trim());

/** The text of what `selector` finds, shadow roots included, whitespace collapsed. */
export const textOf = async (page: Page, selector: string, timeout?: number): Promise<string> => textIn(await find(page, selector, timeout));

/** Waits until the text of what `selector` finds contains `expected`; answers that text. */
export async function waitForText(page: Page, selector: string, expected: string, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  for (;;) {
    const element = await page.$(selector);
    last = element ? await textIn(element).catch(() => '') : '(nothing matched)';
    if (last.includes(expected)) return last;
    if (Date.now() > deadline) throw new Error(`${selector} did not come to say "${expected}" within ${timeout} ms; it says: ${last.slice(0, 500)}`);
    await pause(100);
  }
}

export async function click(page: Page, selector: string): Promise<void> {
  await (await find(page, selector)).click();
}

/** Types into a field as a user does. */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await (await find(page, selector)).type(value);
}

/**
 * Saves a screenshot of the page when E2E_SCREENSHOTS names a folder, to look at what the test saw;
 * otherwise does nothing.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}.png`) as `${string}.png`, fullPage: true });
}
