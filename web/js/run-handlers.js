// The sandbox's handlers in the worker (worker.js): they own the one current run, train it in short
// slices and post metrics, stats and grids at a throttled rate. Between slices the event loop runs,
// so PAUSE, STEP and SET_OPTIMIZER are handled within a few milliseconds even while a big net trains.

import { EngineError, errorReply } from './engine-error.js';
import { warmUpEngine } from './engine-warm-up.js';
import { TO_WORKER, FROM_WORKER } from './protocol.js';
import { historyInterval, isHistoryStep, stepsToNextHistoryStep } from './history-steps.js';

// Speed levels 1..5 in steps per second; Infinity = as fast as the slices allow.
const STEPS_PER_SECOND = [0, 4, 25, 150, 1000, Infinity];
const SLICE_MS = 14;            // time spent training before yielding to messages
const PROGRESS_EVERY_MS = 60;   // metrics/history
const GRID_EVERY_MS = 120;      // decision-boundary heatmap
const STATS_EVERY_MS = 250;     // histograms, gradient norms
const NEURONS_EVERY_MS = 400;   // per-neuron thumbnails and diagram weights (the most expensive)

let engine = null;
let post = null;

const state = {
  run: null, runId: 0, step: 0, playing: false, speed: 3, targetStep: 0, diverged: null,
  history: [], view: null, owed: 0, lastTick: 0,
  limit: null,  // compare mode: the step a playing run waits at (TO_WORKER.LIMIT)
  changes: [],  // a link's optimizer changes not reached yet: [{ step, optimizer }] in step order
  lastProgress: 0, lastGrid: 0, lastStats: 0, lastNeurons: 0,
};

// worker.js calls this once the engine is loaded; post(type, payload, transfer) sends to the page.
export function createHandlers(loadedEngine, postToPage) {
  engine = loadedEngine;
  post = postToPage;
  warmUpEngine(engine, () => state.playing);  // a second later, in slices between messages, until the learner trains
  return {
    handlers: {
      [TO_WORKER.CREATE]: (m) => replaceRun(() => engine.createRun(m.spec), m, m.spec),
      [TO_WORKER.IMPORT]: (m) => replaceRun(() => engine.importModel(m.model), m, m.model.spec),
      [TO_WORKER.PLAY]: play,
      [TO_WORKER.PAUSE]: pause,
      [TO_WORKER.STEP]: stepBy,
      [TO_WORKER.SPEED]: (m) => { state.speed = Math.min(5, Math.max(1, m.speed | 0)); },
      [TO_WORKER.LIMIT]: (m) => { state.limit = Number.isInteger(m.step) ? m.step : null; if (state.playing) schedule(); },
      [TO_WORKER.SET_OPTIMIZER]: setOptimizer,
      [TO_WORKER.VIEW]: (m) => { state.view = m; if (!state.playing) publish(true); },
      [TO_WORKER.SET_WEIGHT]: setWeight,
      [TO_WORKER.EXPORT]: () => post(FROM_WORKER.MODEL, { runId: state.runId, model: state.run.exportModel() }),
      [TO_WORKER.PATHS]: optimizerPaths,
      [TO_WORKER.TRACE]: ({ example, learningRate }) =>
        post(FROM_WORKER.TRACE, { runId: state.runId, step: state.step, trace: state.run.traceExample(example, learningRate) }),
    },
    // A failed command concerns the run it names, or else the current one.
    tag: (message) => ({ runId: message.runId ?? state.runId }),
  };
}

// Play takes its first step at once, whatever the speed (one step owed), and that slice's metrics
// go at once (no wait for PROGRESS_EVERY_MS since the last): at 150 steps/s the first step used to
// wait for the second slice, 30 ms later, and at 4 steps/s for 250 ms.
function play() {
  if (!state.run || state.diverged) { postStatus(); return; }
  state.playing = true; state.lastTick = performance.now(); state.owed = 1; state.lastProgress = 0;
  postStatus(); schedule();
}

