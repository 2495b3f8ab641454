// The messages between a page (main thread) and the worker (worker.js, through worker-bridge.js).
// The worker owns the engine; the page only sends commands and draws what comes back. Every
// message is a plain object { type, ...fields } (structured clone; typed arrays are transferred).
// Two sets of handlers answer them (worker.js): the sandbox's, for one live run, and the lab's,
// for computations and batch jobs of many runs.
// Sandbox: `runId` is chosen by the page for each new run; the worker tags its replies with it so
// the page can drop late messages from a run it has already replaced.
// Lab: `id` is chosen by the bridge for each request or job and echoed in every reply to it.

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
  // { speed }  1..5; see STEPS_PER_SECOND in run-handlers.js.
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
  // { step }  Compare mode's lockstep (compare/lockstep.js): while playing, the run does not pass `step`
  // (null: no limit). On reaching it the worker posts PROGRESS at once and waits for a higher limit,
  // so two runs in two workers show the same step count. A link's replay (targetStep) ignores it.
  LIMIT: 'limit',
  // {}  Ask for run.exportModel(); answered by MODEL.
  EXPORT: 'export',
  // { runId, example, learningRate }  Trace one training example forward and backward, and one plain
  // SGD step on a copy (run.traceExample: the backprop stepper); answered by TRACE. The run is unchanged.
  TRACE: 'trace',
  // { function, start: [x, y], steps, runs: [{ name, optimizer }], resolution }  Optimizer-paths view.
  PATHS: 'paths',

  // ---- lab (lab/batch-jobs.js) ----
  // { id, what: 'curve' | 'softmax' | 'histograms', args }  One engine call; answered by RESULT.
  //   curve: { name, alpha, xmin, xmax, points } -> engine.activationCurve
  //   softmax: { logits } -> engine.softmax
  //   histograms: initHistograms config (docs/engine-api.md)
  COMPUTE: 'compute',
  // { images: Uint8Array, labels: Uint8Array }  The image data set's IDX files, read once by the page
  // and sent once to each worker (worker-pool.js); jobs with image runs train on them.
  IMAGES: 'images',
  // { id, runs: [{ spec, epochs, images: bool, index }], concurrent, record: 'epoch' | 'end',
  //   inputStats: bool, inputGradients: bool (the first step's gradient per input feature: see
  //   lab/input-gradients.js), splits: ['train' | 'validation' | 'test'] | null (the splits whose
  //   metrics JOB_PROGRESS carries, so an epoch scores only what the page's charts read; the others
  //   come with a null loss and accuracy. RUN_DONE always carries all three),
  //   thinned: { count, seed, split } | null (at a run's end, run.thinnedEnsemble(count, seed, split):
  //   dropout's thinned networks, lab/dropout-ensemble.js) }
  // Trains the runs in order, `concurrent` of them at a time taking turns one epoch each (so curves
  // that are compared grow together). `index` is the run's number in the page's whole job (a job
  // may be spread over several workers); replies name runs by it. A new TRAIN_JOB replaces the job
  // in progress (it ends as stopped).
  TRAIN_JOB: 'trainJob',
  // { id }  Stop the job with this id after the current slice.
  STOP_JOB: 'stopJob',
};

// ---- worker -> page -------------------------------------------------------------------------------
export const FROM_WORKER = {
  // { runId, step, trace }  run.traceExample's result for TRACE, at the run's step `step`.
  TRACE: 'trace',
  // { flavor, testFunctions }  The engine is loaded (flavor: 'simd' | 'baseline') and the handlers ready.
  READY: 'ready',
  // { message }  The engine could not be loaded at all.
  FATAL: 'fatal',
  // { runId, info, data, spec, resumeNotice }  A new run exists (info = run.info(), data = run.data();
  // resumeNotice = run.resumeNotice: 'fresh-optimizer-state' for a version-1 model file, else null).
  CREATED: 'created',
  // { runId | id, context, message, error }  A command failed (bad spec, bad model ...). Nothing was
  // replaced. Sandbox commands carry the run's runId, lab requests their id.
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

  // ---- lab ----
  // { id, result }  The answer to COMPUTE (a failed COMPUTE is answered by ERROR with its id).
  RESULT: 'result',
  // { id, run, epoch, steps, metrics: { train, validation, test } ({ loss, accuracy, count } each),
  //   fraction }  Metrics of run `run` after `epoch` epochs (epoch 0 = before training);
  //   fraction = share of the job's epochs done.
  JOB_PROGRESS: 'jobProgress',
  // { id, run, metrics, diverged, input, inputGradients, fraction }  Run `run` finished (or diverged:
  //   the engine's report); input = { mean, std, min, max } of the first layer's input when
  //   inputStats was asked for; inputGradients = [gradient norm of the first layer's weights per
  //   input feature, first step] or null; thinned = run.thinnedEnsemble(...) when the job asked for
  //   it and the run did not diverge, else null.
  RUN_DONE: 'runDone',
  // { id, stopped, elapsedMs, error? }  The job ended (all runs done, stopped, replaced or failed);
  //   error: { code, field, params, message } (engine-error.js).
  JOB_DONE: 'jobDone',
};
