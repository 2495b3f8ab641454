// Compares the native core with both WebAssembly builds (SIMD and baseline) in one run:
// throughput, the phases of a training step, the matrix product against each build's own
// f32x4 peak, a fresh run's first steps; then prints the module sizes.
//
//   node bench/wasm-bench.mjs [--warmup SECONDS] [--time SECONDS]
//
// Needs ./build-wasm.sh native and ./build-wasm.sh wasm first.
//
// Two kinds of wasm figures:
// - bench/bench.cpp compiled with em++ against each flavour's build of the core
//   (build-wasm-<flavour>/libnn_core.a, the same object code the shipped module
//   links) and run under node. The engine API cannot express every workload (its
//   data are 2-D sets, and the wasm module has no file system for IDX files), so
//   this is how the MNIST-sized and 100-feature workloads are timed in wasm, by
//   exactly the code that times them natively.
// - The engine API itself (web/js/engine.js), timed from JavaScript, for the
//   workloads it can express: they show what the page gets, bindings included.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { TINY_SPEC } from './tiny-spec.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FLAVORS = ['simd', 'baseline'];

function parseArguments(argv) {
  const options = { warmup: 1, time: 2 };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in options) || i + 1 >= argv.length) {
      console.error('usage: node bench/wasm-bench.mjs [--warmup SECONDS] [--time SECONDS]');
      process.exit(2);
    }
    options[name] = Number(argv[++i]);
  }
  return options;
}

function requireFile(file, hint) {
  if (!fs.existsSync(path.join(ROOT, file))) {
    console.error(`${file} is missing: run ${hint} first`);
    process.exit(1);
  }
}

// --- bench.cpp in each build ------------------------------------------------

function runNativeBench(options) {
  requireFile('build/nn_bench', './build-wasm.sh native');
  const args = ['--json', '--warmup', String(options.warmup), '--time', String(options.time)];
  return JSON.parse(execFileSync(path.join(ROOT, 'build/nn_bench'), args, { encoding: 'utf8' }));
}

const newerThan = (file, inputs) =>
  fs.existsSync(file) && inputs.every((input) => fs.statSync(input).mtimeMs <= fs.statSync(file).mtimeMs);

// Links bench.cpp against the flavour's engine and core libraries (the engine first: it uses the
// core) with the flags CMake compiles that core with; NODERAWFS gives the harness node's file
// system for its temporary IDX files. Relinked whenever either library is newer.
function buildWasmBench(flavor) {
  const buildDir = path.join(ROOT, `build-wasm-${flavor}`);
  const libraries = ['libnn_engine.a', 'libnn_core.a'].map((name) => path.join(buildDir, name));
  for (const library of libraries) requireFile(path.relative(ROOT, library), './build-wasm.sh wasm');
  const source = path.join(ROOT, 'bench/bench.cpp');
  const output = path.join(buildDir, 'bench/nn_bench.js');
  fs.mkdirSync(path.dirname(output), { recursive: true });
  // Emscripten writes CommonJS; the repository's package.json would make node read it as an ES module.
  fs.writeFileSync(path.join(path.dirname(output), 'package.json'), '{ "type": "commonjs" }\n');
  if (newerThan(output, [source, ...libraries])) return output;
  console.error(`compiling bench/bench.cpp for the ${flavor} build (once)...`);
  execFileSync('em++', [
    '-O3', '-DNDEBUG', '-std=c++17', ...(flavor === 'simd' ? ['-msimd128'] : []),
    '-fno-exceptions', '-DJSON_NOEXCEPTION',
    `-I${path.join(ROOT, 'src')}`, '-isystem', '/usr/include/eigen3', '-isystem', path.join(buildDir, 'json-include'),
    source, ...libraries,
    '-sALLOW_MEMORY_GROWTH=1', '-sNODERAWFS=1', '-sENVIRONMENT=node', '-o', output,
  ], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } });
  return output;
}

function runWasmBench(flavor, options) {
  const harness = buildWasmBench(flavor);
  // Emscripten 3.1.6 tries node 20's fetch on a file path; without fetch it reads the .wasm with fs.
  const args = ['--no-experimental-fetch', harness,
    '--json', '--warmup', String(options.warmup), '--time', String(options.time)];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
}

// --- the engine API ---------------------------------------------------------

// Warm up, then repeat `work` (which returns the examples it processed) for the timed period.
function examplesPerSecond(work, options) {
  for (const start = performance.now(); performance.now() - start < options.warmup * 1000;) work();
  let examples = 0;
  const start = performance.now();
  let elapsed;
  do {
    examples += work();
    elapsed = performance.now() - start;
  } while (elapsed < options.time * 1000);
  return examples / (elapsed / 1000);
}

