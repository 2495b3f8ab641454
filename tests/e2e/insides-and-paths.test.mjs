// Views that must not mislead: a gradient that is exactly 0 shows as "0: no gradient" (a log axis
// cannot draw it), dead units are told apart from leaky units in the negative regime, and the
// optimizer paths on every function stay on the plot, mark a divergence and name the saddle point.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, screenshot, open, waitStep } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch({ viewport: { width: 1366, height: 768 } }); });
after(async () => { await browser?.close(); await server?.close(); });

test('exact zero gradients show in a "0: no gradient" band and read 0 in the legend', async () => {
  const { page, errors } = browser;
  // The deep ReLU net without BatchNorm: its last layers die and their gradients become exactly 0.
  await open(page, `${server.url}#preset=bn-off&steps=100`);
  await waitStep(page, 100);
  await page.waitForFunction(() => document.querySelector('#grad-chart')?.dataset.zeroBand === 'on', null, { timeout: 10000 });
  const values = await page.locator('#grad-chart .u-legend .u-value').allTextContents();
  assert.ok(values.slice(1).includes('0'), `legend: ${values.join(' | ')}`);
  await page.locator('#grad-chart').scrollIntoViewIfNeeded();
  await screenshot(page, 'gradients-zero-band');
  // A whole dead layer is named as such under the dead-unit bars.
  assert.equal(await page.locator('#dead-chart [data-note="dead-layer"]').count(), 1);
  assert.deepEqual(errors, []);
});

test('a healthy run keeps the zero band off, and its few dead units get the "normal" note', async () => {
  const { page, errors } = browser;
  await open(page, `${server.url}#preset=spiral&steps=50`);
  await waitStep(page, 50);
  await page.waitForFunction(() => document.querySelector('#grad-chart')?.dataset.zeroBand === 'off', null, { timeout: 10000 });
  // The spiral's ReLU layers have a few dead units (6-38 %), none wholly dead.
  await page.waitForSelector('#dead-chart [data-note="dead-some"]', { timeout: 10000 });
  assert.equal(await page.locator('#dead-chart [data-note="dead-layer"]').count(), 0);
  assert.deepEqual(errors, []);
});

test('Leaky ReLU units below 0 are in the negative regime, not dead', async () => {
  const { page, errors } = browser;
  // The dying-ReLU bias preset's net with Leaky ReLU: every bias starts at -3.
  const layers = 'layers=' + Array(3).fill('8:leaky_relu:he_normal:0.1:off:0:-3').join(',');
  await open(page, `${server.url}#data=circles&${layers}&opt=adam&lr=0.01&steps=1`);
  await waitStep(page, 1);
  await page.waitForSelector('#dead-chart [data-note="negative"]', { timeout: 10000 });
  assert.equal(await page.locator('#dead-chart [data-note="dead-layer"]').count(), 0);
  assert.equal(await page.locator('#dead-chart [data-note="dead-some"]').count(), 0);
  assert.deepEqual(errors, []);
});

test('each function gets its own race; the saddle is marked as one and a divergence is marked', async () => {
  const { page, errors } = browser;
  await open(page, server.url);
  const legend = page.locator('#paths-legend');
  const select = page.locator('#paths-controls [data-setting="pathFunction"] select');
  await select.scrollIntoViewIfNeeded();
  for (const name of ['book', 'rosenbrock', 'beale', 'saddle', 'himmelblau']) {
    await select.selectOption(name);
    await page.waitForSelector(`#paths-legend [data-function="${name}"]`, { timeout: 10000 });
    assert.equal(await legend.locator('[data-fate="inside"]').count(), 4, name);  // SGD, Momentum, AdaGrad, Adam
    assert.equal(await legend.locator('[data-fate="diverged"], [data-fate="left"]').count(), 0, name);
    const marked = await legend.locator('[data-marked]').textContent();
    assert.match(marked, name === 'saddle' ? /saddle point/ : /minimum/, name);
    await page.locator('#paths-canvas').screenshot({ path: `test-results/paths-${name}.png` });
  }
  const settings = await page.evaluate(() => window.nnsandbox.settings);
  assert.deepEqual([settings.pathStartX, settings.pathStartY, settings.pathSteps], [0, 0, 30]);  // Himmelblau's race
  // Force a divergence: SGD at rate 5 on Himmelblau overflows within a few steps.
  const sgdRate = page.locator('[data-optimizer-lr="sgd"]');
  await sgdRate.fill('5');
  await sgdRate.dispatchEvent('change');
  await page.waitForSelector('#paths-legend [data-path="sgd"][data-fate="diverged"]', { timeout: 10000 });
  assert.match(await legend.locator('[data-path="sgd"]').textContent(), /diverged at step \d+/);
  await page.locator('#paths-canvas').screenshot({ path: 'test-results/paths-diverged.png' });
  assert.deepEqual(errors, []);
});
