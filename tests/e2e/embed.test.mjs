// Embedding: the page runs inside an iframe of another origin (a host page served from a second
// server on another port) with the chrome and the teacher-chosen panels hidden; the embed dialog
// produces that iframe code.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, screenshot, open } from './helpers.mjs';
import { EMBED_SANDBOX } from '../../web/js/embed-code.js';

let server, host, hostDir, browser;
before(async () => {
  server = await serve();
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnsandbox-host-'));
  host = await serve(hostDir);
  browser = await launch();
});
after(async () => {
  await browser?.close(); await server?.close(); await host?.close();
  fs.rmSync(hostDir, { recursive: true, force: true });
});

test('the embed dialog writes an iframe snippet with the chosen panels hidden', async () => {
  const { page, errors } = browser;
  await open(page, server.url);
  await page.click('#open-embed');
  await page.locator('#embed-dialog').waitFor();
  await page.check('#embed-options input[value="insides"]');
  const code = await page.inputValue('#embed-code');
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#.*embed=1/);
  assert.match(code, /hide=[^"&]*insides/);
  assert.ok(code.endsWith(` title="NN Sandbox" sandbox="${EMBED_SANDBOX}"></iframe>`));
  await page.click('#close-embed');
  assert.deepEqual(errors, []);
});

test('embed mode works inside an iframe of another origin', async () => {
  const { page, errors } = browser;
  const src = `${server.url}#data=xor&embed=1&hide=paths,export,insides&lang=ko`;
  // The host page has no script of its own; the iframe uses the same sandbox flags as our snippet.
  fs.writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>course page</title><link rel="icon" href="data:,">
<h1>Lesson 3</h1><iframe id="sandbox" src="${src}" width="1200" height="900" style="border:0"
 sandbox="${EMBED_SANDBOX}"></iframe>`);
  assert.notEqual(new URL(host.url).port, new URL(server.url).port);
  await page.goto(host.url);
  const frame = page.frameLocator('#sandbox');
  const inner = page.frames().find((f) => f.url().startsWith(server.url));
  assert.ok(inner, 'iframe loaded');
  await inner.waitForFunction(() => window.nnsandbox?.ready === true, null, { timeout: 30000 });
  assert.equal(await inner.evaluate(() => document.body.classList.contains('embed')), true);
  assert.equal(await frame.locator('header.topbar').isVisible(), false);
  assert.equal(await frame.locator('[data-panel="paths"]').isVisible(), false);
  assert.equal(await frame.locator('[data-panel="export"]').isVisible(), false);
  assert.equal(await frame.locator('[data-panel="output"]').isVisible(), true);
  assert.equal(await frame.locator('html').getAttribute('lang'), 'ko');   // lang=ko from the link
  await frame.locator('#play').click();
  await inner.waitForFunction(() => window.nnsandbox.step > 20, null, { timeout: 20000 });
  await frame.locator('#play').click();
  await screenshot(page, 'embed-iframe');
  assert.deepEqual(errors, []);
});
