// The Lab's worker: owns the engine, answers small computations (activation curves, softmax,
// init histograms) and trains the experiments' runs in short slices, posting metrics after every
// epoch. Between slices the event loop runs, so STOP and COMPUTE are handled within a few
// milliseconds even while a job trains. Started as a module worker from worker-client.js.

import { loadEngine } from '../engine.js';
import { TO_LAB, FROM_LAB } from './lab-protocol.js';
import { gradientByInput } from './input-gradients.js';
import { errorPayload } from '../engine-error.js';

const SLICE_MS = 30;         // training time before yielding to messages
const STEPS_PER_CHUNK = 10;  // an epoch is trained in chunks so one slice stays short on big splits
const IMAGE_FILES = { images: '../../data/fashion-mnist-images.idx', labels: '../../data/fashion-mnist-labels.idx' };

let engine = null;
const ready = loadEngine().then((loaded) => {
  engine = loaded;
  post(FROM_LAB.READY, { flavor: engine.flavor });
}).catch((error) => post(FROM_LAB.FATAL, { message: String(error?.message || error) }));

let images = null;  // Promise of { images, labels } (Uint8Arrays), fetched on first use and kept
let job = null;

function post(type, payload = {}) {
  self.postMessage({ type, ...payload });
}

self.onmessage = async (event) => {
  const message = event.data;
  await ready;
  if (!engine) return;
  switch (message.type) {
    case TO_LAB.COMPUTE: return compute(message);
    case TO_LAB.TRAIN: return startJob(message);
    case TO_LAB.STOP: if (job && job.id === message.id) finishJob({ stopped: true }); return undefined;
    default: return post(FROM_LAB.RESULT, { id: message.id, error: errorPayload(new Error(`unknown message type "${message.type}"`)) });
  }
};

function compute({ id, what, args }) {
  try {
    let result;
    if (what === 'curve') result = engine.activationCurve(args.name, args.alpha, args.xmin, args.xmax, args.points);
    else if (what === 'softmax') result = engine.softmax(args.logits);
    else if (what === 'histograms') result = engine.initHistograms(args);
    else throw new Error(`unknown computation "${what}"`);
    post(FROM_LAB.RESULT, { id, result });
  } catch (error) {
    post(FROM_LAB.RESULT, { id, error: errorPayload(error) });
  }
}

function loadImages() {
  images ??= Promise.all([IMAGE_FILES.images, IMAGE_FILES.labels].map(async (file) => {
    const response = await fetch(new URL(file, import.meta.url));
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  })).then(([imageBytes, labelBytes]) => ({ images: imageBytes, labels: labelBytes }))
    .catch((error) => { images = null; throw error; });  // a later job may retry
  return images;
}

async function startJob(message) {
  if (job) finishJob({ stopped: true });
  const current = {
    id: message.id, runs: message.runs, concurrent: Math.max(1, message.concurrent | 0),
    record: message.record ?? 'epoch', inputStats: Boolean(message.inputStats), inputGradients: Boolean(message.inputGradients),
    slots: [], next: 0, turn: 0, doneEpochs: 0,
    totalEpochs: message.runs.reduce((sum, r) => sum + r.epochs, 0), start: performance.now(),
  };
  job = current;
  try {
    if (message.runs.some((r) => r.images)) current.data = await loadImages();
  } catch (error) {
    if (job === current) finishJob({ error: { ...errorPayload(error), field: 'image data' } });
    return;
  }
  if (job !== current) return;  // replaced or stopped while the images loaded
  setTimeout(tick, 0);
}

// Frees every run of the job and reports how it ended.
function finishJob({ stopped = false, error = null }) {
  const ended = job;
  job = null;
  for (const slot of ended.slots) slot.run.delete();
  post(FROM_LAB.DONE, { id: ended.id, stopped, error, elapsedMs: performance.now() - ended.start });
}

function splitMetrics(m) {
  return { train: m.train, validation: m.validation, test: m.test };
}

function openSlot(index) {
  const entry = job.runs[index];
  const run = engine.createRun(entry.spec, entry.images ? job.data : null);
  const first = run.metrics();
  const batch = entry.spec.training?.batch_size ?? 10;
  // The engine drops the last incomplete batch (or uses the whole split when it is smaller than a batch).
  const stepsPerEpoch = Math.max(1, Math.floor(first.train.count / batch));
  const slot = { index, run, stepsPerEpoch, epoch: 0, epochs: entry.epochs, left: stepsPerEpoch, steps: 0 };
  if (job.record === 'epoch') post(FROM_LAB.PROGRESS, { id: job.id, run: index, epoch: 0, steps: 0, metrics: splitMetrics(first), fraction: fraction() });
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
  job.doneEpochs += slot.epochs - slot.epoch;  // a diverged run's remaining epochs count as done
  slot.run.delete();
  job.slots.splice(job.slots.indexOf(slot), 1);
  post(FROM_LAB.RUN_DONE, { id: job.id, run: slot.index, metrics, diverged, input, inputGradients: slot.inputGradients ?? null, fraction: fraction() });
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
        post(FROM_LAB.PROGRESS, { id: job.id, run: slot.index, epoch: slot.epoch, steps: slot.steps, metrics: splitMetrics(slot.run.metrics()), fraction: fraction() });
      }
      if (slot.epoch >= slot.epochs) closeSlot(slot, null);
    }
  } catch (error) {
    if (job) finishJob({ error: errorPayload(error) });
    return;
  }
  if (job) setTimeout(tick, 0);
}
