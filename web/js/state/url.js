// Mirrors the settings into the URL hash and back.
// A link must replay the same run: every setting that shapes the run (data, network, training)
// is always written, so later changes of a default cannot change an old link's run. View and
// embed settings are written only when they differ from their default, to keep links short.
// Optimizer changes made during the run travel in `chg` (state/changes.js); the normal fields then
// hold the values in force at step 0.

import { SETTINGS, SETTING_BY_URL, defaultSettings, isRelevant } from './settings.js';
import { parseValue, formatValue, crossCheck } from './validate.js';
import { CHANGES_URL, formatChanges, parseChanges, applyChanges } from './changes.js';
import { hashText, splitEntries } from './hash-entries.js';

const RUN_GROUPS = new Set(['data', 'features', 'network', 'training', 'schedule', 'regularization']);
export const MAX_HASH = 8000;

// `changes`: the run's mid-run changes; `settings` must then hold the values in force at step 0.
export function encodeHash(settings, changes = []) {
  const parts = [];
  for (const row of SETTINGS) {
    const value = settings[row.key];
    const isDefault = JSON.stringify(value) === JSON.stringify(row.default);
    const always = RUN_GROUPS.has(row.group) && isRelevant(row, settings);
    if (!always && isDefault) continue;
    if (!always && !isRelevant(row, settings)) continue;
    // Commas, colons and parentheses are legal in a fragment; keep them readable.
    const text = encodeURIComponent(formatValue(row, value)).replace(/%2C/g, ',').replace(/%3A/g, ':');
    parts.push(`${row.url}=${text}`);
  }
  if (changes.length) parts.push(`${CHANGES_URL}=${encodeURIComponent(formatChanges(changes))}`);
  return parts.join('&');
}

// Reads a hash (with or without '#') on top of `base` (defaults, or the current settings).
// Every bad entry is skipped and reported; good entries still apply.
// Returns { settings (current values), initial (before the `chg` changes), changes, errors: [{ url, error }] }.
export function decodeHash(hash, base = defaultSettings()) {
  const settings = structuredClone(base);
  const errors = [];
  const result = (changes = []) => ({ settings: applyChanges(settings, changes), initial: settings, changes, errors });
  const text = hashText(hash);
  if (text.length > MAX_HASH) { errors.push({ url: '#', error: { code: 'tooLong' } }); return result(); }
  if (text === '') return result();
  let changeText = null;
  const { entries, broken } = splitEntries(text);
  for (const { name } of broken) errors.push({ url: clip(name), error: { code: 'encoding' } });
  for (const [name, value] of entries) {
    // Read after the loop: checking a change needs the link's step count, which may come later.
    if (name === CHANGES_URL) { changeText = value; continue; }
    const row = SETTING_BY_URL[name];
    if (!row) { errors.push({ url: clip(name), error: { code: 'unknownKey' } }); continue; }
    const parsed = parseValue(row, value);
    if (parsed.error) { errors.push({ url: row.url, error: { ...parsed.error, got: clip(parsed.error.got) } }); continue; }
    settings[row.key] = parsed.value;
  }
  for (const problem of crossCheck(settings)) {
    const row = SETTINGS.find((r) => r.key === problem.key);
    errors.push({ url: row.url, error: problem.error });
    settings.trainRatio = base.trainRatio;
    settings.validationRatio = base.validationRatio;
  }
  if (changeText === null) return result();
  const parsed = parseChanges(changeText, settings.steps);
  for (const { url, error } of parsed.errors) errors.push({ url, error: { ...error, got: clip(error.got) } });
  return result(parsed.changes);
}

// Bad text is shown back to the learner (through textContent only); keep it short.
function clip(text) {
  if (text === undefined || text === null) return text;
  const s = String(text);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
