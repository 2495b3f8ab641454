// Sharing: a copied link replays the same run (same seed, same curve) to the same step; a hostile
// or malformed hash shows a message naming each problem and leaves a working default page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, screenshot, open, waitStep } from './helpers.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
});
after(async () => { await browser?.close(); await server?.close(); });

async function playPast(page, step) {
  await page.click('#play');
  await page.waitForFunction((s) => window.nnsandbox.step > s, step);
}
async function pause(page) {
  await page.click('#play');
  await page.waitForFunction(() => !window.nnsandbox.playing);
}
// Opens `link` in a fresh page, waits for its replay to reach `steps` and checks that the step list
// and `fields` of its metrics history equal `first`'s. Returns the page.
async function assertReplays(context, link, steps, first, fields) {
  const other = await context.newPage();
  await open(other, link);
  await waitStep(other, steps);
  const second = await other.evaluate(() => window.nnsandbox.history);
  for (const field of ['step', ...fields]) assert.deepEqual(second[field], first[field], field);
  return other;
}

test('a copied link replays the same loss curve to the same step', async () => {
  const { page, context, errors } = browser;
  // Trained by hand: a few single steps, then play, pause at whatever step it reached.
  await open(page, `${server.url}#data=spiral&k=2&seed=7&dseed=3&lr=0.02&layers=8:relu:he_normal,8:tanh&speed=4`);
  for (let i = 0; i < 3; i++) await page.click('#step');
  await page.waitForFunction(() => window.nnsandbox.step === 3);
  await playPast(page, 150);
  await pause(page);
  await page.waitForTimeout(300);
  const first = await page.evaluate(() => window.nnsandbox.history);
  const reached = await page.evaluate(() => window.nnsandbox.step);
  await page.click('#copy-link');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, new RegExp(`steps=${reached}(&|$)`));
  assert.match(link, /seed=7/);

  const other = await assertReplays(context, link, reached, first, ['trainLoss', 'testAcc']);
  await other.close();
  assert.deepEqual(errors, []);
});

