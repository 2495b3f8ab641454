// Language: English and Korean dictionaries have the same keys; the switch re-labels the page,
// is remembered across reloads, and formulas are typeset by the vendored KaTeX.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, screenshot, waitReady, open, switchLanguage } from './helpers.mjs';
import en from '../strings/en.mjs';
import ko from '../strings/ko.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('English and Korean have the same keys and placeholders', () => {
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
  const holes = (s) => (s.match(/\{\w+\}/g) ?? []).sort();
  for (const key of Object.keys(en)) assert.deepEqual(holes(ko[key]), holes(en[key]), key);
});

test('the language switch re-labels the page and is remembered', async () => {
  const { page, errors } = browser;
  await open(page, server.url);
  assert.equal(await page.locator('[data-panel="data"] h2').textContent(), 'Data');
  await switchLanguage(page, 'ko');
  assert.equal(await page.locator('[data-panel="data"] h2').textContent(), '데이터');
  assert.equal(await page.locator('#training-controls [data-setting="learningRate"] .label').textContent(), '학습률');
  assert.match(await page.locator('#layer-explain').textContent(), /활성화 함수: Tanh.*시그모이드/);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('[data-panel="data"] h2').textContent(), '데이터');
  await page.click('#play');
  await page.waitForFunction(() => window.nnsandbox.step > 30);
  await page.click('#play');
  await screenshot(page, 'korean');
  await page.click('button[data-lang="en"]');
  assert.equal(await page.locator('[data-panel="data"] h2').textContent(), 'Data');
  assert.deepEqual(errors, []);
});

test('an English visit does not fetch the Korean table until the learner switches to Korean', async () => {
  const { page, errors } = browser;
  const requested = [];
  const record = (request) => requested.push(new URL(request.url()).pathname);
  page.on('request', record);
  try {
    await open(page, `${server.url}#lang=en`);
    await page.click('#play');
    await page.waitForFunction(() => window.nnsandbox.step > 5);
    await page.click('#play');
    // The page runs the bundle (tools/bundle.mjs): en.js is part of main.js, ko.js a chunk of its own.
    const koreanChunk = (pathname) => /^\/dist\/ko-\w+\.js$/.test(pathname);
    assert.ok(requested.includes('/dist/main.js'));
    assert.ok(!requested.some(koreanChunk), 'the Korean table fetched on an English page');
    await switchLanguage(page, 'ko');
    assert.ok(requested.some(koreanChunk));
    assert.equal(await page.locator('[data-panel="data"] h2').textContent(), '데이터');
    await switchLanguage(page, 'en');
  } finally {
    page.off('request', record);
  }
  assert.deepEqual(errors, []);
});

test('activation, initializer and optimizer formulas are typeset with KaTeX', async () => {
  const { page, errors } = browser;
  await open(page, server.url);
  await page.locator('#layer-explain .katex').first().waitFor();  // KaTeX loads after the first run (views/formula.js)
  await page.locator('#optimizer-explain .katex').first().waitFor();
  assert.ok(await page.locator('#layer-explain .katex').count() >= 2);
  assert.ok(await page.locator('#optimizer-explain .katex').count() >= 1);
  await page.selectOption('.layer-card[data-layer="0"] select[data-field="activation"]', 'gelu');
  await page.selectOption('.layer-card[data-layer="0"] select[data-field="init"]', 'normal');
  assert.match(await page.locator('#layer-explain').textContent(), /GELU/);
  assert.equal(await page.locator('.layer-card[data-layer="0"] input[data-field="initParam"]').isVisible(), true);
  assert.deepEqual(errors, []);
});
