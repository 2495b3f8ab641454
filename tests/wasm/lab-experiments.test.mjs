// The activation lab: activation curves, the core's softmax and the init-histograms experiment.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor } from './harness.mjs';

const sum = (values) => values.reduce((a, b) => a + b, 0);

describeEachFlavor('the activation lab', (context) => {
  it('activationCurve gives f and f\' of sigmoid at evenly spaced points', () => {
    const curve = context.engine.activationCurve('sigmoid', 0, -4, 4, 9);
    assert.deepEqual(Array.from(curve.x), [-4, -3, -2, -1, 0, 1, 2, 3, 4]);
    curve.x.forEach((x, i) => {
      const s = 1 / (1 + Math.exp(-x));
      assert.ok(Math.abs(curve.value[i] - s) < 1e-6, `sigmoid(${x})`);
      assert.ok(Math.abs(curve.derivative[i] - s * (1 - s)) < 1e-6, `sigmoid'(${x})`);
    });
  });

  it('softmax stays finite for huge logits and sums to 1', () => {
    const p = context.engine.softmax([1000, 1010, 990]);
    assert.equal(p.length, 3);
    assert.ok(p.every(Number.isFinite));
    assert.ok(Math.abs(sum(p) - 1) < 1e-6);
    assert.ok(p[1] > 0.99);
  });

  it('initHistograms counts units * samples activations per layer', () => {
    const layers = context.engine.initHistograms({ activation: 'sigmoid', layers: 5, units: 100, samples: 1000 });
    assert.equal(layers.length, 5);
    for (const layer of layers) {
      assert.equal(sum(layer.counts), 100 * 1000);
      assert.ok(layer.min >= 0 && layer.max <= 1, 'sigmoid activations lie in [0, 1]');
      assert.ok(layer.saturated >= 0 && layer.saturated <= 1);
    }
    // N(0, 1) weights over 100 inputs saturate sigmoid: the classic picture of the lesson.
    assert.ok(layers[4].saturated > 0.5, `saturated share ${layers[4].saturated}`);
  });

  it('initHistograms rejects a bad setting naming it', () => {
    assert.throws(() => context.engine.initHistograms({ layers: 0 }), /layers/);
    assert.throws(() => context.engine.activationCurve('softmax', 0, -1, 1, 5), /softmax/);
  });
});
