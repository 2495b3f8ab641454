// The Lab page (web/lab.html): the curriculum's experiments beyond the 2-D playground. Every
// number checked here is read from the page (the DOM), which got it from the engine in the worker.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, screenshot, switchLanguage } from './helpers.mjs';
import { EMBED_SANDBOX } from '../../web/js/embed-code.js';
import en from '../strings/en.mjs';
import ko from '../strings/ko.mjs';

let server, host, hostDir, browser;
before(async () => {
  server = await serve();
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnsandbox-lab-host-'));
  host = await serve(hostDir);  // a second origin for the iframe test
  browser = await launch({ viewport: { width: 1360, height: 900 } });
});
after(async () => {
  await browser?.close(); await server?.close(); await host?.close();
  fs.rmSync(hostDir, { recursive: true, force: true });
});

async function openLab(page, suffix = '') {
  await page.goto('about:blank');
  await page.goto(`${server.url}lab.html${suffix}`);
  await page.waitForSelector('#activations[data-ready="true"]', { timeout: 30000 });
}

// Sets a field of one experiment section by its name.
async function fill(page, section, name, value) {
  await page.fill(`#${section} [data-field="${name}"] input`, String(value));
}

async function runAndWait(page, section, timeout = 60000) {
  await page.click(`#${section} .lab-run`);
  await page.waitForSelector(`#${section}[data-state="done"]`, { timeout });
}

test('the Lab strings have the same keys and placeholders in English and Korean', () => {
  const lab = (table) => Object.keys(table).filter((key) => key.startsWith('lab.')).sort();
  assert.ok(lab(en).length > 100);
  assert.deepEqual(lab(ko), lab(en));
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
  const holes = (s) => (s.match(/\{\w+\}/g) ?? []).sort();
  for (const key of Object.keys(en)) assert.deepEqual(holes(ko[key]), holes(en[key]), key);
});

test('the page loads without errors and shows activations, softmax and init histograms from the engine', async () => {
  const { page, errors } = browser;
  await openLab(page);
  // 1. all nine activations drawn, each with a formula and its engine-derived figures
  assert.equal(await page.locator('#activations .gallery-card[data-drawn="true"]').count(), 9);
  await page.waitForFunction(() => document.querySelectorAll('#activations .gallery-card .katex').length >= 9);  // KaTeX is imported on demand
  const sigmoidMax = Number(await page.locator('.gallery-card[data-activation="sigmoid"]').getAttribute('data-max-derivative'));
  assert.ok(Math.abs(sigmoidMax - 0.25) < 1e-3, `sigmoid' max ${sigmoidMax}`);
  assert.match(await page.locator('.gallery-card[data-activation="sigmoid"] .note').textContent(), /at most 0\.25/);
  // 2. naive float32 softmax breaks, the engine's stays a distribution
  await page.waitForSelector('#softmax[data-ready="true"]');
  const naive = await page.locator('#softmax td[data-col="naive"]').allTextContents();
  assert.deepEqual(naive, ['NaN', 'NaN', 'NaN']);
  assert.deepEqual(await page.locator('#softmax td[data-col="naive-exp"]').allTextContents(), ['Infinity', 'Infinity', 'Infinity']);
  const sum = Number(await page.locator('#softmax td[data-col="stable-sum"]').getAttribute('data-value'));
  assert.ok(Math.abs(sum - 1) < 1e-5, `stable sum ${sum}`);
  // 3. the book's configurations: sigmoid N(0,1) saturates, sigmoid N(0,0.01) collapses
  await page.waitForSelector('#init-histograms[data-ready="true"]');
  const row = (id) => page.locator(`#init-histograms .hist-row[data-config="${id}"] .hist-cell`);
  assert.equal(await row('sigmoid-normal-1').count(), 5);
  const saturated = (await Promise.all((await row('sigmoid-normal-1').all()).map((c) => c.getAttribute('data-saturated')))).map(Number);
  assert.ok(saturated.every((s) => s > 0.3), `saturated ${saturated}`);
  assert.match(await row('sigmoid-normal-1').first().textContent(), /saturated \d+ %/);
  const stds = (await Promise.all((await row('sigmoid-normal-0.01').all()).map((c) => c.getAttribute('data-std')))).map(Number);
  assert.ok(stds.every((s) => s < 0.05), `std ${stds}`);
  assert.equal(await page.locator('#init-histograms .hist-row').count(), 8);  // yours + 7 of the book
  await screenshot(page, 'lab-overview');
  await page.locator('#activations').screenshot({ path: 'test-results/lab-activations.png' });
  await page.locator('#init-histograms').screenshot({ path: 'test-results/lab-init-histograms.png' });
  assert.deepEqual(errors, []);
});

