// Lab 4e (dropout as an ensemble) and 4f (grid against random search) in the page: each runs its
// defaults and the figures its text quotes are checked against the table the engine filled, in English
// and Korean; each has its own link (settings restored) and embed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openLabSection } from './helpers.mjs';
import en from '../strings/en.mjs';
import ko from '../strings/ko.mjs';
import { formatNumber, formatPercent } from '../../web/js/format.js';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch({ viewport: { width: 1360, height: 900 } });
});
after(async () => { await browser?.close(); await server?.close(); });

async function run(page, id, hash = `#exp=${id}`) {
  await openLabSection(page, server.url, hash, 'activations');
  await page.click(`#${id} .lab-run`);
  await page.waitForSelector(`#${id}[data-state="done"]`, { timeout: 60000 });
}

function assertQuoted(key, figures) {
  for (const text of [en[key], ko[key]]) for (const figure of figures) assert.ok(text.includes(figure), `"${figure}" not in ${key}: ${text}`);
}

test('dropout-ensemble: the thinned networks, their average and the whole network show what its text says', async () => {
  const { page, errors } = browser;
  await run(page, 'dropout-ensemble');
  const rows = Object.fromEntries(await page.locator('#dropout-ensemble tr[data-row]').evaluateAll((trs) => trs.map((tr) => [tr.dataset.row,
    { accuracy: Number(tr.dataset.accuracy), min: Number(tr.dataset.min), max: Number(tr.dataset.max), agreement: Number(tr.dataset.agreement), gap: Number(tr.dataset.gap), cells: [...tr.cells].map((td) => td.textContent) }])));
  assert.deepEqual(Object.keys(rows), ['full', 'thinned', 'average']);
  const { full, thinned, average } = rows;
  // "one thinned network alone scores 69.1 % on average (from 56.0 % to 76.3 %) ... 78.3 % ... the average
  // of the 20 thinned networks scores 77.9 % ... 95.1 % ... the whole network ... 77.5 %" and the two gaps.
  assertQuoted('lab.dropEns.intro3', [thinned.accuracy, thinned.min, thinned.max, thinned.agreement, average.accuracy, average.agreement, full.accuracy].map((x) => formatPercent(x))
    .concat([formatNumber(average.gap, 2), formatNumber(thinned.gap, 2)]));
  assert.ok(thinned.accuracy < full.accuracy - 0.05 && Math.abs(average.accuracy - full.accuracy) <= 0.01);
  assert.ok(average.agreement > thinned.agreement + 0.1 && average.gap < thinned.gap);
  // The table shows the same figures the attributes carry.
  assert.equal(full.cells[1], formatPercent(full.accuracy));
  assert.equal(average.cells[0], 'Average of 20 thinned networks');
  assert.equal(average.cells[1], formatPercent(average.accuracy));
  assert.equal(thinned.cells[1], `${formatPercent(thinned.accuracy)} (${formatPercent(thinned.min)} – ${formatPercent(thinned.max)})`);
  // Both charts drew their lines (uPlot canvases), with k from 1 to 20 in the legend's reading.
  assert.equal(await page.locator('#dropout-ensemble [data-chart] canvas').count() >= 2, true);
  assert.match(await page.locator('#dropout-ensemble .lab-status').textContent(), /Done in/);
  await page.locator('#dropout-ensemble').screenshot({ path: 'test-results/lab-dropout-ensemble.png' });
  assert.deepEqual(errors, []);
});

test('grid-search: 3 learning rates against 9 on the same budget, and the best of each, as its text says', async () => {
  const { page, errors } = browser;
  await run(page, 'grid-search');
  const rows = Object.fromEntries(await page.locator('#grid-search tr[data-method]').evaluateAll((trs) => trs.map((tr) => [tr.dataset.method,
    { best: Number(tr.dataset.best), bestLr: Number(tr.dataset.bestLr), accuracies: tr.dataset.accuracies.split(' ').map(Number), lrs: tr.dataset.lrs.split(' ').map(Number), cells: [...tr.cells].map((td) => td.textContent) }])));
  assert.deepEqual(Object.keys(rows), ['grid', 'random']);
  const { grid, random } = rows;
  assert.deepEqual([grid.cells[1], grid.cells[2], random.cells[1], random.cells[2]], ['9', '3', '9', '9']);
  // "change nothing at the first two (19.0 % and 65.0 % with every decay) and only add noise at 1 (15.0 % to 23.0 %)"
  const column = (i) => grid.accuracies.slice(3 * i, 3 * i + 3);
  for (const i of [0, 1]) assert.equal(new Set(column(i)).size, 1, `column ${i}: ${column(i)}`);
  assertQuoted('lab.gridSearch.intro3', [column(0)[0], column(1)[0], Math.min(...column(2)), Math.max(...column(2))].map((x) => formatPercent(x)));
  // "Its best trial scores 65.0 % ... the best of them, 0.0761, scores 74.0 %: between two of the grid's columns"
  assertQuoted('lab.gridSearch.intro3', [formatPercent(grid.best), formatNumber(random.bestLr, 3), formatPercent(random.best)]);
  assert.ok(random.best >= grid.best + 0.05);
  assert.ok(random.bestLr > grid.lrs[3] && random.bestLr < grid.lrs[6]);
  assert.equal(grid.cells[3], formatPercent(grid.best));
  assert.equal(random.cells[4], formatNumber(random.bestLr, 3));
  assert.match(await page.locator('#grid-search .lab-status').textContent(), /Done in/);
  await page.locator('#grid-search').screenshot({ path: 'test-results/lab-grid-search.png' });
  assert.deepEqual(errors, []);
});

for (const [id, field, value, rowSelector, rows] of [
  ['dropout-ensemble', 'networks', 5, '#dropout-ensemble tr[data-row="average"] td', 'Average of 5 thinned networks'],
  ['grid-search', 'side', 2, '#grid-search tr[data-method="grid"] td:nth-child(2)', '4'],
]) {
  test(`${id} has its own link and embed: the copied link restores its settings, embedded it shows alone and runs`, async () => {
    const { page, errors } = browser;
    await openLabSection(page, server.url, '', 'activations');
    await page.fill(`#${id} [data-field="${field}"] input`, String(value));
    await page.fill(`#${id} [data-field="epochs"] input`, '1');
    await page.locator(`#${id} [data-field="epochs"] input`).press('Tab');
    await page.click(`#${id} .lab-share button[data-i18n="lab.share.link"]`);
    const link = await page.inputValue(`#${id} .lab-share-text`);
    assert.match(link, new RegExp(`lab\\.html#exp=${id}&.*${field}=${value}&.*epochs=1`));
    await page.click(`#${id} .lab-share button[data-i18n="lab.share.embed"]`);
    assert.match(await page.inputValue(`#${id} .lab-share-text`), new RegExp(`^<iframe src="[^"]+#exp=${id}&amp;.*embed=1&amp;lang=en" width="100%" height="\\d+"`));
    await page.goto('about:blank');
    await page.goto(`${link}&embed=1`);
    await page.waitForSelector('#activations[data-ready="true"]', { state: 'attached', timeout: 30000 });
    for (const hidden of ['.lab-toc', '#random-search', '#overfit']) assert.equal(await page.locator(hidden).first().isVisible(), false, hidden);
    assert.equal(await page.inputValue(`#${id} [data-field="${field}"] input`), String(value));
    await page.click(`#${id} .lab-run`);
    await page.waitForSelector(`#${id}[data-state="done"]`, { timeout: 60000 });
    assert.equal((await page.locator(rowSelector).first().textContent()), rows);
    assert.deepEqual(errors, []);
  });
}
