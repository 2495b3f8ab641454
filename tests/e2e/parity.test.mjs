// The network diagram's parity with the TensorFlow Playground, and the fixes around it: a unit
// under the pointer or keyboard focus shows in the heatmap; a weight is edited by keyboard and the
// engine takes it; -/+ change a layer's units; the input column picks features; wide layers are
// paged; thumbnails survive a resize while paused; labels follow the language; pins say what
// differs; the regression colour bar has numbers; log-axis labels never overlap.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot, switchLanguage } from './helpers.mjs';
import { logTickLabels } from '../../web/js/charts/log-ticks.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Distinct colours in a canvas: a drawn thumbnail has many, a blank or placeholder one at most 2.
const colours = (page, selector) => page.locator(selector).first().evaluate((canvas) => {
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const seen = new Set();
  for (let i = 0; i < data.length; i += 4) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`);
  return seen.size;
});
const unitCanvas = (block, unit) => `#network-diagram button.node[data-block="${block}"][data-unit="${unit}"] canvas`;
const waitThumbnail = (page, block, unit) => page.waitForFunction((s) => {
  const canvas = document.querySelector(s);
  if (!canvas) return false;
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const seen = new Set();
  for (let i = 0; i < data.length; i += 4) seen.add(data[i] * 65536 + data[i + 1] * 256 + data[i + 2]);
  return seen.size > 4;
}, unitCanvas(block, unit));

test('thumbnails and link colours are redrawn after a resize while paused', async () => {
  const { page, errors } = browser;
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, server.url);
  await waitThumbnail(page, 0, 0);
  assert.equal(await page.evaluate(() => window.nnsandbox.playing), false);
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.waitForTimeout(400);  // the resize handler waits 150 ms
  assert.ok(await colours(page, unitCanvas(0, 0)) > 4, 'thumbnail drawn after the resize');
  assert.ok(await colours(page, unitCanvas(1, 1)) > 4, 'output-side thumbnail drawn after the resize');
  const stroke = await page.locator('#network-diagram path.link').first().getAttribute('stroke');
  assert.notEqual(stroke, '#c7ced8', 'link coloured by its weight');
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(errors, []);
});

test('diagram labels switch language at once, without a new run', async () => {
  const { page, errors } = browser;
  await open(page, server.url);
  const label = () => page.locator('#network-diagram .column-label').nth(1).textContent();
  assert.match(await label(), /4 units/);
  const step = await page.evaluate(() => window.nnsandbox.step);
  await switchLanguage(page, 'ko');
  assert.match(await label(), /유닛 4개/);
  assert.match(await page.locator('#network-diagram .column-label').first().textContent(), /입력/);
  assert.match(await page.locator('#network-diagram button.node[data-block="0"]').first().getAttribute('aria-label'), /은닉층 1, 유닛 1\/4/);
  assert.ok(await colours(page, unitCanvas(0, 0)) > 4, 'thumbnails kept');
  assert.equal(await page.evaluate(() => window.nnsandbox.step), step);
  await page.click('button[data-lang="en"]');
  assert.match(await label(), /4 units/);
  assert.deepEqual(errors, []);
});

test('pointing at or focusing a unit shows it in the heatmap, with its name and range as text', async () => {
  const { page, errors } = browser;
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, `${server.url}#data=xor`);
  await waitThumbnail(page, 0, 0);
  const heatmap = () => page.evaluate(() => document.querySelector('#heatmap').toDataURL());
  const earlier = await heatmap();
  await page.hover(unitCanvas(0, 2));
  await page.waitForFunction(() => !document.querySelector('#heatmap-unit').hidden);
  assert.match(await page.locator('#heatmap-unit').textContent(), /Showing Hidden layer 1, unit 3 of 4 · -?[\d.e-]+ … -?[\d.e-]+/);
  assert.notEqual(await heatmap(), earlier, 'the heatmap shows the unit');
  // The worker's full-resolution field arrives and replaces the thumbnail.
  await page.waitForTimeout(300);
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => document.querySelector('#heatmap-unit').hidden);
  await page.waitForTimeout(100);
  assert.equal(await heatmap(), earlier, 'back to the network output');
  // Keyboard: Tab lands on units; the name says which unit and its output range.
  await page.locator('#network-diagram button.node[data-block="2"][data-unit="0"]').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /Output layer, unit 1 of 1\. Output from -?[\d.e-]+ to -?[\d.e-]+\./);
  await page.waitForFunction(() => /Output layer/.test(document.querySelector('#heatmap-unit').textContent) && !document.querySelector('#heatmap-unit').hidden);
  // An input feature shows too.
  await page.hover('#network-diagram .feature-node[data-feature="x1*x2"]');
  await page.waitForFunction(() => /X₁X₂/.test(document.querySelector('#heatmap-unit').textContent));
  await screenshot(page, 'parity-unit-focus');
  await page.mouse.move(5, 5);
  assert.deepEqual(errors, []);
});

