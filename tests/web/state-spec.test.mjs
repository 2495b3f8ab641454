// Settings -> run spec (web/js/state/spec.js) and back (web/js/state/from-spec.js, an uploaded
// model's spec), both driven by the settings rows' `spec` paths. Plain node:test, no engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSpec, optimizerSection } from '../../web/js/state/spec.js';
import { settingsFromSpec } from '../../web/js/state/from-spec.js';
import { SETTINGS, DATASETS, OPTIMIZERS, SCHEDULES, defaultSettings, defaultLayer, isRelevant, controlKeys } from '../../web/js/state/settings.js';
import { PRESETS } from '../../web/js/lessons/presets.js';
import { presetSettings } from '../../web/js/lessons/preset-settings.js';

const defaults = defaultSettings();
const valueAt = (object, path) => path.split('.').reduce((o, part) => (o && Object.hasOwn(o, part) ? o[part] : undefined), object);
const SPEC_ROWS = SETTINGS.filter((row) => row.spec);

// Settings that reach every row: each data set, optimizer and schedule, on the defaults and the presets.
function* variety() {
  for (const base of [defaults, ...PRESETS.map((p) => presetSettings(p.id))]) {
    for (const dataset of DATASETS) yield { ...base, dataset };
    for (const optimizer of OPTIMIZERS) for (const schedule of SCHEDULES) yield { ...base, optimizer, schedule };
  }
}

describe('the spec of a run', () => {
  it('holds every relevant row at its spec path, and no row that does not apply', () => {
    for (const settings of variety()) {
      const { spec } = buildSpec(settings);
      for (const row of SPEC_ROWS) {
        if (isRelevant(row, settings)) assert.deepEqual(valueAt(spec, row.spec), settings[row.key], `${row.key} at ${row.spec}`);
        else assert.equal(valueAt(spec, row.spec), undefined, `${row.key} left out`);
      }
    }
  });

  it('gives an optimizer only the keys it reads', () => {
    const keys = (optimizer, schedule = 'constant') => Object.keys(optimizerSection({ ...defaults, optimizer, schedule })).sort();
    const penalties = ['clip_norm', 'kind', 'l1', 'l2', 'learning_rate', 'schedule', 'weight_decay'];
    assert.deepEqual(keys('sgd'), penalties);
    assert.deepEqual(keys('nesterov'), [...penalties, 'momentum'].sort());
    assert.deepEqual(keys('rmsprop'), [...penalties, 'epsilon', 'rho'].sort());
    assert.deepEqual(keys('adamw'), [...penalties, 'beta1', 'beta2', 'bias_correction', 'epsilon'].sort());
    assert.deepEqual(optimizerSection({ ...defaults, schedule: 'constant' }).schedule, { kind: 'constant' });
    assert.deepEqual(optimizerSection({ ...defaults, schedule: 'step' }).schedule, { kind: 'step', step_size: 500, gamma: 0.5 });
    assert.deepEqual(optimizerSection({ ...defaults, schedule: 'cosine' }).schedule, { kind: 'cosine', total_steps: 2000, min_learning_rate: 0.0001 });
  });

  it('splits the data into three shares that add up to 1 and copies the features', () => {
    const settings = { ...defaults, trainRatio: 0.7, validationRatio: 0.15 };
    const { spec } = buildSpec(settings);
    assert.deepEqual(spec.data.split, { train: 0.7, validation: 0.15, test: 0.15 });
    assert.notEqual(spec.data.features, settings.features);
  });

  it('builds one block per hidden layer plus the head, naming the engine layers of each', () => {
    const settings = { ...defaults, layers: [defaultLayer({ norm: 'before', dropout: 0.2 }), defaultLayer({ norm: 'after', bias: 0.5 })] };
    const { spec, blocks, task } = buildSpec(settings);
    assert.deepEqual(spec.layers.map((l) => l.type), ['dense', 'batchnorm', 'activation', 'dropout', 'dense', 'activation', 'batchnorm', 'dense']);
    assert.deepEqual(blocks, [{ dense: 0, norm: 1, activation: 2, output: 2, dropout: 3 }, { dense: 4, activation: 5, norm: 6, output: 6 }, { dense: 7, output: 7, isHead: true }]);
    assert.deepEqual(spec.layers[4].bias_init, { kind: 'constant', value: 0.5 });
    assert.equal(task.loss, 'sigmoid_binary_cross_entropy');
    assert.equal(buildSpec({ ...defaults, binaryHead: 'softmax' }).spec.layers.at(-1).units, 2);
    assert.equal(buildSpec({ ...defaults, dataset: 'plane' }).task.loss, 'mse');
  });
});