// The same workloads as bench.cpp's tiny_tanh_sgd, init_histograms_sigmoid and grid_5x100_sigmoid.
const GRID_SPEC = {
  data: { kind: 'xor' },
  layers: [
    ...Array.from({ length: 5 }, () => [{ type: 'dense', units: 100 }, { type: 'activation', fn: 'sigmoid' }]).flat(),
    { type: 'dense', units: 2 },
  ],
};
const BOUNDS = { xmin: -6, xmax: 6, ymin: -6, ymax: 6 };

// work(engine, run) returns the examples it processed; spec null: the workload needs no run.
const ENGINE_WORKLOADS = [
  { key: 'tiny_tanh_sgd', spec: TINY_SPEC, work: (engine, run) => run.step(100).stepsDone * 10 },
  { key: 'init_histograms_sigmoid', spec: null,
    work: (engine) => engine.initHistograms({ activation: 'sigmoid', layers: 5, units: 100, samples: 1000 }) && 1000 },
  { key: 'grid_5x100_sigmoid', spec: GRID_SPEC, work: (engine, run) => run.grid(100, BOUNDS).resolution ** 2 },
];

async function runEngineBench(flavor, options) {
  const { loadEngine } = await import(path.join(ROOT, 'web/js/engine.js'));
  const wasmBinary = fs.readFileSync(path.join(ROOT, `web/wasm/nnsandbox-${flavor}.wasm`));
  const engine = await loadEngine({ flavor, wasmBinary });
  const results = {};
  for (const { key, spec, work } of ENGINE_WORKLOADS) {
    const run = spec && engine.createRun(spec);
    results[key] = examplesPerSecond(() => work(engine, run), options);
    run?.delete();
  }
  return results;
}

