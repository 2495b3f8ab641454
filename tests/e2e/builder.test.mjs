// Building a network through the UI: add, edit, reorder and remove hidden layers; features and
// data controls; presets; the run follows (a new run for structure changes, live optimizer changes).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, screenshot, waitReady, open } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const card = (i) => `.layer-card[data-layer="${i}"]`;
const layers = (page) => page.evaluate(() => window.nnsandbox.settings.layers);

async function setField(page, selector, value) {
  await page.fill(selector, String(value));
  await page.press(selector, 'Enter');
}

test('a network is built, reordered and trimmed through the builder', async () => {
  const { page, errors } = browser;
  await open(page, server.url);
  await page.click('.add-layer');
  assert.equal((await layers(page)).length, 3);
  await setField(page, `${card(2)} input[data-field="units"]`, 12);
  await page.selectOption(`${card(2)} select[data-field="activation"]`, 'leaky_relu');
  await page.selectOption(`${card(2)} select[data-field="init"]`, 'uniform');
  assert.equal(await page.locator(`${card(2)} input[data-field="initParam"]`).isVisible(), true);
  await setField(page, `${card(2)} input[data-field="initParam"]`, 0.3);
  await page.selectOption(`${card(2)} select[data-field="norm"]`, 'after');
  await setField(page, `${card(2)} input[data-field="dropout"]`, 0.2);
  await setField(page, `${card(2)} input[data-field="bias"]`, -0.5);
  let list = await layers(page);
  assert.deepEqual(list[2], { units: 12, activation: 'leaky_relu', init: 'uniform', initParam: 0.3, norm: 'after', dropout: 0.2, bias: -0.5 });
  // Move it to the top, then remove the (old) first layer.
  await page.click(`${card(2)} button.up`);
  await page.click(`${card(1)} button.up`);
  list = await layers(page);
  assert.equal(list[0].units, 12);
  assert.equal(list[1].units, 4);
  await page.click(`${card(1)} button.remove`);
  list = await layers(page);
  assert.deepEqual(list.map((l) => l.units), [12, 2]);
  // Init without a parameter hides the field.
  await page.selectOption(`${card(0)} select[data-field="init"]`, 'he_normal');
  assert.equal(await page.locator(`${card(0)} input[data-field="initParam"]`).isVisible(), false);
  // The hash and the engine's network follow.
  await page.waitForFunction(() => window.location.hash.includes('layers=12:leaky_relu:he_normal'));
  // The diagram: 2 active inputs (of the 7 it lists), the first page of 12 units (8), 2 units, 1 output.
  await page.waitForFunction(() => document.querySelectorAll('#network-diagram .feature-node[aria-pressed="true"]').length === 2
    && document.querySelectorAll('#network-diagram button.node[data-block]').length === 8 + 2 + 1);
  // The output layer's weight init: its parameter field appears with it, a bad value is refused.
  const head = '#builder .builder-head';
  assert.equal(await page.locator(`${head} input[data-field="headInitParam"]`).isVisible(), false);
  await page.selectOption(`${head} select[data-field="headInit"]`, 'constant');
  await setField(page, `${head} input[data-field="headInitParam"]`, 'lots');
  assert.match(await page.locator('#messages').textContent(), /Output layer/);
  await setField(page, `${head} input[data-field="headInitParam"]`, 0.25);
  const s = await page.evaluate(() => window.nnsandbox.settings);
  assert.deepEqual([s.headInit, s.headInitParam], ['constant', 0.25]);
  await page.waitForFunction(() => window.location.hash.includes('hinit=constant') && window.location.hash.includes('hinitp=0.25'));
  await page.click('#step');
  await page.waitForFunction(() => window.nnsandbox.step === 1);
  await screenshot(page, 'builder');
  assert.deepEqual(errors, []);
});

test('feature toggles, data set buttons and regenerate change the run', async () => {
  const { page, errors } = browser;
  await open(page, server.url);
  await page.click('.feature-toggle[data-feature="x1^2"]');
  await page.click('.feature-toggle[data-feature="sin(x2)"]');
  assert.deepEqual((await page.evaluate(() => window.nnsandbox.settings)).features, ['x1', 'x2', 'x1^2', 'sin(x2)']);
  await page.waitForFunction(() => document.querySelector('.builder-io').textContent.includes('4'));
  await page.click('button[data-dataset="spiral"]');
  await page.fill('#data-controls input[name="classes"]', '4');
  await page.press('#data-controls input[name="classes"]', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('#heatmap-legend .swatch').length === 4);
  const seed = (await page.evaluate(() => window.nnsandbox.settings)).dataSeed;
  await page.click('#regenerate');
  assert.equal((await page.evaluate(() => window.nnsandbox.settings)).dataSeed, seed + 1);
  // Regression data: one output with MSE, no accuracy column.
  await page.click('button[data-dataset="gaussian_bumps"]');
  await page.waitForFunction(() => document.querySelector('#metrics')?.textContent.includes('loss') && !document.querySelector('#metrics').textContent.includes('accuracy'));
  assert.match(await page.locator('#builder').textContent(), /mean squared error/);
  assert.deepEqual(errors, []);
});

