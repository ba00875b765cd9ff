import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';

declare global {
  interface Window {
    longTaskDurations: number[];
  }
}

const mediaTypes: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Builds bench/render-page with Vite for production into `outDir` and serves it; answers the origin. */
export async function serveRenderPage(outDir: string) {
  await build({
    logLevel: 'silent',
    configFile: false,
    root: 'bench/render-page',
    base: './',
    build: { outDir, emptyOutDir: true },
  });
  const server = createServer((request, response) => {
    const path = new URL(request.url!, 'http://localhost').pathname;
    try {
      const body = readFileSync(join(outDir, path === '/' ? 'index.html' : path));
      response.writeHead(200, { 'Content-Type': mediaTypes[extname(path || '.html')] ?? 'text/html' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

export interface RenderResult {
  /** From navigation start until the last of the rows is in the table. */
  renderedMs: number;
  /** The longest main-thread task the `longtask` observer saw; 0 when none reached its 50 ms threshold. */
  longestTaskMs: number;
}

/** Opens the page in headless Chromium against `apiBase` and waits until `<portal-invoices>` shows `rows` rows. */
export async function measureRender(pageOrigin: string, apiBase: string, token: string, rows: number): Promise<RenderResult> {
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
    const query = new URLSearchParams({ api: apiBase, token, rows: String(rows) });
    await page.goto(`${pageOrigin}/?${query}`);
    await page
      .waitForFunction(
        (count) => (document.querySelector('portal-invoices')?.shadowRoot?.querySelectorAll('tr[part="row"]').length ?? 0) >= count,
        { polling: 'raf', timeout: 30_000 },
        rows,
      )
      .catch((error: Error) => {
        throw new Error(`<portal-invoices> did not render ${rows} rows: ${errors.join('; ') || error.message}`);
      });
    const renderedMs = await page.evaluate(() => performance.now());
    // Lets a task still running when the rows appeared finish and be reported.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    const longTasks = await page.evaluate(() => window.longTaskDurations);
    return { renderedMs, longestTaskMs: Math.max(0, ...longTasks) };
  } finally {
    await browser.close();
  }
}
