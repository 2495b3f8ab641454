// Shared setup for the browser tests: a static server for web/ on a free port, headless Chromium
// from /usr/bin/chromium (never a downloaded browser) with a fresh profile, console-error capture
// and screenshots into test-results/.

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../tools/serve.mjs';
import { bundle, bundleIsStale } from '../../tools/bundle.mjs';
import { writePrecacheFile } from '../../tools/make-sw-precache.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const WEB = path.join(ROOT, 'web');
export const RESULTS = path.join(ROOT, 'test-results');

// The pages run the bundle of web/js (web/dist/, tools/bundle.mjs): after an edit of web/js the
// tests would otherwise test the code as it was at the last build. Rebundled here when stale (a
// second), with the offline file list that names the bundle's files.
if (bundleIsStale(WEB)) {
  await bundle(WEB);
  writePrecacheFile(WEB);
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function serve(dir = WEB) {
  const server = await startServer(dir, 0);
  const { port } = server.address();
  return { server, url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

// A browser context with its own temporary profile. Console errors and page errors are collected
// in `errors` so each test can assert there were none.
export async function launch({ viewport = { width: 1280, height: 800 } } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'nnsandbox-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true, viewport, acceptDownloads: true,
  });
  const errors = [];
  const watch = (page) => {
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context, page, errors,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page, name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });
}

// Waits until the engine has created the first run.
export async function waitReady(page, timeout = 30000) {
  await page.waitForFunction(() => window.nnsandbox?.ready === true, null, { timeout });
}

export async function waitStep(page, step, timeout = 60000) {
  await page.waitForFunction((s) => window.nnsandbox.step >= s && !window.nnsandbox.playing, step, { timeout });
}

// Trains until the test accuracy reaches `target` (or the timeout); returns the last metrics.
export async function trainUntil(page, target, timeout = 60000) {
  await page.click('#play');
  await page.waitForFunction((t) => (window.nnsandbox.metrics?.test?.accuracy ?? 0) >= t, target, { timeout, polling: 200 });
  await page.click('#play');
  return page.evaluate(() => window.nnsandbox.metrics);
}

// Opens the lab afresh at a link (hash) and waits until the section `id` shows its result.
export async function openLabSection(page, serverUrl, hash, id) {
  await page.goto('about:blank');
  await page.goto(`${serverUrl}lab.html${hash}`);
  await page.waitForSelector(`#${id}[data-ready="true"]`, { timeout: 30000 });
}

// Opens a page URL afresh (a hash-only change would not reload the page) and waits for the first run.
export async function open(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  await waitReady(page);
}

// Presses a language button and waits until the page has switched: a language other than English
// is fetched on first use (web/js/i18n/i18n.js), and <html lang> changes in the same task as the labels.
export async function switchLanguage(page, lang) {
  await page.click(`button[data-lang="${lang}"]`);
  await page.waitForSelector(`html[lang="${lang}"]`);
}
