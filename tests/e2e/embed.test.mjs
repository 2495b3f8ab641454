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

// "Open in NN Sandbox" was a label fixed in the frame's bottom corner, over the loss chart. It sits
// in the run bar's row now, or above the panels when the teacher hid the run bar, and covers no panel.
test('"Open in NN Sandbox" covers no panel of an embed, with or without the run bar', async () => {
  const { page, errors } = browser;
  await page.setViewportSize({ width: 760, height: 700 });
  try {
    for (const hide of ['data,features,training,builder,paths,presets,export,insides', 'runbar,data,features,training,paths,presets']) {
      await open(page, `${server.url}#embed=1&hide=${hide}`);
      const layout = await page.evaluate(() => {
        const box = (node) => { const r = node.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
        const link = document.getElementById('open-full');
        const panels = [...document.querySelectorAll('[data-panel]')].filter((p) => !p.hidden && p.dataset.panel !== 'runbar' && p.getClientRects().length);
        return { link: box(link), visible: link.checkVisibility(), inRunbar: Boolean(link.closest('.runbar')), panels: panels.map((p) => ({ name: p.dataset.panel, ...box(p) })), href: link.href };
      });
      assert.ok(layout.visible, hide);
      assert.equal(layout.inRunbar, !hide.startsWith('runbar'), hide);
      assert.match(layout.href, /#/);
      for (const panel of layout.panels) {
        const overlaps = layout.link.left < panel.right && panel.left < layout.link.right && layout.link.top < panel.bottom && panel.top < layout.link.bottom;
        assert.ok(!overlaps, `${hide}: the link covers ${panel.name}`);
      }
    }
    assert.deepEqual(errors, []);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

// A deep diagram in a narrow frame scrolls sideways: the frame fades the edge where more layers lie.
test('a network diagram wider than its panel marks the side where more of it lies', async () => {
  const { page, errors } = browser;
  // The frame is marked at the frame after the diagram is built.
  const more = () => page.waitForFunction(() => document.querySelector('.diagram-frame').dataset.more !== undefined)
    .then(() => page.evaluate(() => document.querySelector('.diagram-frame').dataset.more));
  try {
    await open(page, `${server.url}#data=circles&embed=1`);   // the default 2-4-2-1 net fits
    assert.equal(await more(), '');
    await page.setViewportSize({ width: 760, height: 700 });
    await open(page, `${server.url}#preset=deep-sigmoid&embed=1&hide=data,features,training,builder,paths,presets,export,insides`);
    assert.equal(await more(), 'right');
    await page.evaluate(() => { const d = document.querySelector('#network-diagram'); d.scrollLeft = d.scrollWidth; });
    await page.waitForFunction(() => document.querySelector('.diagram-frame').dataset.more === 'left');
    await page.evaluate(() => { document.querySelector('#network-diagram').scrollLeft = 40; });
    await page.waitForFunction(() => document.querySelector('.diagram-frame').dataset.more === 'left right');
    assert.deepEqual(errors, []);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});