test('bad input gets a clear message and nothing runs', async () => {
  const { page, errors } = browser;
  await openLab(page);
  await fill(page, 'activations', 'xmin', 'abc');
  await page.click('#activations .lab-run');
  assert.equal(await page.locator('#activations [data-field="xmin"] .problem').textContent(), 'Enter a number.');
  assert.match(await page.locator('#activations .lab-status').textContent(), /Fix the fields/);
  await page.fill('#softmax [data-field="scores"] input', '1, two, 3');
  await page.click('#softmax .lab-run');
  assert.match(await page.locator('#softmax [data-field="scores"] .problem').textContent(), /numbers separated by commas/);
  await fill(page, 'optimizer-mnist', 'epochs', 0);
  await page.click('#optimizer-mnist .lab-run');
  assert.equal(await page.locator('#optimizer-mnist [data-field="epochs"] .problem').textContent(), 'A whole number from 1 to 50.');
  assert.equal(await page.locator('#optimizer-mnist').getAttribute('data-state'), null);
  assert.deepEqual(errors, []);
});

test('optimizer-mnist: a short run ends with Adam below SGD', async () => {
  const { page, errors } = browser;
  await openLab(page);
  await fill(page, 'optimizer-mnist', 'epochs', 2);
  await fill(page, 'optimizer-mnist', 'train', 1000);
  await runAndWait(page, 'optimizer-mnist');
  const loss = async (o) => Number(await page.locator(`#optimizer-mnist tr[data-optimizer="${o}"]`).getAttribute('data-final-loss'));
  const [sgd, adam] = [await loss('sgd'), await loss('adam')];
  assert.ok(adam < sgd, `adam ${adam} vs sgd ${sgd}`);
  assert.match(await page.locator('#optimizer-mnist .lab-status').textContent(), /Done in/);
  await page.locator('#optimizer-mnist').screenshot({ path: 'test-results/lab-optimizer-mnist.png' });
  assert.deepEqual(errors, []);
});

test('random search with a few trials ranks the best five and can narrow the ranges', async () => {
  const { page, errors } = browser;
  await openLab(page);
  await fill(page, 'random-search', 'trials', 8);
  await fill(page, 'random-search', 'epochs', 2);
  await runAndWait(page, 'random-search');
  const items = page.locator('#random-search .ranked li');
  assert.equal(await items.count(), 5);
  const accs = (await Promise.all((await items.all()).map((li) => li.getAttribute('data-accuracy')))).map(Number);
  assert.deepEqual(accs, [...accs].sort((a, b) => b - a));
  assert.match(await items.first().textContent(), /validation \d/);
  await page.click('#random-search button:has-text("Narrow the ranges")');
  const from = Number(await page.inputValue('#random-search [data-field="lrFrom"] input'));
  const to = Number(await page.inputValue('#random-search [data-field="lrTo"] input'));
  assert.ok(from >= -6.2 && to <= -1.8 && from < to && to - from < 4, `narrowed to ${from}..${to}`);
  await page.locator('#random-search').screenshot({ path: 'test-results/lab-random-search.png' });
  assert.deepEqual(errors, []);
});

// The runs of a job are spread over up to four workers (web/js/worker-pool.js); each run's spec
// holds its seed, so the numbers must not depend on how many workers trained them.
test('overfit and random search give identical results with one worker and with several', async () => {
  const results = [];
  for (const cores of [1, 4]) {
    const page = await browser.context.newPage();
    await page.addInitScript((n) => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n }), cores);
    await page.goto(`${server.url}lab.html#exp=overfit&epochs=6&hidden=2&train=200&test=200`);
    await page.waitForSelector('#activations[data-ready="true"]', { timeout: 30000 });
    await runAndWait(page, 'overfit');
    await fill(page, 'random-search', 'trials', 6);
    await fill(page, 'random-search', 'epochs', 2);
    await runAndWait(page, 'random-search');
    results.push(await page.evaluate(() => ({
      overfit: [...document.querySelectorAll('#overfit tr[data-variant]')].map((tr) => [tr.dataset.variant, tr.dataset.gap, tr.textContent]),
      search: [...document.querySelectorAll('#random-search .ranked li')].map((li) => [li.dataset.accuracy, li.textContent]),
    })));
    await page.close();
  }
  assert.equal(results[0].overfit.length, 4);
  assert.equal(results[0].search.length, 5);
  assert.deepEqual(results[1], results[0]);
  assert.deepEqual(browser.errors, []);
});

