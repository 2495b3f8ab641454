// The pages' links: the sandbox's settings (encodeHash/decodeHash) and the lab's experiments
// (labHash/readLabHash), read and written with the same entry syntax, length limit and reporting.
//
// Sandbox: mirrors the settings into the URL hash and back.
// A link must replay the same run: every setting that shapes the run (data, network, training)
// is always written, so later changes of a default cannot change an old link's run. View and
// embed settings are written only when they differ from their default, to keep links short.
// Optimizer changes made during the run travel in `chg` (state/changes.js); the normal fields then
// hold the values in force at step 0.

import { SETTINGS, SETTING_BY_URL, defaultSettings, isRelevant } from './settings.js';
import { parseValue, formatValue, crossCheck } from './validate.js';
import { CHANGES_URL, formatChanges, parseChanges, applyChanges } from './changes.js';
import { hashText, splitEntries } from './hash-entries.js';
import { LANGUAGES } from '../i18n/i18n.js';

export const RUN_GROUPS = new Set(['data', 'features', 'network', 'training', 'schedule', 'regularization']);
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
    parts.push(`${row.url}=${entryText(formatValue(row, value))}`);
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

// A value as written into a link. Commas and colons are legal in a fragment; keep them readable
// (lists such as the layers or the softmax scores).
export function entryText(text) {
  return encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3A/g, ':');
}

// Bad text is shown back to the learner (through textContent only); keep it short.
function clip(text, max = 60) {
  if (text === undefined || text === null) return text;
  const s = String(text);
  return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

// ---- The lab's links ---------------------------------------------------------------------------
// "#exp=<section id>&<field name>=<value>&…[&embed=1][&lang=ko]". One experiment per link, with
// every setting of that experiment written out, so an old link replays the same run even if a
// default changes later (the sandbox's rule). Reading is as strict as the sandbox's: each bad entry
// is skipped and reported, good entries still apply, an unknown experiment is ignored. No DOM
// here: fields only judge text (views/fields.js: parse(text), linkText()).

const LAB_FLAGS = ['exp', 'embed', 'lang'];
const LAB_CLIP = 40;

// views: { id: { fields } }. Returns { id, values: [{ field, value }], embed, lang, errors }, where
// an error is { key, params } for t() (the page words it in the current language); a refused value
// also carries { field, error } (the field words the error: field.problem(error), into params.reason).
export function readLabHash(hash, views) {
  const result = { id: null, values: [], embed: false, lang: null, errors: [] };
  const text = hashText(hash);
  // A plain "#overfit" is the table of contents jumping to a section, not a link with settings.
  if (text === '' || !text.includes('=')) return result;
  if (text.length > MAX_HASH) { result.errors.push({ key: 'lab.link.tooLong' }); return result; }
  const { entries, broken } = splitEntries(text);
  for (const { part } of broken) result.errors.push({ key: 'lab.link.encoding', params: { got: clip(part, LAB_CLIP) } });
  const flag = (name) => entries.find(([key]) => key === name)?.[1];
  const exp = flag('exp');
  if (exp !== undefined) {
    if (Object.hasOwn(views, exp)) result.id = exp;
    else result.errors.push({ key: 'lab.link.unknownExp', params: { got: clip(exp, LAB_CLIP) } });
  }
  const embed = flag('embed');
  if (embed !== undefined && embed !== '0' && embed !== '1') result.errors.push({ key: 'lab.link.badFlag', params: { name: 'embed', got: clip(embed, LAB_CLIP), allowed: '0, 1' } });
  result.embed = embed === '1' && result.id !== null;
  const lang = flag('lang');
  if (lang !== undefined && !LANGUAGES.includes(lang)) result.errors.push({ key: 'lab.link.badFlag', params: { name: 'lang', got: clip(lang, LAB_CLIP), allowed: LANGUAGES.join(', ') } });
  else result.lang = lang ?? null;
  const fields = result.id ? views[result.id].fields : [];
  for (const [name, value] of entries) {
    if (LAB_FLAGS.includes(name)) continue;
    if (exp === undefined) { result.errors.push({ key: 'lab.link.noExp', params: { name: clip(name, LAB_CLIP) } }); continue; }
    if (!result.id) continue;  // already reported: the experiment is unknown
    const field = fields.find((f) => f.name === name);
    if (!field) { result.errors.push({ key: 'lab.link.unknownSetting', params: { name: clip(name, LAB_CLIP), exp: result.id } }); continue; }
    const parsed = field.parse(value);
    if (parsed.error) result.errors.push({ key: 'lab.link.badValue', params: { name, got: clip(value, LAB_CLIP) }, field, error: parsed.error });
    else result.values.push({ field, value: parsed.value });
  }
  return result;
}

// "#exp=…&…": the experiment's current settings (fields whose text is not valid are left out: the
// receiver then gets that field's default). flags: { embed, lang }
export function labHash(id, fields, { embed = false, lang = null } = {}) {
  const parts = [`exp=${encodeURIComponent(id)}`];
  for (const field of fields) {
    const text = field.linkText();
    if (text !== null) parts.push(`${encodeURIComponent(field.name)}=${entryText(text)}`);
  }
  if (embed) parts.push('embed=1');
  if (lang) parts.push(`lang=${encodeURIComponent(lang)}`);
  return `#${parts.join('&')}`;
}
