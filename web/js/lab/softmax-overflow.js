// Experiment 2: softmax computed literally in float32 (Math.fround after every operation, as a
// float32 kernel would) next to the engine's max-subtracted softmax. Large scores overflow e^x to
// Infinity and Infinity/Infinity gives NaN; the stable version stays a distribution.

import { el } from '../views/dom.js';
import { formatNumber } from '../format.js';
import { createSection, createRunBar } from './section.js';
import { t, onLanguageChange } from '../i18n/i18n.js';

const MAX_INPUTS = 10;
const LIMIT = 1e6;
// The largest finite float32, (2 - 2^-23) * 2^127; e^x overflows above its logarithm.
const FLOAT32_MAX = (2 - 2 ** -23) * 2 ** 127;

// Naive softmax in float32 arithmetic: exp, running sum, division, each rounded to float32.
export function naiveSoftmax32(xs) {
  const f = Math.fround;
  const exps = xs.map((x) => f(Math.exp(f(x))));
  let sum = 0;
  for (const e of exps) sum = f(sum + e);
  return { exps, sum, outputs: exps.map((e) => f(e / sum)) };
}

// "1000, 1010, 990" -> [1000, 1010, 990], or null when it is not 1..10 numbers in range.
export function parseScores(text) {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length < 1 || parts.length > MAX_INPUTS || parts.some((s) => s === '')) return null;
  const xs = parts.map(Number);
  return xs.every((x) => Number.isFinite(x) && Math.abs(x) <= LIMIT) ? xs : null;
}

// Shows non-finite values as JavaScript prints them, since that is what a learner would see.
function show(v) {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  return formatNumber(v, 6);
}

export function mountSoftmaxOverflow(parent, worker) {
  const section = createSection({
    id: 'softmax', number: 2, titleKey: 'lab.softmax.title', introKeys: ['lab.softmax.intro1', 'lab.softmax.intro2'],
    formulas: ['y_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}} = \\frac{e^{x_i - m}}{\\sum_j e^{x_j - m}}, \\qquad m = \\max_j x_j'],
  });
  const input = el('input', { type: 'text', class: 'number wide', name: 'scores', value: '1000, 1010, 990', autocomplete: 'off', spellcheck: 'false' });
  const problem = el('span', { class: 'problem', role: 'alert', hidden: true });
  const field = el('label', { class: 'control lab-field wide-field', 'data-field': 'scores' }, el('span', { class: 'label', 'data-i18n': 'lab.softmax.inputs' }, t('lab.softmax.inputs')), input, problem);
  const bar = createRunBar({ runKey: 'lab.compute', onRun: () => compute() });
  section.controls.append(field, bar.element);
  const limit = el('p', { class: 'hint' });
  const table = el('table', { class: 'metrics lab-table softmax-table' });
  const verdicts = el('div', { class: 'softmax-verdicts' });
  section.output.append(limit, el('div', { class: 'table-scroll' }, table), verdicts);
  parent.append(section.element);
  input.addEventListener('keydown', (event) => { if (event.key === 'Enter') compute(); });
  input.addEventListener('input', () => { problem.hidden = true; field.classList.remove('invalid'); });

  let last = null;  // { xs, naive, stable }

  function render() {
    limit.textContent = t('lab.softmax.limit', { limit: formatNumber(Math.log(FLOAT32_MAX), 4) });
    if (!last) return;
    const { xs, naive, stable } = last;
    const m = Math.max(...xs);
    const head = el('tr', {}, ...['i', 'x', t('lab.softmax.naiveExp'), t('lab.softmax.naive'), t('lab.softmax.shifted'), t('lab.softmax.stable')].map((h) => el('th', {}, h)));
    const rows = xs.map((x, i) => el('tr', {},
      el('td', {}, String(i + 1)), el('td', {}, show(x)),
      el('td', { 'data-col': 'naive-exp' }, show(naive.exps[i])),
      el('td', { 'data-col': 'naive', class: Number.isFinite(naive.outputs[i]) ? '' : 'bad' }, show(naive.outputs[i])),
      el('td', {}, show(x - m)),
      el('td', { 'data-col': 'stable', class: 'good' }, show(stable[i]))));
    const naiveSum = naive.outputs.reduce((a, b) => a + b, 0);
    const stableSum = Array.from(stable).reduce((a, b) => a + b, 0);
    const sumRow = el('tr', { class: 'sum-row' }, el('td', {}, t('lab.softmax.sum')), el('td', {}), el('td', {}, show(naive.sum)),
      el('td', { 'data-col': 'naive-sum' }, show(naiveSum)), el('td', {}), el('td', { 'data-col': 'stable-sum', 'data-value': String(stableSum) }, show(stableSum)));
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows, sumRow));
    const bad = naive.outputs.filter((v) => !Number.isFinite(v)).length;
    verdicts.replaceChildren(
      el('p', { class: bad ? 'verdict bad' : 'verdict' }, bad ? t('lab.softmax.naiveBroken', { bad, n: xs.length }) : t('lab.softmax.naiveFine')),
      el('p', { class: 'verdict good' }, t('lab.softmax.stableSum', { sum: show(stableSum) })));
  }

  async function compute() {
    const xs = parseScores(input.value);
    if (!xs) {
      field.classList.add('invalid');
      problem.hidden = false;
      problem.textContent = t('lab.softmax.bad');
      bar.status(t('lab.fix'), 'error');
      return;
    }
    bar.status('');
    try {
      const stable = await worker.compute('softmax', { logits: xs });
      last = { xs, naive: naiveSoftmax32(xs), stable };
      render();
      section.element.dataset.ready = 'true';
    } catch (error) {
      bar.status(t('lab.failed', { detail: error.message }), 'error');
    }
  }

  onLanguageChange(render);
  render();
  // The scores box as a link field (views/fields.js's interface); the text is kept as typed.
  const scores = {
    name: 'scores',
    parse: (text) => (parseScores(text) ? { value: text.trim() } : { error: { code: 'scores', got: text } }),
    problem: () => t('lab.softmax.bad'),
    set(value) { input.value = value; problem.hidden = true; field.classList.remove('invalid'); },
    linkText: () => (parseScores(input.value) ? input.value.trim() : null),
  };
  return { element: section.element, fields: [scores], compute };
}
