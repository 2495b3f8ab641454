// Experiment 6: loss and targets. The learner drags (or types) four logits and picks the target
// class; the page shows the one-hot target, the engine's softmax, the cross-entropy −Σ t log y, its
// gradient y − t, and the two Jacobians: softmax's diag(y) − y yᵀ (every output moves with every
// logit) against independent sigmoids' diagonal (one output per logit).

import { el } from '../views/dom.js';
import { formatNumber } from '../format.js';
import { choiceField } from '../views/fields.js';
import { createSection } from './section.js';
import { oneHot, crossEntropy, lossGradient, softmaxJacobian, sigmoidJacobian } from './loss-math.js';
import { t, onLanguageChange } from '../i18n/i18n.js';

const CLASSES = 4;
const LOGIT_MIN = -6;
const LOGIT_MAX = 6;
const DEFAULT_LOGITS = [2, 1, 0.1, -1];

function show(v) { return formatNumber(v, 4); }
// A sum that is 0 or 1 in exact arithmetic is off by float32 rounding (~1e-8); shown to 6 decimals.
function showSum(v) { return formatNumber(Number(v.toFixed(6)), 7); }

// "2, 1, 0.1, -1" -> four numbers in [LOGIT_MIN, LOGIT_MAX], else null.
export function parseLogits(text) {
  const parts = String(text).split(',').map((s) => s.trim());
  if (parts.length !== CLASSES || parts.some((s) => s === '')) return null;
  const zs = parts.map(Number);
  return zs.every((z) => Number.isFinite(z) && z >= LOGIT_MIN && z <= LOGIT_MAX) ? zs : null;
}

// Softmax rows sum to 0 exactly (shown rounded); a sigmoid row's sum is its one slope.
function rowSumCell(sum, kind) {
  return el('td', { 'data-col': 'row-sum', 'data-value': String(sum) }, kind === 'softmax' ? showSum(sum) : show(sum));
}

// A Jacobian as a table whose cells are tinted by sign and size; the last column is each row's sum.
function jacobianTable(matrix, kind) {
  const largest = Math.max(1e-9, ...matrix.flat().map(Math.abs));
  const head = el('tr', {}, el('td', {}, ''), ...matrix.map((_, j) => el('th', {}, `z${j + 1}`)), el('th', {}, t('lab.loss.rowSum')));
  const rows = matrix.map((row, i) => el('tr', {}, el('th', {}, `y${i + 1}`),
    ...row.map((v) => {
      const strength = Math.round((Math.abs(v) / largest) * 70);
      const hue = v >= 0 ? '30, 123, 60' : '192, 57, 43';
      return el('td', { style: `background: rgba(${hue}, ${strength / 100})`, 'data-value': String(v) }, show(v));
    }),
    rowSumCell(row.reduce((a, b) => a + b, 0), kind)));
  return el('table', { class: 'metrics lab-table jacobian-table', 'data-jacobian': kind }, el('thead', {}, head), el('tbody', {}, ...rows));
}

