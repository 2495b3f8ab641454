// A fresh page's first training steps, as its worker takes them (web/js/run-handlers.js): the engine just
// loaded and a new 2-8-8-1 tanh run created, optionally warmed up the way the worker warms it
// (web/js/engine-warm-up.js), then that run trained in the worker's chunks (one step per call up to
// step 100, then ten).
// Prints the first 2,000 steps' and the steady (the median of ten 2,000-step windows from step
// 20,000 on) microseconds per step as JSON.
//
//   node bench/engine-startup.mjs FLAVOR warm|cold
//
// One process per measurement: V8 keeps a module's compiled code for the rest of the process (a
// second instance of the same bytes starts warm), so only a new process shows a first visit.
// bench/wasm-bench.mjs runs it several times, alternating cold and warm.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TINY_SPEC } from './tiny-spec.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [flavor = 'simd', mode = 'cold'] = process.argv.slice(2);

const { loadEngine } = await import(path.join(ROOT, 'web/js/engine.js'));
const { historyInterval } = await import(path.join(ROOT, 'web/js/history-steps.js'));

const engine = await loadEngine({ flavor, wasmBinary: fs.readFileSync(path.join(ROOT, `web/wasm/nnsandbox-${flavor}.wasm`)) });
// As on the page: the run is created as soon as the engine is ready (the worker's first CREATE);
// the learner presses Play at once (cold) or after the warm-up the worker starts meanwhile (warm).
const run = engine.createRun(TINY_SPEC);
const warmStart = performance.now();
if (mode === 'warm') await (await import(path.join(ROOT, 'web/js/engine-warm-up.js'))).warmUpEngine(engine);
const warmUpMs = performance.now() - warmStart;

// Steps [from, to) in the worker's chunks (the worker's metrics at its history steps are left out:
// the slow start shows within one wasm call too); microseconds per step.
function train(trainingRun, from, to) {
  const start = performance.now();
  for (let step = from; step < to;) {
    const chunk = Math.min(to - step, historyInterval(step));
    if (trainingRun.step(chunk).stepsDone !== chunk) throw new Error('the benchmark run diverged');
    step += chunk;
  }
  return ((performance.now() - start) * 1000) / (to - from);
}

await new Promise((resolve) => { setTimeout(resolve, 20); });
const first = train(run, 0, 2000);
train(run, 2000, 20000);
// Windows of the same 2,000 steps, each after a short pause as the first one (the warm-up ends with
// one): on a machine shared with other processes, a process that has just slept runs a few
// milliseconds uninterrupted, while one that keeps computing is interrupted more often, which alone
// would make the steady rate look slower than the first steps.
const windows = [];
for (let i = 0; i < 10; i++) {
  await new Promise((resolve) => { setTimeout(resolve, 20); });
  windows.push(train(run, 20000 + 2000 * i, 22000 + 2000 * i));
}
const steady = windows.sort((a, b) => a - b)[windows.length / 2];
run.delete();
console.log(JSON.stringify({ flavor, mode, warm_up_ms: warmUpMs, first_2000_us: first, steady_us: steady }));
