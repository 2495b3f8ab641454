// The inverse of spec.js: reads the spec inside an uploaded model back into page settings, so the
// builder, the URL and the charts describe the loaded network. Anything the page cannot show
// (image data, a layer order the builder does not make, an out-of-range value) is refused with a
// message naming the field; the caller then changes nothing.

import { SETTINGS, SETTING_BY_KEY, DATASETS, INIT_PARAM, LAYER_FIELDS, defaultLayer } from './settings.js';
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

// The value at a dotted path of the spec ('optimizer.schedule.kind'); undefined when any part is missing.
function valueAt(spec, path) {
  let value = spec;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = value[part];
  }
  return value;
}

// Returns new settings (base + what the spec says), or throws Error(detail). Every row with a place
// in the spec (settings.js, `spec`) is read from there; a value the spec leaves out (or sets to null)
// becomes the row's specDefault when it has one (what the engine assumes then), else keeps the base value.
export function settingsFromSpec(spec, base) {
  if (!spec || typeof spec !== 'object') fail('spec', 'missing');
  const s = structuredClone(base);
  const kind = valueAt(spec, 'data.kind') ?? SETTING_BY_KEY.dataset.specDefault;
  if (!DATASETS.includes(kind)) fail('spec.data.kind', `"${kind}" is not a 2-D data set`);
  for (const row of SETTINGS) {
    if (!row.spec) continue;
    const value = valueAt(spec, row.spec);
    take(s, row.key, row.specDefault === undefined ? value : value ?? row.specDefault, `spec.${row.spec}`);
  }
  const { hidden, outputs } = readLayers(spec.layers);
  s.layers = hidden;
  if (spec.loss === 'sigmoid_binary_cross_entropy') s.binaryHead = 'sigmoid';
  else if (spec.loss === 'softmax_cross_entropy' && outputs === 2) s.binaryHead = 'softmax';
  const problems = crossCheck(s);
  if (problems.length) fail('spec.data.split', 'training + validation share above 1');
  s.preset = '';
  s.steps = 0;
  return s;
}
