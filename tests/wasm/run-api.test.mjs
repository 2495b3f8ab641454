// A run through the engine API: info, stepping, metrics, data and parameters.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor, smallSpec, withRun } from './harness.mjs';

describeEachFlavor('a training run', (context) => {
  it('describes its network in info()', () => {
    withRun(context.engine, smallSpec(), (run) => {
      const info = run.info();
      assert.equal(info.task, 'classification');
      assert.equal(info.classes, 3);
      assert.deepEqual(info.features, ['x1', 'x2']);
      assert.equal(info.batchSize, 10);
      assert.deepEqual(info.layers.map((l) => l.type), ['dense', 'activation', 'dense', 'activation', 'dense']);
      assert.deepEqual(info.layers.map((l) => l.units), [8, 8, 8, 8, 3]);
      // 2*8+8 + 8*8+8 + 8*3+3
      assert.equal(info.parameterCount, 123);
    });
  });

  it('scores only the splits asked for (the lab\'s charts), with the same numbers', () => {
    withRun(context.engine, smallSpec(), (run) => {
      run.step(20);
      const all = run.metrics();
      const some = run.metrics(['train', 'test']);
      assert.deepEqual(some.train, all.train);
      assert.deepEqual(some.test, all.test);
      assert.deepEqual(some.validation, { loss: null, accuracy: null, count: 30 });
      assert.equal(some.step, all.step);
      assert.deepEqual(run.metrics([]).train, { loss: null, accuracy: null, count: 140 });
      assert.throws(() => run.metrics(['training']), /unknown split "training"/);
      // Scoring is inference only: asking for fewer splits does not change what training does next.
      run.step(5);
      const next = run.metrics();
      withRun(context.engine, smallSpec(), (twin) => {
        twin.step(20);
        twin.metrics();
        twin.step(5);
        assert.deepEqual(twin.metrics(), next);
      });
    });
  });

  it('steps, counts steps and epochs, and reports finite metrics for every split', () => {
    withRun(context.engine, smallSpec(), (run) => {
      const before = run.metrics();
      assert.equal(before.step, 0);
      assert.equal(before.epoch, 0);
      assert.deepEqual(run.step(28), { stepsDone: 28, diverged: null });
      const after = run.metrics();
      assert.equal(after.step, 28);
      // 200 samples * 0.7 = 140 training examples; 28 steps of 10 = 2 epochs
      assert.equal(after.epoch, 2);
      assert.equal(after.learningRate, 0.05);
      assert.ok(Number.isFinite(after.batchLoss));
      for (const split of ['train', 'validation', 'test']) {
        assert.ok(Number.isFinite(after[split].loss), split);
        assert.ok(after[split].accuracy >= 0 && after[split].accuracy <= 1, split);
      }
      assert.deepEqual([after.train.count, after.validation.count, after.test.count], [140, 30, 30]);
      assert.ok(after.train.loss < before.train.loss, 'two epochs of SGD lower the training loss');
    });
  });

  it('step(0) does nothing and reading metrics does not change the run', () => {
    withRun(context.engine, smallSpec(), (run) => {
      run.step(5);
      assert.deepEqual(run.step(0), { stepsDone: 0, diverged: null });
      assert.deepEqual(run.metrics(), run.metrics());
      run.stats();
      assert.equal(run.metrics().step, 5);
    });
  });

  it('reports null accuracy for regression', () => {
    const spec = smallSpec({
      data: { kind: 'plane', samples: 100, standardize: true },
      layers: [{ type: 'dense', units: 4 }, { type: 'activation', fn: 'tanh' }, { type: 'dense', units: 1 }],
      loss: 'mse',
    });
    withRun(context.engine, spec, (run) => {
      assert.equal(run.info().task, 'regression');
      run.step(3);
      const metrics = run.metrics();
      assert.equal(metrics.train.accuracy, null);
      assert.ok(Number.isFinite(metrics.train.loss));
    });
  });

  it('returns every split of the data as raw 2-D points and targets', () => {
    withRun(context.engine, smallSpec(), (run) => {
      const data = run.data();
      assert.equal(data.task, 'classification');
      assert.equal(data.classes, 3);
      for (const [split, n] of [['train', 140], ['validation', 30], ['test', 30]]) {
        assert.ok(data[split].raw instanceof Float32Array);
        assert.equal(data[split].raw.length, 2 * n, split);
        assert.equal(data[split].targets.length, n, split);
        assert.ok(data[split].raw.every((x) => x >= -6 && x <= 6), `${split}: points lie in [-6, 6]^2`);
        assert.ok(data[split].targets.every((t) => Number.isInteger(t) && t >= 0 && t < 3), split);
      }
    });
  });

  it('lists parameters with their shapes and replaces one with setParameter', () => {
    withRun(context.engine, smallSpec(), (run) => {
      const parameters = run.parameters(0);
      assert.deepEqual(parameters.map((p) => [p.name, p.rows, p.cols]), [['W', 8, 2], ['b', 8, 1]]);
      assert.equal(parameters[0].values.length, 16);
      assert.deepEqual(run.parameters(1), [], 'an activation layer without parameters');

      const before = run.metrics().train.loss;
      run.setParameter(0, 'W', new Float32Array(16));  // all weights zero: the first layer outputs only its bias
      assert.deepEqual(Array.from(run.parameters(0)[0].values), new Array(16).fill(0));
      assert.notEqual(run.metrics().train.loss, before, 'metrics use the new weights');
      // What the API returns is a copy: changing it changes nothing inside the engine.
      run.parameters(0)[0].values.fill(7);
      assert.equal(run.parameters(0)[0].values[0], 0);
    });
  });

  it("gives each parameter's gradient of the last step: plain SGD moves W by exactly -lr * gradient", () => {
    const spec = smallSpec();
    spec.optimizer = { kind: 'sgd', learning_rate: 0.1 };
    withRun(context.engine, spec, (run) => {
      assert.equal(run.parameters(0)[0].gradient, undefined, 'gradients only when asked for');
      assert.ok(run.parameters(0, { gradients: true })[0].gradient.every((g) => g === 0), 'none before the first step');
      const before = run.parameters(0)[0].values;
      run.step(1);
      const { values: after, gradient } = run.parameters(0, { gradients: true })[0];
      assert.equal(gradient.length, before.length);
      assert.ok(gradient.some((g) => g !== 0));
      for (let i = 0; i < before.length; i++) {
        assert.ok(Math.abs(after[i] - (before[i] - 0.1 * gradient[i])) < 1e-6, `W[${i}]`);
      }
    });
  });
});
