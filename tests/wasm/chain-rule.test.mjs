// The chain rule made visible (issue 10): the engine's mean |f'(z)| statistic, the chain-rule
// view's products on the deep presets, and the backprop stepper's trace, each checked against an
// independent double-precision computation in JS and against the engine's own training step.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor, withRun } from './harness.mjs';
import { presetSettings } from '../../web/js/lessons/preset-settings.js';
import { buildSpec } from '../../web/js/state/spec.js';
import { chainFactors } from '../../web/js/state/chain-factors.js';

const closeTo = (actual, expected, what, relative = 1e-4, absolute = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= absolute + relative * Math.abs(expected),
    `${what}: ${actual} is not within ${relative} (relative) of ${expected}`);

const FUNCTIONS = {
  sigmoid: { f: (z) => 1 / (1 + Math.exp(-z)), d: (z) => { const s = 1 / (1 + Math.exp(-z)); return s * (1 - s); } },
  tanh: { f: Math.tanh, d: (z) => 1 - Math.tanh(z) ** 2 },
  relu: { f: (z) => Math.max(0, z), d: (z) => (z > 0 ? 1 : 0) },
};

// A dense layer's W as rows (the engine stores it column-major) and b, in double.
function denseParameters(run, layer) {
  const [W, b] = run.parameters(layer);
  const rows = Array.from({ length: W.rows }, (_, r) => Array.from({ length: W.cols }, (_c, c) => W.values[c * W.rows + r]));
  return { W: rows, b: [...b.values] };
}
const affine = ({ W, b }, x) => W.map((row, r) => row.reduce((sum, w, c) => sum + w * x[c], b[r]));

// The chain-rule rows of a preset after `steps` steps, with the stats they came from.
function presetChain(engine, id, steps) {
  const { spec, blocks } = buildSpec(presetSettings(id));
  return withRun(engine, spec, (run) => {
    run.step(steps);
    const stats = run.stats();
    return { stats, blocks, ...chainFactors(blocks, stats.layers) };
  });
}

describeEachFlavor('the chain rule, visible', (context) => {
  it('mean |f\'(z)| and its histogram describe the statistics sample, computed again here from the weights', () => {
    for (const fn of ['sigmoid', 'tanh', 'relu']) {
      const spec = {
        data: { kind: 'circles', samples: 300, seed: 2, standardize: false },
        layers: [{ type: 'dense', units: 5 }, { type: 'activation', fn }, { type: 'dense', units: 2 }],
        loss: 'softmax_cross_entropy', optimizer: { kind: 'sgd', learning_rate: 0.1 }, training: { batch_size: 10 },
        stats: { histogram_bins: 16, histogram_range: 'auto' },
      };
      withRun(context.engine, spec, (run) => {
        run.step(3);
        const layer = run.stats().layers[1];
        const raw = run.data().train.raw;  // features x1, x2, not standardised: the network's input
        const count = Math.min(256, raw.length / 2);
        const dense = denseParameters(run, 0);
        let sum = 0;
        let squares = 0;
        for (let k = 0; k < count; k++) {
          for (const z of affine(dense, [raw[2 * k], raw[2 * k + 1]])) {
            sum += Math.abs(FUNCTIONS[fn].d(z));
            squares += FUNCTIONS[fn].d(z) ** 2;
          }
        }
        closeTo(layer.derivativeMean, sum / (5 * count), `${fn} mean |f'|`);
        closeTo(layer.derivativeRms, Math.sqrt(squares / (5 * count)), `${fn} rms f'`);
        assert.equal(layer.derivative.counts.reduce((a, b) => a + b, 0), 5 * count, `${fn}: every value binned`);
        assert.equal(layer.derivative.counts.length, 16);
        assert.ok(layer.derivative.lo <= 0, `${fn}: the histogram starts at 0 or below`);
        assert.equal(run.stats().layers[0].derivativeMean, null, 'a dense layer has no f\'');
      });
    }
  });

  it('deep sigmoid: nine f\' factors of at most 0.25 multiply to about 1e-6, and the measured gradient shrinks as well', () => {
    const { rows } = presetChain(context.engine, 'deep-sigmoid', 0);
    const hidden = rows.filter((r) => !r.isHead);
    assert.equal(hidden.length, 9);
    for (const r of hidden) assert.ok(r.derivativeMean > 0 && r.derivativeMean <= 0.25, `mean |f'| ${r.derivativeMean}`);
    const bottom = hidden[hidden.length - 1];
    assert.ok(bottom.derivativeProduct < 1e-5, `product of f' ${bottom.derivativeProduct}`);
    assert.ok(bottom.measured < 1e-4, `measured ratio ${bottom.measured}`);
    // The estimate (rms f' and ‖W‖/√n) has the measurement's order of magnitude, within a factor 10.
    assert.ok(Math.abs(Math.log10(bottom.estimate / bottom.measured)) < 1, `estimate ${bottom.estimate} vs measured ${bottom.measured}`);
  });

  it('deep ReLU: the measured gradient keeps its size on the way down, far from the sigmoid net\'s', () => {
    const relu = presetChain(context.engine, 'deep-relu', 0).rows.filter((r) => !r.isHead);
    const sigmoid = presetChain(context.engine, 'deep-sigmoid', 0).rows.filter((r) => !r.isHead);
    const bottom = relu[relu.length - 1];
    assert.ok(bottom.measured > 0.1 && bottom.measured < 10, `relu measured ratio ${bottom.measured}`);
    assert.ok(bottom.estimate > 0.1 && bottom.estimate < 10, `relu estimate ${bottom.estimate}`);
    assert.ok(Math.abs(Math.log10(bottom.estimate / bottom.measured)) < 1, `estimate ${bottom.estimate} vs measured ${bottom.measured}`);
    assert.ok(bottom.measured > 1000 * sigmoid[sigmoid.length - 1].measured);
    // ReLU's f' is 1 on the open units, so its mean is the open share: about a half, twice sigmoid's best.
    for (const r of relu) assert.ok(r.derivativeMean > 0.25 && r.derivativeMean < 0.8, `relu mean |f'| ${r.derivativeMean}`);
    assert.ok(bottom.derivativeProduct > 100 * sigmoid[sigmoid.length - 1].derivativeProduct);
  });

  it('the view\'s rows are the engine\'s statistics: each factor is the stat of its layer', () => {
    const { rows, stats, blocks } = presetChain(context.engine, 'deep-sigmoid', 5);
    for (const r of rows.filter((row) => !row.isHead)) {
      const activation = stats.layers[blocks[r.block].activation];
      const dense = stats.layers[blocks[r.block].dense];
      assert.equal(r.derivativeMean, activation.derivativeMean);
      assert.equal(r.derivativeRms, activation.derivativeRms);
      assert.equal(r.weightNorm, dense.weightNorm);
      assert.equal(r.weightGradNorm, dense.weightGradNorm);
    }
  });
});