function pause() {
  state.playing = false; state.targetStep = 0; publish(true); postStatus();
}

function stepBy(message) {
  if (!state.run) return;
  state.playing = false; state.targetStep = 0;
  advance(Math.max(1, Math.min(1000, message.count | 0)));
  publish(true); postStatus();
}

function setOptimizer(message) {
  if (!state.run) return;
  // Messages are handled between slices, so state.step is exactly the step count the change
  // takes effect after; the page logs it from the reply.
  state.run.setOptimizer(message.optimizer);
  state.changes = [];  // the learner took over from a link's replay
  post(FROM_WORKER.OPTIMIZER_SET, { runId: state.runId, step: state.step, values: message.values });
}

// Builds the new run first; only when that worked is the old one freed (a bad spec or model
// must leave the current run untouched).
function replaceRun(build, message, spec) {
  const run = build();
  state.run?.delete();
  Object.assign(state, { run, runId: message.runId, playing: false, diverged: null, history: [], owed: 0, changes: message.changes ?? [] });
  if (message.view) state.view = message.view;
  if (state.limit !== null) state.limit = 0;  // in lockstep a new run waits for the page's first limit
  state.step = run.metrics().step ?? 0;
  record();
  applyDueChanges();
  post(FROM_WORKER.CREATED, { runId: state.runId, info: run.info(), data: run.data(), spec, resumeNotice: run.resumeNotice });
  state.targetStep = message.targetStep > state.step ? message.targetStep : 0;
  if (state.targetStep) { state.playing = true; state.lastTick = performance.now(); schedule(); }
  publish(true);
  postStatus();
}

// Trains n steps, cut at the history steps so curves are sampled identically on every replay, and
// at a link's change steps so each change lands after exactly the steps it did originally.
function advance(n) {
  const run = state.run;
  applyDueChanges();
  while (n > 0 && !state.diverged) {
    const toNextRecord = stepsToNextHistoryStep(state.step);
    const toNextChange = state.changes.length ? state.changes[0].step - state.step : Infinity;
    const chunk = Math.min(n, toNextRecord, toNextChange);
    const result = run.step(chunk);
    if (result.diverged) {
      state.diverged = result.diverged;
      state.step = result.diverged.step ?? state.step + chunk;
      state.playing = false;
      record();
      return;
    }
    state.step += chunk;
    n -= chunk;
    if (isHistoryStep(state.step)) record();
    applyDueChanges();  // after the record: originally the change came after that step's metrics
  }
}

// Applies a link's changes due at the current step, through the same run.setOptimizer as a live change.
function applyDueChanges() {
  while (state.changes.length && state.changes[0].step <= state.step) {
    const { optimizer } = state.changes.shift();
    try {
      state.run.setOptimizer(optimizer);
    } catch (error) {  // runs inside a training slice: report it like a failed message instead of stopping the worker
      post(FROM_WORKER.ERROR, { runId: state.runId, ...errorReply(TO_WORKER.SET_OPTIMIZER, error) });
    }
  }
}

function record() {
  const m = state.run.metrics();
  state.metrics = m;
  state.step = m.step ?? state.step;
  state.history.push({
    step: state.step, epoch: m.epoch, learningRate: m.learningRate,
    trainLoss: m.train.loss, trainAcc: m.train.accuracy,
    validationLoss: m.validation.loss, validationAcc: m.validation.accuracy,
    testLoss: m.test.loss, testAcc: m.test.accuracy, penalty: m.penalty,
  });
}

let scheduled = false;
function schedule() {
  if (scheduled) return;
  scheduled = true;
  setTimeout(tick, 0);
}