// A fresh page's first steps (bench/engine-startup.mjs), one new process per measurement, cold and
// warmed up by turns so that a change in the machine's load hits both alike; medians.
const STARTUP_PROCESSES = 5;
function runEngineStartup(flavor) {
  const runs = { cold: [], warm: [] };
  for (let i = 0; i < STARTUP_PROCESSES; i++)
    for (const mode of ['cold', 'warm']) {
      const output = execFileSync(process.execPath, [path.join(ROOT, 'bench/engine-startup.mjs'), flavor, mode],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      runs[mode].push(JSON.parse(output));
    }
  return runs;
}

// --- report -----------------------------------------------------------------

const formatRate = (x) => (x === undefined ? '-' : Math.round(x).toLocaleString('en-US'));
const formatRatio = (a, b) => (a === undefined || b === undefined ? '-' : (a / b).toFixed(2));

function printTable(rows) {
  const header = ['workload', 'native ex/s', 'simd ex/s', 'baseline ex/s', 'simd/native', 'baseline/native',
    'simd/baseline'];
  const cells = rows.map((r) => [r.description, formatRate(r.native), formatRate(r.simd), formatRate(r.baseline),
    formatRatio(r.simd, r.native), formatRatio(r.baseline, r.native), formatRatio(r.simd, r.baseline)]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  cells.forEach((row) => console.log(line(row)));
}

// Each build's results by name (read when printing: `native` and `harness` are set further down).
const buildResults = () => ({ native, simd: harness.simd, baseline: harness.baseline });

function printAligned(header, cells) {
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  cells.forEach((row) => console.log(line(row)));
}

// Microseconds per step by phase; `step` is the run's own step, the phases are timed on
// a mirror of it (bench.cpp), so step - (forward + checks + backward + optimizer) is the batch
// copy and bookkeeping. `stats` is one statistics refresh (every step in the 8 x 256 lesson).
function printPhases() {
  console.log('\nphases of a training step (microseconds; ratios of the step times, > 1: SIMD is faster)');
  const fields = ['step', 'forward', 'checks', 'backward', 'optimizer', 'stats'];
  const cells = [];
  for (const { key, description } of native.phases) {
    for (const build of Object.keys(buildResults())) {
      const p = buildResults()[build].phases.find((row) => row.key === key);
      const simd = harness.simd.phases.find((row) => row.key === key);
      cells.push([`${description} [${build}]`, ...fields.map((f) => p[f].toFixed(2)),
        build === 'simd' ? formatRatio(native.phases.find((row) => row.key === key).step, simd.step) : '',
        build === 'simd' ? formatRatio(harness.baseline.phases.find((row) => row.key === key).step, simd.step) : '']);
    }
  }
  printAligned(['workload [build]', ...fields, 'native/simd', 'baseline/simd'], cells);
  console.log('\n5 x Dense(100) sigmoid forward on 1000 examples (microseconds per pass)');
  printAligned(['build', 'dense products', 'sigmoids', 'total'], Object.entries(buildResults()).map(([build, r]) => [build,
    r.sigmoid_forward.dense_us.toFixed(0), r.sigmoid_forward.activation_us.toFixed(0),
    (r.sigmoid_forward.dense_us + r.sigmoid_forward.activation_us).toFixed(0)]));
}

function printProducts() {
  console.log('\nthe matrix product against each build\'s own f32x4 mul+add peak (bench.cpp peakGflops)');
  printAligned(['build', 'peak GFLOP/s', 'Dense 784->128 x 64 GFLOP/s', 'share of peak'],
    Object.entries(buildResults()).map(([build, r]) => [build, r.peak_gflops.toFixed(1), r.dense_gflops.toFixed(1),
      `${((100 * r.dense_gflops) / r.peak_gflops).toFixed(0)} %`]));
}

function printStartup() {
  console.log('\na fresh 2-8-8-1 tanh run (batch 10) in bench.cpp, first thing in its process, in one step(2000) call: ' +
    'its first 2,000 steps against its steady rate');
  printAligned(['build', 'first 2,000 us/step', 'steady us/step', 'first / steady'],
    Object.entries(buildResults()).map(([build, r]) => [build, r.startup.first_2000_us.toFixed(2), r.startup.steady_us.toFixed(2),
      (r.startup.first_2000_us / r.startup.steady_us).toFixed(2)]));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function printEngineStartup() {
  console.log(`\na fresh page's 2-8-8-1 run through engine.js in the worker's chunks, one process each (median of ${STARTUP_PROCESSES}):` +
    '\ncold = straight after loading the engine; warm = after the worker\'s warm-up (web/js/engine-warm-up.js)');
  const cells = [];
  for (const flavor of FLAVORS)
    for (const mode of ['cold', 'warm']) {
      const runs = startup[flavor][mode];
      const first = median(runs.map((r) => r.first_2000_us)), steady = median(runs.map((r) => r.steady_us));
      const ratios = runs.map((r) => r.first_2000_us / r.steady_us);
      cells.push([`${flavor} ${mode}`, mode === 'warm' ? median(runs.map((r) => r.warm_up_ms)).toFixed(0) : '-',
        first.toFixed(2), steady.toFixed(2), median(ratios).toFixed(2), ratios.map((r) => r.toFixed(1)).join(' ')]);
    }
  printAligned(['build', 'warm-up ms', 'first 2,000 us/step', 'steady us/step', 'first / steady', 'each process'], cells);
}

function printModuleSizes() {
  console.log('\nmodule sizes (bytes)');
  const files = FLAVORS.flatMap((f) => [`web/wasm/nnsandbox-${f}.wasm`, `web/wasm/nnsandbox-${f}.mjs`]);
  const width = Math.max(...files.map((f) => f.length));
  console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip -9'.padStart(9)}`);
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(ROOT, file));
    const gzipped = zlib.gzipSync(bytes, { level: 9 }).length;
    console.log(`${file.padEnd(width)}  ${String(bytes.length).padStart(9)}  ${String(gzipped).padStart(9)}`);
  }
}

const options = parseArguments(process.argv.slice(2));
const native = runNativeBench(options);
const harness = Object.fromEntries(FLAVORS.map((f) => [f, runWasmBench(f, options)]));
const engine = {};
for (const flavor of FLAVORS) engine[flavor] = await runEngineBench(flavor, options);
const startup = Object.fromEntries(FLAVORS.map((f) => [f, runEngineStartup(f)]));

const rateOf = (results, key) => results.find((r) => r.key === key)?.examples_per_second;
const rows = native.throughput.map(({ key, description, examples_per_second: nativeRate }) => ({
  description, native: nativeRate, simd: rateOf(harness.simd.throughput, key),
  baseline: rateOf(harness.baseline.throughput, key),
}));
for (const { key } of ENGINE_WORKLOADS) {
  const description = `${native.throughput.find((r) => r.key === key).description} [engine.js]`;
  rows.push({ description, native: rateOf(native.throughput, key), simd: engine.simd[key], baseline: engine.baseline[key] });
}

// Other processes on the machine slow every column unevenly; say how busy it was.
const [load] = os.loadavg();
console.log(`\nload average ${load.toFixed(2)} on ${os.cpus().length} CPUs when the benchmark ended` +
  (load > os.cpus().length / 2 ? ' (busy: expect noisy figures)' : ''));
console.log(`throughput (warm-up ${options.warmup} s, timed ${options.time} s per workload; ` +
  'wasm rows without [engine.js] run bench/bench.cpp compiled for each wasm build)\n');
printTable(rows);
printPhases();
printProducts();
printStartup();
printEngineStartup();
printModuleSizes();