test('batchnorm, overfit and preprocessing finish with reduced settings; Stop stops', async () => {
  const { page, errors } = browser;
  await openLab(page);
  // Before its first run a training section says its charts fill in on Run (they are empty boxes).
  assert.equal(await page.locator('#batchnorm .lab-status').textContent(), en['lab.pressRun']);
  await fill(page, 'batchnorm', 'scales', 4);
  await fill(page, 'batchnorm', 'epochs', 2);
  await fill(page, 'batchnorm', 'train', 500);
  await runAndWait(page, 'batchnorm');
  assert.equal(await page.locator('#batchnorm .mini-cell').count(), 4);
  assert.match(await page.locator('#batchnorm .lab-summary').textContent(), /with BatchNorm at \d of 4 scales/);
  await page.locator('#batchnorm').screenshot({ path: 'test-results/lab-batchnorm.png' });

  await fill(page, 'overfit', 'epochs', 15);
  await runAndWait(page, 'overfit');
  assert.equal(await page.locator('#overfit tr[data-variant]').count(), 4);
  await page.locator('#overfit').screenshot({ path: 'test-results/lab-overfit.png' });

  await fill(page, 'preprocessing', 'epochs', 10);
  await runAndWait(page, 'preprocessing');
  const rows = page.locator('#preprocessing tr[data-run]');
  assert.equal(await rows.count(), 2);
  assert.match(await rows.nth(1).textContent(), /standardised/);
  // x1 in thousands: the raw run stalls, the standardised one learns; the explanation quotes the runs.
  const finalLoss = async (run) => Number(await page.locator(`#preprocessing tr[data-run="${run}"]`).getAttribute('data-final-loss'));
  const [rawLoss, stdLoss] = [await finalLoss('raw'), await finalLoss('standardised')];
  assert.ok(stdLoss < rawLoss, `standardised ${stdLoss} vs raw ${rawLoss}`);
  const summary = page.locator('#preprocessing .pre-summary');
  const ratio = Number(await summary.getAttribute('data-ratio'));
  assert.ok(ratio > 100, `gradient ratio ${ratio}`);
  assert.ok((await summary.textContent()).includes(`${Number(ratio.toPrecision(3))}×`), await summary.textContent());
  assert.match(await summary.textContent(), new RegExp(`standardised ${await page.locator('#preprocessing tr[data-run="standardised"] td').last().textContent()}`));
  await page.locator('#preprocessing').screenshot({ path: 'test-results/lab-preprocessing.png' });

  // A long run stopped by the learner ends as stopped, and the Run button works again.
  await fill(page, 'overfit', 'epochs', 500);
  await page.click('#overfit .lab-run');
  await page.waitForFunction(() => document.querySelector('#overfit .lab-status')?.textContent.includes('%'));
  await page.click('#overfit .lab-stop');
  await page.waitForSelector('#overfit[data-state="stopped"]');
  assert.match(await page.locator('#overfit .lab-status').textContent(), /Stopped after/);
  assert.equal(await page.locator('#overfit .lab-run').isEnabled(), true);
  assert.deepEqual(errors, []);
});

test('the language switch re-labels the Lab, is shared with the main page, which links to the Lab', async () => {
  const { page, errors } = browser;
  await page.goto(server.url);
  await page.waitForFunction(() => window.nnsandbox?.ready === true, null, { timeout: 30000 });
  assert.equal(await page.locator('#lab-link').textContent(), 'Lab');
  await page.click('#lab-link');
  await page.waitForSelector('#activations[data-ready="true"]', { timeout: 30000 });
  await switchLanguage(page, 'ko');
  assert.equal(await page.locator('#softmax-title').textContent(), '2소프트맥스 오버플로');
  assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
  assert.match(await page.locator('.gallery-card[data-activation="sigmoid"] .note').textContent(), /최대 0\.25/);
  assert.match(await page.locator('#softmax .verdict.good').textContent(), /합은 1/);
  await screenshot(page, 'lab-korean');
  await page.goto(server.url);
  await page.waitForFunction(() => window.nnsandbox?.ready === true, null, { timeout: 30000 });
  assert.equal(await page.locator('#lab-link').textContent(), '실험실');
  await page.click('button[data-lang="en"]');
  assert.deepEqual(errors, []);
});

