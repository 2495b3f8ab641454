// Shared set-up for the wasm module tests: loads each build of the module once
// and runs a suite against every build, so the SIMD and baseline modules are
// held to exactly the same specification.
import fs from 'node:fs';
import path from 'node:path';
import { describe, before } from 'node:test';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FLAVORS = ['simd', 'baseline'];

const { loadEngine } = await import(path.join(ROOT, 'web/js/engine.js'));

const engines = new Map();
// One engine per flavour and test file: loading compiles the module, which is slow.
export function engineFor(flavor) {
  if (!engines.has(flavor)) {
    const wasmBinary = fs.readFileSync(path.join(ROOT, `web/wasm/nnsandbox-${flavor}.wasm`));
    engines.set(flavor, loadEngine({ flavor, wasmBinary }));
  }
  return engines.get(flavor);
}

// describe(`${title} (${flavor})`) once per build; the body reads context.engine inside its tests.
export function describeEachFlavor(title, body) {
  for (const flavor of FLAVORS) {
    describe(`${title} (${flavor})`, () => {
      const context = { flavor, engine: null };
      before(async () => {
        context.engine = await engineFor(flavor);
      });
      body(context);
    });
  }
}

// The lab's Fashion-MNIST subset as the page sends it to its workers: { images, labels } (IDX bytes).
export function labImages() {
  const read = (name) => new Uint8Array(fs.readFileSync(path.join(ROOT, 'web/data', name)));
  return { images: read('fashion-mnist-images.idx'), labels: read('fashion-mnist-labels.idx') };
}

// A run of the lab trained for `epochs` epochs the way its batch jobs train (lab/batch-jobs.js: an
// epoch is floor(training images / batch) steps); fn(run) reads it, then its memory is freed.
export function withTrainedLabRun(engine, spec, epochs, fn) {
  const run = engine.createRun(spec, labImages());
  try {
    run.step(Math.max(1, Math.floor(run.metrics(['train']).train.count / spec.training.batch_size)) * epochs);
    return fn(run);
  } finally {
    run.delete();
  }
}

// A small 2-D classification run; `overrides` replaces whole top-level sections.
export function smallSpec(overrides = {}) {
  return {
    data: { kind: 'spiral', samples: 200, classes: 3, noise: 0.1, seed: 3 },
    layers: [
      { type: 'dense', units: 8 },
      { type: 'activation', fn: 'tanh' },
      { type: 'dense', units: 8 },
      { type: 'activation', fn: 'relu' },
      { type: 'dense', units: 3 },
    ],
    loss: 'softmax_cross_entropy',
    optimizer: { kind: 'sgd', learning_rate: 0.05 },
    training: { batch_size: 10, seed: 11 },
    ...overrides,
  };
}

// Creates a run, hands it to fn and always frees its wasm memory.
export function withRun(engine, spec, fn) {
  const run = engine.createRun(spec);
  try {
    return fn(run);
  } finally {
    run.delete();
  }
}
