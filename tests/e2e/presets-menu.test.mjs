// The experiments menu (#preset-select): choosing an experiment can be undone with the browser's
// Back (and redone with Forward), and moving through the list with the keyboard does not load
// every experiment on the way: Enter loads the one shown, Escape or leaving puts back the one in use.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, waitReady } from './helpers.mjs';
import { PRESETS } from '../../web/js/lessons/presets.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const MINE = '#data=xor&layers=5:relu,3:relu&opt=sgd&lr=0.05&lang=en';
const settings = (page) => page.evaluate(() => window.nnsandbox.settings);
const shape = (s) => `${s.dataset} ${s.layers.map((l) => `${l.units}:${l.activation}`).join(',')} ${s.optimizer} ${s.learningRate} [${s.preset}]`;

test('choosing an experiment adds a history entry: Back returns to the network before it, Forward to the experiment', async () => {
  const { page, errors } = browser;
  await open(page, `${server.url}${MINE}`);
  const mine = shape(await settings(page));
  assert.equal(mine, 'xor 5:relu,3:relu sgd 0.05 []');
  const preset = PRESETS.find((p) => p.id === 'deep-sigmoid');
  const earlier = await page.evaluate(() => history.length);
  await page.selectOption('#preset-select', preset.id);    // as a pointer or the open list chooses
  await page.waitForFunction((id) => window.nnsandbox.settings.preset === id, preset.id);
  assert.equal(await page.evaluate(() => history.length), earlier + 1);
  const chosen = shape(await settings(page));
  assert.notEqual(chosen, mine);
  assert.equal(await page.locator('#lesson-note').isVisible(), true);
  // The hash follows (debounced), and a second entry must not replace the first.
  await page.waitForFunction(() => window.location.hash.includes('preset=deep-sigmoid'));

  await page.goBack();
  await page.waitForFunction(() => window.nnsandbox.settings.preset === '');
  assert.equal(shape(await settings(page)), mine);
  assert.equal(await page.inputValue('#preset-select'), '');
  assert.equal(await page.locator('#lesson-note').isVisible(), false);
  // The run restarts with the earlier network (the diagram's first hidden layer has 5 units again).
  await page.waitForFunction(() => window.nnsandbox.ready && window.location.hash.includes('layers=5'));

  await page.goForward();
  await page.waitForFunction((id) => window.nnsandbox.settings.preset === id, preset.id);
  assert.equal(shape(await settings(page)), chosen);
  assert.equal(await page.inputValue('#preset-select'), preset.id);

  // Edits after the experiment stay with its entry: Back and Forward again bring them back.
  await page.fill('.layer-card[data-layer="0"] [data-field="units"]', '7');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.nnsandbox.settings.layers[0].units === 7);
  await page.goBack();   // at once, before the debounced rewrite of the entry's hash
  await page.waitForFunction(() => window.nnsandbox.settings.preset === '');
  await page.goForward();
  await page.waitForFunction(() => window.nnsandbox.settings.layers[0]?.units === 7);
  await waitReady(page);
  assert.deepEqual(errors, []);
});

test('arrow keys move through the menu without loading each experiment; Enter loads the one shown; Escape and leaving put back the one in use', async () => {
  const { page, errors } = browser;
  await open(page, `${server.url}${MINE}`);
  const mine = shape(await settings(page));
  const entries = await page.evaluate(() => history.length);
  await page.focus('#preset-select');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
  const shown = await page.inputValue('#preset-select');
  assert.notEqual(shown, '', 'the arrow keys moved through the list');
  await page.waitForTimeout(300);
  assert.equal(shape(await settings(page)), mine, 'no experiment was loaded while browsing');
  assert.equal(await page.evaluate(() => history.length), entries);
  assert.equal(await page.locator('#preset-pending').isVisible(), true);

  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => window.nnsandbox.settings.preset === id, shown);
  assert.equal(await page.locator('#preset-pending').isVisible(), false);
  assert.equal(await page.evaluate(() => history.length), entries + 1);

  // Escape: the menu shows the experiment in use again, nothing changes.
  const inUse = shape(await settings(page));
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await page.inputValue('#preset-select'), shown);
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('#preset-select'), shown);
  assert.equal(shape(await settings(page)), inUse);

  // Leaving the menu while browsing does the same.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  assert.equal(await page.inputValue('#preset-select'), shown);
  assert.equal(shape(await settings(page)), inUse);
  assert.equal(await page.locator('#preset-pending').isVisible(), false);
  assert.deepEqual(errors, []);
});
