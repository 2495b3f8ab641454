// The Lab's link format: "#exp=<section id>&<field name>=<value>&…[&embed=1][&lang=ko]".
// One experiment per link, with every setting of that experiment written out, so an old link
// replays the same run even if a default changes later (the main page's rule, state/url.js).
// Reading is strict like the main page's: each bad entry is skipped and reported, good entries
// still apply, an unknown experiment is ignored. No DOM here; fields only judge text (fields.js).

import { MAX_HASH } from '../state/url.js';
import { hashText, splitEntries } from '../state/hash-entries.js';
import { LANGUAGES } from '../i18n/i18n.js';

const FLAGS = ['exp', 'embed', 'lang'];

// Bad text goes back to the learner through textContent only; keep it short.
function clip(text) {
  const s = String(text);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

// views: { id: { fields } }. Returns { id, values: [{ field, value }], embed, lang, errors }, where
// an error is { key, params } for t() (the page words it in the current language).
export function readLabHash(hash, views) {
  const result = { id: null, values: [], embed: false, lang: null, errors: [] };
  const text = hashText(hash);
  // A plain "#overfit" is the table of contents jumping to a section, not a link with settings.
  if (text === '' || !text.includes('=')) return result;
  if (text.length > MAX_HASH) { result.errors.push({ key: 'lab.link.tooLong' }); return result; }
  const { entries, broken } = splitEntries(text);
  for (const { part } of broken) result.errors.push({ key: 'lab.link.encoding', params: { got: clip(part) } });
  const flag = (name) => entries.find(([key]) => key === name)?.[1];
  const exp = flag('exp');
  if (exp !== undefined) {
    if (Object.hasOwn(views, exp)) result.id = exp;
    else result.errors.push({ key: 'lab.link.unknownExp', params: { got: clip(exp) } });
  }
  const embed = flag('embed');
  if (embed !== undefined && embed !== '0' && embed !== '1') result.errors.push({ key: 'lab.link.badFlag', params: { name: 'embed', got: clip(embed), allowed: '0, 1' } });
  result.embed = embed === '1' && result.id !== null;
  const lang = flag('lang');
  if (lang !== undefined && !LANGUAGES.includes(lang)) result.errors.push({ key: 'lab.link.badFlag', params: { name: 'lang', got: clip(lang), allowed: LANGUAGES.join(', ') } });
  else result.lang = lang ?? null;
  const fields = result.id ? views[result.id].fields : [];
  for (const [name, value] of entries) {
    if (FLAGS.includes(name)) continue;
    if (exp === undefined) { result.errors.push({ key: 'lab.link.noExp', params: { name: clip(name) } }); continue; }
    if (!result.id) continue;  // already reported: the experiment is unknown
    const field = fields.find((f) => f.name === name);
    if (!field) { result.errors.push({ key: 'lab.link.unknownSetting', params: { name: clip(name), exp: result.id } }); continue; }
    const checked = field.check(value);
    if (checked.error) result.errors.push({ key: 'lab.link.badValue', params: { name, got: clip(value), reason: checked.error } });
    else result.values.push({ field, value: checked.value });
  }
  return result;
}

// "#exp=…&…": the experiment's current settings (fields whose text is not valid are left out: the
// receiver then gets that field's default). flags: { embed, lang }
export function labHash(id, fields, { embed = false, lang = null } = {}) {
  const parts = [`exp=${encodeURIComponent(id)}`];
  for (const field of fields) {
    const text = field.linkText();
    // Commas are legal in a fragment; keep lists like softmax's scores readable.
    if (text !== null) parts.push(`${encodeURIComponent(field.name)}=${encodeURIComponent(text).replace(/%2C/g, ',')}`);
  }
  if (embed) parts.push('embed=1');
  if (lang) parts.push(`lang=${encodeURIComponent(lang)}`);
  return `#${parts.join('&')}`;
}
