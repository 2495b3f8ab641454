// Measures how tall each Lab experiment is when embedded in a course page 760 px wide, after it
// has run with its default settings (a training's charts and tables appear only then), and prints
// the table for LAB_RESULT_HEIGHTS in web/js/views/share.js. Run after changing a Lab layout.
// Usage: node tools/measure-lab-embeds.mjs [id ...]   (needs the built site in web/; default: every experiment)
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, serve } from '../tests/e2e/helpers.mjs';

const WIDTH = 760;
const ALL = ['activations', 'softmax', 'init-histograms', 'init-training', 'optimizer-mnist', 'batchnorm', 'overfit', 'random-search', 'dropout-ensemble', 'grid-search', 'preprocessing', 'loss-targets', 'history'];
const EXPERIMENTS = process.argv.length > 2 ? process.argv.slice(2) : ALL;

const site = await serve();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
const heights = {};
for (const id of EXPERIMENTS) {
  await page.goto('about:blank');
  await page.goto(`${site.url}lab.html#exp=${id}&embed=1&lang=en`);
  await page.waitForSelector('#activations[data-ready="true"]', { state: 'attached', timeout: 60000 });
  const run = page.locator(`#${id} .lab-run`);
  if (await run.count()) {
    await run.click();
    // A training goes running -> done; a computation running -> idle.
    await page.waitForTimeout(300);
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.state !== 'running', `#${id}`, { timeout: 600000 });
  }
  await page.waitForTimeout(500);
  heights[id] = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  console.log(id, heights[id]);
}
console.log(JSON.stringify(heights));
await browser.close();
await site.close();
