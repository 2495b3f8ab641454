// Layout: what a learner watches while training (run bar, data choice, network, heatmap, loss curve)
// is on the first screen of a laptop from 1024x600 up; on a phone the run bar stays on screen while
// the page scrolls; touch targets are big enough; the optimizer paths fit their box on a tablet;
// panels an embed hides leave no empty column; a 700-760 px course column stays usable.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, RESULTS } from './helpers.mjs';
import { EMBED_SANDBOX } from '../../web/js/embed-code.js';

let server, host, hostDir, browser;
before(async () => {
  server = await serve();
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnsandbox-layout-host-'));
  host = await serve(hostDir);
  browser = await launch();
});
after(async () => {
  await browser?.close(); await server?.close(); await host?.close();
  fs.rmSync(hostDir, { recursive: true, force: true });
});

// What the learner sees: the viewport only, not the whole page.
async function viewShot(page, name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`) });
}

const box = (page, selector) => page.locator(selector).first().evaluate((node) => {
  const r = node.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
});

for (const [width, height] of [[1024, 600], [1093, 600], [1280, 720], [1366, 768], [1440, 900]]) {
  test(`${width}x${height}: run bar, data, network, the whole heatmap and the loss curve are on the first screen`, async () => {
    const { page, errors } = browser;
    await page.setViewportSize({ width, height });
    await open(page, server.url);
    // Before the first steps the chart box says what will appear there (uPlot loads with the second point).
    await page.waitForFunction(() => document.querySelector('#loss-chart canvas, #loss-chart .chart-empty'));
    const play = await box(page, '#play');
    const heatmap = await box(page, '#heatmap');
    const inside = (b) => b.left >= 0 && b.top >= 0 && b.right <= width && b.bottom <= height;
    assert.ok(inside(play), `#play ${JSON.stringify(play)}`);
    assert.ok(inside(heatmap) && heatmap.width >= 220, `#heatmap ${JSON.stringify(heatmap)}`);
    for (const selector of ['#loss-chart', '#network-diagram', '#dataset-picker', '#network-diagram .feature-node']) {
      const b = await box(page, selector);
      assert.ok(b.top < height - 40 && b.left >= 0 && b.right <= width, `${selector} ${JSON.stringify(b)}`);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'no sideways scrolling');
    await viewShot(page, `layout-${width}x${height}`);
    assert.deepEqual(errors, []);
  });
}

// Every visible control a finger can hit: at least 24x24 px (a checkbox counts with its label);
// the main controls at least 44x44 px.
async function checkTouchTargets(page) {
  const small = await page.evaluate(() => {
    const visible = (n) => { const r = n.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(n).visibility !== 'hidden'; };
    const nodes = [...document.querySelectorAll('.runbar button, .runbar input, main button, main select, main input, main summary, .network-diagram button')];
    return nodes.filter(visible).map((n) => {
      const target = n.closest('label') ?? n;
      const r = target.getBoundingClientRect();
      return { what: n.outerHTML.slice(0, 80), width: Math.round(r.width), height: Math.round(r.height) };
    }).filter((t) => t.width < 24 || t.height < 24);
  });
  assert.deepEqual(small, [], 'targets under 24 px');
  const main = await page.evaluate(() => [...document.querySelectorAll('#play, #step, #reset, .layer-card .icon-button, .add-layer, .network-diagram .unit-button')]
    .map((n) => n.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => [Math.round(r.width), Math.round(r.height)]));
  assert.ok(main.length >= 10, `${main.length} main controls`);
  for (const [w, h] of main) assert.ok(w >= 44 && h >= 44, `main control ${w}x${h}`);
}

test('390x844 phone: the run bar stays in view wherever the heatmap is; touch targets', async () => {
  const { page, errors } = browser;
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, server.url);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390);
  await viewShot(page, 'layout-390x844');
  for (const selector of ['#heatmap', '#loss-chart', '#builder', '[data-panel="insides"]']) {
    await page.locator(selector).first().evaluate((n) => n.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(50);
    const play = await box(page, '#play');
    assert.ok(play.top >= 0 && play.bottom <= 844, `#play at ${play.top}..${play.bottom} with ${selector} in view`);
    if (selector === '#heatmap') {
      const heatmap = await box(page, '#heatmap');
      assert.ok(heatmap.top >= play.bottom - 1 && heatmap.bottom <= 844, 'the heatmap is not under the run bar');
      await viewShot(page, 'layout-390x844-heatmap');
    }
  }
  await checkTouchTargets(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(errors, []);
});

