// The engine's catalogue (engine.catalog(), from the C++ registries) is what the page is built
// from: the build-time copy the page imports is the engine's own, both string tables translate
// every entry, and the page's selects, fields and relevant-parameter rules come from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachFlavor } from './harness.mjs';
import { CATALOG, optimizerReads, activationTex, initTex, optimizerTex } from '../../web/js/catalog.js';
import { SETTING_BY_KEY, LAYER_FIELDS, MULTICLASS_DATASETS, INIT_PARAM, INIT_PARAM_DEFAULT, defaultSettings, isRelevant,
  isRegression } from '../../web/js/state/settings.js';
import { optimizerSection } from '../../web/js/state/spec.js';
import { PATH_DEFAULTS } from '../../web/js/lessons/path-defaults.js';
import en from '../strings/en.mjs';
import ko from '../strings/ko.mjs';

describeEachFlavor('the catalogue', (context) => {
  test('the page\'s build-time copy (catalog.generated.js) equals engine.catalog()', () => {
    assert.deepEqual(CATALOG, context.engine.catalog());
  });
});

// The texts the page shows for each entry: its label in a select or button, and the note beside its formula.
function textKeys() {
  return [
    ...CATALOG.activations.filter((a) => a.elementwise).flatMap((a) => [`choice.activation.${a.name}`, `note.activation.${a.name}`]),
    ...CATALOG.initializers.flatMap((i) => [`choice.init.${i.name}`, `note.init.${i.name}`]),
    ...CATALOG.optimizers.flatMap((o) => [`choice.optimizer.${o.name}`, `note.optimizer.${o.name}`]),
    ...CATALOG.schedules.map((s) => `choice.schedule.${s.name}`),
    ...CATALOG.losses.map((l) => `loss.${l.name}`),
    ...CATALOG.datasets.filter((d) => d.twoDimensional).map((d) => `choice.dataset.${d.name}`),
  ];
}

test('every entry of the catalogue the page shows has its texts in English and Korean', () => {
  const missing = [];
  for (const [language, table] of [['en', en], ['ko', ko]]) {
    const keys = textKeys();
    for (const key of keys) if (typeof table[key] !== 'string' || table[key] === '') missing.push(`${language}: ${key}`);
  }
  assert.deepEqual(missing, []);
});

test('the selects offer exactly the catalogue\'s entries, in its order', () => {
  const layerActivation = LAYER_FIELDS.find((f) => f.key === 'activation');
  assert.deepEqual(layerActivation.choices, CATALOG.activations.filter((a) => a.elementwise).map((a) => a.name));
  assert.ok(!layerActivation.choices.includes('softmax'), 'softmax couples a column: an output function only');
  assert.deepEqual(SETTING_BY_KEY.optimizer.choices, CATALOG.optimizers.map((o) => o.name));
  // The paths view races the catalogue's optimizers that have a tuned rate on every test function.
  const raced = CATALOG.optimizers.map((o) => o.name).filter((o) => Object.values(PATH_DEFAULTS).every((race) => o in race.learningRates));
  assert.deepEqual(SETTING_BY_KEY.pathOptimizers.choices, raced);
  const initializers = CATALOG.initializers.map((i) => i.name);
  assert.deepEqual(LAYER_FIELDS.find((f) => f.key === 'init').choices, initializers);
  assert.deepEqual(SETTING_BY_KEY.headInit.choices, initializers);
  assert.deepEqual(SETTING_BY_KEY.schedule.choices, CATALOG.schedules.map((s) => s.name));
  assert.deepEqual(SETTING_BY_KEY.dataset.choices, CATALOG.datasets.filter((d) => d.twoDimensional).map((d) => d.name));
  assert.deepEqual(MULTICLASS_DATASETS, CATALOG.datasets.filter((d) => d.twoDimensional && d.readsClasses).map((d) => d.name));
  for (const d of CATALOG.datasets.filter((e) => e.twoDimensional)) {
    assert.equal(isRegression({ dataset: d.name }), !d.classification, d.name);
  }
});

