// The messages between the Lab page and its worker (lab-worker.js). The worker owns the engine;
// the page asks for small computations (answered at once) and for training jobs (answered with
// progress as they train). Every message is a plain object { type, id, ...fields }; `id` is chosen
// by the page and echoed back so late replies of a replaced job can be told apart.

// ---- page -> worker -------------------------------------------------------------------------------
export const TO_LAB = {
  // { id, what: 'curve' | 'softmax' | 'histograms', args }  One engine call; answered by RESULT.
  //   curve: { name, alpha, xmin, xmax, points } -> engine.activationCurve
  //   softmax: { logits } -> engine.softmax
  //   histograms: initHistograms config (docs/engine-api.md)
  COMPUTE: 'compute',
  // { id, runs: [{ spec, epochs, images: bool }], concurrent, record: 'epoch' | 'end', inputStats: bool,
  //   inputGradients: bool (the first step's gradient per input feature: see input-gradients.js) }
  // Trains the runs in order, `concurrent` of them at a time taking turns one epoch each (so curves
  // that are compared grow together). A new TRAIN replaces the job in progress (it ends as stopped).
  TRAIN: 'train',
  // { id }  Stop the job with this id after the current slice.
  STOP: 'stop',
};

// ---- worker -> page -------------------------------------------------------------------------------
export const FROM_LAB = {
  // { flavor }  The engine is loaded.
  READY: 'ready',
  // { message }  The engine could not be loaded.
  FATAL: 'fatal',
  // { id, result }  | { id, error }  The answer to COMPUTE (error: { code, field, params, message }, ../engine-error.js).
  RESULT: 'result',
  // { id, run, epoch, steps, metrics: { train, validation, test } ({ loss, accuracy, count } each),
  //   fraction }  Metrics of run `run` after `epoch` epochs (epoch 0 = before training);
  //   fraction = share of the job's epochs done.
  PROGRESS: 'progress',
  // { id, run, metrics, diverged, input }  Run `run` finished (or diverged: the engine's report);
  //   input = { mean, std, min, max } of the first layer's input when inputStats was asked for;
  //   inputGradients = [gradient norm of the first layer's weights per input feature, first step] or null.
  RUN_DONE: 'runDone',
  // { id, stopped, elapsedMs, error? }  The job ended (all runs done, stopped, replaced or failed); error as above.
  DONE: 'done',
};
