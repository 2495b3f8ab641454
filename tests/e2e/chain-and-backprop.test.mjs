// The chain rule, visible (issue 10), in the real page: the per-layer table shows the engine's
// numbers for the deep sigmoid preset and opens a layer's f'(z) histogram on click; a learner
// steps through backprop on a 2-2-1 net (forward, backward, update) and sees each weight change
// by exactly -lr * dL/dW.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, screenshot, open, waitStep, ROOT } from './helpers.mjs';
import { loadEngine } from '../../web/js/engine.js';
import { presetSettings } from '../../web/js/lessons/preset-settings.js';
import { buildSpec } from '../../web/js/state/spec.js';
import { chainFactors } from '../../web/js/state/chain-factors.js';
import { axeViolations, describe as describeViolations } from './axe.mjs';
import { formatNumber } from '../../web/js/format.js';

let server, browser, engine;
before(async () => {
  server = await serve();
  browser = await launch({ viewport: { width: 1366, height: 768 } });
  engine = await loadEngine({ flavor: 'simd', wasmBinary: fs.readFileSync(path.join(ROOT, 'web/wasm/nnsandbox-simd.wasm')) });
});
after(async () => { await browser?.close(); await server?.close(); });

test('the chain-rule table shows the engine\'s per-layer factors for the deep sigmoid preset, and a click opens f\'(z)', async () => {
  const { page, errors } = browser;
  const STEPS = 20;
  await open(page, `${server.url}#preset=deep-sigmoid&steps=${STEPS}`);
  await waitStep(page, STEPS);
  // The same run in node: the rows the page must show.
  const { spec, blocks } = buildSpec(presetSettings('deep-sigmoid'));
  const run = engine.createRun(spec);
  run.step(STEPS);
  const { rows } = chainFactors(blocks, run.stats().layers);
  run.delete();
  const expected = rows.filter((r) => !r.isHead).map((r) => ({
    block: String(r.block), derivative: formatNumber(r.derivativeMean, 3), derivativeProduct: formatNumber(r.derivativeProduct, 3),
    estimate: formatNumber(r.estimate, 3), measured: formatNumber(r.measured, 3),
  }));
  assert.equal(expected.length, 9);
  const shown = () => page.evaluate(() => [...document.querySelectorAll('#chain-rule tbody tr')]
    .filter((tr) => tr.dataset.row !== 'head')
    .map((tr) => ({ block: tr.dataset.row, ...Object.fromEntries([...tr.querySelectorAll('td')].map((td) => [td.dataset.field, td.textContent])) })));
  // The page's statistics arrive after the replay: wait until the table holds step 20's.
  await page.waitForFunction((want) => {
    const trs = [...document.querySelectorAll('#chain-rule tbody tr')].filter((tr) => tr.dataset.row !== 'head');
    return trs.length === want.length && trs.every((tr, i) => tr.querySelector('[data-field="derivative"]').textContent === want[i].derivative);
  }, expected, { timeout: 15000 }).catch(() => {});
  const table = await shown();
  assert.deepEqual(table.map(({ block, derivative, derivativeProduct, estimate, measured }) => ({ block, derivative, derivativeProduct, estimate, measured })), expected);
  for (const row of table) {
    for (const field of ['derivative', 'derivativeProduct', 'weightNorm', 'estimate', 'measured', 'weightGrad']) {
      assert.ok(Number.isFinite(Number(row[field].replace('−', '-'))), `${field} of block ${row.block}: "${row[field]}"`);
    }
  }
  // The f' factors of nine sigmoid layers multiply to well below 1e-5 at the first layer.
  assert.ok(Number(table[table.length - 1].derivativeProduct) < 1e-5, table[table.length - 1].derivativeProduct);
  const summary = await page.locator('#chain-rule [data-chain="summary"]').textContent();
  assert.match(summary, /9 hidden layers/);

  // Click the first hidden layer: its f'(z) histogram opens, counted over the sample.
  const first = page.locator('#chain-rule button[data-block="0"]');
  await first.scrollIntoViewIfNeeded();
  await first.click();
  assert.equal(await first.getAttribute('aria-pressed'), 'true');
  await page.waitForSelector('#chain-rule .chain-histogram:not([hidden]) canvas');
  assert.match(await page.locator('#chain-rule [data-chain="histogram-title"]').textContent(), /layer 1/);
  assert.match(await page.locator('#chain-rule [data-chain="histogram-note"]').textContent(), /^\d+ values/);
  const box = await page.locator('#chain-rule [data-chain="histogram"]').boundingBox();
  assert.ok(box.width > 100 && box.height > 50, JSON.stringify(box));
  await page.locator('#chain-rule').scrollIntoViewIfNeeded();
  await screenshot(page, 'chain-rule-deep-sigmoid');
  assert.equal(describeViolations(await axeViolations(page)), '', 'axe: the table and the histogram');
  assert.deepEqual(errors, []);
});

