// The lab's handlers in the worker (worker.js): small computations (activation curves, softmax,
// init histograms) answered at once, and batch jobs that train many runs in short slices, posting
// metrics after every epoch. Between slices the event loop runs, so STOP_JOB and COMPUTE are
// handled within a few milliseconds even while a job trains. The page may spread one job over
// several workers (../worker-pool.js); each trains its share and names runs by their job index.

import { TO_WORKER, FROM_WORKER } from '../protocol.js';
import { gradientByInput } from './input-gradients.js';
import { errorPayload } from '../engine-error.js';
import { engineOutputs } from './loss-math.js';

const SLICE_MS = 30;         // training time before yielding to messages
const STEPS_PER_CHUNK = 10;  // an epoch is trained in chunks so one slice stays short on big splits

let engine = null;
let post = null;
let images = null;  // { images, labels } (Uint8Arrays of the IDX files), sent once by the page
let job = null;

// worker.js calls this once the engine is loaded; post(type, payload) sends to the page.
export function createHandlers(loadedEngine, postToPage) {
  engine = loadedEngine;
  post = postToPage;
  return {
    handlers: {
      [TO_WORKER.COMPUTE]: compute,
      [TO_WORKER.IMAGES]: (m) => { images = { images: m.images, labels: m.labels }; },
      [TO_WORKER.TRAIN_JOB]: startJob,
      [TO_WORKER.STOP_JOB]: (m) => { if (job && job.id === m.id) finishJob({ stopped: true }); },
    },
    tag: (message) => ({ id: message.id }),
  };
}

// A failure is thrown: worker.js answers it with ERROR carrying this request's id.
function compute({ id, what, args }) {
  let result;
  if (what === 'curve') result = engine.activationCurve(args.name, args.alpha, args.xmin, args.xmax, args.points);
  else if (what === 'softmax') result = engine.softmax(args.logits);
  else if (what === 'histograms') result = engine.initHistograms(args);
  else if (what === 'lossTargets') result = engineOutputs(engine, args.logits);
  else throw new Error(`unknown computation "${what}"`);
  post(FROM_WORKER.RESULT, { id, result });
}

function startJob(message) {
  if (job) finishJob({ stopped: true });
  job = {
    id: message.id, runs: message.runs, concurrent: Math.max(1, message.concurrent | 0),
    record: message.record ?? 'epoch', splits: message.splits ?? null, inputStats: Boolean(message.inputStats), inputGradients: Boolean(message.inputGradients),
    thinned: message.thinned ?? null,
    slots: [], next: 0, turn: 0, doneEpochs: 0,
    totalEpochs: message.runs.reduce((sum, r) => sum + r.epochs, 0), start: performance.now(),
  };
  // The page sends the images (IMAGES) before the first job that needs them.
  if (message.runs.some((r) => r.images) && !images) {
    finishJob({ error: { ...errorPayload(new Error('the image data was not sent to this worker')), field: 'image data' } });
    return;
  }
  setTimeout(tick, 0);
}

// Frees every run of the job and reports how it ended.
function finishJob({ stopped = false, error = null }) {
  const ended = job;
  job = null;
  for (const slot of ended.slots) slot.run.delete();
  post(FROM_WORKER.JOB_DONE, { id: ended.id, stopped, error, elapsedMs: performance.now() - ended.start });
}

function splitMetrics(m) {
  return { train: m.train, validation: m.validation, test: m.test };
}

// position: the run's place in this worker's share; entry.index (else position): its number in the page's job.
function openSlot(position) {
  const entry = job.runs[position];
  const index = entry.index ?? position;
  const run = engine.createRun(entry.spec, entry.images ? images : null);
  const first = run.metrics(job.splits);
  const batch = entry.spec.training?.batch_size ?? 10;
  // The engine drops the last incomplete batch (or uses the whole split when it is smaller than a batch).
  const stepsPerEpoch = Math.max(1, Math.floor(first.train.count / batch));
  const slot = { index, run, stepsPerEpoch, epoch: 0, epochs: entry.epochs, left: stepsPerEpoch, steps: 0 };
  if (job.record === 'epoch') post(FROM_WORKER.JOB_PROGRESS, { id: job.id, run: index, epoch: 0, steps: 0, metrics: splitMetrics(first), fraction: fraction() });
  return slot;
}

function fraction() {
  return job.totalEpochs > 0 ? job.doneEpochs / job.totalEpochs : 1;
}

function closeSlot(slot, diverged) {
  const metrics = splitMetrics(slot.run.metrics());
  let input = null;
  if (job.inputStats) {
    const first = slot.run.stats().layers[0]?.input;
    if (first) input = { mean: first.mean, std: first.std, min: first.min, max: first.max };
  }
  const { thinned } = job;
  const ensemble = thinned && !diverged ? slot.run.thinnedEnsemble(thinned.count, thinned.seed, thinned.split) : null;
  job.doneEpochs += slot.epochs - slot.epoch;  // a diverged run's remaining epochs count as done
  slot.run.delete();
  job.slots.splice(job.slots.indexOf(slot), 1);
  post(FROM_WORKER.RUN_DONE, { id: job.id, run: slot.index, metrics, diverged, input, inputGradients: slot.inputGradients ?? null, thinned: ensemble, fraction: fraction() });
}

function tick() {
  if (!job) return;
  const started = performance.now();
  try {
    while (job && performance.now() - started < SLICE_MS) {
      while (job.slots.length < job.concurrent && job.next < job.runs.length) job.slots.push(openSlot(job.next++));
      if (job.slots.length === 0) { finishJob({}); return; }
      const slot = job.slots[job.turn % job.slots.length];
      if (slot.epoch >= slot.epochs) { closeSlot(slot, null); continue; }
      // The gradient probe reads the gradient of the very first step, so that step runs alone.
      const probe = job.inputGradients && slot.steps === 0;
      const n = probe ? 1 : Math.min(STEPS_PER_CHUNK, slot.left);
      const result = slot.run.step(n);
      if (probe && !result.diverged) slot.inputGradients = gradientByInput(slot.run);
      slot.left -= n;
      slot.steps += n;
      if (result.diverged) { closeSlot(slot, result.diverged); continue; }
      if (slot.left > 0) continue;
      slot.epoch += 1;
      slot.left = slot.stepsPerEpoch;
      job.doneEpochs += 1;
      job.turn += 1;  // runs take turns epoch by epoch
      if (job.record === 'epoch') {
        post(FROM_WORKER.JOB_PROGRESS, { id: job.id, run: slot.index, epoch: slot.epoch, steps: slot.steps, metrics: splitMetrics(slot.run.metrics(job.splits)), fraction: fraction() });
      }
      if (slot.epoch >= slot.epochs) closeSlot(slot, null);
    }
  } catch (error) {
    if (job) finishJob({ error: errorPayload(error) });
    return;
  }
  if (job) setTimeout(tick, 0);
}
