// The lab's form fields: a number box, a select, a checkbox. Each is described by a row of the
// settings table's shape ({ type: 'number' | 'int' | 'choice' | 'bool', min, max, choices }) and judged
// by the same validation as the sandbox's settings (state/validate.js), so a value is accepted or
// refused alike on both pages and in both pages' links. Validation returns codes; this view words
// them (fieldProblem) and marks a bad value in red with the reason beside it (never silently
// clamped); the experiment then does not start.
// Every field also speaks the lab's link format (state/url.js): parse(text) judges a value from a
// link without touching the page ({ value } or { error: { code, ... } }), problem(error) words a
// refusal, set(value) shows a value, linkText() is the value to write into a link.

import { el } from './dom.js';
import { parseNumber, parseValue } from '../state/validate.js';
import { t } from '../i18n/i18n.js';

// The reason a value was refused, in the current language: error is parseValue's { code, ... }.
// A number field says "Enter a number." for text that is no number at all, else its range.
export function fieldProblem(row, error) {
  if (row.type === 'bool') return t('field.bool');
  if (row.type === 'choice') return t('field.choice', { choices: row.choices.join(', ') });
  if (error.code === 'tooLong' || !Number.isFinite(parseNumber(error.got))) return t('field.notNumber');
  return t(row.type === 'int' ? 'field.integer' : 'field.range', { min: row.min, max: row.max });
}

function judgedBy(row) {
  return { parse: (text) => parseValue(row, text), problem: (error) => fieldProblem(row, error) };
}

// A number box. options: { key (label key), name, value, min, max, integer }
export function numberField({ key, name, value, min, max, integer = false }) {
  const row = { type: integer ? 'int' : 'number', min, max };
  const input = el('input', { class: 'number', type: 'text', inputmode: 'decimal', name, autocomplete: 'off', spellcheck: 'false', value: String(value) });
  const problem = el('span', { class: 'problem', role: 'alert', hidden: true });
  const element = el('label', { class: 'control lab-field', 'data-field': name }, el('span', { class: 'label', 'data-i18n': key }, t(key)), input, problem);
  const show = (text) => {
    element.classList.toggle('invalid', Boolean(text));
    problem.hidden = !text;
    problem.textContent = text ?? '';
  };
  input.addEventListener('input', () => show(null));
  const check = () => parseValue(row, input.value.trim());
  return {
    element, input, name, ...judgedBy(row),
    linkText() { const r = check(); return r.error ? null : String(r.value); },
    // The value, or null after marking the field (the caller reports that something needs fixing).
    read() {
      const r = check();
      show(r.error ? fieldProblem(row, r.error) : null);
      return r.error ? null : r.value;
    },
    set(v) { input.value = String(v); show(null); },
    fail: show,
  };
}

// A select. options: [{ value, key }] (key: label text key, or a literal label when no key).
export function choiceField({ key, name, options, value }) {
  const row = { type: 'choice', choices: options.map((o) => o.value) };
  const select = el('select', { name });
  const fill = () => {
    const current = select.value || value;
    select.replaceChildren(...options.map((o) => el('option', { value: o.value }, o.key ? t(o.key) : o.label)));
    select.value = current;
  };
  fill();
  const element = el('label', { class: 'control choice lab-field', 'data-field': name }, el('span', { class: 'label', 'data-i18n': key }, t(key)), select);
  return { element, select, name, ...judgedBy(row), linkText: () => select.value, read: () => select.value, set(v) { select.value = v; }, relabel: fill };
}

export function checkField({ key, name, checked }) {
  const row = { type: 'bool' };
  const box = el('input', { type: 'checkbox', name });
  box.checked = checked;
  const element = el('label', { class: 'control bool lab-field', 'data-field': name }, box, el('span', { class: 'label', 'data-i18n': key }, t(key)));
  return { element, box, name, ...judgedBy(row), linkText: () => (box.checked ? '1' : '0'), read: () => box.checked, set(v) { box.checked = Boolean(v); } };
}

// Reads every field; returns { name: value } or null when any field is bad (all bad ones get marked).
export function readFields(fields) {
  const values = {};
  let ok = true;
  for (const field of fields) {
    const v = field.read();
    if (v === null) ok = false;
    values[field.name] = v;
  }
  return ok ? values : null;
}
