// The NN Sandbox engine in JavaScript: loads the wasm module and wraps the
// Embind classes in plain objects (API: docs/engine-api.md).
//
// Every typed array the module returns is a view into wasm memory, borrowed
// until the next call (memory growth detaches it), so each one is copied out
// with .slice() right here; callers own what they get.

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

// Field order of the packed metrics (src/core/report.h, MetricsField).
function decodeMetrics(packed, task) {
  const split = (base) => ({
    loss: Number.isFinite(packed[base]) ? packed[base] : null,
    accuracy: task === 'classification' && Number.isFinite(packed[base + 1]) ? packed[base + 1] : null,
    count: packed[base + 2],
  });
  return {
    step: packed[0],
    epoch: packed[1],
    learningRate: packed[2],
    batchLoss: packed[3],
    train: split(4),
    validation: split(7),
    test: split(10),
  };
}

const orNull = (x) => (Number.isFinite(x) ? x : null);

// Record layout of the packed layer statistics (src/core/report.h, StatsField).
function decodeStats(packed, headerFields, bins, layers) {
  const record = headerFields + 3 * bins;
  const result = [];
  for (let l = 0; l * record < packed.length; l++) {
    const r = packed.subarray(l * record, (l + 1) * record);
    const histogram = (k) => r.slice(headerFields + k * bins, headerFields + (k + 1) * bins);
    const summary = (offset, k) => ({
      mean: r[offset], std: r[offset + 1], min: r[offset + 2], max: r[offset + 3],
      histogram: { lo: r[offset + 4], hi: r[offset + 5], counts: histogram(k) },
    });
    const layer = layers[l];
    result.push({
      index: r[0],
      type: layer.type,
      name: layer.name,
      units: r[1],
      output: summary(2, 0),
      input: summary(8, 1),
      deadFraction: orNull(r[14]),
      inputGradNorm: orNull(r[15]),
      weightNorm: orNull(r[16]),
      weightGradNorm: orNull(r[17]),
      updateRatio: orNull(r[18]),
      weights: layer.type === 'dense' ? { lo: r[19], hi: r[20], counts: histogram(2) } : null,
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

class Run {
  constructor(module, sandbox) {
    this._module = module;
    this._sandbox = sandbox;
    this._info = toCamel(JSON.parse(sandbox.infoJson()));
  }

  info() {
    return structuredClone(this._info);
  }

  step(n) {
    const stepsDone = this._sandbox.step(Math.max(0, Math.floor(n)));
    return { stepsDone, diverged: this.divergence() };
  }

  divergence() {
    const text = this._sandbox.divergenceJson();
    if (!text) return null;
    const d = JSON.parse(text);
    return { step: d.step, layer: d.layer, layerName: d.layer_name, quantity: d.quantity, message: d.message };
  }

  metrics() {
    return decodeMetrics(this._sandbox.metrics().slice(), this._info.task);
  }

  stats() {
    const packed = this._sandbox.stats().slice();
    return decodeStats(packed, this._sandbox.statsHeaderFields(), this._sandbox.statsBins(), this._info.layers);
  }

  grid(resolution, bounds, withNeurons = false, maxUnitsPerLayer = 0) {
    const { xmin, xmax, ymin, ymax } = bounds;
    this._sandbox.grid(resolution, xmin, xmax, ymin, ymax, !!withNeurons, Math.max(0, Math.floor(maxUnitsPerLayer)));
    const outputs = this._sandbox.gridOutputs().slice();
    let neurons = null;
    if (withNeurons) {
      neurons = [];
      const count = this._sandbox.gridNeuronLayers();
      // Stored (units, points) column-major = point-major; transpose to unit-major for thumbnails.
      for (let l = 0; l < count; l++) {
        const view = this._sandbox.gridNeurons(l);
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
      result[name] = { raw: this._sandbox.dataRaw(i).slice(), targets: this._sandbox.dataTargets(i).slice() };
    });
    return result;
  }

  setOptimizer(section) {
    this._sandbox.setOptimizerJson(JSON.stringify(section));
  }

  exportModel() {
    return JSON.parse(this._sandbox.exportModelJson());
  }

  // Eigen stores matrices column-major: values[c * rows + r] is row r, column c. With
  // { gradients: true } each entry also has `gradient`, dLoss/dparameter of the last training step
  // in the same layout (zeros before the first step); off by default, as most callers want values only.
  parameters(layerIndex, { gradients = false } = {}) {
    const list = JSON.parse(this._sandbox.parametersJson(layerIndex));
    return list.map((p, i) => {
      const entry = { ...p, layout: 'column-major', values: this._sandbox.parameterValues(layerIndex, i).slice() };
      if (gradients) entry.gradient = this._sandbox.parameterGradient(layerIndex, i).slice();
      return entry;
    });
  }

  setParameter(layerIndex, name, values) {
    const list = JSON.parse(this._sandbox.parametersJson(layerIndex));
    const index = list.findIndex((p) => p.name === name);
    if (index < 0) throw new Error(`layer ${layerIndex} has no parameter '${name}'`);
    this._sandbox.setParameterValues(layerIndex, index, Array.from(values));
  }

  delete() {
    if (this._sandbox) this._sandbox.delete();
    this._sandbox = null;
  }
}

class Engine {
  constructor(module, flavor) {
    this._module = module;
    this.flavor = flavor;
  }

  // images (optional, for spec.data.kind "idx"): { images: Uint8Array, labels: Uint8Array }, the bytes
  // of an IDX image file and label file the caller fetched (the module has no file system).
  createRun(spec, images = null) {
    const text = JSON.stringify(spec);
    const sandbox = images
      ? this._module.Sandbox.createWithImages(text, images.images, images.labels)
      : this._module.Sandbox.create(text);
    return new Run(this._module, sandbox);
  }

  importModel(model) {
    const text = typeof model === 'string' ? model : JSON.stringify(model);
    return new Run(this._module, this._module.Sandbox.importModel(text));
  }

  testFunctions() {
    return JSON.parse(this._module.testFunctionsJson()).map((f) => ({
      name: f.name, formula: f.formula, xmin: f.xmin, xmax: f.xmax, ymin: f.ymin, ymax: f.ymax,
      minimumX: f.minimum_x, minimumY: f.minimum_y,
    }));
  }

  optimizerPath(name, optimizerSection, start, steps) {
    return this._module.optimizerPath(name, JSON.stringify(optimizerSection), start[0], start[1], steps);
  }

  functionGrid(name, resolution) {
    return this._module.functionGrid(name, resolution);
  }

  // f and f' of an elementwise activation over [xmin, xmax], computed by the core's own code.
  activationCurve(name, alpha, xmin, xmax, points) {
    const flat = this._module.activationCurve(name, alpha, xmin, xmax, points);
    return { x: flat.slice(0, points), value: flat.slice(points, 2 * points), derivative: flat.slice(2 * points) };
  }

  // The core's max-subtracted softmax of an array of logits (float32), e.g. [1000, 1010, 990].
  softmax(logits) {
    return this._module.softmaxOf(Array.from(logits));
  }

  // The "init-histograms" experiment (src/lab/init_histograms.h).
  initHistograms(config) {
    return JSON.parse(this._module.initHistogramsJson(JSON.stringify(config))).map((layer) => ({
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
  const url = new URL(`../wasm/nnsandbox-${flavor}.mjs`, import.meta.url);
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
  const compiling = options.wasmBinary || isNode ? null : compileWasm(new URL(`../wasm/nnsandbox-${flavor}.wasm`, import.meta.url));
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
