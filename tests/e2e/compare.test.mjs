// Compare mode: the teacher's one link "#preset=compare-sigmoid-relu" opens runs A and B side by
// side, both train together and show their gradients; B is edited on its own side; a copied link
// replays both (with B's mid-run change); an embed with the controls hidden shows both runs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, screenshot, open } from './helpers.mjs';
import { axeViolations, describe as describeViolations } from './axe.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch({ viewport: { width: 1366, height: 768 } });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
});
after(async () => { await browser?.close(); await server?.close(); });

const TEACHER_LINK = '#preset=compare-sigmoid-relu';

async function openCompare(page, hash) {
  await open(page, `${server.url}${hash}`);
  await page.waitForFunction(() => window.nnsandbox.compareB?.ready === true, null, { timeout: 30000 });
}

// Plays both runs until each has passed `step`, then pauses and waits until both have stopped.
async function playBothPast(page, step) {
  await page.click('#play');
  await page.waitForFunction((s) => window.nnsandbox.step >= s && window.nnsandbox.compareB.step >= s, step, { timeout: 60000 });
  await page.click('#play');
  await page.waitForFunction(() => !window.nnsandbox.playing && !window.nnsandbox.compareB.playing, null, { timeout: 20000 });
}

const lastNorms = (gradHistory) => gradHistory.norms.map((column) => column[column.length - 1]);

test('the teacher\'s link opens compare mode: both runs train in step and show their gradients side by side', async () => {
  const { page, errors } = browser;
  await openCompare(page, TEACHER_LINK);
  assert.equal(await page.locator('#compare-panel').isVisible(), true);
  assert.equal(await page.getAttribute('#compare-toggle', 'aria-pressed'), 'true');
  assert.equal(await page.textContent('#compare-differs'),
    'B: Layers · Activation: sigmoid → relu in layers 1–9; Layers · Weight init: xavier_uniform → he_normal in layers 1–9');
  await playBothPast(page, 300);
  const [stepA, b] = await page.evaluate(() => [window.nnsandbox.step, window.nnsandbox.compareB]);
  assert.equal(stepA, b.step, 'paused at one step count');
  assert.equal(await page.locator('.compare-run[data-side="A"] .compare-step').textContent(), `step ${stepA}`);
  assert.equal(await page.locator('.compare-run[data-side="B"] .compare-step').textContent(), `step ${stepA}`);
  // Both gradient panels: a finite positive norm for each of the ten dense layers, drawn.
  await page.waitForFunction(() => window.nnsandbox.gradHistory.step.length > 2 && window.nnsandbox.compareB.gradHistory.step.length > 2);
  const [gradA, gradB] = await page.evaluate(() => [window.nnsandbox.gradHistory, window.nnsandbox.compareB.gradHistory]);
  for (const norms of [lastNorms(gradA), lastNorms(gradB)]) {
    assert.equal(norms.length, 10);
    assert.ok(norms.every((n) => Number.isFinite(n) && n > 0), norms.join(', '));
  }
  // What the lesson shows: sigmoid's first layer gets a far smaller gradient than ReLU's.
  assert.ok(lastNorms(gradA)[0] < 1e-3 * lastNorms(gradB)[0], `${lastNorms(gradA)[0]} vs ${lastNorms(gradB)[0]}`);
  for (const side of ['A', 'B']) {
    assert.equal(await page.locator(`.compare-run[data-side="${side}"] .compare-gradients canvas`).first().isVisible(), true, side);
  }
  // Side by side, both gradient charts use one y scale, wide enough for both runs' norms: scaled
  // each to its own data, sigmoid's 10⁻⁶ would look like ReLU's 10⁻¹.
  const yRange = (side) => page.locator(`.compare-run[data-side="${side}"] .compare-gradients .chart`).getAttribute('data-y-range');
  await page.waitForFunction(() => document.querySelectorAll('.compare-gradients .chart[data-y-range]').length === 2);
  const [rangeA, rangeB] = [await yRange('A'), await yRange('B')];
  assert.equal(rangeA, rangeB, 'one shared scale');
  const [low, high] = rangeA.split(' ').map(Number);
  const all = [...gradA.norms.flat(), ...gradB.norms.flat()].filter((n) => n > 0);
  assert.ok(low <= Math.min(...all) && high >= Math.max(...all), `${rangeA} covers ${Math.min(...all)}..${Math.max(...all)}`);
  // The curves chart labels both runs.
  assert.match(await page.locator('#loss-chart').textContent(), /A · Training[\s\S]*B · Training/);
  await screenshot(page, 'compare-sigmoid-relu');
  // The panel, both runs' charts and the A | B switches are as accessible as the rest of the page.
  await page.click('[data-edit-side="b"]');
  assert.equal(await page.locator('[data-edit-side="b"]').getAttribute('aria-pressed'), 'true');
  assert.equal(describeViolations(await axeViolations(page)), '');
  await page.click('[data-edit-side="a"]');
  assert.deepEqual(errors, []);
});

