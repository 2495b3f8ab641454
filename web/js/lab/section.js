// The frame every Lab experiment shares: a numbered section with its title, a short explanation,
// optional formulas (KaTeX), a row of controls, the Run/Stop bar with progress, and the output.

import { el } from '../views/dom.js';
import { formulaElement } from '../views/formula.js';
import { t } from '../i18n/i18n.js';

// options: { id, number, titleKey, introKeys: [key], formulas: [tex], wide }
export function createSection({ id, number, titleKey, introKeys = [], formulas = [] }) {
  const controls = el('div', { class: 'lab-controls' });
  const output = el('div', { class: 'lab-output' });
  const intro = el('div', { class: 'lab-intro' },
    ...introKeys.map((key) => el('p', { 'data-i18n': key }, t(key))));
  if (formulas.length) intro.append(el('div', { class: 'lab-formulas' }, ...formulas.map(formulaElement)));
  const element = el('section', { class: 'panel wide lab-section', id, 'aria-labelledby': `${id}-title` },
    // .lab-head also holds the section's share buttons (views/share.js).
    el('div', { class: 'lab-head' },
      el('h2', { id: `${id}-title`, class: 'lab-title' }, el('span', { class: 'lab-number' }, String(number)), el('span', { 'data-i18n': titleKey }, t(titleKey)))),
    intro, controls, output);
  return { element, intro, controls, output };
}

// Run (and, for trainings, Stop) with a progress bar and a status line.
// options: { runKey, stoppable, onRun, onStop, idleKey (what the status line says before the first
// run, kept in the page's language until a status replaces it) }
export function createRunBar({ runKey = 'lab.run', stoppable = false, onRun, onStop, idleKey = null }) {
  const run = el('button', { type: 'button', class: 'button primary lab-run', 'data-i18n': runKey }, t(runKey));
  const stop = stoppable ? el('button', { type: 'button', class: 'button lab-stop', 'data-i18n': 'lab.stop', disabled: true }, t('lab.stop')) : null;
  const progress = el('progress', { class: 'lab-progress', max: 1, value: 0, hidden: true });
  const status = idleKey ? el('span', { class: 'lab-status', role: 'status', 'aria-live': 'polite', 'data-i18n': idleKey }, t(idleKey))
    : el('span', { class: 'lab-status', role: 'status', 'aria-live': 'polite' });
  const element = el('div', { class: 'lab-runbar' }, run, stop, progress, status);
  run.addEventListener('click', () => onRun());
  stop?.addEventListener('click', () => onStop?.());
  return {
    element, run, stop,
    busy(on) {
      run.disabled = on;
      if (stop) stop.disabled = !on;
      progress.hidden = !on && Number(progress.value) === 0;
      element.dataset.state = on ? 'running' : 'idle';
    },
    progress(fraction) { progress.hidden = false; progress.value = Math.max(0, Math.min(1, fraction)); },
    // kind: '' | 'error' | 'done'
    status(text, kind = '') { delete status.dataset.i18n; status.textContent = text; status.dataset.kind = kind; },
  };
}

// A small legend: [{ label, color, dash }]
export function legend(items) {
  return el('div', { class: 'legend lab-legend' }, ...items.map((item) => el('span', {},
    el('span', { class: `swatch line${item.dash ? ' dashed' : ''}`, style: item.dash ? `border-top: 3px dashed ${item.color}; background: none` : `background: ${item.color}` }),
    item.label)));
}
