// Builds a control for one row of the settings table (select, slider + number box, checkbox).
// Typed text goes through the same parseValue as the URL: a bad value is shown in red with the
// reason, and the setting keeps its last good value.

import { SETTING_BY_KEY, isRelevant } from '../state/settings.js';
import { parseValue } from '../state/validate.js';
import { t, describeError, onLanguageChange } from '../i18n/i18n.js';
import { formatNumber } from '../format.js';
import { el } from './dom.js';

const SLIDER_STEPS = 1000;

export function choiceLabel(key, value) {
  const label = t(`choice.${key}.${value}`);
  return label.startsWith('choice.') ? String(value) : label;
}

export function renderControls(container, keys, store, { messages } = {}) {
  const controls = keys.map((key) => createControl(SETTING_BY_KEY[key], store, messages));
  for (const control of controls) container.append(control.element);
  const refresh = () => { for (const control of controls) control.update(store.settings); };
  store.subscribe(refresh);  // every key: whether a control applies (`when`) may depend on any setting
  onLanguageChange(() => { for (const control of controls) control.translate(); refresh(); });
  refresh();
}

function createControl(row, store, messages) {
  const label = el('span', { class: 'label' });
  const element = el('label', { class: `control ${row.type}`, 'data-setting': row.key });
  const problem = el('span', { class: 'problem', hidden: true });
  const commit = (value) => store.set({ [row.key]: value });
  const showProblem = (error) => {
    element.classList.toggle('invalid', Boolean(error));
    problem.hidden = !error;
    problem.textContent = error ? describeError(error) : '';
    if (error && messages) messages.show('warn', t('msg.inputProblem', { field: t(`setting.${row.key}`), detail: describeError(error) }), `input-${row.key}`);
  };
  let update;
  let translate = () => { label.textContent = t(`setting.${row.key}`); };

  if (row.type === 'choice') {
    const select = el('select', { name: row.key });
    const fill = () => {
      select.replaceChildren(...row.choices.map((value) => el('option', { value }, choiceLabel(row.key, value))));
    };
    fill();
    select.addEventListener('change', () => commit(select.value));
    element.append(label, select);
    update = (s) => { select.value = s[row.key]; };
    const base = translate;
    translate = () => { base(); const v = select.value; fill(); select.value = v; };
  } else if (row.type === 'bool') {
    const box = el('input', { type: 'checkbox', name: row.key });
    box.addEventListener('change', () => commit(box.checked));
    element.append(box, label);
    update = (s) => { box.checked = Boolean(s[row.key]); };
  } else {
    const box = el('input', { class: 'number', type: 'text', inputmode: 'decimal', name: row.key, autocomplete: 'off', spellcheck: 'false' });
    const slider = row.log || row.step ? el('input', { type: 'range', min: 0, max: SLIDER_STEPS, step: 1, tabindex: -1, 'aria-hidden': 'true' }) : null;
    const toSlider = (v) => {
      const x = row.log ? (Math.log(v) - Math.log(row.min)) / (Math.log(row.max) - Math.log(row.min)) : (v - row.min) / (row.max - row.min);
      return Math.round(Math.max(0, Math.min(1, x)) * SLIDER_STEPS);
    };
    const fromSlider = (p) => {
      const x = p / SLIDER_STEPS;
      let v = row.log ? Math.exp(Math.log(row.min) + x * (Math.log(row.max) - Math.log(row.min))) : row.min + x * (row.max - row.min);
      v = row.log ? Number(v.toPrecision(2)) : Math.round(v / row.step) * row.step;
      return row.type === 'int' ? Math.round(v) : Number(v.toPrecision(6));
    };
    box.addEventListener('change', () => {
      const parsed = parseValue(row, box.value);
      if (parsed.error) { showProblem(parsed.error); return; }
      showProblem(null);
      if (messages) messages.clear(`input-${row.key}`);
      commit(parsed.value);
    });
    slider?.addEventListener('input', () => { showProblem(null); commit(fromSlider(Number(slider.value))); });
    element.append(label, box);
    if (slider) element.append(slider);
    update = (s) => {
      const v = s[row.key];
      if (document.activeElement !== box && !element.classList.contains('invalid')) box.value = row.type === 'int' ? String(v) : formatNumber(v, 4);
      if (slider && document.activeElement !== slider) slider.value = toSlider(v);
    };
  }
  element.append(problem);
  translate();
  return {
    element,
    translate,
    update(settings) {
      element.hidden = !isRelevant(row, settings);
      update(settings);
    },
  };
}
