// The run's life cycle on the page side: asks the worker for new runs when the network or the data
// change, forwards live hyper-parameter changes (setOptimizer, no reset), and turns worker
// messages into run state for the views. Late messages from a replaced run are dropped by runId.
// Each live change the worker acknowledges goes into the run's change log, so a copied link can
// replay it at the same step; a link's own changes are replayed by the worker in its first run.

import { TO_WORKER, FROM_WORKER } from './protocol.js';
import { buildSpec } from './state/spec.js';
import { needsNewRun, isLiveKey } from './state/settings.js';
import { runStart, liveUpdate, endsLinkReplay } from './state/changes.js';
import { PLANE } from './charts/field.js';
import { SHOWN, THUMB_RES } from './views/network.js';
import { startWorker } from './worker-bridge.js';
import { t } from './i18n/i18n.js';
import { describeEngineError } from './i18n/engine-errors.js';
import { DELAY_MS, debounced } from './scheduling.js';

// Heatmap resolution by network size: one grid is a forward pass over res² points.
function heatmapResolution(spec) {
  let weights = 0;
  let inputs = spec.data.features.length;
  for (const layer of spec.layers) if (layer.type === 'dense') { weights += inputs * layer.units; inputs = layer.units; }
  return weights > 100000 ? 32 : weights > 20000 ? 48 : 64;
}