function tick() {
  scheduled = false;
  if (!state.playing || !state.run) return;
  const now = performance.now();
  const rate = state.targetStep ? Infinity : STEPS_PER_SECOND[state.speed];
  let budget;
  if (rate === Infinity) {
    budget = Infinity;
  } else {
    state.owed = Math.min(state.owed + (rate * (now - state.lastTick)) / 1000, rate);  // no burst after a stall
    budget = Math.floor(state.owed);
    state.owed -= budget;
  }
  state.lastTick = now;
  const held = state.limit !== null && !state.targetStep;
  if (held) budget = Math.min(budget, Math.max(0, state.limit - state.step));
  while (budget > 0 && performance.now() - now < SLICE_MS && !state.diverged) {
    let n = Math.min(budget, historyInterval(state.step));
    if (state.targetStep) n = Math.min(n, state.targetStep - state.step);
    advance(n);
    budget -= n;
    if (state.targetStep && state.step >= state.targetStep) {
      state.playing = false; state.targetStep = 0;
      publish(true); postStatus();
      return;
    }
  }
  if (state.diverged) { publish(true); postStatus(); return; }
  if (held && state.step >= state.limit) {
    // At the lockstep limit: say so at once (the page then raises the limit) and wait for it.
    publish(false, true);
    return;
  }
  publish(false);
  // A paced speed sleeps between slices; the maximum speed yields just long enough for messages.
  setTimeout(() => schedule(), rate === Infinity ? 0 : 30);
}

// Posts whatever is due (or everything when forced: after a step, a pause, a new run); with
// forceProgress only the metrics are sure to go (a lockstep limit reached).
// Each kind of view data waits at least its base interval and at least 4x its own last cost, so a
// big network (where one heatmap costs tens of ms) still spends most of its time training.
function publish(force, forceProgress = force) {
  if (!state.run) return;
  const now = performance.now();
  const due = (kind, base) => force || now - state[`last${kind}`] > Math.max(base, 4 * (state[`cost${kind}`] ?? 0));
  const timed = (kind, work) => {
    const start = performance.now();
    work();
    state[`last${kind}`] = performance.now();
    state[`cost${kind}`] = state[`last${kind}`] - start;
  };
  // Held in lockstep, metrics go only at the limits, so both runs of compare mode show the same steps.
  const held = state.limit !== null && !state.targetStep && state.playing;
  if (forceProgress || (!held && now - state.lastProgress > PROGRESS_EVERY_MS)) {
    state.lastProgress = now;
    post(FROM_WORKER.PROGRESS, { runId: state.runId, metrics: state.metrics, history: state.history, diverged: state.diverged });
    state.history = [];
  }
  if (state.diverged && !force) return;
  if (due('Stats', STATS_EVERY_MS)) {
    timed('Stats', () => post(FROM_WORKER.STATS, { runId: state.runId, step: state.step, stats: state.run.stats() }));
  }
  if (state.view && due('Grid', GRID_EVERY_MS)) {
    const withNeurons = state.view.wantNeurons && due('Neurons', NEURONS_EVERY_MS);
    timed(withNeurons ? 'Neurons' : 'Grid', () => postGrid(withNeurons));
    if (withNeurons) { state.lastGrid = state.lastNeurons; state.costGrid = state.costNeurons / 2; }
  }
}

