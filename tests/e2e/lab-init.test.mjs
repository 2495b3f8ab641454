// The Lab's initializer experiment (3b): std 0.01, Xavier and He train the same net on Fashion-MNIST.
// Its text (lab.initTrain.intro2, both languages) quotes the default run; this test runs the defaults
// in the page and checks each figure the text gives against the table the engine filled.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch } from './helpers.mjs';
import en from '../../web/js/i18n/en.js';
import ko from '../../web/js/i18n/ko.js';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch({ viewport: { width: 1360, height: 900 } });
});
after(async () => { await browser?.close(); await server?.close(); });

test('init-training: std 0.01 stays at ln 10, Xavier and He reach the losses its text quotes', async () => {
  const { page, errors } = browser;
  await page.goto(`${server.url}lab.html#exp=init-training`);
  await page.waitForSelector('#activations[data-ready="true"]', { timeout: 30000 });
  await page.click('#init-training .lab-run');
  await page.waitForSelector('#init-training[data-state="done"]', { timeout: 60000 });
  const rows = Object.fromEntries(await page.evaluate(() => [...document.querySelectorAll('#init-training tr[data-init]')]
    .map((tr) => [tr.dataset.init, { final: Number(tr.dataset.finalLoss), test: Number(tr.dataset.testAccuracy), losses: tr.dataset.losses.split(' ').map(Number) }])));
  assert.deepEqual(Object.keys(rows), ['normal', 'xavier', 'he']);
  for (const r of Object.values(rows)) assert.equal(r.losses.length, 31, 'epoch 0 and 30 epochs');
  // "stays flat at 2.302 = ln 10 for all 30 epochs ... test accuracy stays at 10 %"
  for (const loss of rows.normal.losses) assert.ok(Math.abs(loss - Math.log(10)) < 0.0015, `std 0.01 loss ${loss}`);
  assert.equal(Math.round(rows.normal.test * 100), 10);
  // "Xavier ... 0.64 after 30 epochs (test accuracy 75 %). He ... 0.44 (81 %)", in both languages.
  const quoted = (r) => [r.final.toFixed(2), `${Math.round(r.test * 100)} %`];
  for (const text of [en['lab.initTrain.intro2'], ko['lab.initTrain.intro2']]) {
    for (const init of ['xavier', 'he']) {
      for (const figure of quoted(rows[init])) assert.ok(text.includes(figure), `${init}: "${figure}" not in: ${text}`);
    }
  }
  assert.ok(rows.he.final < rows.xavier.final && rows.xavier.final < rows.normal.final);
  assert.match(await page.locator('#init-training .lab-status').textContent(), /Done in/);
  await page.locator('#init-training').screenshot({ path: 'test-results/lab-init-training.png' });
  assert.deepEqual(errors, []);
});
