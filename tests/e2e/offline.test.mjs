// Offline use: after one visit the service worker (web/sw.js) holds the whole site, so with the
// network gone (the browser set offline and the server itself shut down) both pages load again and
// train; the manifest makes the site installable; and a new build (a new id in sw-precache.js)
// replaces the old copy. Each test serves its own copy of web/, which it may change or shut down.

import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WEB, serve, launch, waitReady, screenshot } from './helpers.mjs';
import { writePrecacheFile } from '../../tools/make-sw-precache.mjs';

const cleanups = [];
afterEach(async () => { while (cleanups.length) await cleanups.pop()(); });

async function siteCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnsandbox-offline-'));
  fs.cpSync(WEB, dir, { recursive: true });
  const build = writePrecacheFile(dir);
  const site = await serve(dir);
  const stop = async () => { site.server.closeAllConnections(); await site.close(); };
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  cleanups.push(async () => { if (site.server.listening) await stop(); });
  return { dir, build, url: site.url, stop };
}

async function browserFor() {
  const browser = await launch();
  cleanups.push(() => browser.close());
  return browser;
}

// Polls an async check in the page (page.waitForFunction does not wait for a promise's value).
async function waitForAsync(page, check, arg, timeout = 60000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(check, arg))) {
    if (Date.now() > end) throw new Error(`timed out: ${check}`);
    await page.waitForTimeout(250);
  }
}

// Waits until the worker controls the page and its cache holds every file of the build that exists.
async function waitForCopy(page, dir, build) {
  const expected = build.files.filter((file) => file === './' || fs.existsSync(path.join(dir, file)));
  await waitForAsync(page, async ({ id, files }) => {
    const registration = await navigator.serviceWorker.getRegistration();
    // Controlled: the worker has claimed this page, so it has finished activating.
    if (registration?.active?.state !== 'activated' || !navigator.serviceWorker.controller) return false;
    if (!(await caches.has(`nnsandbox-${id}`))) return false;
    const cache = await caches.open(`nnsandbox-${id}`);
    for (const file of files) if (!(await cache.match(file))) return false;
    return true;
  }, { id: build.id, files: expected });
}

test('after one visit, the sandbox and the lab load and train with the network gone', async () => {
  const { dir, build, url, stop } = await siteCopy();
  const { page, context, errors } = await browserFor();
  await page.goto(`${url}#data=xor&lang=en`);
  await waitReady(page);
  await waitForCopy(page, dir, build);

  await context.setOffline(true);
  await stop();   // a service worker's own fetches ignore the emulated offline state: no server at all
  await page.reload();
  await waitReady(page);
  await page.click('#play');
  await page.waitForFunction(() => window.nnsandbox.step >= 30, null, { timeout: 30000 });
  await page.click('#play');
  assert.ok((await page.evaluate(() => window.nnsandbox.metrics.train.accuracy)) > 0);
  await screenshot(page, 'offline-sandbox');

  await page.goto(`${url}lab.html#exp=preprocessing&epochs=3&lang=en`);
  await page.waitForSelector('#activations[data-ready="true"]', { timeout: 30000 });
  await page.click('#preprocessing .lab-run');
  await page.waitForSelector('#preprocessing[data-state="done"]', { timeout: 60000 });
  assert.deepEqual(errors, []);
});

test('the manifest makes the site installable: name, start page, icons that load', async () => {
  const { url } = await siteCopy();
  const { page, errors } = await browserFor();
  for (const pageName of ['', 'lab.html']) {
    await page.goto(`${url}${pageName}`);
    assert.equal(await page.locator('link[rel="manifest"]').getAttribute('href'), 'manifest.webmanifest');
  }
  const response = await page.request.get(`${url}manifest.webmanifest`);
  assert.equal(response.headers()['content-type'], 'application/manifest+json');
  const manifest = await response.json();
  assert.equal(manifest.name, 'NN Sandbox');
  assert.equal(manifest.display, 'standalone');
  assert.equal((await page.request.get(new URL(manifest.start_url, url).href)).status(), 200);
  const sizes = [];
  for (const icon of manifest.icons) {
    const image = await page.request.get(new URL(icon.src, url).href);
    assert.equal(image.status(), 200, icon.src);
    assert.equal(image.headers()['content-type'], icon.type, icon.src);
    sizes.push(icon.sizes);
  }
  // Browsers ask for a 192 px and a 512 px icon to offer installing.
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'));
  assert.deepEqual(errors, []);
});

test('a new build replaces the offline copy of the old one', async () => {
  const { dir, build, url } = await siteCopy();
  const { page, errors } = await browserFor();
  await page.goto(url);
  await waitReady(page);
  await waitForCopy(page, dir, build);
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`nnsandbox-${build.id}`]);

  // A rebuild: a changed file gives a new id.
  fs.appendFileSync(path.join(dir, 'css', 'a11y.css'), '\n/* rebuilt */\n');
  const next = writePrecacheFile(dir);
  assert.notEqual(next.id, build.id);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await waitForCopy(page, dir, next);
  await waitForAsync(page, async (id) => {
    const names = await caches.keys();
    return names.length === 1 && names[0] === `nnsandbox-${id}`;
  }, next.id);
  const cached = await page.evaluate(async (id) => (await (await caches.open(`nnsandbox-${id}`)).match('css/a11y.css')).text(), next.id);
  assert.match(cached, /rebuilt/);
  assert.deepEqual(errors, []);
});