// initialReplay: a link's { settings (the values in force at step 0), changes }, for the first run.
// worker: the started worker (worker-bridge.js) this run trains in: the page's own by default (the
// one sandbox-worker.js started early),
// compare mode's run B another. onProgress(): called as soon as new metrics arrived (the lockstep
// of compare mode reacts to them without waiting for a frame). neurons: whether the worker computes
// the per-unit thumbnails and weights (the network diagram's; compare mode's run B has no diagram).
export function createRunController({ store, runState, messages, views, initialStep = 0, initialReplay = null,
  worker: started = startWorker('sandbox'), onProgress = () => {}, neurons = true }) {
  let nextRunId = 1;
  let pending = null;          // { runId, task, blocks, settings, changeLog, importName?, play? }
  let lastGoodSettings = structuredClone(store.settings);
  let frame = 0;
  const dirty = new Set();

  const worker = started.connect({
    [FROM_WORKER.READY]: (m) => views.ready(m),
    [FROM_WORKER.FATAL]: (m) => messages.show('error', t('app.engineFailed', { detail: m.message }), 'engine'),
    [FROM_WORKER.CREATED]: created,
    [FROM_WORKER.ERROR]: failed,
    [FROM_WORKER.STATUS]: (m) => {
      if (m.runId !== runState.runId) return;
      runState.playing = m.playing; runState.targetStep = m.targetStep;
      redraw('runbar');
    },
    [FROM_WORKER.PROGRESS]: (m) => {
      if (m.runId !== runState.runId) return;
      if (m.metrics) { runState.metrics = m.metrics; runState.step = m.metrics.step ?? runState.step; }
      runState.appendHistory(m.history);
      if (m.history.length) runState.step = Math.max(runState.step, m.history[m.history.length - 1].step);
      if (m.diverged) { runState.diverged = m.diverged; runState.step = m.diverged.step ?? runState.step; }
      redraw('progress');
      onProgress();
    },
    [FROM_WORKER.OPTIMIZER_SET]: (m) => {
      if (m.runId !== runState.runId) return;
      runState.logOptimizerChange(m.step, m.values);
      // The run now has these values: a later failed new run must revert to them, not to the start's.
      lastGoodSettings = { ...lastGoodSettings, ...m.values };
    },
    [FROM_WORKER.STATS]: (m) => {
      if (m.runId !== runState.runId) return;
      runState.stats = m.stats;
      runState.appendGradients(m.step, m.stats);
      redraw('stats');
    },
    [FROM_WORKER.GRID]: (m) => { if (m.runId === runState.runId) views.grid(m); },
    [FROM_WORKER.MODEL]: (m) => views.modelReceived(m.model),
    [FROM_WORKER.PATHS]: (m) => views.pathsReceived(m),
    [FROM_WORKER.TRACE]: (m) => { if (m.runId === runState.runId) views.traceReceived(m); },
  });

  // Views redraw at most once per animation frame, however many messages arrived.
  function redraw(what) {
    dirty.add(what);
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      views.redraw(new Set(dirty));
      dirty.clear();
    });
  }

  // A new run starts with the first page of each layer and no unit in focus; the diagram changes
  // both through setView, which sends the whole view again.
  let view = null;
  function viewRequest(blocks, spec) {
    view = { bounds: PLANE, resolution: heatmapResolution(spec), neuronResolution: THUMB_RES, neuronUnits: SHOWN,
      neuronOffsets: blocks.map(() => 0), focus: null, wantNeurons: neurons, blocks };
    return view;
  }
  function setView(patch) {
    if (!view || !runState.task) return;
    view = { ...view, ...patch };
    worker.send(TO_WORKER.VIEW, view);
  }

  // With a link's replay the run starts from the link's step-0 values; the worker applies its
  // changes on the way to targetStep, which leaves the run with the current values (store.settings).
  function newRun(targetStep = 0, { keepPlaying = false, replay: from = null } = {}) {
    const { start, changes, log } = runStart(store.settings, from);
    const { spec, blocks, task } = buildSpec(start);
    const runId = nextRunId++;
    pending = { runId, task, blocks, settings: structuredClone(store.settings), play: keepPlaying && runState.playing, changeLog: log };
    worker.send(TO_WORKER.CREATE, { spec, runId, targetStep, view: viewRequest(blocks, spec), changes });
  }

  function importModel(model, settings, name) {
    const { blocks, task, spec } = buildSpec(settings);
    const runId = nextRunId++;
    pending = { runId, task, blocks, settings, importName: name, changeLog: runStart(settings).log };
    worker.send(TO_WORKER.IMPORT, { model, runId, view: viewRequest(blocks, spec) });
  }

  function created(m) {
    if (!pending || m.runId !== pending.runId) return;
    const { task, blocks, settings, importName, play, changeLog } = pending;
    pending = null;
    lastGoodSettings = settings;
    runState.reset(m, task, blocks, changeLog);
    if (importName) {
      store.set(settings, 'import');
      // A version-1 file has no optimizer state: say so and leave the note until the learner closes it.
      if (m.resumeNotice === 'fresh-optimizer-state') messages.show('info', t('export.loadedFresh', { name: importName }), 'upload');
      else messages.show('info', t('export.loaded', { name: importName }), 'upload', [], { timeout: 4000 });
    }
    messages.clear('spec');
    views.newRun();
    if (play) worker.send(TO_WORKER.PLAY);
  }

  function failed(m) {
    if (m.context === TO_WORKER.IMPORT) {
      pending = null;
      messages.show('error', t('export.badFile', { detail: describeEngineError(m.error) }), 'upload');
    } else if (m.context === TO_WORKER.CREATE) {
      // Keep the last good state: the settings go back to those of the run that still exists.
      pending = null;
      messages.show('error', t('msg.specError', { detail: describeEngineError(m.error) }), 'spec');
      store.set(lastGoodSettings, 'revert');
    } else {
      messages.show('error', t('msg.workerError', { detail: describeEngineError(m.error) }), `worker-${m.context}`);
    }
  }

  // A network or data change starts its new run DELAY_MS.newRun later, so that a burst of edits
  // (typing, dragging a slider) makes one run; a run that was playing goes on playing in the new
  // network. Play or Step inside that window must act on the new network, not on the old run about
  // to be replaced: they start it at once (keepPlaying: not after Step, which pauses).
  // Until the first run exists, a run asked for again keeps the link's step count.
  const nextTarget = () => (runState.task ? 0 : initialStep);
  const newRunLater = debounced(DELAY_MS.newRun, () => newRun(nextTarget(), { keepPlaying: true }));
  function flushReset(keepPlaying = true) {
    if (!newRunLater.pending) return;
    newRunLater.cancel();
    newRun(nextTarget(), { keepPlaying });
  }

  // Settings changes: the network or the data -> a new run; hyper-parameters -> live update.
  store.subscribe((keys, origin) => {
    if (origin === 'import' || origin === 'revert') return;
    // A preset is a fresh start even when it only differs in live settings. Before the first run
    // exists (it was asked for with the settings at load), any setting that shapes it asks for it
    // again, without the link's replay, which no longer describes the settings.
    if (keys.some(needsNewRun) || (keys.includes('preset') && store.settings.preset) || (!runState.task && endsLinkReplay(keys))) {
      newRunLater.schedule();
    } else if (keys.some(isLiveKey) && runState.task) {
      worker.send(TO_WORKER.SET_OPTIMIZER, liveUpdate(store.settings));
    }
  });
  const sendSpeed = () => worker.send(TO_WORKER.SPEED, { speed: store.settings.speed });
  store.subscribe(sendSpeed, ['speed']);
  sendSpeed();
  // The first run is asked for at once, not when the worker says READY: the worker keeps messages
  // until its engine has loaded (worker.js), so the run is built the moment the engine is, while
  // the page may still be building its views (a READY would wait for them to be answered).
  newRun(initialStep, { replay: initialReplay });

  return {
    play: () => { flushReset(); worker.send(TO_WORKER.PLAY); },
    // Pause or Step while a new run is on its way: it must not start playing when it arrives.
    pause: () => { if (pending) pending.play = false; worker.send(TO_WORKER.PAUSE); },
    step: () => { flushReset(false); if (pending) pending.play = false; worker.send(TO_WORKER.STEP, { count: 1 }); },
    reset: () => { newRunLater.cancel(); newRun(0); },
    requestModel: () => worker.send(TO_WORKER.EXPORT),
    importModel,
    requestPaths: (payload) => worker.send(TO_WORKER.PATHS, payload),
    requestTrace: (payload) => worker.send(TO_WORKER.TRACE, { runId: runState.runId, ...payload }),
    setView,
    // Compare mode's lockstep: a playing run waits at `step` (null: no limit; TO_WORKER.LIMIT).
    limit: (step) => worker.send(TO_WORKER.LIMIT, { step }),
    // One weight of the current run, set by hand in the diagram (layer: the engine's dense layer).
    setWeight: (layer, row, col, value) => worker.send(TO_WORKER.SET_WEIGHT, { runId: runState.runId, layer, row, col, value }),
  };
}