test('a learner steps through backprop on a 2-2-1 net: forward, backward, update by -lr * dL/dW', async () => {
  const { page, errors } = browser;
  await open(page, `${server.url}#preset=xor-221`);
  const stepper = page.locator('#backprop-stepper');
  await stepper.scrollIntoViewIfNeeded();
  await page.locator('#backprop-example').fill('3');
  await page.locator('[data-backprop="trace"]').click();
  await page.waitForSelector('#backprop-stepper .backprop-stepping:not([hidden])');
  assert.match(await stepper.locator('[data-backprop="example"]').textContent(), /Example 3 of \d+: x1 = .*target class [01]/);
  const stageText = () => stepper.locator('[data-backprop="stage"]').textContent();
  const next = stepper.locator('[data-backprop="next"]');
  const nodeText = () => stepper.locator('.node-label').allTextContents();
  assert.match(await stageText(), /^Step 1 of 10:/);
  // Forward: z of the hidden layer, then a = tanh(z), then the output and the loss.
  await next.click();
  assert.match(await stageText(), /Forward, layer 1: .*z = W·x \+ b/);
  assert.ok((await nodeText()).some((line) => line.startsWith('z = ')));
  await next.click();
  assert.match(await stageText(), /activation tanh/);
  assert.ok((await nodeText()).some((line) => line.startsWith('a = ')));
  await next.click();
  await next.click();
  assert.match(await stageText(), /loss on this example is L = .* = \d/);
  // Backward: the loss gradient, then the head's dL/dW on its edges, then through tanh, then layer 1.
  await next.click();
  assert.match(await stageText(), /∂L\/∂z = y − t = /);
  await next.click();
  assert.ok((await stepper.locator('.edge-label[data-edge^="2:"]').allTextContents()).every((label) => label.startsWith('∂ ')));
  await next.click();
  assert.match(await stageText(), /∂L\/∂z = ∂L\/∂a × f′\(z\)/);
  assert.ok((await nodeText()).some((line) => line.startsWith('∂L/∂z = ')));
  await next.click();
  assert.ok((await stepper.locator('.edge-label[data-edge^="0:"]').allTextContents()).every((label) => label.startsWith('∂ ')));
  await next.click();
  assert.match(await stageText(), /^Step 10 of 10: The update/);
  assert.equal(await next.isDisabled(), true);
  await screenshot(page, 'backprop-stepper-221');
  assert.equal(describeViolations(await axeViolations(page)), '', 'axe: the stepper');

  // Every weight and bias shown after the update is value - lr * gradient (lr of the xor-221 preset).
  const lr = presetSettings('xor-221').learningRate;
  const params = await stepper.locator('tr[data-param]').evaluateAll((trs) => trs.map((tr) => ({
    key: tr.dataset.param,
    value: Number(tr.querySelector('[data-value]').dataset.value),
    gradient: Number(tr.querySelector('[data-gradient]').dataset.gradient),
    after: Number(tr.querySelector('[data-after]').dataset.after),
  })));
  assert.equal(params.length, 9);  // 2x2 W + 2 b, 1x2 W + 1 b
  for (const p of params) {
    assert.ok(Math.abs(p.after - (p.value - lr * p.gradient)) <= 1e-6 * Math.max(1, Math.abs(p.value)), JSON.stringify(p));
  }
  assert.ok(params.some((p) => p.gradient !== 0 && p.after !== p.value), 'some weight moved');
  // The same numbers as the engine in node gives for the same run and example.
  const run = engine.createRun(buildSpec(presetSettings('xor-221')).spec);
  const trace = run.traceExample(3, lr);
  run.delete();
  const w = params.find((p) => p.key === 'W:0:1:0');
  assert.equal(w.value, trace.layers[0].weights[1][0]);
  assert.equal(w.gradient, trace.layers[0].dWeights[1][0]);
  assert.equal(w.after, trace.layers[0].weightsAfter[1][0]);
  assert.deepEqual(errors, []);
});

test('a link with bp=k opens the stepper traced on example k, and tracing another example writes it into the link', async () => {
  const { page, errors } = browser;
  await open(page, `${server.url}#preset=xor-221&bp=5`);
  await page.waitForSelector('#backprop-stepper .backprop-stepping:not([hidden])');
  assert.match(await page.locator('[data-backprop="example"]').textContent(), /^Example 5 of \d+:/);
  assert.match(await page.locator('[data-backprop="stage"]').textContent(), /^Step 1 of 10:/);
  await page.locator('#backprop-example').fill('7');
  await page.locator('[data-backprop="trace"]').click();
  await page.waitForFunction(() => /^Example 7 of/.test(document.querySelector('[data-backprop="example"]').textContent));
  await page.waitForFunction(() => /(^#|&)bp=7(&|$)/.test(window.location.hash), null, { timeout: 5000 });
  assert.deepEqual(errors, []);
});

test('bigger nets and nets with BatchNorm get a clear message instead of the stepper', async () => {
  const { page, errors } = browser;
  await open(page, `${server.url}#preset=deep-sigmoid`);
  assert.match(await page.locator('[data-backprop="refusal"]').textContent(), /for small networks.*This one is \d(-8){9}-[12]\./);
  assert.equal(await page.locator('#backprop-example').isVisible(), false);
  await open(page, `${server.url}#preset=bn-on`);
  assert.match(await page.locator('[data-backprop="refusal"]').textContent(), /dense layers and activations only/);
  assert.deepEqual(errors, []);
});