test('an initializer\'s field is the engine\'s first parameter of that kind, within its range', () => {
  for (const entry of CATALOG.initializers) {
    const parameter = entry.parameters[0];
    assert.equal(INIT_PARAM[entry.name], parameter?.name, entry.name);
    if (!parameter) continue;
    assert.ok(INIT_PARAM_DEFAULT[entry.name] >= parameter.min && INIT_PARAM_DEFAULT[entry.name] <= parameter.max, entry.name);
  }
});

const SCHEDULE_ROWS = { step_size: 'stepSize', gamma: 'gamma', decay_steps: 'decaySteps', total_steps: 'totalSteps', min_learning_rate: 'minLearningRate' };

test('a schedule\'s fields are shown, and sent in the spec, exactly when the catalogue says it reads them', () => {
  for (const schedule of CATALOG.schedules) {
    const settings = { ...defaultSettings(), schedule: schedule.name };
    const section = optimizerSection(settings).schedule;
    assert.equal(section.kind, schedule.name);
    for (const [specKey, settingKey] of Object.entries(SCHEDULE_ROWS)) {
      const reads = schedule.reads.includes(specKey);
      assert.equal(isRelevant(SETTING_BY_KEY[settingKey], settings), reads, `${schedule.name} ${specKey}`);
      assert.equal(specKey in section, reads, `${schedule.name} ${specKey} in the spec`);
    }
  }
  for (const parameter of CATALOG.scheduleParameters) {
    const row = SETTING_BY_KEY[SCHEDULE_ROWS[parameter.name]];
    assert.equal(row.type, parameter.type === 'integer' ? 'int' : 'number', parameter.name);
    const above = parameter.minExclusive ? row.min > parameter.min : row.min >= parameter.min;
    assert.ok(above && row.max <= parameter.max, `${parameter.name}: page [${row.min}, ${row.max}] inside the engine's range`);
  }
});

// The settings rows of the hyper-parameters some rules read, by their spec key.
const RULE_ROWS = { momentum: 'momentum', rho: 'rho', beta1: 'beta1', beta2: 'beta2', bias_correction: 'biasCorrection', epsilon: 'epsilon' };

test('a hyper-parameter control is shown, and sent in the spec, exactly when the catalogue says the optimizer reads it', () => {
  for (const optimizer of CATALOG.optimizers) {
    const settings = { ...defaultSettings(), optimizer: optimizer.name };
    const section = optimizerSection(settings);
    for (const [specKey, settingKey] of Object.entries(RULE_ROWS)) {
      const reads = optimizer.reads.includes(specKey);
      assert.equal(isRelevant(SETTING_BY_KEY[settingKey], settings), reads, `${optimizer.name} ${specKey}`);
      assert.equal(specKey in section, reads, `${optimizer.name} ${specKey} in the spec`);
      assert.equal(optimizerReads(optimizer.name, specKey), reads);
    }
  }
});

test('the page\'s field ranges lie inside the engine\'s, so a value the page accepts is one the engine accepts', () => {
  const rowOf = { learning_rate: 'learningRate', l1: 'l1', l2: 'l2', weight_decay: 'weightDecay', clip_norm: 'clipNorm', ...RULE_ROWS };
  for (const parameter of CATALOG.optimizerParameters) {
    const row = SETTING_BY_KEY[rowOf[parameter.name]];
    assert.ok(row, `a settings row for ${parameter.name}`);
    if (parameter.type === 'boolean') { assert.equal(row.type, 'bool'); continue; }
    const above = parameter.minExclusive ? row.min > parameter.min : row.min >= parameter.min;
    const below = parameter.maxExclusive ? row.max < parameter.max : row.max <= parameter.max;
    assert.ok(above && below, `${parameter.name}: page [${row.min}, ${row.max}] inside the engine's range`);
  }
});

test('the formula panels show the catalogue\'s TeX', () => {
  for (const a of CATALOG.activations) {
    assert.ok(activationTex(a.name).includes(a.formula) && activationTex(a.name).includes(a.derivative), a.name);
  }
  for (const i of CATALOG.initializers) assert.equal(initTex(i.name), i.formula);
  for (const o of CATALOG.optimizers) assert.equal(optimizerTex(o.name), o.formula);
});
