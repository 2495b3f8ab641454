// Form fields of the Lab's experiments. Typed text is checked against the field's range when the
// experiment runs; a bad value is marked in red with the reason beside it (never silently clamped),
// and the experiment does not start. Labels come from the Lab dictionary and follow the language.
// Every field also speaks the link format (lab-url.js): check(text) judges a value from a link
// without touching the page, set(value) shows it, linkText() is the value to write into a link.

import { el } from '../views/dom.js';
import { parseNumber } from '../state/validate.js';
import { t } from '../i18n/i18n.js';

// A number box. options: { key (label key), name, value, min, max, integer, note (unit text key) }
export function numberField({ key, name, value, min, max, integer = false }) {
  const input = el('input', { class: 'number', type: 'text', inputmode: 'decimal', name, autocomplete: 'off', spellcheck: 'false', value: String(value) });
  const problem = el('span', { class: 'problem', role: 'alert', hidden: true });
  const element = el('label', { class: 'control lab-field', 'data-field': name }, el('span', { class: 'label', 'data-i18n': key }, t(key)), input, problem);
  const show = (text) => {
    element.classList.toggle('invalid', Boolean(text));
    problem.hidden = !text;
    problem.textContent = text ?? '';
  };
  input.addEventListener('input', () => show(null));
  // The main page's strict number syntax (no hex, no "Infinity"), so links are judged alike on both pages.
  const check = (text) => {
    const v = parseNumber(text);
    if (!Number.isFinite(v)) return { error: t('field.notNumber') };
    if ((integer && !Number.isInteger(v)) || v < min || v > max) return { error: t(integer ? 'field.integer' : 'field.range', { min, max }) };
    return { value: v };
  };
  return {
    element, input, name, check,
    linkText() { const r = check(input.value.trim()); return r.error ? null : String(r.value); },
    // The value, or null after marking the field (the caller reports that something needs fixing).
    read() {
      const r = check(input.value.trim());
      show(r.error ?? null);
      return r.error ? null : r.value;
    },
    set(v) { input.value = String(v); show(null); },
    fail: show,
  };
}

// A select. options: [{ value, key }] (key: label text key, or a literal label when no key).
export function choiceField({ key, name, options, value }) {
  const select = el('select', { name });
  const fill = () => {
    const current = select.value || value;
    select.replaceChildren(...options.map((o) => el('option', { value: o.value }, o.key ? t(o.key) : o.label)));
    select.value = current;
  };
  fill();
  const element = el('label', { class: 'control choice lab-field', 'data-field': name }, el('span', { class: 'label', 'data-i18n': key }, t(key)), select);
  const check = (text) => (options.some((o) => o.value === text) ? { value: text }
    : { error: t('field.choice', { choices: options.map((o) => o.value).join(', ') }) });
  return { element, select, name, check, linkText: () => select.value, read: () => select.value, set(v) { select.value = v; }, relabel: fill };
}

export function checkField({ key, name, checked }) {
  const box = el('input', { type: 'checkbox', name });
  box.checked = checked;
  const element = el('label', { class: 'control bool lab-field', 'data-field': name }, box, el('span', { class: 'label', 'data-i18n': key }, t(key)));
  const check = (text) => (text === '1' || text === '0' ? { value: text === '1' } : { error: t('field.bool') });
  return { element, box, name, check, linkText: () => (box.checked ? '1' : '0'), read: () => box.checked, set(v) { box.checked = Boolean(v); } };
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