// ---- the backprop stepper --------------------------------------------------------------------------

// Forward and backward in double precision, from the run's parameters, for a net of dense layers and
// element-wise activations ending in a fused cross-entropy: { z, a per layer, dz, dW, db }.
function backpropInJs(run, info, x, target) {
  const outputs = [x];
  for (const layer of info.layers) {
    const input = outputs[outputs.length - 1];
    outputs.push(layer.type === 'dense' ? affine(denseParameters(run, layer.index), input) : input.map(FUNCTIONS[layer.fn].f));
  }
  const logits = outputs[outputs.length - 1];
  let predictions;
  let grad;
  if (info.loss === 'sigmoid_binary_cross_entropy') {
    predictions = [FUNCTIONS.sigmoid.f(logits[0])];
    grad = [predictions[0] - target];
  } else {
    const max = Math.max(...logits);
    const e = logits.map((z) => Math.exp(z - max));
    const total = e.reduce((a, b) => a + b, 0);
    predictions = e.map((v) => v / total);
    grad = predictions.map((p, k) => p - (k === target ? 1 : 0));
  }
  const result = { predictions, layers: [] };
  for (let i = info.layers.length - 1; i >= 0; i--) {
    const layer = info.layers[i];
    const input = outputs[i];
    const entry = { dOutput: grad };
    if (layer.type === 'dense') {
      const { W } = denseParameters(run, i);
      entry.dWeights = grad.map((g) => input.map((v) => g * v));
      entry.dBias = [...grad];
      grad = input.map((_, c) => W.reduce((sum, row, r) => sum + row[c] * grad[r], 0));
    } else {
      grad = grad.map((g, u) => g * FUNCTIONS[layer.fn].d(input[u]));
    }
    entry.dInput = grad;
    entry.output = outputs[i + 1];
    result.layers[i] = entry;
  }
  return result;
}