test('a weight is edited by keyboard (and by clicking its link) and the engine takes it', async () => {
  const { page, errors } = browser;
  await open(page, server.url);
  await waitThumbnail(page, 0, 0);
  const weight = (row, col) => page.locator(`#network-diagram path.link[data-block="0"][data-row="${row}"][data-col="${col}"]`).getAttribute('data-weight');
  const lossBefore = await page.evaluate(() => window.nnsandbox.metrics.train.loss);
  await page.locator('#network-diagram button.node[data-block="0"][data-unit="1"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('#weight-editor').waitFor();
  assert.match(await page.locator('#weight-editor h3').textContent(), /Weights into Hidden layer 1, unit 2 of 4/);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.col), '0');
  await page.keyboard.press('Tab');
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /weight|number/i.test(document.querySelector('.message[data-id="weight-edit"]')?.textContent ?? ''));
  const kept = await weight(1, 1);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('-7.5');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#network-diagram path.link[data-block="0"][data-row="1"][data-col="1"]')?.dataset.weight === '-7.5');
  assert.notEqual(kept, '-7.5');
  assert.equal(await page.locator('.message[data-id="weight-edit"]').count(), 0);
  assert.match(await page.locator('.message[data-id="weight-link"]').textContent(), /link or embed rebuilds the run/);
  await page.waitForFunction((loss) => window.nnsandbox.metrics.train.loss !== loss, lossBefore);
  // Esc closes and gives the focus back to the unit.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#weight-editor').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.unit), '1');
  // Clicking a link opens the editor on that weight.
  await page.locator('#network-diagram path.link-hit[data-block="1"][data-row="0"][data-col="0"]').dispatchEvent('click');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.col), '0');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#network-diagram path.link[data-block="1"][data-row="0"][data-col="0"]')?.dataset.weight === '3');
  assert.deepEqual(errors, []);
});

test('-/+ change a layer\'s units and the input column picks features', async () => {
  const { page, errors } = browser;
  await open(page, server.url);
  const nodes = (block) => page.locator(`#network-diagram button.node[data-block="${block}"]`).count();
  assert.equal(await nodes(0), 4);
  await page.click('#network-diagram .unit-button[aria-label="Add a unit to Hidden layer 1"]');
  await page.waitForFunction(() => document.querySelectorAll('#network-diagram button.node[data-block="0"]').length === 5);
  assert.equal((await page.evaluate(() => window.nnsandbox.settings.layers[0].units)), 5);
  assert.equal(await page.inputValue('.layer-card[data-layer="0"] input[data-field="units"]'), '5');
  await page.click('#network-diagram .unit-button[aria-label="Remove a unit from Hidden layer 2"]');
  await page.waitForFunction(() => document.querySelectorAll('#network-diagram button.node[data-block="1"]').length === 1);
  // Features: the input column lists them all and toggles the same state as the tiles.
  assert.equal(await page.locator('#network-diagram .feature-node').count(), 7);
  assert.deepEqual(await page.locator('#network-diagram .feature-name').allTextContents(), ['X₁', 'X₂', 'X₁²', 'X₂²', 'X₁X₂', 'sin(X₁)', 'sin(X₂)']);
  await page.click('#network-diagram .feature-node[data-feature="x1^2"]');
  await page.waitForFunction(() => window.nnsandbox.settings.features.includes('x1^2'));
  assert.equal(await page.getAttribute('#feature-toggles [data-feature="x1^2"]', 'aria-pressed'), 'true');
  await page.waitForFunction(() => document.querySelector('#network-diagram .feature-node[data-feature="x1^2"]').getAttribute('aria-pressed') === 'true'
    && document.querySelectorAll('#network-diagram path.link[data-block="0"]').length === 15);
  await page.click('#network-diagram .feature-node[data-feature="x1"]');
  await page.click('#network-diagram .feature-node[data-feature="x2"]');
  await page.waitForFunction(() => window.nnsandbox.settings.features.join() === 'x1^2');
  // The last feature stays, with a message.
  await page.click('#network-diagram .feature-node[data-feature="x1^2"]');
  await page.locator('.message[data-id="features"]').waitFor();
  assert.deepEqual(await page.evaluate(() => window.nnsandbox.settings.features), ['x1^2']);
  assert.deepEqual(errors, []);
});

