// Page benchmark: a cold first visit of the sandbox in headless Chromium (fresh profile, empty
// cache) until its first training step. Prints when the page was ready (first run shown), when the
// page itself pressed Play and when the first step was shown, counted from navigation start, and every file whose
// request started before that step (the page's and the worker's), with its size as gzip -9 would
// send it. Prints figures, asserts nothing.
// Usage: node bench/page-first-step.mjs [visits] [web folder...]   (needs a built site: ./build-wasm.sh build)
// With several folders (say a copy of web/ from before a change, then web/), the visits alternate
// between them, so a machine whose load changes during the run slows both alike: compare those rows.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { WEB, launch, serve } from '../tests/e2e/helpers.mjs';

const visits = Number(process.argv[2] || 3);
const webFolders = process.argv.length > 3 ? process.argv.slice(3).map((folder) => path.resolve(folder)) : [WEB];

const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// One cold visit: a new browser profile, so nothing is cached.
async function visit(server, webFolder) {
  const browser = await launch();
  try {
    const { page, context } = browser;
    const fetched = [];  // [url, request start (ms since 1970)]
    context.on('requestfinished', (request) => fetched.push([request.url(), request.timing().startTime]));
    // The page's own clock at the first change of the page after the condition holds (the views show
    // a new run or a step in the task that received it). Checked once per frame instead, a busy
    // frame made the step look later than requests that followed it (uPlot, loaded when the first
    // step gives the loss curve its second point).
    // Play is pressed by the page itself, in the task after the one that showed the run: a learner's
    // fastest press. Playwright's page.click() first waits for the button to be visible, stable over
    // two animation frames and hit by the pointer, which took 150-250 ms here: the tool's time.
    await page.addInitScript(() => {
      const marks = {};
      window.firstStepMarks = marks;
      new MutationObserver(() => {
        const sandbox = window.nnsandbox;
        if (marks.ready === undefined && sandbox?.ready) {
          marks.ready = performance.now();
          setTimeout(() => { marks.pressed = performance.now(); document.querySelector('#play').click(); });
        }
        if (marks.step === undefined && sandbox?.step >= 1) marks.step = performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.goto(server.url, { waitUntil: 'commit' });
    const when = (key) => page.waitForFunction((name) => window.firstStepMarks?.[name] ?? false, key, { timeout: 30000 })
      .then((handle) => handle.jsonValue());
    const ready = await when('ready');
    const firstStep = await when('step');
    const pressed = await when('pressed');
    const firstStepEpoch = firstStep + await page.evaluate(() => performance.timeOrigin);
    await page.click('#play');
    await page.waitForTimeout(300);  // let requests that started before the step finish and be reported
    const before = fetched.filter(([, start]) => start <= firstStepEpoch).map(([url]) => new URL(url).pathname);
    const files = [...new Set(before)].map((pathname) => {
      const file = path.join(webFolder, decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
      return { pathname, gzip: fs.existsSync(file) ? gzipSize(file) : 0 };
    });
    return { ready, pressed, firstStep, files, errors: browser.errors };
  } finally {
    await browser.close();
  }
}

const servers = await Promise.all(webFolders.map((folder) => serve(folder)));
const results = webFolders.map(() => []);
const failures = webFolders.map(() => []);
try {
  for (let i = 0; i < visits; i++)
    for (const [f, folder] of webFolders.entries()) {
      // A visit that never gets to its first step is reported, not allowed to end the comparison.
      try {
        results[f].push(await visit(servers[f], folder));
      } catch (error) {
        failures[f].push(String(error?.message || error).split('\n')[0]);
      }
    }
} finally {
  await Promise.all(servers.map((server) => server.close()));
}
for (const [f, folder] of webFolders.entries()) {
  if (failures[f].length) console.log(`${folder}: ${failures[f].length} visit(s) failed: ${failures[f].join('; ')}`);
  if (!results[f].length) continue;
  const last = results[f][results[f].length - 1];
  const totalGzip = last.files.reduce((sum, file) => sum + file.gzip, 0);
  console.log(`cold first visit of index.html in headless Chromium (${results[f].length} visits, median; ${folder})`);
  console.log(`  ready (first run created):  ${median(results[f].map((r) => r.ready)).toFixed(0)} ms`);
  console.log(`  Play pressed (by the page): ${median(results[f].map((r) => r.pressed)).toFixed(0)} ms`);
  console.log(`  first training step shown:  ${median(results[f].map((r) => r.firstStep)).toFixed(0)} ms ` +
    `(runs: ${results[f].map((r) => r.firstStep.toFixed(0)).join(', ')})`);
  console.log(`  fetched before it:          ${last.files.length} files, ${(totalGzip / 1024).toFixed(0)} KB gzip -9`);
  // Every file, largest first (about a dozen since the bundle).
  for (const file of [...last.files].sort((a, b) => b.gzip - a.gzip)) console.log(`    ${String((file.gzip / 1024).toFixed(1)).padStart(6)} KB  ${file.pathname}`);
  if (last.errors.length) console.log(`  page errors: ${last.errors.join('; ')}`);
}
