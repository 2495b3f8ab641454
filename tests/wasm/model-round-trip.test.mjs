// exportModel / importModel: a saved model evaluates exactly like the run it came from.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor, smallSpec, withRun } from './harness.mjs';

// BatchNorm adds state (running mean/variance) that must travel with the weights.
const spec = smallSpec({
  data: { kind: 'spiral', samples: 200, classes: 3, seed: 3, standardize: true },
  layers: [
    { type: 'dense', units: 8 },
    { type: 'batchnorm' },
    { type: 'activation', fn: 'prelu' },
    { type: 'dense', units: 3 },
  ],
});

const splitsOf = ({ train, validation, test }) => ({ train, validation, test });

describeEachFlavor('a saved model', (context) => {
  it('imports into a run with identical split metrics, parameters and grid', () => {
    withRun(context.engine, spec, (original) => {
      original.step(40);
      const model = original.exportModel();
      assert.equal(model.format, 'nnsandbox-model');
      assert.equal(model.version, 2);
      // Through JSON text, as a downloaded file would travel.
      const copy = context.engine.importModel(JSON.stringify(model));
      try {
        assert.deepEqual(splitsOf(copy.metrics()), splitsOf(original.metrics()));
        assert.equal(copy.metrics().step, 40, 'the imported run continues at the saved step count');
        for (const layer of [0, 1, 2, 3]) assert.deepEqual(copy.parameters(layer), original.parameters(layer));
        const bounds = { xmin: -6, xmax: 6, ymin: -6, ymax: 6 };
        assert.deepEqual(copy.grid(8, bounds).outputs, original.grid(8, bounds).outputs);
        assert.deepEqual(copy.exportModel().parameters, model.parameters);
        assert.deepEqual(copy.exportModel().state, model.state);
        assert.equal(copy.step(5).stepsDone, 5, 'an imported model trains on');
      } finally {
        copy.delete();
      }
    });
  });

  it('accepts the model as an object too', () => {
    withRun(context.engine, spec, (original) => {
      const copy = context.engine.importModel(original.exportModel());
      assert.deepEqual(splitsOf(copy.metrics()), splitsOf(original.metrics()));
      copy.delete();
    });
  });
});

// Train N steps, save, load, train M more: bit-identical to N + M steps without the break, for every
// optimizer and schedule, with dropout (its masks' generator travels in the file) and BatchNorm.
// Before model format 2 the loaded run restarted the schedule, the optimizer state and the batch
// order (issue 7, item 2).
const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'];
const SCHEDULES = [
  { kind: 'constant' },
  { kind: 'step', step_size: 7, gamma: 0.5 },
  { kind: 'exponential', gamma: 0.5, decay_steps: 10 },
  { kind: 'cosine', total_steps: 30, min_learning_rate: 0.001 },
];
const resumeSpec = (optimizer, schedule) => smallSpec({
  data: { kind: 'spiral', samples: 60, classes: 3, seed: 3, standardize: true },
  layers: [
    { type: 'dense', units: 8 },
    { type: 'batchnorm' },
    { type: 'activation', fn: 'relu' },
    { type: 'dropout', rate: 0.3 },
    { type: 'dense', units: 3 },
  ],
  // Batches of 8 from 42 training examples: the break falls mid-epoch, and an epoch ends (reshuffle) after it.
  training: { batch_size: 8, seed: 5 },
  optimizer: { kind: optimizer, learning_rate: optimizer === 'sgd' || optimizer === 'adagrad' ? 0.1 : 0.01, l2: 0.001, schedule },
});
const allParameters = (run) => [0, 1, 4].flatMap((layer) => run.parameters(layer).map((p) => Array.from(p.values)));

describeEachFlavor('a saved run continues exactly', (context) => {
  for (const optimizer of OPTIMIZERS) {
    it(`${optimizer}: 13 steps, save, load, 17 more equals 30 steps, under every schedule`, () => {
      for (const schedule of SCHEDULES) {
        const resumable = resumeSpec(optimizer, schedule);
        withRun(context.engine, resumable, (straight) => {
          straight.step(30);
          withRun(context.engine, resumable, (first) => {
            first.step(13);
            const loaded = context.engine.importModel(JSON.stringify(first.exportModel()));
            try {
              assert.equal(loaded.resumeNotice, null, 'a format-2 file restores everything');
              assert.equal(loaded.metrics().learningRate, first.metrics().learningRate, `${schedule.kind}: the schedule continues`);
              loaded.step(17);
              assert.deepEqual(allParameters(loaded), allParameters(straight), `${schedule.kind}: parameters`);
              assert.deepEqual(loaded.metrics(), straight.metrics(), `${schedule.kind}: metrics`);
              assert.deepEqual(loaded.exportModel(), straight.exportModel(), `${schedule.kind}: the whole saved run`);
            } finally {
              loaded.delete();
            }
          });
        });
      }
    });
  }

  it('loads a format-1 file (no training state) with a notice that the optimizer state starts fresh', () => {
    withRun(context.engine, resumeSpec('adam', { kind: 'cosine', total_steps: 30 }), (original) => {
      original.step(13);
      const model = original.exportModel();
      const old = { ...model, version: 1 };
      delete old.resume;
      const loaded = context.engine.importModel(old);
      try {
        assert.equal(loaded.resumeNotice, 'fresh-optimizer-state');
        assert.equal(loaded.metrics().step, 13);
        assert.equal(loaded.metrics().learningRate, original.metrics().learningRate, 'the schedule continues from trained_steps');
        assert.deepEqual(allParameters(loaded), allParameters(original));
        assert.equal(loaded.step(3).stepsDone, 3);
      } finally {
        loaded.delete();
      }
    });
  });
});