test('a link replays learning-rate changes made during the run at the same steps', async () => {
  const { page, context, errors } = browser;
  await open(page, `${server.url}#data=spiral&k=2&seed=5&dseed=2&lr=0.02&layers=8:relu:he_normal,8:tanh&speed=4`);
  const lr = page.locator('#training-controls input[name="learningRate"]');
  const setLr = async (value, count) => {
    await lr.fill(value);
    await lr.press('Enter');
    await page.waitForFunction((n) => window.nnsandbox.changeLog?.changes.length === n, count);
  };
  // One change while training (the worker logs the step it applied it at) ...
  await playPast(page, 130);
  await setLr('0.005', 1);
  await page.waitForFunction(() => window.nnsandbox.step > 300);
  await pause(page);
  // ... and one while paused, then more training.
  await setLr('0.04', 2);
  await playPast(page, 450);
  await pause(page);
  await page.waitForTimeout(300);
  const first = await page.evaluate(() => window.nnsandbox.history);
  const log = await page.evaluate(() => window.nnsandbox.changeLog);
  assert.equal(log.initial.learningRate, 0.02);
  assert.deepEqual(log.changes.map((c) => [c.key, c.value]), [['learningRate', 0.005], ['learningRate', 0.04]]);
  assert.ok(log.changes[0].step > 130 && log.changes[0].step < log.changes[1].step);
  // The changes show in the curve: each history point after a change carries the new rate.
  const rateAt = (history, step) => history.learningRate[history.step.indexOf(step)];
  const firstStepAfter = (step) => first.step.find((s) => s > step);
  assert.equal(rateAt(first, firstStepAfter(log.changes[0].step)), 0.005);
  assert.equal(rateAt(first, firstStepAfter(log.changes[1].step)), 0.04);

  await page.click('#copy-link');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /[#&]lr=0\.02(&|$)/);  // the normal fields hold the values at step 0
  assert.match(link, new RegExp(`chg=${log.changes[0].step}\\.lr\\.0\\.005~${log.changes[1].step}\\.lr\\.0\\.04(&|$)`));
  const steps = Number(link.match(/steps=(\d+)/)[1]);
  assert.equal(steps, first.step[first.step.length - 1]);

  const other = await assertReplays(context, link, steps, first, ['trainLoss', 'learningRate']);
  // The controls show the current values, and the replayed run keeps the log for the next link.
  assert.equal(await other.locator('#training-controls input[name="learningRate"]').inputValue(), '0.04');
  assert.equal((await other.evaluate(() => window.nnsandbox.settings)).learningRate, 0.04);
  assert.deepEqual(await other.evaluate(() => window.nnsandbox.changeLog), log);
  assert.equal(await other.locator('.message[data-id="hash"]').count(), 0);
  await other.close();
  assert.deepEqual(errors, []);
});

test('malformed optimizer changes in a link are reported and skipped', async () => {
  const { page, errors } = browser;
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const chg = ['<img src=x onerror=alert(1)>', '5.lr.-1', '3.seed.4', '99.lr.0.1', '2.lr.0.01', '1.lr.0.05'].join('~');
  await open(page, `${server.url}#lr=0.02&steps=50&chg=${encodeURIComponent(chg)}`);
  const message = page.locator('.message[data-id="hash"]');
  await message.waitFor();
  const text = await message.textContent();
  assert.match(text, /chg: not a change of the form step\.setting\.value \(got "<img src=x/);
  assert.match(text, /chg 5\.lr: must be between/);
  assert.match(text, /chg: "seed" is not a setting that can change during a run/);
  assert.match(text, /chg: a change at step 99 is after the link's step 50/);
  assert.match(text, /chg: a change at step 1 comes after one at step 2/);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  await screenshot(page, 'hostile-chg');
  // The one good change is replayed exactly at its step: the point at step 2 still has the old rate.
  await waitStep(page, 50);
  const history = await page.evaluate(() => window.nnsandbox.history);
  assert.deepEqual(history.learningRate.slice(0, 4), [0.02, 0.02, 0.02, 0.01]);
  assert.equal((await page.evaluate(() => window.nnsandbox.settings)).learningRate, 0.01);
  await page.click('#step');
  await page.waitForFunction(() => window.nnsandbox.step >= 51);
  assert.equal(dialogs, 0);
  assert.deepEqual(errors, []);
});

test('settings changed in the UI are mirrored into the hash', async () => {
  const { page, errors } = browser;
  await open(page, `${server.url}`);
  await page.selectOption('#training-controls select[name="optimizer"]', 'momentum');
  await page.fill('#training-controls input[name="learningRate"]', '0.07');
  await page.press('#training-controls input[name="learningRate"]', 'Enter');
  await page.waitForFunction(() => window.location.hash.includes('opt=momentum') && window.location.hash.includes('lr=0.07'));
  const hash = await page.evaluate(() => window.location.hash);
  assert.match(hash, /mom=0\.9/);
  assert.deepEqual(errors, []);
});

test('a hostile hash shows a message and a working default page', async () => {
  const { page, errors } = browser;
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await open(page, `${server.url}#layers=<img src=x onerror=alert(1)>&lr=-5&units=999999`);
  const message = page.locator('.message[data-id="hash"]');
  await message.waitFor();
  const text = await message.textContent();
  assert.match(text, /layers/);
  assert.match(text, /lr: must be between/);
  assert.match(text, /units: unknown setting/);
  assert.match(text, /<img src=x/);            // shown back as text ...
  assert.equal(await page.locator('img[src="x"]').count(), 0);  // ... never as markup
  const settings = await page.evaluate(() => window.nnsandbox.settings);
  assert.equal(settings.learningRate, 0.03);
  assert.equal(settings.layers.length, 2);
  await page.click('#step');
  await page.waitForFunction(() => window.nnsandbox.step >= 1);
  assert.equal(dialogs, 0);
  await screenshot(page, 'hostile-hash');
  assert.deepEqual(errors, []);
});

test('more malformed hashes are survived', async () => {
  const { page, errors } = browser;
  for (const hash of ['#%E0%A4%A', '#lr=1e999&n=abc&feat=x9', '#layers=' + '4,'.repeat(40), '#' + 'a'.repeat(9000), '#data=constructor&__proto__=1',
    '#steps=5&chg=' + '1.lr.0.1~'.repeat(300), '#chg=1.lr.0.1.2.3~~x']) {
    await open(page, `${server.url}${hash}`);
    assert.equal(await page.locator('.message[data-id="hash"]').count(), 1, hash.slice(0, 30));
  }
  assert.deepEqual(errors, []);
});

test('an out-of-range typed value is refused with a message and the last good value kept', async () => {
  const { page, errors } = browser;
  await open(page, `${server.url}`);
  const box = page.locator('#training-controls input[name="learningRate"]');
  await box.fill('-5');
  await box.press('Enter');
  await page.locator('#training-controls .control.invalid').waitFor();
  assert.match(await page.locator('#messages').textContent(), /Learning rate: must be between/);
  assert.equal((await page.evaluate(() => window.nnsandbox.settings)).learningRate, 0.03);
  const units = page.locator('.layer-card[data-layer="0"] input[data-field="units"]');
  await units.fill('100000');
  await units.press('Enter');
  assert.match(await page.locator('#messages').textContent(), /Hidden layer 1 · units: must be between 1 and 256/);
  assert.equal((await page.evaluate(() => window.nnsandbox.settings)).layers[0].units, 4);
  assert.deepEqual(errors, []);
});
