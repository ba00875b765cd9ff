import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { serveFolder } from './support/static-server.ts';

// Built by `npm run build-storybook`, which `npm run test:stories` runs first.
const built = fileURLToPath(new URL('../../storybook-static/', import.meta.url));

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

const entries: IndexEntry[] = existsSync(`${built}index.json`)
  ? Object.values((JSON.parse(readFileSync(`${built}index.json`, 'utf8')) as { entries: Record<string, IndexEntry> }).entries)
  : [];

/** What Storybook's preview reports about the story or docs page it was asked for. */
interface Outcome {
  finished?: { status: 'success' | 'error' };
  docsRendered?: boolean;
  playError?: { message: string };
}

declare global {
  interface Window {
    storybookOutcome: Outcome;
    __STORYBOOK_ADDONS_CHANNEL__?: { on(event: string, listener: (payload: unknown) => void): void };
  }
}

describe('Storybook', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[] = [];

  before(async () => {
    assert.ok(entries.length > 0, 'storybook-static/index.json lists no stories: run `npm run build-storybook` first');
    ({ server, origin } = await serveFolder(built));
    browser = await puppeteer.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
    // The preview creates its channel after this script runs; listen as soon as it exists.
    await page.evaluateOnNewDocument(() => {
      window.storybookOutcome = {};
      const listen = setInterval(() => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        if (!channel) return;
        clearInterval(listen);
        channel.on('storyFinished', (finished) => (window.storybookOutcome.finished = finished as Outcome['finished']));
        channel.on('docsRendered', () => (window.storybookOutcome.docsRendered = true));
        channel.on('playFunctionThrewException', (error) => (window.storybookOutcome.playError = error as Outcome['playError']));
      }, 5);
    });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(entry: IndexEntry): Promise<Outcome> {
    pageErrors = [];
    await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=${entry.type === 'docs' ? 'docs' : 'story'}`);
    const outcome = await page.waitForFunction(
      (isDocs) => {
        const { finished, docsRendered } = window.storybookOutcome;
        return (isDocs ? docsRendered : finished) && window.storybookOutcome;
      },
      { timeout: 15_000 },
      entry.type === 'docs',
    );
    return (await outcome.jsonValue()) as Outcome;
  }

  for (const entry of entries) {
    const what = entry.type === 'docs' ? 'the docs page renders without an error' : 'renders and plays without an error';
    test(`${entry.title} — ${entry.name}: ${what}`, async () => {
      const outcome = await open(entry);
      // The message comes coloured for Storybook's panel.
      assert.equal(outcome.playError?.message.replace(/\x1B\[[0-9;]*m/g, ''), undefined, 'play function');
      if (entry.type === 'story') assert.equal(outcome.finished?.status, 'success', 'story status');
      assert.deepEqual(pageErrors, [], 'errors thrown in the page');
    });
  }
});
