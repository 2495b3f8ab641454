// Turns the page settings into a run spec (docs/spec.md). Pure function: no DOM, no engine,
// so the same spec comes out for the same settings — the basis of reproducible links.

import { MULTICLASS_DATASETS, INIT_PARAM, isRegression } from './settings.js';
import { optimizerReads, scheduleReads } from '../catalog.js';

export function taskOf(settings) {
  if (isRegression(settings)) return { kind: 'regression', classes: 1, outputs: 1, loss: 'mse' };
  const classes = MULTICLASS_DATASETS.includes(settings.dataset) ? settings.classes : 2;
  if (classes === 2 && settings.binaryHead === 'sigmoid') {
    return { kind: 'classification', classes, outputs: 1, loss: 'sigmoid_binary_cross_entropy' };
  }
  return { kind: 'classification', classes, outputs: classes, loss: 'softmax_cross_entropy' };
}

function initializer(kind, param) {
  const key = INIT_PARAM[kind];
  return key ? { kind, [key]: param } : { kind };
}

// Returns { spec, blocks }: blocks[i] lists the engine layer indices of builder layer i
// ({ dense, norm, activation, dropout, output }), output being the layer whose output
// the diagram and histograms show for that builder layer. The last block is the output head.
export function buildSpec(settings) {
  const task = taskOf(settings);
  const layers = [];
  const blocks = [];
  for (const hidden of settings.layers) {
    const block = {};
    block.dense = layers.push({
      type: 'dense', units: hidden.units,
      weight_init: initializer(hidden.init, hidden.initParam),
      bias_init: hidden.bias === 0 ? { kind: 'zeros' } : { kind: 'constant', value: hidden.bias },
    }) - 1;
    if (hidden.norm === 'before') block.norm = layers.push({ type: 'batchnorm' }) - 1;
    block.activation = layers.push({ type: 'activation', fn: hidden.activation }) - 1;
    if (hidden.norm === 'after') block.norm = layers.push({ type: 'batchnorm' }) - 1;
    block.output = layers.length - 1;
    if (hidden.dropout > 0) block.dropout = layers.push({ type: 'dropout', rate: hidden.dropout }) - 1;
    blocks.push(block);
  }
  const head = layers.push({ type: 'dense', units: task.outputs, weight_init: initializer(settings.headInit, settings.headInitParam) }) - 1;
  blocks.push({ dense: head, output: head, isHead: true });

  const validation = settings.validationRatio;
  const test = Math.max(0, 1 - settings.trainRatio - validation);
  const data = {
    kind: settings.dataset,
    samples: settings.samples,
    noise: settings.noise,
    features: [...settings.features],
    split: { train: settings.trainRatio, validation, test: round(test) },
    standardize: settings.standardize,
    seed: settings.dataSeed,
  };
  if (MULTICLASS_DATASETS.includes(settings.dataset)) data.classes = settings.classes;

  const spec = {
    data,
    layers,
    loss: task.loss,
    optimizer: optimizerSection(settings),
    training: { batch_size: settings.batchSize, seed: settings.seed },
    stats: { histogram_bins: 30, histogram_range: 'auto' },
  };
  return { spec, blocks, task };
}

// The hyper-parameters some update rules read (the catalogue says which): spec key, settings key.
const RULE_PARAMETERS = [['momentum', 'momentum'], ['rho', 'rho'], ['beta1', 'beta1'], ['beta2', 'beta2'],
  ['bias_correction', 'biasCorrection'], ['epsilon', 'epsilon']];

// Only the keys the chosen optimizer reads, so a change of kind never trips "unknown key".
export function optimizerSection(s) {
  const o = { kind: s.optimizer, learning_rate: s.learningRate };
  for (const [specKey, settingKey] of RULE_PARAMETERS) {
    if (optimizerReads(s.optimizer, specKey)) o[specKey] = s[settingKey];
  }
  o.l1 = s.l1; o.l2 = s.l2; o.weight_decay = s.weightDecay; o.clip_norm = s.clipNorm;
  o.schedule = scheduleSection(s);
  return o;
}

// The parameters some schedules read (the catalogue says which): spec key, settings key.
const SCHEDULE_PARAMETERS = [['step_size', 'stepSize'], ['gamma', 'gamma'], ['decay_steps', 'decaySteps'],
  ['total_steps', 'totalSteps'], ['min_learning_rate', 'minLearningRate']];

function scheduleSection(s) {
  const section = { kind: s.schedule };
  for (const [specKey, settingKey] of SCHEDULE_PARAMETERS) {
    if (scheduleReads(s.schedule, specKey)) section[specKey] = s[settingKey];
  }
  return section;
}

// 1 - 0.7 - 0.15 is 0.15000000000000002 in floating point; the spec wants a sum of 1 within 1e-6.
function round(x) { return Math.round(x * 1e9) / 1e9; }
