// Turns the page settings into a run spec (docs/spec.md). Pure function: no DOM, no engine,
// so the same spec comes out for the same settings — the basis of reproducible links.

import { SETTINGS, MULTICLASS_DATASETS, INIT_PARAM, isRegression, isRelevant } from './settings.js';

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

  const data = specSection(settings, 'data');
  // The test share is what the other two leave (the spec wants the three).
  data.split.test = round(Math.max(0, 1 - settings.trainRatio - settings.validationRatio));

  const spec = {
    data,
    layers,
    loss: task.loss,
    optimizer: optimizerSection(settings),
    training: specSection(settings, 'training'),
    stats: { histogram_bins: 30, histogram_range: 'auto' },
  };
  return { spec, blocks, task };
}

// The rows with a place in the spec (their `spec` path), and that path split at its dots.
const SPEC_ROWS = SETTINGS.filter((row) => row.spec).map((row) => ({ row, path: row.spec.split('.') }));

// One top-level section of the spec ('data', 'optimizer', 'training'): every relevant row whose
// path starts there, at its path. Only relevant rows: an optimizer section holds only the keys the
// chosen optimizer and schedule read, so a change of kind never trips "unknown key".
function specSection(settings, name) {
  const section = {};
  for (const { row, path } of SPEC_ROWS) {
    if (path[0] !== name || !isRelevant(row, settings)) continue;
    let target = section;
    for (const part of path.slice(1, -1)) target = target[part] ??= {};
    target[path[path.length - 1]] = structuredClone(settings[row.key]);
  }
  return section;
}

// What run.setOptimizer takes for a live change (and a link's replay).
export function optimizerSection(settings) {
  return specSection(settings, 'optimizer');
}

// 1 - 0.7 - 0.15 is 0.15000000000000002 in floating point; the spec wants a sum of 1 within 1e-6.
function round(x) { return Math.round(x * 1e9) / 1e9; }
