// The lab's "loss and targets" section: every number is read from the page, which got the softmax
// and sigmoid outputs from the engine in the worker. Checks what the section's text says: the
// probabilities sum to 1, the loss is −log y_target, the gradient is y − t, the softmax Jacobian's
// rows sum to 0, and one logit moves every softmax output but only its own sigmoid output.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, screenshot, openLabSection } from './helpers.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch({ viewport: { width: 1093, height: 600 } });
});
after(async () => { await browser?.close(); await server?.close(); });

const open = (page, hash = '#exp=loss-targets') => openLabSection(page, server.url, hash, 'loss-targets');

const column = async (page, col) => (await page.locator(`#loss-targets td[data-col="${col}"]`).evaluateAll(
  (cells) => cells.map((c) => Number(c.dataset.value))));
const jacobian = async (page, kind) => page.locator(`#loss-targets table[data-jacobian="${kind}"] tbody tr`).evaluateAll(
  (rows) => rows.map((r) => Array.from(r.querySelectorAll('td:not([data-col])'), (c) => Number(c.dataset.value))));

// Waits until the table shows logits different from `earlier` (the engine answers asynchronously).
async function changed(page, earlier) {
  await page.waitForFunction((old) => {
    const now = Array.from(document.querySelectorAll('#loss-targets td[data-col="logit"]'), (c) => c.dataset.value).join();
    return now !== old;
  }, earlier.join());
}

function checkAlgebra(state) {
  const { t, y, grad, loss, k, softmaxJ, sigmoidJ, sigmoid } = state;
  assert.deepEqual(t, t.map((_, i) => (i === k ? 1 : 0)), 'one-hot target');
  assert.ok(Math.abs(y.reduce((a, b) => a + b, 0) - 1) < 1e-6, `probabilities sum to 1: ${y}`);
  assert.ok(Math.abs(loss - -Math.log(y[k])) < 1e-9, `loss ${loss} is −log y_${k + 1}`);
  y.forEach((yi, i) => assert.ok(Math.abs(grad[i] - (yi - t[i])) < 1e-12, `gradient ${i}`));
  softmaxJ.forEach((row, i) => {
    assert.ok(Math.abs(row.reduce((a, b) => a + b, 0)) < 1e-6, `softmax Jacobian row ${i} sums to 0`);
    row.forEach((v, j) => assert.ok(Math.abs(v - ((i === j ? y[i] : 0) - y[i] * y[j])) < 1e-9, `J[${i}][${j}]`));
  });
  sigmoidJ.forEach((row, i) => row.forEach((v, j) => {
    if (i !== j) assert.equal(v, 0);
    else assert.ok(Math.abs(v - sigmoid[i] * (1 - sigmoid[i])) < 1e-6, `sigmoid slope ${i}`);
  }));
}

async function readState(page) {
  const y = await column(page, 'softmax');
  return {
    z: await column(page, 'logit'), t: await column(page, 'target'), y, grad: await column(page, 'gradient'),
    sigmoid: await column(page, 'sigmoid'),
    loss: Number(await page.locator('#loss-targets [data-loss]').getAttribute('data-loss')),
    k: (await column(page, 'target')).indexOf(1),
    softmaxJ: await jacobian(page, 'softmax'), sigmoidJ: await jacobian(page, 'sigmoid'),
  };
}

test('loss and targets: the engine\'s softmax, the loss −log y_k, the gradient y − t and the Jacobians agree', async () => {
  const { page, errors } = browser;
  await open(page);
  const state = await readState(page);
  assert.deepEqual(state.z, [2, 1, 0.1, -1]);
  assert.equal(state.k, 0);
  checkAlgebra(state);
  // The engine's float32 softmax against the formula in double precision.
  const e = state.z.map(Math.exp);
  const sum = e.reduce((a, b) => a + b, 0);
  state.y.forEach((yi, i) => assert.ok(Math.abs(yi - e[i] / sum) < 1e-6, `softmax ${i}`));
  state.sigmoid.forEach((s, i) => assert.ok(Math.abs(s - 1 / (1 + Math.exp(-state.z[i]))) < 1e-6, `sigmoid ${i}`));
  // The sigmoid outputs do not sum to 1 (the text says so).
  assert.ok(Math.abs(state.sigmoid.reduce((a, b) => a + b, 0) - 1) > 0.1);
  assert.match(await page.locator('#loss-targets .loss-verdicts').textContent(), new RegExp(`−log y1 = −log ${state.y[0].toPrecision(4).replace(/0+$/, '')}`));
  await screenshot(page, 'lab-loss-1093');
  assert.deepEqual(errors, []);
});

