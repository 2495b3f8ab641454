// The page settings a preset gives: the defaults, then the preset's own values (hidden layers filled
// in with the builder's defaults). Pure, so the wasm tests can run each preset exactly as the page
// does and check that it shows what its note promises (tests/wasm/presets.test.mjs).

import { defaultSettings, defaultLayer } from '../state/settings.js';
import { PRESET_BY_ID } from './presets.js';

// The settings of a preset on top of `keep` (language and embed choices survive a preset).
export function presetSettings(id, keep = {}) {
  const preset = PRESET_BY_ID[id];
  const base = defaultSettings();
  if (!preset) return base;
  return fromPreset(base, preset.settings, id, keep);
}

function fromPreset(base, values, id, keep) {
  const settings = { ...base, ...structuredClone(values), preset: id };
  if (values.layers) settings.layers = values.layers.map((l) => defaultLayer(l));
  for (const key of ['lang', 'embed', 'hide', 'speed']) if (key in keep) settings[key] = keep[key];
  return settings;
}

// Compare mode: run B's settings of comparison `id` (the defaults, then its `compare` values), or
// null for a preset that is no comparison. View settings (`keep`) are A's.
export function comparePresetSettings(id, keep = {}) {
  const preset = PRESET_BY_ID[id];
  if (!preset?.compare) return null;
  return { ...fromPreset(defaultSettings(), preset.compare, id, keep), compare: true };
}
