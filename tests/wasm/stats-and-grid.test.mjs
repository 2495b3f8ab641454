// The packed layer statistics and grid outputs decode into sane numbers.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor, smallSpec, withRun } from './harness.mjs';

const sum = (values) => values.reduce((a, b) => a + b, 0);
const closeTo = (actual, expected, tolerance, what) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);
const BOUNDS = { xmin: -6, xmax: 6, ymin: -6, ymax: 6 };

describeEachFlavor('layer statistics', (context) => {
  const spec = smallSpec({ stats: { histogram_bins: 12 } });

  it('has one record per layer, in order, with the layer names of info()', () => {
    withRun(context.engine, spec, (run) => {
      run.step(20);
      const { layers } = run.stats();
      const info = run.info();
      assert.equal(layers.length, info.layers.length);
      layers.forEach((layer, i) => {
        assert.equal(layer.index, i);
        assert.equal(layer.name, info.layers[i].name);
        assert.equal(layer.units, info.layers[i].units);
      });
    });
  });

  it('activation histograms count every value of the first min(256, train) training examples', () => {
    withRun(context.engine, spec, (run) => {
      run.step(20);
      // The page's histograms are drawn from up to 256 training examples in inference mode, not the batch.
      const examples = Math.min(256, run.metrics().train.count);
      const shapes = run.info().layers;
      for (const layer of run.stats().layers) {
        assert.equal(layer.output.histogram.counts.length, 12);
        assert.equal(sum(layer.output.histogram.counts), layer.units * examples, `${layer.name} output`);
        assert.equal(sum(layer.input.histogram.counts), shapes[layer.index].inputs * examples, `${layer.name} input`);
        assert.ok(layer.output.min <= layer.output.mean && layer.output.mean <= layer.output.max, layer.name);
        assert.ok(layer.output.std >= 0, layer.name);
      }
    });
  });

  it('gives dense layers weight statistics and ReLU layers a dead fraction in [0, 1]', () => {
    withRun(context.engine, spec, (run) => {
      run.step(20);
      for (const layer of run.stats().layers) {
        if (layer.type === 'dense') {
          const weights = run.parameters(layer.index)[0].values.length;
          assert.equal(sum(layer.weights.counts), weights, `${layer.name} weight histogram`);
          assert.ok(layer.weightNorm > 0 && layer.weightGradNorm >= 0, layer.name);
          assert.ok(layer.updateRatio > 0, `${layer.name}: training moved the weights`);
        } else {
          assert.equal(layer.weights, null, layer.name);
          assert.equal(layer.weightNorm, null, layer.name);
        }
        if (layer.name === 'ReLU') assert.ok(layer.deadFraction >= 0 && layer.deadFraction <= 1, layer.name);
        if (layer.name === 'Tanh') {
          assert.equal(layer.deadFraction, null, 'only ReLU-family layers have dead units');
          assert.ok(layer.output.min >= -1 && layer.output.max <= 1, 'tanh outputs lie in [-1, 1]');
        }
        assert.ok(layer.inputGradNorm >= 0, layer.name);
      }
    });
  });

  it('are available before the first step and do not change the run', () => {
    withRun(context.engine, spec, (run) => {
      const metrics = run.metrics();
      const { layers } = run.stats();
      assert.equal(layers.length, 5);
      assert.deepEqual(run.metrics(), metrics);
    });
  });
});

describeEachFlavor('the 2-D grid', (context) => {
  it('gives softmax probabilities per point that lie in [0, 1] and sum to 1', () => {
    withRun(context.engine, smallSpec(), (run) => {
      run.step(10);
      const grid = run.grid(17, BOUNDS);
      assert.equal(grid.resolution, 17);
      assert.equal(grid.outputs.length, 17 * 17 * 3);
      assert.equal(grid.neurons, null);
      assert.ok(grid.outputs.every((p) => p >= 0 && p <= 1));
      for (let k = 0; k < 17 * 17; k++) closeTo(sum(grid.outputs.subarray(3 * k, 3 * k + 3)), 1, 1e-5, `point ${k}`);
    });
  });

  it('gives a sigmoid probability per point for binary cross-entropy', () => {
    const spec = smallSpec({
      data: { kind: 'circles', samples: 100 },
      layers: [{ type: 'dense', units: 4 }, { type: 'activation', fn: 'sigmoid' }, { type: 'dense', units: 1 }],
      loss: 'sigmoid_binary_cross_entropy',
    });
    withRun(context.engine, spec, (run) => {
      const grid = run.grid(9, BOUNDS);
      assert.equal(grid.outputs.length, 81);
      assert.ok(grid.outputs.every((p) => p >= 0 && p <= 1));
    });
  });

  it('returns each layer output unit by unit when asked for neurons', () => {
    withRun(context.engine, smallSpec(), (run) => {
      const resolution = 20;  // 400 points: more than one evaluation chunk of 256
      const grid = run.grid(resolution, BOUNDS, true);
      assert.deepEqual(grid.neurons.map((n) => n.length), run.info().layers.map((l) => l.units * resolution ** 2));
      const tanh = grid.neurons[1];
      assert.ok(tanh.every((v) => v >= -1 && v <= 1));
      const relu = grid.neurons[3];
      assert.ok(relu.every((v) => v >= 0));
      // The last layer's units are the logits behind the probabilities: softmax them back.
      const logits = grid.neurons[4];
      const points = resolution ** 2;
      for (const k of [0, 211, points - 1]) {
        const z = [0, 1, 2].map((u) => logits[u * points + k]);
        const m = Math.max(...z);
        const e = z.map((v) => Math.exp(v - m));
        e.forEach((v, u) => closeTo(v / sum(e), grid.outputs[3 * k + u], 1e-5, `point ${k} class ${u}`));
      }
    });
  });

  it('rejects a bad resolution with a message and stays usable', () => {
    withRun(context.engine, smallSpec(), (run) => {
      assert.throws(() => run.grid(1, BOUNDS), /resolution/);
      assert.equal(run.grid(2, BOUNDS).outputs.length, 12);
    });
  });
});
