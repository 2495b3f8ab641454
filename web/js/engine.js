// The NN Sandbox engine in JavaScript: loads the wasm module and wraps the
// Embind classes in plain objects (API: docs/engine-api.md).
//
// Every typed array the module returns is a view into wasm memory, borrowed
// until the next call (memory growth detaches it), so each one is copied out
// with .slice() right here; callers own what they get.
//
// The module never throws: a failed call returns a sentinel (null, false, -1 or "") and keeps
// its error, which failure() takes and throws here as an EngineError (code, field, params).

import { EngineError } from './engine-error.js';
import { siteUrl } from './site-url.js';

export { EngineError };

// The error the module kept for its last failed call.
function failure(module) {
  const text = module.takeErrorJson();
  return new EngineError(text ? JSON.parse(text) : { message: 'the engine reported an error without details' });
}

// A text longer than the engine parses is refused here, before the copy into wasm memory (which
// alone takes seconds for 200 MB). UTF-8 takes at least one byte per UTF-16 unit, so a string
// longer than the limit is certainly too large.
function checkTextSize(text, limit, what, english) {
  if (text.length <= limit) return;
  throw new EngineError({
    code: 'too_large', message: `${english} is too large (at least ${text.length} bytes; at most ${limit})`,
    params: { what, bytes: String(text.length), max: String(limit) },
  });
}

// A count for an int parameter of the module. Embind would wrap 2^32 + 5 to 5 (a grid of 5, a
// path of 5 steps): numbers outside 32 bits, NaN and infinities are refused instead.
function int32(value, field) {
  if (Number.isFinite(value) && value >= -(2 ** 31) && value < 2 ** 31) return value;
  throw new EngineError({
    code: 'integer_range', field, message: `must be a whole number between ${-(2 ** 31)} and ${2 ** 31 - 1} (got ${value})`,
    params: { min: String(-(2 ** 31)), max: String(2 ** 31 - 1), got: String(value) },
  });
}

// `result` unless it is the module's failure sentinel, in which case its error is thrown.
function checked(module, result, sentinel = null) {
  if (result === sentinel) throw failure(module);
  return result;
}

// The smallest module that uses a SIMD instruction (v128.const + i8x16.popcnt
// style check from wasm-feature-detect): validate() is true only where wasm SIMD works.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