test('the Lab works inside an iframe of another origin', async () => {
  const { page, errors } = browser;
  fs.writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>course page</title><link rel="icon" href="data:,">
<iframe id="lab" src="${server.url}lab.html#lang=ko" width="1200" height="800" style="border:0" sandbox="allow-scripts allow-same-origin"></iframe>`);
  assert.notEqual(new URL(host.url).port, new URL(server.url).port);
  await page.goto(host.url);
  const frame = page.frameLocator('#lab');
  await frame.locator('#activations[data-ready="true"]').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('#activations .gallery-card[data-drawn="true"]').count(), 9);
  assert.equal(await frame.locator('html').getAttribute('lang'), 'ko');
  await frame.locator('#softmax[data-ready="true"]').waitFor();
  assert.deepEqual(errors, []);
});

test('a link with settings fills the fields, scrolls to its experiment, and Copy link writes the current settings', async () => {
  const { page, errors } = browser;
  await openLab(page, '#exp=overfit&epochs=15&lambda=0.05&use-dropout=0&lr=0.02');
  assert.equal(await page.inputValue('#overfit [data-field="epochs"] input'), '15');
  assert.equal(await page.inputValue('#overfit [data-field="lambda"] input'), '0.05');
  assert.equal(await page.inputValue('#overfit [data-field="lr"] input'), '0.02');
  assert.equal(await page.isChecked('#overfit [data-field="use-dropout"] input'), false);
  assert.equal(await page.locator('#messages .message').count(), 0);
  await page.waitForFunction(() => Math.abs(document.querySelector('#overfit').getBoundingClientRect().top) < 40);
  // A change is mirrored into the address bar; Copy link carries it.
  await fill(page, 'overfit', 'hidden', 3);
  await page.locator('#overfit [data-field="hidden"] input').press('Tab');
  assert.match(new URL(page.url()).hash, /^#exp=overfit&.*hidden=3/);
  await page.click('#overfit .lab-share button[data-i18n="lab.share.link"]');
  const link = await page.inputValue('#overfit .lab-share-text');
  await page.locator('#overfit').screenshot({ path: 'test-results/lab-share-link.png' });
  assert.match(link, /lab\.html#exp=overfit&.*lambda=0\.05.*epochs=15&hidden=3&lr=0\.02/);
  await page.goto('about:blank');
  await page.goto(link);
  await page.waitForSelector('#activations[data-ready="true"]', { timeout: 30000 });
  assert.equal(await page.inputValue('#overfit [data-field="hidden"] input'), '3');
  assert.equal(await page.isChecked('#overfit [data-field="use-dropout"] input'), false);
  // The cheap experiments compute with the link's settings straight away.
  await openLab(page, '#exp=softmax&scores=1,2,3');
  await page.waitForSelector('#softmax[data-ready="true"]');
  assert.deepEqual(await page.locator('#softmax td[data-col="naive"]').allTextContents(), ['0.0900306', '0.244728', '0.665241']);
  assert.deepEqual(errors, []);
});

test('a hostile link shows a message, creates no markup, skips bad values and leaves a working page', async () => {
  const { page, errors } = browser;
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await openLab(page, '#exp=<img src=x onerror=alert(1)>&epochs=-3');
  const message = page.locator('#messages .message');
  assert.equal(await message.count(), 1);
  assert.match(await message.textContent(), /There is no experiment "<img src=x onerror=alert\(1\)>"/);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('#overfit').isVisible(), true);  // the whole Lab, not embedded
  // Bad values are named and skipped; good ones apply; unknown settings are reported.
  await openLab(page, '#exp=overfit&epochs=-3&lr=0x10&batch=50&bogus=1&embed=yes');
  const lines = await page.locator('#messages .message li').allTextContents();
  assert.deepEqual(lines, ['embed = "yes": allowed values are 0, 1.', 'epochs = "-3": A whole number from 1 to 500.',
    'lr = "0x10": Enter a number.', '"bogus" is not a setting of experiment "overfit".']);
  assert.equal(await page.inputValue('#overfit [data-field="epochs"] input'), '200');
  assert.equal(await page.inputValue('#overfit [data-field="batch"] input'), '50');
  assert.equal(await page.locator('header.topbar').isVisible(), true);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/lab-hostile-link.png' });  // the message sits at the top
  // Still a working page: an experiment runs.
  await page.fill('#softmax [data-field="scores"] input', '5, 6');
  await page.click('#softmax .lab-run');
  await page.waitForFunction(() => document.querySelectorAll('#softmax td[data-col="stable"]').length === 2);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
});

test('an embedded experiment shows only its section inside a cross-origin iframe and runs there', async () => {
  const { page, errors } = browser;
  await openLab(page, '#exp=preprocessing&epochs=5&lang=ko');
  await page.click('#preprocessing .lab-share button[data-i18n="lab.share.embed"]');
  const code = await page.inputValue('#preprocessing .lab-share-text');
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/lab\.html#exp=preprocessing&amp;dataset=circles&amp;.*epochs=5&amp;.*embed=1&amp;lang=ko" width="100%" height="\d+"/);
  assert.match(code, /title="NN Sandbox 실험실: [^"<>]+" sandbox="[^"]+"><\/iframe>$/);
  assert.ok(code.endsWith(` sandbox="${EMBED_SANDBOX}"></iframe>`));
  await page.click('button[data-lang="en"]');
  // The snippet goes into the host page exactly as a teacher would paste it.
  fs.writeFileSync(path.join(hostDir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>course page</title><link rel="icon" href="data:,">
<h1>Lesson 5</h1>${code.replace('<iframe ', '<iframe id="lab" ')}`);
  await page.goto(host.url);
  const frame = page.frameLocator('#lab');
  await frame.locator('#preprocessing').waitFor({ timeout: 30000 });
  for (const hidden of ['header.topbar', 'footer', '.lab-toc', '#activations', '#overfit', '.lab-share']) {
    assert.equal(await frame.locator(hidden).first().isVisible(), false, hidden);
  }
  assert.equal(await frame.locator('html').getAttribute('lang'), 'ko');
  const open = frame.locator('.lab-open-full');
  assert.equal(await open.isVisible(), true);
  const href = await open.getAttribute('href');
  assert.match(href, /lab\.html#exp=preprocessing&.*epochs=5/);
  assert.doesNotMatch(href, /embed=1/);
  assert.equal(await open.getAttribute('target'), '_blank');
  await frame.locator('#preprocessing .lab-run').click();
  await frame.locator('#preprocessing[data-state="done"]').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('#preprocessing tr[data-run]').count(), 2);
  await screenshot(page, 'lab-embed-iframe');
  assert.deepEqual(errors, []);
});