test('a hyper-parameter changed mid-run applies without a reset', async () => {
  const { page, errors } = browser;
  await open(page, `${server.url}#steps=50`);
  await page.waitForFunction(() => window.nnsandbox.step >= 50 && !window.nnsandbox.playing);
  await page.selectOption('#training-controls select[name="optimizer"]', 'sgd');
  await setField(page, '#training-controls input[name="learningRate"]', 0.5);
  await page.click('#step');
  await page.waitForFunction(() => window.nnsandbox.step === 51);
  const metrics = await page.evaluate(() => window.nnsandbox.metrics);
  assert.equal(metrics.learningRate, 0.5);
  // The readout is redrawn on the next animation frame after the metrics arrive.
  await page.waitForFunction(() => document.querySelector('#readout-lr').textContent === '0.5');
  assert.deepEqual(errors, []);
});

test('Step right after a network change while playing steps the new network once and pauses', async () => {
  const { page, errors } = browser;
  await open(page, server.url);
  await page.click('#play');
  await page.waitForFunction(() => window.nnsandbox.step > 5 && window.nnsandbox.playing);
  // The change and the click in one task, so the click surely falls inside the 150 ms a network
  // change waits for more edits (Playwright's own click may come later on a loaded machine).
  await page.evaluate((selector) => {
    const units = document.querySelector(selector);
    units.value = '7';
    units.dispatchEvent(new Event('change', { bubbles: true }));
    document.querySelector('#step').click();
  }, `${card(0)} input[data-field="units"]`);
  await page.waitForFunction(() => window.nnsandbox.step === 1 && !window.nnsandbox.playing);
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => [window.nnsandbox.step, window.nnsandbox.playing]), [1, false]);
  assert.equal((await page.evaluate(() => window.nnsandbox.settings)).layers[0].units, 7);
  assert.deepEqual(errors, []);
});

test('presets load from the menu and show their note', async () => {
  const { page, errors } = browser;
  await open(page, server.url);
  await page.selectOption('#preset-select', 'deep-sigmoid');
  await page.locator('#lesson-note').waitFor();
  assert.match(await page.locator('#lesson-note').textContent(), /vanishing gradient/);
  const s = await page.evaluate(() => window.nnsandbox.settings);
  assert.equal(s.layers.length, 9);
  assert.ok(s.layers.every((l) => l.activation === 'sigmoid'));
  await page.selectOption('#preset-select', 'xor-21');
  assert.equal((await page.evaluate(() => window.nnsandbox.settings)).layers.length, 0);
  await page.waitForFunction(() => document.querySelector('#builder').textContent.includes('No hidden layer'));
  // Step came within the 150 ms a network change waits for more edits: it must have stepped the
  // new network, which no late run creation may throw away.
  await page.click('#step');
  await page.waitForFunction(() => window.nnsandbox.step === 1);
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => window.nnsandbox.step), 1);
  assert.deepEqual(errors, []);
});

test('the page runs under its Content-Security-Policy with no inline script', async () => {
  const { page, errors } = browser;
  await page.goto(server.url);
  await page.reload();
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  await waitReady(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(await page.locator('script:not([src])').count(), 0);
  assert.match(await page.locator('#flavor').textContent(), /WebAssembly (SIMD|baseline)/);
  await page.click('#play');
  await page.waitForFunction(() => window.nnsandbox.step > 20);
  await page.click('#play');
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
});

test('the optimizer-paths view draws the book race', async () => {
  const { page, errors } = browser;
  await open(page, server.url);
  await page.waitForFunction(() => document.querySelectorAll('#paths-legend > span').length === 5);
  const legend = await page.locator('#paths-legend').textContent();
  for (const name of ['SGD', 'Momentum', 'AdaGrad', 'Adam']) assert.match(legend, new RegExp(name));
  await page.check('#paths-optimizers input[data-optimizer="rmsprop"]');
  await page.waitForFunction(() => document.querySelectorAll('#paths-legend > span').length === 6);
  await page.selectOption('#paths-controls select[name="pathFunction"]', 'rosenbrock');
  await page.waitForFunction(() => document.querySelector('#paths-legend').textContent.includes('(1 - x)^2'));
  await page.click('#paths-book');
  await page.waitForFunction(() => document.querySelectorAll('#paths-legend > span').length === 5 && document.querySelector('#paths-legend').textContent.includes('x^2/20'));
  assert.deepEqual(errors, []);
});

test('a narrow screen stacks the panels', async () => {
  const { page, errors } = browser;
  await page.setViewportSize({ width: 390, height: 800 });
  await open(page, server.url);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 400, `page is ${width}px wide`);
  await screenshot(page, 'narrow');
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.deepEqual(errors, []);
});