function postGrid(withNeurons) {
  const view = state.view;
  // A unit the diagram's pointer or focus is on: its output at the heatmap resolution comes along.
  const focus = focusedUnit(view);
  const grid = state.run.grid(view.resolution, view.bounds, Boolean(focus), focus ? focus.unit + 1 : 0);
  let unitField = null;
  if (focus) {
    const cells = view.resolution * view.resolution;
    unitField = { block: focus.block, unit: focus.unit, values: grid.neurons[focus.layer].slice(focus.unit * cells, (focus.unit + 1) * cells) };
  }
  delete grid.neurons;
  const transfer = [grid.outputs.buffer];
  if (unitField) transfer.push(unitField.values.buffer);
  let neurons = null;
  let weights = null;
  if (withNeurons) {
    const res = view.neuronResolution;
    const cells = res * res;
    const offsets = view.blocks.map((_, b) => Math.max(0, view.neuronOffsets?.[b] | 0));
    // The engine computes the first `limit` units of each layer: enough for every block's page.
    const limit = Math.max(...offsets) + view.neuronUnits;
    const thumbs = state.run.grid(res, view.bounds, true, limit);
    neurons = view.blocks.map((block, b) => thumbs.neurons[block.output].slice(offsets[b] * cells, (offsets[b] + view.neuronUnits) * cells));
    // Links join the shown units: rows of this block's page, columns of the previous block's page
    // (all the inputs for the first block).
    weights = view.blocks.map((block, b) => denseWeights(block.dense, offsets[b], b === 0 ? 0 : offsets[b - 1], view.neuronUnits));
    transfer.push(...neurons.map((n) => n.buffer));
  }
  post(FROM_WORKER.GRID, { runId: state.runId, step: state.step, grid, neurons, weights, unitField }, transfer);
}

// view.focus = { block, unit } names a unit of a block output; null when the unit does not exist.
function focusedUnit(view) {
  const focus = view.focus;
  const block = focus && view.blocks[focus.block];
  if (!block || !(focus.unit >= 0)) return null;
  const layer = state.run.info().layers[block.output];
  if (!layer || focus.unit >= layer.outputs) return null;
  return { block: focus.block, unit: focus.unit, layer: block.output };
}

// A window of W (rows = units of this layer, cols = inputs), as much as the diagram draws.
function denseWeights(layerIndex, rowStart, colStart, maxUnits) {
  const W = state.run.parameters(layerIndex).find((p) => p.name === 'W');
  if (!W) return null;
  rowStart = Math.min(rowStart, W.rows - 1);
  colStart = Math.min(colStart, W.cols - 1);
  const rows = Math.min(W.rows - rowStart, maxUnits);
  const cols = Math.min(W.cols - colStart, maxUnits);
  const values = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) values[r * cols + c] = W.values[weightIndex(W, rowStart + r, colStart + c)];
  }
  return { rows, cols, rowStart, colStart, values };
}

// The engine stores W column-major (Eigen): run.parameters() says so in W.layout.
function weightIndex(W, r, c) {
  return c * W.rows + r;
}

// One weight set by hand (the diagram's editor). The metrics are re-read, so the loss shown
// belongs to the edited network at once; the history keeps its fixed schedule.
function setWeight({ layer, row, col, value }) {
  if (!state.run) return;
  const W = state.run.parameters(layer).find((p) => p.name === 'W');
  if (!W) throw new Error(`layer ${layer} has no weights`);
  if (!(row >= 0 && row < W.rows && col >= 0 && col < W.cols)) throw new Error(`no weight [${row}, ${col}] in layer ${layer}`);
  if (!Number.isFinite(value)) throw new Error(`weight value ${value} is not a finite number`);
  W.values[weightIndex(W, row, col)] = value;
  state.run.setParameter(layer, 'W', W.values);
  state.metrics = state.run.metrics();
  publish(true);
}

function postStatus() {
  post(FROM_WORKER.STATUS, { runId: state.runId, playing: state.playing, targetStep: state.targetStep, step: state.step });
}

function optimizerPaths(message) {
  const fn = engine.testFunctions().find((f) => f.name === message.function);
  if (!fn) throw new EngineError({ code: 'choice', field: 'function', message: `unknown test function "${message.function}"`, params: { got: String(message.function), allowed: engine.testFunctions().map((f) => f.name).join(', ') } });
  const grid = engine.functionGrid(fn.name, message.resolution);
  const paths = message.runs.map((r) => ({
    name: r.name,
    points: engine.optimizerPath(fn.name, r.optimizer, message.start, message.steps),
  }));
  post(FROM_WORKER.PATHS, { function: fn, grid, resolution: message.resolution, steps: message.steps, paths });
}