test('loss and targets: a logit moved with the keyboard moves every softmax output but one sigmoid output', async () => {
  const { page, errors } = browser;
  await open(page);
  const start = await readState(page);
  await page.focus('#loss-targets input[type="range"][data-logit="1"]');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await changed(page, start.z);
  await page.waitForFunction(() => Array.from(document.querySelectorAll('#loss-targets td[data-col="logit"]'))[1].dataset.value === '1.5');
  assert.equal(await page.inputValue('#loss-targets input[data-logit-box="1"]'), '1.5');
  const moved = await readState(page);
  checkAlgebra(moved);
  moved.y.forEach((yi, i) => assert.notEqual(yi, start.y[i], `softmax output ${i + 1} moved`));
  moved.sigmoid.forEach((s, i) => (i === 1 ? assert.notEqual(s, start.sigmoid[i]) : assert.equal(s, start.sigmoid[i])));
  assert.deepEqual(errors, []);
});

test('loss and targets: typed logits and another target class; the link keeps both', async () => {
  const { page, errors } = browser;
  await open(page);
  await page.selectOption('#loss-targets [data-field="target"] select', '3');
  const typedFrom = await column(page, 'logit');
  await page.fill('#loss-targets input[data-logit-box="0"]', '-3');
  await changed(page, typedFrom);
  await page.waitForFunction(() => document.querySelector('#loss-targets td[data-col="target"]:not([data-value="0"])')?.closest('tr').rowIndex === 3);
  const state = await readState(page);
  assert.equal(state.k, 2);
  assert.equal(state.z[0], -3);
  assert.equal(await page.inputValue('#loss-targets input[data-logit="0"]'), '-3');
  checkAlgebra(state);
  // A bad value is refused with the reason, and the last result stays.
  await page.fill('#loss-targets input[data-logit-box="3"]', '9');
  assert.match(await page.locator('#loss-targets [data-field="logits"] .problem').textContent(), /four numbers, each between -6 and 6/);
  await page.fill('#loss-targets input[data-logit-box="3"]', '-1');
  await page.selectOption('#loss-targets [data-field="target"] select', '3');  // a change event writes the link
  const hash = await page.evaluate(() => window.location.hash);
  assert.match(hash, /exp=loss-targets/);
  await open(page, hash);
  const again = await readState(page);
  assert.deepEqual(again.z, state.z);
  assert.equal(again.k, 2);
  assert.deepEqual(errors, []);
});

test('loss and targets: embedded, in Korean, at phone width', async () => {
  const { page, errors } = browser;
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, '#exp=loss-targets&target=2&logits=0.5,3,-2,1&embed=1&lang=ko');
  assert.equal(await page.locator('#loss-targets').isVisible(), true);
  assert.equal(await page.locator('#overfit').isVisible(), false);
  assert.match(await page.locator('#loss-targets-title').textContent(), /손실과 정답/);
  const state = await readState(page);
  assert.deepEqual(state.z, [0.5, 3, -2, 1]);
  assert.equal(state.k, 1);
  checkAlgebra(state);
  // The Jacobian tables are wider than a phone: they scroll in their own boxes, the page does not.
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(widths.scroll <= widths.client, `the page scrolls sideways: ${widths.scroll} > ${widths.client} px`);
  await screenshot(page, 'lab-loss-390-ko');
  await page.setViewportSize({ width: 1093, height: 600 });
  assert.deepEqual(errors, []);
});
