// Lab benchmark: the wall time of the overfitting experiment (4c: four runs of 200 epochs with its
// default settings) in headless Chromium, with the lab's runs spread over 1, 2 and 4 workers
// (web/js/worker-pool.js sizes its pool from navigator.hardwareConcurrency, which this script
// overrides per page). Counted from the Run click until the experiment says it is done; each
// configuration in a fresh page, so the extra workers' engine start is included. Also prints the
// final table, which must be the same for every worker count. Prints figures, asserts nothing.
// Usage: node bench/lab-overfit.mjs [workers, e.g. 1,2,4] [web folder]   (needs a built site)
import path from 'node:path';
import os from 'node:os';
import { WEB, launch, serve } from '../tests/e2e/helpers.mjs';

const counts = (process.argv[2] || '1,2,4').split(',').map(Number);
const webFolder = path.resolve(process.argv[3] || WEB);

async function overfit(server, browser, workers) {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript((n) => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n }), workers);
    await page.goto(`${server.url}lab.html#exp=overfit`);
    await page.waitForSelector('#activations[data-ready="true"]', { timeout: 60000 });
    const start = await page.evaluate(() => performance.now());
    await page.click('#overfit .lab-run');
    await page.waitForSelector('#overfit[data-state="done"]', { timeout: 10 * 60000 });
    const end = await page.evaluate(() => performance.now());
    const table = await page.evaluate(() => [...document.querySelectorAll('#overfit tr[data-variant]')]
      .map((tr) => [...tr.cells].map((td) => td.textContent).join(' | ')));
    return { seconds: (end - start) / 1000, table };
  } finally {
    await page.close();
  }
}

const server = await serve(webFolder);
const browser = await launch();
const results = [];
try {
  for (const workers of counts) results.push({ workers, ...(await overfit(server, browser, workers)) });
} finally {
  await browser.close();
  await server.close();
}
console.log(`lab overfitting experiment (4 runs x 200 epochs) in headless Chromium; ${os.cpus().length} cores (${webFolder})`);
// A job uses at most one worker per run: a pool of 4 trains the four runs on four workers.
for (const r of results) console.log(`  pool of ${r.workers} worker(s): ${r.seconds.toFixed(1)} s`);
const tables = new Set(results.map((r) => JSON.stringify(r.table)));
console.log(`  final table ${tables.size === 1 ? 'identical for every worker count' : 'DIFFERS between worker counts'}:`);
for (const row of results[0].table) console.log(`    ${row}`);
if (browser.errors.length) console.log(`  page errors: ${browser.errors.join('; ')}`);