describe('the settings of an uploaded model\'s spec', () => {
  it('are those the spec was built from (every spec row, the layers and the head)', () => {
    for (const settings of variety()) {
      const read = settingsFromSpec(buildSpec(settings).spec, defaults);
      for (const row of SPEC_ROWS) if (isRelevant(row, settings)) assert.deepEqual(read[row.key], settings[row.key], row.key);
      assert.deepEqual(read.layers, settings.layers.map((l) => ({ ...l, initParam: ['constant', 'normal', 'uniform'].includes(l.init) ? l.initParam : defaultLayer().initParam })));
      if (!['spiral', 'blobs', 'plane', 'gaussian_bumps'].includes(settings.dataset)) assert.equal(read.binaryHead, settings.binaryHead);
      assert.equal(read.preset, '');
      assert.equal(read.steps, 0);
    }
  });

  it('take the engine\'s meaning of a part the spec leaves out (xor data, a constant rate)', () => {
    const { spec } = buildSpec({ ...defaults, dataset: 'moons', schedule: 'cosine' });
    delete spec.data.kind;
    delete spec.optimizer.schedule;
    const read = settingsFromSpec(spec, { ...defaults, schedule: 'step' });
    assert.equal(read.dataset, 'xor');
    assert.equal(read.schedule, 'constant');
  });

  it('keep the current value of any other setting the spec leaves out', () => {
    const { spec } = buildSpec(defaults);
    delete spec.training;
    delete spec.data.noise;
    const read = settingsFromSpec(spec, { ...defaults, seed: 42, batchSize: 7, noise: 0.3 });
    assert.deepEqual([read.seed, read.batchSize, read.noise], [42, 7, 0.3]);
  });

  it('refuse what the page cannot show, naming the field', () => {
    const refuse = (change, message) => {
      const { spec } = buildSpec(defaults);
      change(spec);
      assert.throws(() => settingsFromSpec(spec, defaults), { message });
    };
    refuse((s) => { s.data.kind = 'idx'; }, /^spec\.data\.kind: "idx" is not a 2-D data set/);
    refuse((s) => { s.optimizer.learning_rate = 50; }, /^spec\.optimizer\.learning_rate: 50 is not accepted here/);
    refuse((s) => { s.training.batch_size = 2.5; }, /^spec\.training\.batch_size/);
    refuse((s) => { s.layers.splice(1, 1); }, /^spec\.layers\[1\]: expected an activation layer/);
    refuse((s) => { s.layers[0].bias_init = { kind: 'normal', std: 1 }; }, /^spec\.layers\[0\]\.bias_init: only zeros or constant/);
    refuse((s) => { s.layers.splice(1, 0, { type: 'batchnorm' }); s.layers.splice(3, 0, { type: 'batchnorm' }); }, /^spec\.layers\[3\]: two BatchNorm layers in one block/);
    refuse((s) => { s.layers.push({ type: 'activation', fn: 'tanh' }); }, /^spec\.layers\[5\]: the last layer must be the dense output layer/);
    refuse((s) => { s.data.split = { train: 0.9, validation: 0.3 }; }, /^spec\.data\.split: training \+ validation share above 1/);
    refuse((s) => { delete s.layers; }, /^spec\.layers: missing/);
    assert.throws(() => settingsFromSpec(null, defaults), { message: 'spec: missing' });
  });
});

it('every generic control box lists its rows in table order, and every row has at most one place', () => {
  const boxes = [...new Set(SETTINGS.map((row) => row.control).filter(Boolean))];
  assert.deepEqual(boxes, ['data', 'head', 'training', 'schedule', 'regularization', 'view', 'curve', 'paths']);
  const placed = boxes.flatMap(controlKeys);
  assert.equal(new Set(placed).size, placed.length);
  assert.deepEqual(controlKeys('regularization'), ['l1', 'l2', 'weightDecay', 'clipNorm']);
});
