// The messages between the page (main thread) and the training worker (worker.js).
// The worker owns the engine and the run; the page only sends commands and draws what comes back.
// Every message is a plain object { type, ...fields } (structured clone; typed arrays are transferred).
// `runId` is chosen by the page for each new run; the worker tags its replies with it so the page can
// drop late messages from a run it has already replaced.

// ---- page -> worker -------------------------------------------------------------------------------
export const TO_WORKER = {
  // { spec, runId, targetStep, view, changes }  Replace the current run with a new one built from `spec`
  // (docs/spec.md). The worker stays paused; if targetStep > 0 it trains straight to that step (a shared
  // link), then pauses. changes: [{ step, optimizer }] in step order (a link's mid-run optimizer changes):
  // each is applied with run.setOptimizer once the run has done exactly `step` steps, however it trains
  // (replay, PLAY, STEP); a SET_OPTIMIZER drops the ones not reached yet.
  CREATE: 'create',
  // { model, runId, view }  Replace the run with engine.importModel(model). On error the old run is kept.
  IMPORT: 'import',
  // {}  Start training in slices until PAUSE (or divergence).
  PLAY: 'play',
  // {}  Stop after the current slice. The worker answers with STATUS.
  PAUSE: 'pause',
  // { count }  Train exactly `count` steps (paused), then report.
  STEP: 'step',
  // { speed }  1..5; see STEPS_PER_SECOND in worker.js.
  SPEED: 'speed',
  // { optimizer, values }  run.setOptimizer(optimizer section): new hyper-parameters take effect at the
  // next step. values (the page's live settings) come back in OPTIMIZER_SET.
  SET_OPTIMIZER: 'setOptimizer',
  // { bounds, resolution, neuronResolution, neuronUnits, neuronOffsets, wantNeurons, blocks, focus }
  // (also sent inside CREATE/IMPORT). What to compute for the views: heatmap grid, per-neuron
  // thumbnails (`neuronUnits` units of each block output from unit neuronOffsets[b], 0 if absent: the
  // diagram's page of a wide layer), the weights between the units shown, and with focus
  // { block, unit } that unit's output at the heatmap resolution (the diagram's hovered unit).
  VIEW: 'view',
  // { runId, layer, row, col, value }  Set one weight W[row][col] of dense engine layer `layer` (the
  // diagram's weight editor), through run.setParameter; the worker then posts fresh metrics and grids.
  SET_WEIGHT: 'setWeight',
  // {}  Ask for run.exportModel(); answered by MODEL.
  EXPORT: 'export',
  // { function, start: [x, y], steps, runs: [{ name, optimizer }], resolution }  Optimizer-paths view.
  PATHS: 'paths',
};

// ---- worker -> page -------------------------------------------------------------------------------
export const FROM_WORKER = {
  // { flavor, testFunctions }  The engine is loaded (flavor: 'simd' | 'baseline').
  READY: 'ready',
  // { message }  The engine could not be loaded at all.
  FATAL: 'fatal',
  // { runId, info, data, spec, resumeNotice }  A new run exists (info = run.info(), data = run.data();
  // resumeNotice = run.resumeNotice: 'fresh-optimizer-state' for a version-1 model file, else null).
  CREATED: 'created',
  // { runId, context, message, error }  A command failed (bad spec, bad model ...). Nothing was replaced.
  // error: { code, field, params, message } (engine-error.js), worded by i18n/engine-errors.js.
  ERROR: 'error',
  // { runId, playing, targetStep }  Playing/paused changed (also after a target step was reached).
  STATUS: 'status',
  // { runId, step, values }  A SET_OPTIMIZER was applied when the run had done `step` steps (messages
  // are handled between training slices, so always at a step boundary); values echoed from it.
  OPTIMIZER_SET: 'optimizerSet',
  // { runId, metrics, history: [{ step, epoch, learningRate, trainLoss, trainAcc, validationLoss,
  //   validationAcc, testLoss, testAcc, penalty }], diverged }  New metrics since the last PROGRESS.
  // History points come at deterministic steps (history-steps.js), so two runs of the same spec give
  // identical curves whatever the playback speed.
  PROGRESS: 'progress',
  // { runId, step, stats }  run.stats(), throttled.
  STATS: 'stats',
  // { runId, step, grid: { resolution, outputs }, neurons: [Float32Array per block] | null,
  //   weights: [{ rows, cols, rowStart, colStart, values }] | null,
  //   unitField: { block, unit, values: Float32Array(resolution²) } | null }  Throttled view data.
  GRID: 'grid',
  // { runId, model }  The exported model object.
  MODEL: 'model',
  // { function, grid: Float32Array, resolution, window: {xmin,xmax,ymin,ymax}, paths: [{ name, points }] }
  PATHS: 'paths',
};