test('B is edited on its own side, live changes included, and a copied link replays both runs', async () => {
  const { page, context, errors } = browser;
  await openCompare(page, TEACHER_LINK);
  await page.click('[data-edit-side="b"]');
  assert.equal(await page.evaluate(() => document.body.classList.contains('editing-b')), true);
  const lr = page.locator('#training-controls input[name="learningRate"]');
  assert.equal(await lr.inputValue(), '0.1');
  await playBothPast(page, 150);
  await lr.fill('0.05');
  await lr.press('Enter');
  await page.waitForFunction(() => window.nnsandbox.compareB.changeLog?.changes.length === 1);
  const [a, b] = await page.evaluate(() => [window.nnsandbox.settings, window.nnsandbox.compareB]);
  assert.equal(a.learningRate, 0.1, 'A keeps its rate');
  assert.equal(b.settings.learningRate, 0.05);
  assert.match(await page.textContent('#compare-differs'), /Learning rate: 0\.1 → 0\.05/);
  await playBothPast(page, 300);
  await page.waitForTimeout(300);
  const first = await page.evaluate(() => [window.nnsandbox.history, window.nnsandbox.compareB.history, window.nnsandbox.step]);

  await page.click('#copy-link');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /[#&]cmp=1(&|$)/);
  assert.match(link, new RegExp(`&b\\.chg=${b.changeLog.changes[0].step}\\.lr\\.0\\.05(&|$)`));
  assert.equal(Number(link.match(/steps=(\d+)/)[1]), first[2]);

  const other = await context.newPage();
  await other.goto(link);
  await other.waitForFunction((s) => window.nnsandbox?.step === s && window.nnsandbox.compareB?.step === s
    && !window.nnsandbox.playing && !window.nnsandbox.compareB.playing, first[2], { timeout: 60000 });
  await other.waitForTimeout(300);
  const replayed = await other.evaluate(() => [window.nnsandbox.history, window.nnsandbox.compareB.history]);
  assert.deepEqual(replayed[0].trainLoss, first[0].trainLoss, 'A replays exactly');
  assert.deepEqual(replayed[1].trainLoss, first[1].trainLoss, 'B replays exactly, with its change');
  assert.deepEqual(replayed[1].learningRate, first[1].learningRate);
  await other.close();

  // Leaving compare mode keeps A.
  await page.click('#compare-toggle');
  assert.equal(await page.locator('#compare-panel').isVisible(), false);
  assert.equal(await page.evaluate(() => window.nnsandbox.settings.learningRate), 0.1);
  assert.equal(await page.evaluate(() => document.body.classList.contains('editing-b')), false);
  assert.equal(await lr.inputValue(), '0.1', 'the panels edit A again');
  assert.deepEqual(errors, []);
});

test('an embed of the comparison with the controls hidden shows both runs', async () => {
  const { page, errors } = browser;
  await page.setViewportSize({ width: 760, height: 900 });
  const hide = 'data,features,training,builder,network,paths,presets,export,insides';
  await openCompare(page, `${TEACHER_LINK}&embed=1&hide=${hide}`);
  assert.equal(await page.evaluate(() => document.body.classList.contains('embed')), true);
  assert.equal(await page.locator('[data-panel="builder"]').isVisible(), false);
  for (const side of ['A', 'B']) {
    assert.equal(await page.locator(`.compare-run[data-side="${side}"] canvas`).first().isVisible(), true, side);
  }
  await playBothPast(page, 120);
  // Nothing sticks out sideways at the course-column width.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await screenshot(page, 'compare-embed-760');
  await page.setViewportSize({ width: 1366, height: 768 });
  assert.deepEqual(errors, []);
});
