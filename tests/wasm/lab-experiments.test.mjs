// The activation lab: activation curves, the core's softmax and the init-histograms experiment.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeEachFlavor, engineFor, labImages } from './harness.mjs';
import { overfitSpec, OVERFIT_DEFAULTS } from '../../web/js/lab/specs.js';
import en from '../strings/en.mjs';

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

// The overfitting section's text (lab.overfit.intro3) quotes its default run: both regularisers
// narrow the gap, mostly by holding training accuracy down, and test accuracy ends lower than
// without them. One build suffices (the builds agree, see the other suites); it trains 3 x 600 steps.
describe('the overfitting experiment, as its text describes it', () => {
  it('narrows the gap with weight decay and dropout while test accuracy falls a few points', async () => {
    const engine = await engineFor('simd');
    const images = labImages();
    const final = {};
    for (const variant of ['plain', 'decay', 'dropout']) {
      const run = engine.createRun(overfitSpec(variant, OVERFIT_DEFAULTS), images);
      try {
        const stepsPerEpoch = Math.floor(run.metrics().train.count / OVERFIT_DEFAULTS.batch);
        run.step(stepsPerEpoch * OVERFIT_DEFAULTS.epochs);
        const m = run.metrics();
        final[variant] = { train: m.train.accuracy, test: m.test.accuracy, gap: m.train.accuracy - m.test.accuracy };
      } finally {
        run.delete();
      }
    }
    const text = JSON.stringify(final);
    assert.ok(final.plain.train >= 0.97 && Math.abs(final.plain.test - 0.727) < 0.03, text);
    for (const variant of ['decay', 'dropout']) {
      assert.ok(final[variant].gap < final.plain.gap - 0.05, `${variant} narrows the gap: ${text}`);
      assert.ok(final[variant].train < final.plain.train - 0.1, `${variant} holds training accuracy down: ${text}`);
      assert.ok(final[variant].test < final.plain.test - 0.03, `${variant} ends with lower test accuracy: ${text}`);
    }
    assert.ok(Math.abs(final.decay.train - 0.8) < 0.05, `decay fits about 80 % of its training images: ${text}`);
    const pct = (x) => (x * 100).toFixed(1);
    assert.ok(en['lab.overfit.intro3'].includes(`${pct(final.plain.test)} % without, ${pct(final.decay.test)} % with λ = 0.1, ${pct(final.dropout.test)} % with dropout 0.15`), text);
  });
});