const NET_221 = {
  data: { kind: 'xor', samples: 40, noise: 0.05, seed: 4, standardize: false },
  layers: [{ type: 'dense', units: 2 }, { type: 'activation', fn: 'tanh' }, { type: 'dense', units: 1 }],
  loss: 'sigmoid_binary_cross_entropy', optimizer: { kind: 'sgd', learning_rate: 0.5 }, training: { batch_size: 1, seed: 9 },
};
const NET_2332 = {
  data: { kind: 'circles', samples: 60, seed: 5, standardize: false },
  layers: [{ type: 'dense', units: 3 }, { type: 'activation', fn: 'relu' }, { type: 'dense', units: 3 },
    { type: 'activation', fn: 'sigmoid' }, { type: 'dense', units: 2 }],
  loss: 'softmax_cross_entropy', optimizer: { kind: 'sgd', learning_rate: 0.3 }, training: { batch_size: 1, seed: 2 },
};

function compareVectors(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  actual.forEach((v, k) => closeTo(v, expected[k], `${what}[${k}]`));
}

describeEachFlavor('the backprop stepper\'s trace', (context) => {
  it('matches an independent double-precision forward and backward pass in JS, example by example', () => {
    for (const spec of [NET_221, NET_2332]) {
      withRun(context.engine, spec, (run) => {
        run.step(4);
        const info = run.info();
        const raw = run.data().train.raw;
        const targets = run.data().train.targets;
        for (const example of [0, 3, 7]) {
          const trace = run.traceExample(example, 0.5);
          const x = [raw[2 * example], raw[2 * example + 1]];
          compareVectors(trace.input, x, 'x');
          assert.equal(trace.target[0], targets[example]);
          const expected = backpropInJs(run, info, x, targets[example]);
          compareVectors(trace.predictions, expected.predictions, 'predictions');
          trace.layers.forEach((layer, i) => {
            const want = expected.layers[i];
            compareVectors(layer.output, want.output, `layer ${i} output`);
            compareVectors(layer.dOutput, want.dOutput, `layer ${i} dL/doutput`);
            compareVectors(layer.dInput, want.dInput, `layer ${i} dL/dinput`);
            if (layer.type === 'dense') {
              layer.dWeights.forEach((row, r) => compareVectors(row, want.dWeights[r], `layer ${i} dW row ${r}`));
              compareVectors(layer.dBias, want.dBias, `layer ${i} db`);
              // The update shown is W - lr dW, and the weights before it are the run's.
              const { W } = denseParameters(run, i);
              layer.weights.forEach((row, r) => compareVectors(row, W[r], `layer ${i} W row ${r}`));
              layer.weightsAfter.forEach((row, r) => compareVectors(row, W[r].map((w, c) => w - 0.5 * layer.dWeights[r][c]), `layer ${i} W after`));
            }
          });
          assert.ok(Number.isFinite(trace.lossAfter));
        }
      });
    }
  });

  it('gives the very gradient the engine\'s own batch-1 SGD step uses, and that step moves W by -lr dW', () => {
    withRun(context.engine, NET_221, (run) => {
      run.step(2);
      const count = run.data().train.targets.length;
      const traces = Array.from({ length: count }, (_, k) => run.traceExample(k, 0.5));
      const before = run.parameters(0)[0].values;
      run.step(1);  // one example, the next of the run's shuffled order
      const [W] = run.parameters(0, { gradients: true });
      // Which example did the step take? The one whose traced dW equals the step's gradient.
      const dWColumnMajor = (trace) => trace.layers[0].dWeights[0].map((_, c) => trace.layers[0].dWeights.map((row) => row[c])).flat();
      const matches = traces.filter((trace) => dWColumnMajor(trace).every((g, k) => Math.abs(g - W.gradient[k]) <= 1e-6 + 1e-5 * Math.abs(g)));
      assert.ok(matches.length >= 1, 'some training example\'s trace has the step\'s gradient');
      const trace = matches[0];
      dWColumnMajor(trace).forEach((g, k) => closeTo(W.values[k], before[k] - 0.5 * g, `W[${k}] after the step`));
    });
  });

  it('refuses nets with BatchNorm or dropout, and examples outside the training split', () => {
    const batchNorm = { ...NET_221, layers: [{ type: 'dense', units: 2 }, { type: 'batchnorm' }, { type: 'activation', fn: 'tanh' }, { type: 'dense', units: 1 }] };
    withRun(context.engine, batchNorm, (run) => assert.throws(() => run.traceExample(0, 0.1), /dense and activation layers only/));
    withRun(context.engine, NET_221, (run) => {
      assert.throws(() => run.traceExample(-1, 0.1), (error) => error.code === 'integer_range');
      assert.throws(() => run.traceExample(run.data().train.targets.length, 0.1), (error) => error.code === 'integer_range');
    });
  });
});
