// Experiment 5: two input features on very different scales. x1 is given "in thousands"
// (data.feature_scale / feature_offset: x1*scale + offset), x2 as it is; the same small net is
// trained on these raw features and on standardised ones, with a learning rate that suits the
// standardised run. Beside the loss curves the page shows what the explanation rests on, measured
// on the runs: each feature's gradient on the first layer's weights at the first step.

import { el, fillTable } from '../views/dom.js';
import { formatNumber, formatPercent } from '../format.js';
import { createLineChart, alignSeries } from '../charts/line-chart.js';
import { createSection } from './section.js';
import { numberField, choiceField, readFields } from '../views/fields.js';
import { createTrainingBar } from './training-control.js';
import { mlp } from './specs.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { oncePerFrame } from '../scheduling.js';

const COLORS = { raw: '#d62728', standardised: '#1f77b4' };
const DATASETS = ['circles', 'moons', 'xor', 'gaussians', 'spiral'];
const FEATURE_LIMIT = 1e6;  // docs/spec.md: |feature_scale|, |feature_offset| <= 1e6

export function mountPreprocessing(parent, worker) {
  const section = createSection({
    id: 'preprocessing', number: 5, titleKey: 'lab.pre.title', introKeys: ['lab.pre.intro1', 'lab.pre.intro2'],
    formulas: ['\\tilde x_1 = s\\,x_1 + o, \\qquad x\'_k = \\frac{\\tilde x_k - \\mu_k}{\\sigma_k}',
      '\\frac{\\partial L}{\\partial W_{jk}} = \\delta_j\\, x_k \\quad\\Rightarrow\\quad \\frac{\\lVert\\partial L/\\partial W_{\\cdot 1}\\rVert}{\\lVert\\partial L/\\partial W_{\\cdot 2}\\rVert} \\approx \\frac{|x_1|}{|x_2|}'],
  });
  const dataset = choiceField({ key: 'lab.pre.dataset', name: 'dataset', value: 'circles', options: DATASETS.map((d) => ({ value: d, key: `lab.pre.${d}` })) });
  const scale = numberField({ key: 'lab.pre.scale', name: 'scale', value: 1000, min: 0.001, max: FEATURE_LIMIT });
  const offset = numberField({ key: 'lab.pre.offset', name: 'offset', value: 5000, min: -FEATURE_LIMIT, max: FEATURE_LIMIT });
  const units = numberField({ key: 'lab.units', name: 'units', value: 8, min: 1, max: 64, integer: true });
  const lr = numberField({ key: 'lab.lr', name: 'lr', value: 0.1, min: 1e-5, max: 1 });
  const epochs = numberField({ key: 'lab.epochs', name: 'epochs', value: 30, min: 1, max: 300, integer: true });
  const batch = numberField({ key: 'lab.batch', name: 'batch', value: 10, min: 1, max: 200, integer: true });
  const fields = [dataset, scale, offset, units, lr, epochs, batch];
  const { bar, training } = createTrainingBar(worker, section.element, () => start());
  section.controls.append(...fields.map((f) => f.element), bar.element);

  const chartBox = el('div', { class: 'chart' });
  const table = el('table', { class: 'metrics lab-table pre-results' });
  const summary = el('p', { class: 'lab-summary pre-summary', hidden: true });
  // Chart and explanation side by side, the table under them at full width (six columns).
  section.output.append(el('div', { class: 'lab-two' }, chartBox, summary), el('div', { class: 'table-scroll' }, table));
  parent.append(section.element);
  // Log scale: the raw run starts at a loss in the tens, the standardised one ends near 0.1.
  const chart = createLineChart(chartBox, { title: () => t('lab.pre.chart'), xLabel: () => t('lab.epoch'), yLabel: () => t('lab.loss'), log: true });
  let results = [];  // [{ key: 'raw' | 'standardised', xs, losses, accuracy, input, gradients, diverged, done }]
  let used = null;   // the settings of the runs shown

  const n = (v) => formatNumber(v, 3);
  const finalLoss = (r) => (r.diverged ? t('lab.diverged') : n(r.losses.at(-1) ?? null));

  function draw() {
    const series = results.map((r) => ({ label: t(`lab.pre.${r.key}`), color: COLORS[r.key], width: 2, xs: r.xs, ys: r.losses }));
    if (series.length) chart.set(series, alignSeries(series));
    const head = el('tr', {}, el('th', {}, el('span', { class: 'visually-hidden' }, t('lab.overfit.run'))), ...['lab.pre.inputRange', 'lab.pre.gradX1', 'lab.pre.gradX2', 'lab.pre.finalLoss', 'lab.pre.accuracy'].map((k) => el('th', {}, t(k))));
    const rows = results.map((r) => el('tr', { 'data-run': r.key, 'data-final-loss': r.done && !r.diverged ? String(r.losses.at(-1)) : null, 'data-accuracy': r.done ? String(r.accuracy) : null },
      el('td', {}, el('span', { class: 'swatch', style: `background:${COLORS[r.key]}` }), t(`lab.pre.${r.key}`)),
      el('td', {}, r.input ? `${n(r.input.min)} … ${n(r.input.max)}` : '–'),
      el('td', {}, r.gradients ? n(r.gradients[0]) : '–'), el('td', {}, r.gradients ? n(r.gradients[1]) : '–'),
      el('td', {}, finalLoss(r)), el('td', {}, formatPercent(r.accuracy))));
    fillTable(table, head, rows);
    explain();
  }

  // The explanation under the table, every number in it read from the two finished runs.
  function explain() {
    const [raw, standardised] = results;
    const ready = raw?.done && standardised?.done && raw.gradients && standardised.gradients;
    summary.hidden = !ready;
    if (!ready) return;
    const ratio = (r) => r.gradients[0] / r.gradients[1];
    summary.dataset.ratio = String(ratio(raw));
    summary.textContent = t('lab.pre.explain', {
      ratio: formatNumber(ratio(raw), 3), g1: n(raw.gradients[0]), g2: n(raw.gradients[1]), stdRatio: formatNumber(ratio(standardised), 2),
      lr: used.lr, jump: n(used.lr * raw.gradients[0]), epochs: used.epochs,
      rawAcc: formatPercent(raw.accuracy), rawLoss: finalLoss(raw), stdAcc: formatPercent(standardised.accuracy), stdLoss: finalLoss(standardised),
    });
  }

  const drawSoon = oncePerFrame(draw);

  function start() {
    const v = readFields(fields);
    if (!v) { bar.status(t('lab.fix'), 'error'); return; }
    used = v;
    results = ['raw', 'standardised'].map((key) => ({ key, xs: [], losses: [], accuracy: null, input: null, gradients: null, diverged: false, done: false }));
    const spec = (standardize) => ({
      data: { kind: v.dataset, samples: 400, classes: 2, noise: 0.1, features: ['x1', 'x2'],
        feature_scale: [v.scale, 1], feature_offset: [v.offset, 0], standardize, seed: 3 },
      layers: mlp({ hidden: [v.units], outputs: 2, activation: 'relu', init: { kind: 'he_normal' } }),
      loss: 'softmax_cross_entropy',
      // Plain SGD: one learning rate for every weight, which is the point of the lesson.
      optimizer: { kind: 'sgd', learning_rate: v.lr },
      training: { batch_size: v.batch, seed: 1 },
    });
    draw();
    const job = { runs: [false, true].map((s) => ({ images: false, epochs: v.epochs, spec: spec(s) })), concurrent: 2, record: 'epoch', splits: ['train'], inputStats: true, inputGradients: true };
    training.start(job, {
      onProgress(m) {
        const r = results[m.run];
        r.xs.push(m.epoch);
        r.losses.push(m.metrics.train.loss);
        r.accuracy = m.metrics.train.accuracy;
        drawSoon();
      },
      onRunDone(m) {
        Object.assign(results[m.run], { input: m.input, gradients: m.inputGradients, diverged: Boolean(m.diverged), accuracy: m.metrics.train.accuracy, done: true });
        drawSoon();
      },
      onDone: draw,
    });
  }

  onLanguageChange(() => { dataset.relabel(); chart.relabel(); drawSoon(); });
  drawSoon();
  return { element: section.element, fields, resize: () => chart.resize() };
}