test('init-training has its own link and embed: the copied link restores its settings, embedded it shows alone and runs', async () => {
  const { page, errors } = browser;
  await openLab(page);
  await fill(page, 'init-training', 'std', 0.05);
  await fill(page, 'init-training', 'epochs', 2);
  await page.locator('#init-training [data-field="epochs"] input').press('Tab');
  await page.click('#init-training .lab-share button[data-i18n="lab.share.link"]');
  const link = await page.inputValue('#init-training .lab-share-text');
  assert.match(link, /lab\.html#exp=init-training&std=0\.05&.*epochs=2/);
  await page.click('#init-training .lab-share button[data-i18n="lab.share.embed"]');
  assert.match(await page.inputValue('#init-training .lab-share-text'), /^<iframe src="[^"]+#exp=init-training&amp;std=0\.05&amp;.*embed=1&amp;lang=en" width="100%" height="\d+"/);
  await page.goto('about:blank');
  await page.goto(`${link}&embed=1`);
  await page.waitForSelector('#activations[data-ready="true"]', { state: 'attached', timeout: 30000 });
  for (const hidden of ['.lab-toc', '#init-histograms', '#overfit']) assert.equal(await page.locator(hidden).first().isVisible(), false, hidden);
  assert.equal(await page.inputValue('#init-training [data-field="std"] input'), '0.05');
  await runAndWait(page, 'init-training');
  assert.equal(await page.locator('#init-training tr[data-init="normal"] td').first().textContent(), 'N(0, 0.05²)');
  assert.equal(await page.locator('#init-training tr[data-init]').count(), 3);
  assert.deepEqual(errors, []);
});
