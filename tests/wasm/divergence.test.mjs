// A run that blows up stops at the first non-finite number and says why.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor, smallSpec, withRun } from './harness.mjs';

// Raw 2-D regression targets on [-6, 6]^2 (not standardised) with the largest allowed learning rate.
const hugeLearningRate = smallSpec({
  data: { kind: 'plane', samples: 200, standardize: false },
  layers: [{ type: 'dense', units: 8 }, { type: 'activation', fn: 'relu' }, { type: 'dense', units: 1 }],
  loss: 'mse',
  optimizer: { kind: 'sgd', learning_rate: 10 },
});

// Each ReLU layer multiplies the scale by about std * sqrt(units / 2) = 100 * 5.7 (std 100 is the largest
// allowed): after 15 layers that is ~1e41, beyond float's 3.4e38.
const hugeInit = smallSpec({
  layers: [
    ...Array.from({ length: 15 }, () => [
      { type: 'dense', units: 64, weight_init: { kind: 'normal', std: 100 } },
      { type: 'activation', fn: 'relu' },
    ]).flat(),
    { type: 'dense', units: 3 },
  ],
});

describeEachFlavor('divergence', (context) => {
  function assertStopped(run, diverged) {
    assert.ok(diverged, 'the run reports that it diverged');
    assert.ok(diverged.step >= 1);
    assert.match(diverged.quantity, /^(loss|output|gradient)$/);
    assert.match(diverged.message, /learning rate|NaN|infinity|finite/);
    assert.equal(typeof diverged.layerName, 'string');
    assert.deepEqual(run.divergence(), diverged);
    // Later steps do nothing and keep the report.
    const stepsBefore = run.metrics().step;
    assert.deepEqual(run.step(10), { stepsDone: 0, diverged });
    assert.equal(run.metrics().step, stepsBefore);
  }

  it('learning rate 10 on unnormalised regression data diverges and stops stepping', () => {
    withRun(context.engine, hugeLearningRate, (run) => {
      const result = run.step(1000);
      assert.ok(result.stepsDone < 1000, `stopped early (ran ${result.stepsDone})`);
      assertStopped(run, result.diverged);
      assert.match(result.diverged.message, /learning rate/);
    });
  });

  it('a deep ReLU net with a huge initialisation diverges on its first step, naming the layer', () => {
    withRun(context.engine, hugeInit, (run) => {
      const result = run.step(5);
      assert.equal(result.stepsDone, 0);
      assertStopped(run, result.diverged);
      assert.equal(result.diverged.step, 1);
      assert.ok(result.diverged.layer >= 0 && result.diverged.layer < run.info().layers.length);
      assert.equal(result.diverged.layerName, run.info().layers[result.diverged.layer].name);
    });
  });

  it('statistics after an overflow count the non-finite values apart, with finite histogram ranges', () => {
    withRun(context.engine, hugeInit, (run) => {
      assert.ok(run.step(5).diverged);
      const { layers } = run.stats();
      const total = (h) => h.counts.reduce((a, b) => a + b, 0) + h.nonFinite;
      for (const layer of layers) {
        for (const h of [layer.output.histogram, layer.input.histogram]) {
          assert.ok(Number.isFinite(h.lo) && Number.isFinite(h.hi) && h.hi > h.lo, `${layer.name}: range ${h.lo}..${h.hi}`);
          assert.ok(h.nonFinite >= 0, layer.name);
        }
        // a layer's input is the previous layer's output: the same values, none lost to a bin index from NaN
        if (layer.index > 0) assert.equal(total(layer.input.histogram), total(layers[layer.index - 1].output.histogram), layer.name);
      }
      assert.ok(layers.some((layer) => layer.output.histogram.nonFinite > 0), 'the overflow shows as non-finite values');
    });
  });

  it('a healthy run reports no divergence', () => {
    withRun(context.engine, smallSpec(), (run) => {
      assert.equal(run.step(50).diverged, null);
      assert.equal(run.divergence(), null);
    });
  });
});
