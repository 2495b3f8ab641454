// run.metrics() and run.stats() arrive as packed number records; engine.js decodes them by the
// layout the module exports (engine.packedLayout(), src/run/packed_records.h). Every decoded field
// is checked here against a value known without the records: counted from the data, computed from
// the weights, or set by the spec. A field read from the wrong offset gets another field's value.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor, smallSpec, withRun } from './harness.mjs';

const closeTo = (actual, expected, what, tolerance = 1e-4 * Math.max(1, Math.abs(expected))) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);
const sum = (values) => values.reduce((a, b) => a + b, 0);

// An L2 penalty makes metrics.penalty non-zero; the plain x1, x2 features make the first layer's
// input exactly the raw training points.
const L2 = 0.01;
const LEARNING_RATE = 0.05;
const spec = smallSpec({
  optimizer: { kind: 'sgd', learning_rate: LEARNING_RATE, l2: L2 },
  stats: { histogram_bins: 12, histogram_range: 'auto' },
});
const STEPS = 7;

describeEachFlavor('packed records', (context) => {
  it('the layout names every field of both records, each at its own offset', () => {
    const { metrics, stats } = context.engine.packedLayout();
    const metricOffsets = ['step', 'epoch', 'learning_rate', 'batch_loss', 'penalty']
      .map((key) => metrics[key])
      .concat(['train', 'validation', 'test'].flatMap((split) => Object.values(metrics.split).map((k) => metrics[split] + k)));
    assert.equal(new Set(metricOffsets).size, metricOffsets.length, 'no two metrics share an offset');
    assert.equal(Math.max(...metricOffsets) + 1, metrics.fields);
    const statOffsets = Object.entries(stats)
      .filter(([key]) => !['header_fields', 'histograms', 'summary', 'output', 'input'].includes(key))
      .map(([, offset]) => offset)
      .concat(['output', 'input'].flatMap((which) => Object.values(stats.summary).map((k) => stats[which] + k)));
    assert.equal(new Set(statOffsets).size, statOffsets.length, 'no two statistics share an offset');
    assert.equal(Math.max(...statOffsets) + 1, stats.header_fields);
  });

  it('decodes the metrics into the values the run is known to have', () => {
    withRun(context.engine, spec, (run) => {
      run.step(STEPS);
      const m = run.metrics();
      const data = run.data();
      const train = data.train.targets.length;
      assert.equal(m.step, STEPS);
      closeTo(m.epoch, (STEPS * spec.training.batch_size) / train, 'epoch');
      closeTo(m.learningRate, LEARNING_RATE, 'learning rate');
      assert.equal(m.train.count, train);
      assert.equal(m.validation.count, data.validation.targets.length);
      assert.equal(m.test.count, data.test.targets.length);
      assert.notEqual(m.train.count, m.test.count, 'the splits differ in size, so a swapped count shows');
      // The penalty of the current weights: l2/2 * |W|^2 over the dense layers' weight matrices.
      let squares = 0;
      run.info().layers.forEach((layer) => {
        if (layer.type === 'dense') squares += sum([...run.parameters(layer.index)[0].values].map((w) => w * w));
      });
      closeTo(m.penalty, (L2 / 2) * squares, 'penalty');
      for (const split of ['train', 'validation', 'test']) {
        assert.ok(Number.isFinite(m[split].loss) && m[split].loss > 0, `${split} loss`);
        assert.ok(m[split].accuracy >= 0 && m[split].accuracy <= 1, `${split} accuracy`);
      }
      assert.ok(Number.isFinite(m.batchLoss) && m.batchLoss > 0, 'batch loss');
    });
  });

  it('decodes the layer statistics into the values the data and the weights give', () => {
    withRun(context.engine, spec, (run) => {
      run.step(STEPS);
      const { layers } = run.stats();
      const info = run.info();
      assert.equal(layers.length, info.layers.length);

      // The first layer's input: the raw 2-D points of the first min(256, train) training examples.
      const raw = run.data().train.raw;
      const sample = raw.slice(0, 2 * Math.min(256, raw.length / 2));
      const mean = sum(sample) / sample.length;
      const input = layers[0].input;
      closeTo(input.mean, mean, 'input mean');
      closeTo(input.std, Math.sqrt(sum([...sample].map((x) => x * x)) / sample.length - mean * mean), 'input std');
      closeTo(input.min, Math.min(...sample), 'input min');
      closeTo(input.max, Math.max(...sample), 'input max');
      closeTo(input.histogram.lo, input.min, 'automatic range starts at the minimum');
      closeTo(input.histogram.hi, input.max, 'automatic range ends at the maximum');

      layers.forEach((layer, i) => {
        assert.equal(layer.index, i);
        assert.equal(layer.units, info.layers[i].units);
        assert.equal(layer.output.histogram.nonFinite, 0, `${layer.name} output non-finite`);
        assert.equal(layer.input.histogram.nonFinite, 0, `${layer.name} input non-finite`);
        assert.ok(Number.isFinite(layer.inputGradNorm) && layer.inputGradNorm > 0, `${layer.name} input gradient norm`);
        // Each layer's input is the previous layer's output.
        if (i > 0) {
          for (const key of ['mean', 'std', 'min', 'max']) closeTo(layer.input[key], layers[i - 1].output[key], `${layer.name} input ${key}`);
        }
        if (layer.type === 'dense') {
          const weights = [...run.parameters(i)[0].values];
          closeTo(layer.weightNorm, Math.sqrt(sum(weights.map((w) => w * w))), `${layer.name} weight norm`);
          closeTo(layer.weights.lo, Math.min(...weights), `${layer.name} weight histogram start`);
          closeTo(layer.weights.hi, Math.max(...weights), `${layer.name} weight histogram end`);
          assert.equal(sum(layer.weights.counts), weights.length);
          assert.equal(layer.weights.nonFinite, 0);
          assert.ok(layer.weightGradNorm > 0 && layer.updateRatio > 0, `${layer.name} gradient and update`);
          assert.equal(layer.deadFraction, null, 'dense layers have no dead units');
          assert.equal(layer.negativeFraction, null);
        } else {
          assert.equal(layer.weights, null);
          assert.equal(layer.weightNorm, null);
          assert.equal(layer.weightGradNorm, null);
          assert.equal(layer.updateRatio, null);
        }
      });
      const relu = layers.find((layer) => layer.name === 'ReLU');
      assert.ok(relu.deadFraction >= 0 && relu.deadFraction <= relu.negativeFraction && relu.negativeFraction <= 1,
        'dead units are a subset of the units in the negative regime');
      assert.ok(relu.output.min >= 0, 'ReLU outputs are not negative');
    });
  });
});