export function mountLossTargets(parent, worker) {
  const section = createSection({
    id: 'loss-targets', number: 6, titleKey: 'lab.loss.title', introKeys: ['lab.loss.intro1', 'lab.loss.intro2'],
    formulas: [
      'y_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}, \\qquad L = -\\sum_i t_i \\log y_i = -\\log y_k',
      '\\frac{\\partial L}{\\partial z_i} = y_i - t_i',
      '\\frac{\\partial y_i}{\\partial z_j} = y_i(\\delta_{ij} - y_j), \\qquad J = \\mathrm{diag}(y) - y y^{\\mathsf T}',
      '\\frac{\\partial \\sigma(z_i)}{\\partial z_j} = \\delta_{ij}\\, \\sigma(z_i)(1 - \\sigma(z_i))',
    ],
  });
  const target = choiceField({ key: 'lab.loss.target', name: 'target', value: '1', options: Array.from({ length: CLASSES }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })) });
  const sliders = [];
  const boxes = [];
  const logitRows = DEFAULT_LOGITS.map((z, i) => {
    const label = t('lab.loss.logit', { i: i + 1 });
    const slider = el('input', { type: 'range', min: LOGIT_MIN, max: LOGIT_MAX, step: 0.1, value: String(z), 'aria-label': label, 'data-logit': String(i) });
    const box = el('input', { type: 'text', class: 'number', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', value: String(z), 'aria-label': label, 'data-logit-box': String(i) });
    sliders.push(slider);
    boxes.push(box);
    return el('div', { class: 'control logit-row' }, el('span', { class: 'label', 'data-logit-label': String(i) }, label), box, slider);
  });
  const problem = el('span', { class: 'problem', role: 'alert', hidden: true });
  const logitGroup = el('div', { class: 'lab-field logit-group', 'data-field': 'logits', role: 'group', 'aria-label': t('lab.loss.logits') }, ...logitRows, problem);
  const status = el('span', { class: 'lab-status', role: 'status', 'aria-live': 'polite' });
  section.controls.append(target.element, logitGroup, status);
  const table = el('table', { class: 'metrics lab-table loss-table' });
  const verdicts = el('div', { class: 'softmax-verdicts loss-verdicts' });
  const jacobians = el('div', { class: 'jacobians' });
  section.output.append(el('div', { class: 'table-scroll' }, table), verdicts, jacobians);
  parent.append(section.element);

  let last = null;  // { zs, k, outputs }
  let asked = 0;

  function readLogits() { return parseLogits(boxes.map((b) => b.value).join(',')); }

  function render() {
    const groupLabel = t('lab.loss.logits');
    logitGroup.setAttribute('aria-label', groupLabel);
    logitRows.forEach((row, i) => {
      const label = t('lab.loss.logit', { i: i + 1 });
      row.querySelector('[data-logit-label]').textContent = label;
      sliders[i].setAttribute('aria-label', label);
      boxes[i].setAttribute('aria-label', label);
    });
    if (!last) return;
    const { zs, k, outputs } = last;
    const y = outputs.softmax;
    const tv = oneHot(k, CLASSES);
    const grad = lossGradient(tv, y);
    const loss = crossEntropy(tv, y);
    const head = el('tr', {}, ...['i', t('lab.loss.colTarget'), 'z', t('lab.loss.colSoftmax'), t('lab.loss.colGradient'), t('lab.loss.colSigmoid')].map((h) => el('th', {}, h)));
    const rows = zs.map((z, i) => el('tr', { class: i === k ? 'target-row' : '' },
      el('td', {}, String(i + 1)),
      el('td', { 'data-col': 'target', 'data-value': String(tv[i]) }, String(tv[i])),
      el('td', { 'data-col': 'logit', 'data-value': String(z) }, show(z)),
      el('td', { 'data-col': 'softmax', 'data-value': String(y[i]) }, show(y[i])),
      el('td', { 'data-col': 'gradient', 'data-value': String(grad[i]) }, show(grad[i])),
      el('td', { 'data-col': 'sigmoid', 'data-value': String(outputs.sigmoid[i]) }, show(outputs.sigmoid[i]))));
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    const sumRow = el('tr', { class: 'sum-row' }, el('td', {}, t('lab.softmax.sum')),
      el('td', {}, show(sum(tv))), el('td', {}),
      el('td', { 'data-col': 'softmax-sum', 'data-value': String(sum(y)) }, showSum(sum(y))),
      el('td', { 'data-col': 'gradient-sum', 'data-value': String(sum(grad)) }, showSum(sum(grad))),
      el('td', { 'data-col': 'sigmoid-sum', 'data-value': String(sum(outputs.sigmoid)) }, show(sum(outputs.sigmoid))));
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows, sumRow));
    verdicts.replaceChildren(
      el('p', { class: 'verdict', 'data-loss': String(loss) }, t('lab.loss.lossLine', { k: k + 1, y: show(y[k]), loss: show(loss) })),
      el('p', { class: 'verdict' }, t('lab.loss.gradientLine', { k: k + 1 })),
      el('p', { class: 'verdict' }, t('lab.loss.sigmoidSum', { sum: show(sum(outputs.sigmoid)) })));
    jacobians.replaceChildren(
      el('figure', { class: 'jacobian' }, el('figcaption', {}, t('lab.loss.softmaxJacobian')), el('div', { class: 'table-scroll' }, jacobianTable(softmaxJacobian(y), 'softmax'))),
      el('figure', { class: 'jacobian' }, el('figcaption', {}, t('lab.loss.sigmoidJacobian')), el('div', { class: 'table-scroll' }, jacobianTable(sigmoidJacobian(outputs.sigmoidSlope), 'sigmoid'))),
      el('p', { class: 'hint' }, t('lab.loss.coupling')));
  }

  // Asks the engine for the outputs; an answer that a newer request overtook is dropped.
  async function compute() {
    const zs = readLogits();
    logitGroup.classList.toggle('invalid', !zs);
    problem.hidden = Boolean(zs);
    if (!zs) { problem.textContent = t('lab.loss.bad', { min: LOGIT_MIN, max: LOGIT_MAX }); return; }
    const ticket = ++asked;
    try {
      const outputs = await worker.compute('lossTargets', { logits: zs });
      if (ticket !== asked) return;
      last = { zs, k: Number(target.select.value) - 1, outputs };
      status.textContent = '';
      render();
      section.element.dataset.ready = 'true';
    } catch (error) {
      status.textContent = t('lab.failed', { detail: error.message });
    }
  }

  sliders.forEach((slider, i) => slider.addEventListener('input', () => { boxes[i].value = slider.value; compute(); }));
  boxes.forEach((box, i) => box.addEventListener('input', () => {
    const z = readLogits()?.[i];
    if (z !== undefined) sliders[i].value = String(z);
    compute();
  }));
  target.select.addEventListener('change', () => compute());

  onLanguageChange(render);
  render();
  // The four logits as one link field, written like the softmax section's scores.
  const logits = {
    name: 'logits',
    parse: (text) => (parseLogits(text) ? { value: parseLogits(text) } : { error: { code: 'logits', got: text } }),
    problem: () => t('lab.loss.bad', { min: LOGIT_MIN, max: LOGIT_MAX }),
    set(values) { values.forEach((z, i) => { boxes[i].value = String(z); sliders[i].value = String(z); }); },
    linkText: () => (readLogits() ? readLogits().join(',') : null),
  };
  return { element: section.element, fields: [target, logits], compute };
}
