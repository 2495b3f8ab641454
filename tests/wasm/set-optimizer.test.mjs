// Changing the optimizer of a running run: new hyper-parameters, same run.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor, smallSpec, withRun } from './harness.mjs';

describeEachFlavor('setOptimizer mid-run', (context) => {
  it('changes the learning rate in the metrics and keeps the step count and weights', () => {
    withRun(context.engine, smallSpec(), (run) => {
      run.step(15);
      const weights = run.parameters(0)[0].values;
      const loss = run.metrics().train.loss;
      run.setOptimizer({ learning_rate: 0.002 });
      const metrics = run.metrics();
      assert.equal(metrics.learningRate, 0.002);
      assert.equal(metrics.step, 15);
      assert.equal(metrics.train.loss, loss, 'the weights are kept');
      assert.deepEqual(run.parameters(0)[0].values, weights);
      run.step(5);
      assert.equal(run.metrics().step, 20);
      assert.equal(run.metrics().learningRate, 0.002);
    });
  });

  it('switches the kind and keeps the other settings of a partial section', () => {
    withRun(context.engine, smallSpec(), (run) => {
      run.step(3);
      run.setOptimizer({ kind: 'adam' });
      assert.equal(run.metrics().learningRate, 0.05, 'the learning rate of the spec is kept');
      assert.equal(run.step(3).stepsDone, 3);
      assert.equal(run.metrics().step, 6);
    });
  });

  it('follows a schedule from the current step', () => {
    withRun(context.engine, smallSpec(), (run) => {
      run.step(10);
      run.setOptimizer({ schedule: { kind: 'step', step_size: 5, gamma: 0.5 } });
      // t = 10 steps taken: two halvings of 0.05
      assert.equal(run.metrics().learningRate, 0.0125);
    });
  });

  it('rejects bad values naming the field and leaves the optimizer unchanged', () => {
    withRun(context.engine, smallSpec(), (run) => {
      run.step(2);
      assert.throws(() => run.setOptimizer({ learning_rate: -1 }), /optimizer\.learning_rate/);
      assert.throws(() => run.setOptimizer({ kind: 'newton' }), /optimizer\.kind/);
      assert.throws(() => run.setOptimizer({ momentum: 0.9, typo: 1 }), /typo/);
      assert.equal(run.metrics().learningRate, 0.05);
      assert.equal(run.step(2).stepsDone, 2);
    });
  });
});
