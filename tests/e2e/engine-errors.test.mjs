// The page side of issue 8: engine errors in the learner's language (issue 7, item 15), and a
// link's long replay shown with its progress, an estimate of the time left and Cancel (item 8).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, screenshot, RESULTS } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); fs.mkdirSync(RESULTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

// A model of the page's run with its first weight beyond float: the engine refuses it.
async function modelBeyondFloat(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download-model')]);
  const model = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
  model.parameters[0].values[1] = 3.5e38;
  const target = path.join(RESULTS, 'beyond-float.json');
  fs.writeFileSync(target, JSON.stringify(model));
  return target;
}

for (const [lang, pattern] of [['ko', /parameters \(layer 0, W\): 1번 값이 유한한 수가 아닙니다/], ['en', /parameters \(layer 0, W\): value 1 is not a finite number/]]) {
  test(`a weight beyond float is refused in ${lang === 'ko' ? 'Korean on the Korean' : 'English on the English'} page`, async () => {
    const { page, errors } = browser;
    await open(page, `${server.url}#data=circles&steps=5&lang=${lang}`);
    await page.waitForFunction(() => window.nnsandbox.step >= 5 && !window.nnsandbox.playing);
    const file = await modelBeyondFloat(page);
    await page.setInputFiles('#upload-model', file);
    const message = page.locator('.message[data-id="upload"]');
    await message.waitFor();
    const text = await message.textContent();
    assert.match(text, pattern);
    if (lang === 'ko') assert.doesNotMatch(text, /not a finite|could not be loaded/);
    assert.equal(await page.evaluate(() => window.nnsandbox.step), 5, 'the run is unchanged');
    assert.deepEqual(errors, []);
  });
}

test('a link that replays a million steps on the largest network shows its progress and can be cancelled', async () => {
  const { page, errors } = browser;
  const layers = Array.from({ length: 10 }, () => '256:relu').join(',');
  await open(page, `${server.url}#data=spiral&layers=${layers}&bs=200&steps=1000000`);
  const box = page.locator('#replay-progress');
  await box.waitFor({ state: 'visible' });
  // After a second of replay the estimate is there: "about … left".
  await page.waitForFunction(() => /about .+ left/.test(document.querySelector('#replay-text').textContent), null, { timeout: 20000 });
  const text = await page.locator('#replay-text').textContent();
  assert.match(text, /step [\d,]+ of 1,000,000/);
  assert.match(text, /about (\d+ d \d+ h|\d+ h \d+ min)/, 'a million steps of this network take hours');
  await page.setViewportSize({ width: 1093, height: 600 });
  await screenshot(page, 'replay-progress-1093');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'replay-progress-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.click('#replay-cancel');
  await page.waitForFunction(() => !window.nnsandbox.playing);
  await box.waitFor({ state: 'hidden' });
  const reached = await page.evaluate(() => window.nnsandbox.step);
  assert.ok(reached > 0 && reached < 1000000, `stopped at step ${reached}`);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.nnsandbox.step), reached, 'the replay stopped');
  // The page keeps working: Step trains one more step from there.
  await page.click('#step');
  await page.waitForFunction((s) => window.nnsandbox.step === s + 1, reached);
  assert.deepEqual(errors, []);
});