test('every unit of a wide layer is reachable, page by page', async () => {
  const { page, errors } = browser;
  await open(page, `${server.url}#layers=20:tanh,12:tanh`);
  const units = (block) => page.locator(`#network-diagram button.node[data-block="${block}"]`).evaluateAll((n) => n.map((b) => Number(b.dataset.unit)));
  assert.deepEqual(await units(0), [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.match(await page.locator('[data-block-pager="0"] .page-range').textContent(), /1–8 of 20/);
  await page.click('[data-block-pager="0"] [data-page="next"]');
  await page.click('[data-block-pager="0"] [data-page="next"]');
  assert.deepEqual(await units(0), [16, 17, 18, 19]);
  await waitThumbnail(page, 0, 19);
  // Links into layer 2 come from units 17-20 and carry the engine's weights for those columns.
  await page.waitForFunction(() => [...document.querySelectorAll('#network-diagram path.link[data-block="1"]')].every((p) => p.dataset.weight !== undefined));
  const cols = await page.locator('#network-diagram path.link[data-block="1"]').evaluateAll((n) => [...new Set(n.map((p) => Number(p.dataset.col)))].sort((a, b) => a - b));
  assert.deepEqual(cols, [16, 17, 18, 19]);
  assert.match(await page.locator('#network-diagram button.node[data-block="0"][data-unit="19"]').getAttribute('aria-label'), /unit 20 of 20/);
  await page.click('[data-block-pager="1"] [data-page="next"]');
  assert.deepEqual(await units(1), [8, 9, 10, 11]);
  await waitThumbnail(page, 1, 11);
  await screenshot(page, 'parity-wide-layers');
  assert.deepEqual(errors, []);
});

test('pinned runs are labelled with what differs between them', async () => {
  const { page, errors } = browser;
  await open(page, `${server.url}#std=0`);
  await page.click('#step');
  await page.waitForFunction(() => window.nnsandbox.step >= 1);
  await page.click('#pin-run');
  await page.check('[data-setting="standardize"] input');
  await page.waitForFunction(() => window.nnsandbox.settings.standardize === true);
  await page.waitForFunction(() => window.nnsandbox.step === 0);
  await page.click('#step');
  await page.waitForFunction(() => window.nnsandbox.step >= 1);
  await page.click('#pin-run');
  const items = await page.locator('#pinned-list li').allTextContents();
  assert.equal(items.length, 3);
  assert.match(items[0], /^pinned: 1\. Standardise inputs: off$/);
  assert.match(items[1], /^pinned: 2\. Standardise inputs: ✓$/);
  assert.match(items[2], /^this run: Standardise inputs: ✓$/);
  assert.deepEqual(errors, []);
});

test('the regression colour bar shows its values', async () => {
  const { page, errors } = browser;
  await open(page, `${server.url}#data=plane`);
  const ticks = await page.locator('#heatmap-legend .colorbar-ticks span').allTextContents();
  assert.equal(ticks.length, 3);
  assert.equal(ticks[1], '0');
  assert.ok(Number(ticks[2]) > 0 && Number(ticks[0]) === -Number(ticks[2]), ticks.join(' '));
  assert.deepEqual(errors, []);
});

test('log-axis labels: decades first, minor ticks only where they have room', () => {
  const splits = [];
  for (let e = -3; e <= 0; e++) for (let m = 1; m <= 9; m++) splits.push(m * 10 ** e);
  const position = (v, span) => 200 - (Math.log10(v) + 3) * span;  // pixels, like u.valToPos
  for (const span of [8, 20, 40, 90]) {
    const labels = logTickLabels(splits, splits.map((v) => position(v, span)), String);
    const kept = labels.map((l, i) => (l ? i : -1)).filter((i) => i >= 0);
    if (span >= 20) for (const e of [0, 9, 18, 27]) assert.ok(labels[e], `decade ${splits[e]} labelled at ${span} px per decade`);
    assert.ok(kept.length >= 2, `${kept.length} labels at ${span} px per decade`);
    for (let a = 0; a < kept.length; a++) {
      for (let b = a + 1; b < kept.length; b++) {
        assert.ok(Math.abs(position(splits[kept[a]], span) - position(splits[kept[b]], span)) >= 14, `labels ${splits[kept[a]]} and ${splits[kept[b]]} overlap`);
      }
    }
    if (span === 90) assert.ok(labels[splits.indexOf(5 * 10 ** -2)], 'a wide decade gets a 5');
    if (span === 20) assert.equal(kept.length, 4, 'a narrow axis shows decades only');
  }
  // Less than a decade: minor labels appear instead of none.
  const short = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
  const labels = logTickLabels(short, short.map((v) => 200 - Math.log10(v / 0.2) * 300), String);
  assert.deepEqual(labels.filter(Boolean), ['0.2', '0.5']);
});
