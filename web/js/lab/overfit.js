// Experiment 4c: a big net on 300 images overfits (train accuracy -> 100 %, test far lower);
// the same run with weight decay (l2) and with dropout narrows the gap; with BatchNorm it does not
// (lab.overfit.intro4). The learner picks which of the four to train; they train side by side so
// their curves grow together.

import { el, fillTable } from '../views/dom.js';
import { formatNumber, formatPercent } from '../format.js';
import { SPLIT_COLORS } from '../charts/colors.js';
import { createLineChart, alignSeries } from '../charts/line-chart.js';
import { createSection } from './section.js';
import { numberField, checkField } from '../views/fields.js';
import { readSplitFields } from './split-fields.js';
import { createTrainingBar } from './training-control.js';
import { overfitSpec, OVERFIT_DEFAULTS as D, IMAGE_COUNT } from './specs.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { oncePerFrame } from '../scheduling.js';

const VARIANTS = ['plain', 'decay', 'dropout', 'batchnorm'];

export function mountOverfit(parent, worker) {
  const section = createSection({
    id: 'overfit', number: '4c', titleKey: 'lab.overfit.title', introKeys: ['lab.overfit.intro1', 'lab.overfit.intro2', 'lab.overfit.intro3', 'lab.overfit.intro4'],
    formulas: ['L = L_0 + \\frac{\\lambda}{2} \\sum_l \\lVert W_l \\rVert^2 \\;\\Rightarrow\\; \\nabla W \\mathrel{+}= \\lambda W \\qquad \\tilde h = \\frac{m \\odot h}{1 - p},\\; m_i \\sim \\text{Bernoulli}(1 - p)'],
  });
  const use = Object.fromEntries(VARIANTS.map((k) => [k, checkField({ key: `lab.overfit.${k}`, name: `use-${k}`, checked: true })]));
  const lambda = numberField({ key: 'lab.overfit.lambda', name: 'lambda', value: D.lambda, min: 0, max: 10 });
  const rate = numberField({ key: 'lab.overfit.rate', name: 'rate', value: D.rate, min: 0, max: 0.9 });
  const train = numberField({ key: 'lab.trainImages', name: 'train', value: D.train, min: 20, max: IMAGE_COUNT - 100, integer: true });
  const test = numberField({ key: 'lab.testImages', name: 'test', value: D.test, min: 100, max: IMAGE_COUNT - 20, integer: true });
  const epochs = numberField({ key: 'lab.epochs', name: 'epochs', value: D.epochs, min: 1, max: 500, integer: true });
  const hidden = numberField({ key: 'lab.hiddenLayers', name: 'hidden', value: D.hidden, min: 1, max: 10, integer: true });
  const lr = numberField({ key: 'lab.lr', name: 'lr', value: D.lr, min: 1e-5, max: 1 });
  const batch = numberField({ key: 'lab.batch', name: 'batch', value: D.batch, min: 10, max: 500, integer: true });
  const fields = [...Object.values(use), lambda, rate, train, test, epochs, hidden, lr, batch];
  const { bar, training } = createTrainingBar(worker, section.element, () => start());
  section.controls.append(el('div', { class: 'opt-grid' }, use.plain.element, el('span', {}), use.decay.element, lambda.element, use.dropout.element, rate.element, use.batchnorm.element, el('span', {})),
    train.element, test.element, epochs.element, hidden.element, lr.element, batch.element, bar.element);

  const boxes = Object.fromEntries(VARIANTS.map((k) => [k, el('div', { class: 'chart', 'data-variant': k })]));
  const table = el('table', { class: 'metrics lab-table overfit-results' });
  section.output.append(el('div', { class: 'lab-four' }, ...VARIANTS.map((k) => boxes[k])), el('div', { class: 'table-scroll' }, table));
  parent.append(section.element);

  let settings = { lambda: D.lambda, rate: D.rate };
  const title = (k) => (k === 'plain' || k === 'batchnorm' ? t(`lab.overfit.${k}`)
    : k === 'decay' ? t('lab.overfit.decayTitle', { lambda: formatNumber(settings.lambda, 3) })
      : t('lab.overfit.dropoutTitle', { rate: formatNumber(settings.rate, 3) }));
  const charts = Object.fromEntries(VARIANTS.map((k) => [k, createLineChart(boxes[k], {
    title: () => title(k), xLabel: () => t('lab.epoch'), yLabel: () => t('lab.accuracy'), yRange: [0, 1], percent: true })]));
  let results = [];  // [{ variant, xs, train, test, diverged }]

  function draw() {
    for (const r of results) {
      const series = [
        { label: t('lab.train'), color: SPLIT_COLORS.train, width: 2, xs: r.xs, ys: r.train },
        { label: t('lab.test'), color: SPLIT_COLORS.test, width: 2, xs: r.xs, ys: r.test },
      ];
      charts[r.variant].set(series, alignSeries(series));
    }
    const head = el('tr', {}, ...[t('lab.overfit.run'), t('lab.train'), t('lab.test'), t('lab.overfit.gap')].map((h) => el('th', {}, h)));
    const rows = results.map((r) => {
      const a = r.train.at(-1) ?? null;
      const b = r.test.at(-1) ?? null;
      return el('tr', { 'data-variant': r.variant, 'data-gap': a === null || b === null ? '' : String(a - b), 'data-train': r.train.join(' '), 'data-test': r.test.join(' ') },
        el('td', {}, title(r.variant)), el('td', {}, r.diverged ? t('lab.diverged') : formatPercent(a)), el('td', {}, formatPercent(b)),
        el('td', {}, a === null || b === null ? '–' : formatPercent(a - b)));
    });
    fillTable(table, head, rows);
  }

  const drawSoon = oncePerFrame(draw);

  function start() {
    const v = readSplitFields(fields, { test, bar });
    if (!v) return;
    const chosen = VARIANTS.filter((k) => v[`use-${k}`]);
    if (chosen.length === 0) { bar.status(t('lab.overfit.none'), 'error'); return; }
    settings = { lambda: v.lambda, rate: v.rate };
    results = chosen.map((variant) => ({ variant, xs: [], train: [], test: [], diverged: false }));
    for (const k of VARIANTS) { boxes[k].hidden = !chosen.includes(k); charts[k].reset(); }
    draw();
    const spec = (variant) => overfitSpec(variant, v);
    training.start({ runs: results.map((r) => ({ images: true, epochs: v.epochs, spec: spec(r.variant) })), concurrent: results.length, record: 'epoch', splits: ['train', 'test'] }, {
      onProgress(m) {
        const r = results[m.run];
        r.xs.push(m.epoch);
        r.train.push(m.metrics.train.accuracy);
        r.test.push(m.metrics.test.accuracy);
        drawSoon();
      },
      onRunDone(m) { if (m.diverged) { results[m.run].diverged = true; drawSoon(); } },
      onDone: draw,
    });
  }

  onLanguageChange(() => { for (const k of VARIANTS) charts[k].relabel(); drawSoon(); });
  drawSoon();
  return { element: section.element, fields, resize: () => VARIANTS.forEach((k) => charts[k].resize()) };
}
