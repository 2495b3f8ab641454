// The inverse of spec.js: reads the spec inside an uploaded model back into page settings, so the
// builder, the URL and the charts describe the loaded network. Anything the page cannot show
// (image data, a layer order the builder does not make, an out-of-range value) is refused with a
// message naming the field; the caller then changes nothing.

import { SETTING_BY_KEY, DATASETS, INIT_PARAM, LAYER_FIELDS, defaultLayer } from './settings.js';
import { parseValue, crossCheck } from './validate.js';

const LAYER_FIELD = Object.fromEntries(LAYER_FIELDS.map((f) => [f.key, f]));

function fail(path, detail) { throw new Error(`${path}: ${detail}`); }

function take(settings, key, value, path) {
  if (value === undefined) return;
  const parsed = parseValue(SETTING_BY_KEY[key], typeof value === 'boolean' ? value : (Array.isArray(value) ? value : String(value)));
  if (parsed.error) fail(path, `${JSON.stringify(value)} is not accepted here`);
  settings[key] = parsed.value;
}

function layerValue(key, value, path) {
  const parsed = parseValue(LAYER_FIELD[key], String(value));
  if (parsed.error) fail(path, `${JSON.stringify(value)} is not accepted here`);
  return parsed.value;
}

function readLayers(layers) {
  if (!Array.isArray(layers) || layers.length === 0) fail('spec.layers', 'missing');
  const hidden = [];
  let i = 0;
  const at = (j) => layers[j] ?? {};
  while (i < layers.length - 1) {
    const dense = at(i);
    if (dense.type !== 'dense') fail(`spec.layers[${i}]`, 'expected a dense layer');
    const layer = defaultLayer({ units: layerValue('units', dense.units, `spec.layers[${i}].units`) });
    const init = dense.weight_init ?? { kind: 'xavier_uniform' };
    layer.init = layerValue('init', init.kind, `spec.layers[${i}].weight_init.kind`);
    if (INIT_PARAM[init.kind] && init[INIT_PARAM[init.kind]] !== undefined) {
      layer.initParam = layerValue('initParam', init[INIT_PARAM[init.kind]], `spec.layers[${i}].weight_init`);
    }
    const bias = dense.bias_init ?? { kind: 'zeros' };
    if (bias.kind === 'constant') layer.bias = layerValue('bias', bias.value ?? 0, `spec.layers[${i}].bias_init.value`);
    else if (bias.kind !== 'zeros') fail(`spec.layers[${i}].bias_init`, 'only zeros or constant biases can be shown');
    i++;
    if (at(i).type === 'batchnorm') { layer.norm = 'before'; i++; }
    if (at(i).type !== 'activation') fail(`spec.layers[${i}]`, 'expected an activation layer');
    layer.activation = layerValue('activation', at(i).fn, `spec.layers[${i}].fn`);
    i++;
    if (at(i).type === 'batchnorm') {
      if (layer.norm === 'before') fail(`spec.layers[${i}]`, 'two BatchNorm layers in one block');
      layer.norm = 'after'; i++;
    }
    if (at(i).type === 'dropout') { layer.dropout = layerValue('dropout', at(i).rate, `spec.layers[${i}].rate`); i++; }
    hidden.push(layer);
  }
  const head = layers[layers.length - 1];
  if (i !== layers.length - 1 || head.type !== 'dense') fail(`spec.layers[${layers.length - 1}]`, 'the last layer must be the dense output layer');
  return { hidden, outputs: head.units };
}

// Returns new settings (base + what the spec says), or throws Error(detail).
export function settingsFromSpec(spec, base) {
  if (!spec || typeof spec !== 'object') fail('spec', 'missing');
  const s = structuredClone(base);
  const data = spec.data ?? {};
  if (!DATASETS.includes(data.kind ?? 'xor')) fail('spec.data.kind', `"${data.kind}" is not a 2-D data set`);
  take(s, 'dataset', data.kind ?? 'xor', 'spec.data.kind');
  take(s, 'samples', data.samples, 'spec.data.samples');
  take(s, 'noise', data.noise, 'spec.data.noise');
  take(s, 'classes', data.classes, 'spec.data.classes');
  take(s, 'features', data.features, 'spec.data.features');
  take(s, 'standardize', data.standardize, 'spec.data.standardize');
  take(s, 'dataSeed', data.seed, 'spec.data.seed');
  if (data.split) {
    take(s, 'trainRatio', data.split.train, 'spec.data.split.train');
    take(s, 'validationRatio', data.split.validation, 'spec.data.split.validation');
  }
  const { hidden, outputs } = readLayers(spec.layers);
  s.layers = hidden;
  if (spec.loss === 'sigmoid_binary_cross_entropy') s.binaryHead = 'sigmoid';
  else if (spec.loss === 'softmax_cross_entropy' && outputs === 2) s.binaryHead = 'softmax';

  const o = spec.optimizer ?? {};
  take(s, 'optimizer', o.kind, 'spec.optimizer.kind');
  take(s, 'learningRate', o.learning_rate, 'spec.optimizer.learning_rate');
  take(s, 'momentum', o.momentum, 'spec.optimizer.momentum');
  take(s, 'rho', o.rho, 'spec.optimizer.rho');
  take(s, 'beta1', o.beta1, 'spec.optimizer.beta1');
  take(s, 'beta2', o.beta2, 'spec.optimizer.beta2');
  take(s, 'epsilon', o.epsilon, 'spec.optimizer.epsilon');
  take(s, 'biasCorrection', o.bias_correction, 'spec.optimizer.bias_correction');
  take(s, 'l1', o.l1, 'spec.optimizer.l1');
  take(s, 'l2', o.l2, 'spec.optimizer.l2');
  take(s, 'weightDecay', o.weight_decay, 'spec.optimizer.weight_decay');
  take(s, 'clipNorm', o.clip_norm, 'spec.optimizer.clip_norm');
  const sched = o.schedule ?? { kind: 'constant' };
  take(s, 'schedule', sched.kind, 'spec.optimizer.schedule.kind');
  take(s, 'stepSize', sched.step_size, 'spec.optimizer.schedule.step_size');
  take(s, 'gamma', sched.gamma, 'spec.optimizer.schedule.gamma');
  take(s, 'decaySteps', sched.decay_steps, 'spec.optimizer.schedule.decay_steps');
  take(s, 'totalSteps', sched.total_steps, 'spec.optimizer.schedule.total_steps');
  take(s, 'minLearningRate', sched.min_learning_rate, 'spec.optimizer.schedule.min_learning_rate');
  const training = spec.training ?? {};
  take(s, 'batchSize', training.batch_size, 'spec.training.batch_size');
  take(s, 'seed', training.seed, 'spec.training.seed');
  const problems = crossCheck(s);
  if (problems.length) fail('spec.data.split', 'training + validation share above 1');
  s.preset = '';
  s.steps = 0;
  return s;
}
