// Compare mode in a link: run A's settings are the page's usual entries (state/url.js) with
// `cmp=1`; run B is written as the run settings where it differs from A, each under the prefix
// `b.` ("b.layers=8:relu:he_normal,..."), and B's own mid-run changes as `b.chg`. So a link stays
// short and replays both runs exactly. A comparison preset (lessons/presets.js) gives B's values
// where the lesson's two runs differ; entries of the link apply on top, to A's side or B's.

import { SETTINGS } from './settings.js';
import { encodeHash, decodeHash, RUN_GROUPS, entryText } from './url.js';
import { formatValue } from './validate.js';
import { CHANGES_URL, formatChanges } from './changes.js';
import { hashText } from './hash-entries.js';
import { presetSettings, comparePresetSettings } from '../lessons/preset-settings.js';

export const B_PREFIX = 'b.';
const RUN_ROWS = SETTINGS.filter((row) => RUN_GROUPS.has(row.group));
const same = (x, y) => JSON.stringify(x) === JSON.stringify(y);

// The run settings in which comparison `preset`'s B differs from its A ([] for any other preset).
function presetDifferences(preset) {
  const b = comparePresetSettings(preset);
  if (!b) return [];
  const a = presetSettings(preset);
  return RUN_ROWS.filter((row) => !same(a[row.key], b[row.key])).map((row) => row.key);
}

// B's settings on top of A's (the values in force at step 0): the comparison preset's differences.
function bBase(aInitial) {
  const keys = presetDifferences(aInitial.preset);
  if (keys.length === 0) return structuredClone(aInitial);
  const preset = comparePresetSettings(aInitial.preset);
  return { ...structuredClone(aInitial), ...Object.fromEntries(keys.map((key) => [key, structuredClone(preset[key])])) };
}

// a, b: each run's settings (B: null outside compare mode); changesA/B: their mid-run changes,
// the settings then holding the values at step 0 (state/changes.js).
export function encodeCompareHash(a, b = null, changesA = [], changesB = []) {
  const parts = [encodeHash(a, changesA)];
  // A comparison preset turns compare on: a link of it with compare off must say so.
  if (!a.compare && presetDifferences(a.preset).length) parts.push('cmp=0');
  if (a.compare && b) {
    // Every key where B differs from what a reader rebuilds without the entry.
    const base = bBase(a);
    for (const row of RUN_ROWS) {
      if (same(b[row.key], base[row.key])) continue;
      parts.push(`${B_PREFIX}${row.url}=${entryText(formatValue(row, b[row.key]))}`);
    }
    if (changesB.length) parts.push(`${B_PREFIX}${CHANGES_URL}=${encodeURIComponent(formatChanges(changesB))}`);
  }
  return parts.filter(Boolean).join('&');
}

// Splits a hash into A's entries (the page's usual hash) and B's (without their prefix).
export function splitCompareHash(hash) {
  const a = [];
  const b = [];
  for (const part of hashText(hash).split('&')) {
    if (part.startsWith(B_PREFIX)) b.push(part.slice(B_PREFIX.length));
    else if (part) a.push(part);
  }
  return { a: a.join('&'), b: b.join('&') };
}

// B's side of a link, read on top of A's decoded link (decodeHash's result for splitCompareHash's
// `a`). Returns { settings, initial, changes, errors } like decodeHash; errors name B's entries
// with their prefix. The view settings (speed, embed, language ...) are always A's.
export function decodeCompareB(bText, a) {
  const b = decodeHash(bText, bBase(a.initial));
  const view = Object.fromEntries(SETTINGS.filter((row) => !RUN_GROUPS.has(row.group)).map((row) => [row.key, a.settings[row.key]]));
  return {
    settings: { ...b.settings, ...view },
    initial: { ...b.initial, ...view },
    changes: b.changes,
    errors: b.errors.map((e) => ({ ...e, url: `${B_PREFIX}${e.url}` })),
  };
}