export function simdSupported() {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

const SPLITS = ['train', 'validation', 'test'];

// The bit of each split in run.metrics(splits) (nn::Run::SplitSet, src/run/run.h).
const SPLIT_BITS = { train: 1, validation: 2, test: 4 };

// The packed metrics record, decoded by the engine's own layout (src/run/packed_records.h, MetricsField).
function decodeMetrics(packed, task, layout) {
  const split = (base) => {
    const { loss, accuracy, count } = layout.split;
    return {
      loss: Number.isFinite(packed[base + loss]) ? packed[base + loss] : null,
      accuracy: task === 'classification' && Number.isFinite(packed[base + accuracy]) ? packed[base + accuracy] : null,
      count: packed[base + count],
    };
  };
  return {
    step: packed[layout.step],
    epoch: packed[layout.epoch],
    learningRate: packed[layout.learning_rate],
    batchLoss: packed[layout.batch_loss],
    train: split(layout.train),
    validation: split(layout.validation),
    test: split(layout.test),
    // l1*|W|_1 + l2/2*|W|^2 of the current weights; the losses above are data losses without it.
    penalty: packed[layout.penalty],
  };
}

const orNull = (x) => (Number.isFinite(x) ? x : null);

// The packed layer statistics, one record per layer, decoded by the engine's own layout
// (src/run/packed_records.h, StatsField): header fields, then output, input, weight and
// activation-derivative histograms.
function decodeStats(packed, layout, bins, layers) {
  const headerFields = layout.header_fields;
  const record = headerFields + layout.histograms * bins;
  const result = [];
  for (let l = 0; l * record < packed.length; l++) {
    const r = packed.subarray(l * record, (l + 1) * record);
    const histogram = (k) => r.slice(headerFields + k * bins, headerFields + (k + 1) * bins);
    // nonFinite: NaN and +-inf values, counted in no bin
    const summary = (offset, k, nonFinite) => {
      const { mean, std, min, max, low, high } = layout.summary;
      return {
        mean: r[offset + mean], std: r[offset + std], min: r[offset + min], max: r[offset + max],
        histogram: { lo: r[offset + low], hi: r[offset + high], counts: histogram(k), nonFinite: r[nonFinite] },
      };
    };
    const layer = layers[l];
    result.push({
      index: r[layout.index],
      type: layer.type,
      name: layer.name,
      units: r[layout.units],
      output: summary(layout.output, 0, layout.output_non_finite),
      input: summary(layout.input, 1, layout.input_non_finite),
      deadFraction: orNull(r[layout.dead_fraction]),
      inputGradNorm: orNull(r[layout.input_grad_norm]),
      weightNorm: orNull(r[layout.weight_norm]),
      weightGradNorm: orNull(r[layout.weight_grad_norm]),
      updateRatio: orNull(r[layout.update_ratio]),
      weights: layer.type === 'dense'
        ? { lo: r[layout.weight_low], hi: r[layout.weight_high], counts: histogram(2), nonFinite: r[layout.weight_non_finite] }
        : null,
      negativeFraction: orNull(r[layout.negative_fraction]),
      // Element-wise activations: mean |f'(z)| and the histogram of f'(z) over the statistics sample.
      derivativeMean: orNull(r[layout.derivative_mean]),
      derivativeRms: orNull(r[layout.derivative_rms]),
      derivative: Number.isFinite(r[layout.derivative_low])
        ? { lo: r[layout.derivative_low], hi: r[layout.derivative_high], counts: histogram(3), nonFinite: r[layout.derivative_non_finite] }
        : null,
    });
  }
  return { layers: result };
}

function toCamel(info) {
  return {
    task: info.task,
    classes: info.classes,
    features: info.features,
    twoDimensional: info.two_dimensional,
    loss: info.loss,
    batchSize: info.batch_size,
    parameterCount: info.parameter_count,
    layers: info.layers,
  };
}

// One training run. `native` is the bound C++ object that owns it (the module's `Run`, a binding of
// nn::Run in src/wasm/bindings.cpp): the concept is called a run in C++ and on the page alike.
class Run {
  // layout: where each number sits in the packed records (Engine.packedLayout()).
  constructor(module, native, layout) {
    this._module = module;
    this._native = native;
    this._layout = layout;
    this._info = toCamel(JSON.parse(native.infoJson()));
    // null, or for a run loaded from a version-1 model file 'fresh-optimizer-state': that file has no
    // optimizer state, so moments, velocities and the batch order started afresh (the page says so).
    this.resumeNotice = native.freshOptimizerState() ? 'fresh-optimizer-state' : null;
  }

  info() {
    return structuredClone(this._info);
  }

  // n: whole steps, at most 2^31 - 1 per call (fractions are cut, negatives count as 0).
  step(n) {
    const stepsDone = checked(this._module, this._native.step(Math.max(0, Math.floor(n))), -1);
    return { stepsDone, diverged: this.divergence() };
  }

  divergence() {
    const text = this._native.divergenceJson();
    if (!text) return null;
    const d = JSON.parse(text);
    return { step: d.step, layer: d.layer, layerName: d.layer_name, quantity: d.quantity, message: d.message };
  }

  // splits (optional): the names of the splits to score, e.g. ['train', 'test']; the others cost
  // nothing and come back with their count and a null loss and accuracy.
  metrics(splits = null) {
    if (!splits) return decodeMetrics(this._native.metrics().slice(), this._info.task, this._layout.metrics);
    let bits = 0;
    for (const name of splits) {
      if (!Object.hasOwn(SPLIT_BITS, name)) throw new Error(`metrics: unknown split "${name}" (train, validation, test)`);
      bits |= SPLIT_BITS[name];
    }
    return decodeMetrics(this._native.metricsOf(bits).slice(), this._info.task, this._layout.metrics);
  }

  // Dropout as an ensemble (docs/engine-api.md): `count` thinned networks scored on one split.
  thinnedEnsemble(count, seed, split = 'test') {
    const index = SPLITS.indexOf(split);
    if (index < 0) throw new Error(`thinnedEnsemble: unknown split "${split}" (train, validation, test)`);
    const e = JSON.parse(checked(this._module, this._native.thinnedEnsembleJson(int32(count, 'count'), seed, index), ''));
    return { full: e.full, thinned: e.thinned, thinnedAgreement: e.thinned_agreement, thinnedGap: e.thinned_gap,
      averageAccuracy: e.average_accuracy, agreement: e.agreement, gap: e.gap };
  }

  stats() {
    const packed = this._native.stats().slice();
    return decodeStats(packed, this._layout.stats, this._native.statsBins(), this._info.layers);
  }

  grid(resolution, bounds, withNeurons = false, maxUnitsPerLayer = 0) {
    const { xmin, xmax, ymin, ymax } = bounds;
    checked(this._module,
      this._native.grid(int32(resolution, 'resolution'), xmin, xmax, ymin, ymax, !!withNeurons,
        int32(Math.max(0, Math.floor(maxUnitsPerLayer)), 'maxUnitsPerLayer')), false);
    const outputs = this._native.gridOutputs().slice();
    let neurons = null;
    if (withNeurons) {
      neurons = [];
      const count = this._native.gridNeuronLayers();
      // Stored (units, points) column-major = point-major; transpose to unit-major for thumbnails.
      for (let l = 0; l < count; l++) {
        const view = this._native.gridNeurons(l);
        const points = resolution * resolution;
        const units = view.length / points;
        const byUnit = new Float32Array(view.length);
        for (let k = 0; k < points; k++) for (let u = 0; u < units; u++) byUnit[u * points + k] = view[k * units + u];
        neurons.push(byUnit);
      }
    }
    return { resolution, outputs, neurons };
  }

  data() {
    const result = { task: this._info.task, classes: this._info.classes };
    SPLITS.forEach((name, i) => {
      result[name] = { raw: this._native.dataRaw(i).slice(), targets: this._native.dataTargets(i).slice() };
    });
    return result;
  }

  setOptimizer(section) {
    checked(this._module, this._native.setOptimizerJson(JSON.stringify(section)), false);
  }

  exportModel() {
    return JSON.parse(this._native.exportModelJson());
  }

  // Backpropagation of one training example (index into the training split) through a one-column
  // copy of the network, then one plain SGD step of `learningRate` on that copy; the run is not
  // changed (src/run/backprop_trace.h). Dense and activation layers only (else an EngineError).
  // { example, input, target, predictions, loss, lossAfter, learningRate,
  //   layers: [{ index, type, input, output, dInput, dOutput,            // vectors: plain arrays
  //              dense only: weights, bias, dWeights, dBias, weightsAfter, biasAfter }] }  // W as rows
  traceExample(example, learningRate) {
    const trace = JSON.parse(checked(this._module,
      this._native.traceExampleJson(int32(example, 'example'), Number(learningRate)), ''));
    return {
      example: trace.example, input: trace.input, target: trace.target, predictions: trace.predictions,
      loss: trace.loss, lossAfter: trace.loss_after, learningRate: trace.learning_rate,
      layers: trace.layers.map((l) => ({
        index: l.index, type: l.type, input: l.input, output: l.output, dInput: l.d_input, dOutput: l.d_output,
        ...(l.type === 'dense' ? { weights: l.weights, bias: l.bias, dWeights: l.d_weights, dBias: l.d_bias,
          weightsAfter: l.weights_after, biasAfter: l.bias_after } : {}),
      })),
    };
  }

  // Eigen stores matrices column-major: values[c * rows + r] is row r, column c. With
  // { gradients: true } each entry also has `gradient`, dLoss/dparameter of the last training step
  // in the same layout (zeros before the first step); off by default, as most callers want values only.
  parameters(layerIndex, { gradients = false } = {}) {
    const list = JSON.parse(this._native.parametersJson(layerIndex));
    return list.map((p, i) => {
      const entry = { ...p, layout: 'column-major', values: this._native.parameterValues(layerIndex, i).slice() };
      if (gradients) entry.gradient = this._native.parameterGradient(layerIndex, i).slice();
      return entry;
    });
  }

  setParameter(layerIndex, name, values) {
    const list = JSON.parse(this._native.parametersJson(layerIndex));
    const index = list.findIndex((p) => p.name === name);
    if (index < 0) {
      throw new EngineError({ code: 'no_parameter', field: 'name', message: `layer ${layerIndex} has no parameter '${name}'` });
    }
    checked(this._module, this._native.setParameterValues(layerIndex, index, Array.from(values)), false);
  }

  delete() {
    if (this._native) this._native.delete();
    this._native = null;
  }
}

class Engine {
  constructor(module, flavor) {
    this._module = module;
    this.flavor = flavor;
    this._textLimits = JSON.parse(module.textLimitsJson());
    this._packedLayout = JSON.parse(module.packedLayoutJson());
  }

  // images (optional, for spec.data.kind "idx"): { images: Uint8Array, labels: Uint8Array }, the bytes
  // of an IDX image file and label file the caller fetched (the module has no file system).
  createRun(spec, images = null) {
    const text = JSON.stringify(spec);
    checkTextSize(text, this._textLimits.spec, 'spec', 'the spec');
    const native = images
      ? this._module.Run.createWithImages(text, images.images, images.labels)
      : this._module.Run.create(text);
    return new Run(this._module, checked(this._module, native), this._packedLayout);
  }

  importModel(model) {
    const text = typeof model === 'string' ? model : JSON.stringify(model);
    checkTextSize(text, this._textLimits.model, 'model', 'the model file');
    return new Run(this._module, checked(this._module, this._module.Run.importModel(text)), this._packedLayout);
  }

  // The wasm C stack pointer: a diagnostic, so tests can check that no call (failed or not)
  // leaves the stack lower than it found it.
  stackPointer() {
    return this._module.stackSave();
  }

  // Runs (and grids) that would need more memory than this are refused before allocating
  // anything, with a "memory_budget" error naming the largest part. Default: 1 GiB.
  memoryBudget() {
    return this._module.memoryBudget();
  }

  setMemoryBudget(bytes) {
    if (!(bytes > 0 && Number.isFinite(bytes))) {
      throw new EngineError({ code: 'positive_range', field: 'bytes', message: 'must be a positive number of bytes', params: { max: '∞', got: String(bytes) } });
    }
    this._module.setMemoryBudget(bytes);
  }

  // Where each number sits in the packed records behind run.metrics() and run.stats()
  // ({metrics: {step, epoch, ..., split: {loss, accuracy, count}}, stats: {header_fields, index, ...,
  // summary: {mean, std, min, max, low, high}}}): the engine's definition, which the decoders read.
  packedLayout() {
    return structuredClone(this._packedLayout);
  }

  // Every error code the engine can produce (the page has a text for each).
  errorCodes() {
    return JSON.parse(this._module.errorCodesJson());
  }

  // The engine's registries: every activation, optimizer, ... with its parameters, ranges and formulas
  // (src/core/*_registry.h). The page itself reads the copy written at build time (catalog.js).
  catalog() {
    return JSON.parse(this._module.catalogJson());
  }

  testFunctions() {
    return JSON.parse(this._module.testFunctionsJson()).map((f) => ({
      name: f.name, formula: f.formula, xmin: f.xmin, xmax: f.xmax, ymin: f.ymin, ymax: f.ymax,
      minimumX: f.minimum_x, minimumY: f.minimum_y, markedPoint: f.marked_point,
    }));
  }

  optimizerPath(name, optimizerSection, start, steps) {
    return checked(this._module, this._module.optimizerPath(name, JSON.stringify(optimizerSection), start[0], start[1], int32(steps, 'steps')));
  }

  functionGrid(name, resolution) {
    return checked(this._module, this._module.functionGrid(name, int32(resolution, 'resolution')));
  }

  // f and f' of an elementwise activation over [xmin, xmax], computed by the core's own code.
  activationCurve(name, alpha, xmin, xmax, points) {
    const flat = checked(this._module, this._module.activationCurve(name, alpha, xmin, xmax, int32(points, 'points')));
    return { x: flat.slice(0, points), value: flat.slice(points, 2 * points), derivative: flat.slice(2 * points) };
  }

  // The core's max-subtracted softmax of an array of logits (float32), e.g. [1000, 1010, 990].
  softmax(logits) {
    return this._module.softmaxOf(Array.from(logits));
  }

  // The "init-histograms" experiment (src/lab/init_histograms.h).
  initHistograms(config) {
    return JSON.parse(checked(this._module, this._module.initHistogramsJson(JSON.stringify(config)), '')).map((layer) => ({
      ...layer, counts: Float32Array.from(layer.counts),
    }));
  }
}

const isNode = typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined' &&
  typeof WorkerGlobalScope === 'undefined';

async function compileWasm(url) {
  const response = fetch(url, { credentials: 'same-origin' });
  try {
    return await WebAssembly.compileStreaming(response);
  } catch {
    return WebAssembly.compile(await (await fetch(url, { credentials: 'same-origin' })).arrayBuffer());
  }
}

// options.flavor: 'simd' | 'baseline' (default: SIMD where supported)
// options.wasmBinary: the .wasm bytes (required under node, where the module's own loading is broken)
export async function loadEngine(options = {}) {
  const flavor = options.flavor || (simdSupported() ? 'simd' : 'baseline');
  const url = siteUrl(`wasm/nnsandbox-${flavor}.mjs`);
  if (isNode) {
    // Emscripten 3.1.6's ES-module output still reads __dirname and require under node.
    const { createRequire } = await import('node:module');
    const { fileURLToPath } = await import('node:url');
    const path = await import('node:path');
    globalThis.__dirname ??= path.dirname(fileURLToPath(url));
    globalThis.require ??= createRequire(url);
  }
  // In a browser the .wasm is fetched and compiled while the glue script loads, not after it
  // (streaming compilation needs the server to send application/wasm; otherwise compile the bytes).
  const compiling = options.wasmBinary || isNode ? null : compileWasm(siteUrl(`wasm/nnsandbox-${flavor}.wasm`));
  const { default: createModule } = await import(url.href);
  const moduleOptions = {};
  if (options.wasmBinary) moduleOptions.wasmBinary = options.wasmBinary;
  let fail;
  const failed = new Promise((resolve, reject) => { fail = reject; });
  if (compiling) {
    moduleOptions.instantiateWasm = (imports, receiveInstance) => {
      compiling.then((compiled) => WebAssembly.instantiate(compiled, imports).then((instance) => receiveInstance(instance, compiled)))
        .catch(fail);
      return {};  // the exports arrive through receiveInstance
    };
  }
  const module = await Promise.race([createModule(moduleOptions), failed]);
  return new Engine(module, flavor);
}