test('tablet widths: the optimizer paths fit their box; touch targets at 820 px', async () => {
  const { page, errors } = browser;
  for (const width of [761, 820, 900]) {
    await page.setViewportSize({ width, height: 1180 });
    await open(page, server.url);
    await page.waitForFunction(() => document.querySelectorAll('#paths-legend > span').length >= 2);
    await page.waitForTimeout(200);
    const canvas = await box(page, '#paths-canvas');
    const controls = await box(page, '#paths-controls');
    assert.ok(canvas.right <= controls.left, `${width}: canvas ends at ${canvas.right}, controls start at ${controls.left}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width);
    if (width === 820) {
      await viewShot(page, 'layout-820x1180');
      await checkTouchTargets(page);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(errors, []);
});

test('panels an embed hides leave no empty column', async () => {
  const { page, errors } = browser;
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const hide of ['network,builder', 'data,features,training', 'output,curves', 'network,builder,data,features,training']) {
    await open(page, `${server.url}#embed=1&hide=${hide}`);
    const gaps = await page.evaluate(() => {
      const workspace = document.querySelector('.workspace');
      const style = getComputedStyle(workspace);
      const inner = workspace.getBoundingClientRect();
      const left = inner.left + parseFloat(style.paddingLeft), right = inner.right - parseFloat(style.paddingRight);
      // A column with no visible panel must take no room; the others must fill the row.
      const hasPanel = (c) => [...c.querySelectorAll('.panel')].some((p) => p.getBoundingClientRect().height > 0);
      const empty = [...workspace.children].filter((c) => !hasPanel(c) && c.getBoundingClientRect().width > 0).length;
      const shown = [...workspace.children].filter(hasPanel);
      const boxes = shown.map((c) => c.getBoundingClientRect()).sort((a, b) => a.left - b.left);
      const gapWidth = parseFloat(style.columnGap) || 0;
      const holes = boxes.slice(1).map((b, i) => b.left - boxes[i].right - gapWidth);
      return { start: boxes[0].left - left, end: right - boxes[boxes.length - 1].right, holes, empty, columns: shown.length };
    });
    assert.ok(gaps.empty === 0 && Math.abs(gaps.start) < 2 && Math.abs(gaps.end) < 2 && gaps.holes.every((h) => Math.abs(h) < 2), `${hide}: ${JSON.stringify(gaps)}`);
  }
  assert.deepEqual(errors, []);
});

test('a 700-760 px course column: heatmap and loss curve next to the network, Play works', async () => {
  const { page, errors } = browser;
  await page.setViewportSize({ width: 1000, height: 1000 });
  for (const width of [760, 700]) {
    const src = `${server.url}#data=xor&embed=1&hide=paths,export,insides`;
    fs.writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>course page</title><link rel="icon" href="data:,">
<h1>Lesson</h1><iframe id="sandbox" src="${src}" width="${width}" height="900" title="NN Sandbox"
 sandbox="${EMBED_SANDBOX}"></iframe>`);
    await page.goto('about:blank');
    await page.goto(host.url);
    const inner = page.frames().find((f) => f.url().startsWith(server.url));
    await inner.waitForFunction(() => window.nnsandbox?.ready === true, null, { timeout: 30000 });
    const layout = await inner.evaluate(() => {
      const r = (s) => document.querySelector(s).getBoundingClientRect();
      return { scroll: document.documentElement.scrollWidth, heatmap: r('#heatmap'), loss: r('#loss-chart'), play: r('#play'), network: r('#network-diagram') };
    });
    assert.ok(layout.scroll <= width, `${width}: page is ${layout.scroll} px wide`);
    assert.ok(layout.heatmap.bottom <= 900 && layout.heatmap.width >= 220, `${width}: heatmap ${JSON.stringify(layout.heatmap)}`);
    assert.ok(layout.loss.top < 900, `${width}: loss chart at ${layout.loss.top}`);
    assert.ok(layout.network.top < layout.heatmap.bottom && layout.network.right <= layout.heatmap.left, `${width}: network beside the heatmap`);
    await inner.click('#play');
    await inner.waitForFunction(() => window.nnsandbox.step > 20, null, { timeout: 20000 });
    await inner.click('#play');
    if (width === 760) await viewShot(page, 'layout-iframe-760');
  }
  assert.deepEqual(errors, []);
});
