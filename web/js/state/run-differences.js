// What tells runs apart: the settings that shape a run (data, features, network, training), and
// for each run the ones whose value is not the same in all of them. Pinned curves are labelled with
// these, so two runs that differ only in input standardisation read "standardize: on" and
// "standardize: off" instead of the same optimizer summary twice.

import { SETTINGS, LAYER_FIELDS, needsNewRun, isLiveKey } from './settings.js';

const RUN_KEYS = SETTINGS.map((row) => row.key).filter((key) => key !== 'layers' && (needsNewRun(key) || isLiveKey(key)));

// Each field of the hidden layers as one value across the layers: the units layer by layer ("8-4"),
// a field all layers share once ("tanh"), so adding a layer reads as a change of units only.
function layerValues(settings) {
  return Object.fromEntries(LAYER_FIELDS.map((f) => {
    const values = settings.layers.map((layer) => String(layer[f.key]));
    return [f.key, (f.key === 'units' ? values : [...new Set(values)]).join('-')];
  }));
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

// list: settings objects. Returns, per settings, [{ key, value, layerField? }] for every run
// setting whose value differs somewhere in the list (layerField: which field of the hidden layers).
export function differingSettings(list) {
  const layers = list.map(layerValues);
  const differs = (values) => values.some((v) => !same(v, values[0]));
  const keys = RUN_KEYS.filter((key) => differs(list.map((s) => s[key])));
  const fields = LAYER_FIELDS.map((f) => f.key).filter((key) => differs(layers.map((l) => l[key])));
  return list.map((settings, i) => [
    ...fields.map((field) => ({ key: 'layers', layerField: field, value: layers[i][field] })),
    ...keys.map((key) => ({ key, value: settings[key] })),
  ]);
}
