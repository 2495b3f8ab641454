// Experiment 4e: dropout as an ensemble. A net trained with dropout is, at each step, one of many
// thinned networks (the units its mask keeps) that share their weights. After training, the engine
// scores `networks` thinned networks on the test images (each with its own mask, the same for every
// image: Run.thinnedEnsemble), the average of the first k of them as k grows, and the whole network,
// which inverted dropout already scaled in training. The whole network approximates the average.

import { el, fillTable } from '../views/dom.js';
import { formatNumber, formatPercent } from '../format.js';
import { createLineChart, alignSeries } from '../charts/line-chart.js';
import { createSection } from './section.js';
import { numberField } from '../views/fields.js';
import { readSplitFields, imageNetFields } from './split-fields.js';
import { createTrainingBar } from './training-control.js';
import { thinnedSummary } from './thinned-summary.js';
import { dropoutEnsembleSpec, DROPOUT_ENSEMBLE_DEFAULTS as D } from './specs.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { oncePerFrame } from '../scheduling.js';

const COLORS = { thinned: '#8e9aab', average: '#d62728', full: '#1d2430' };
// From the tenth below the lowest value to 100 %: the thinned networks' spread and the average's
// climb fill the chart instead of its top quarter.
const upperRange = (u, min) => [Math.max(0, Math.floor(min * 10) / 10), 1];

export function mountDropoutEnsemble(parent, worker) {
  const section = createSection({
    id: 'dropout-ensemble', number: '4e', titleKey: 'lab.dropEns.title', introKeys: ['lab.dropEns.intro1', 'lab.dropEns.intro2', 'lab.dropEns.intro3'],
    formulas: ['\\tilde h = \\frac{m \\odot h}{1 - p},\\; m_i \\sim \\text{Bernoulli}(1 - p) \\qquad \\mathbb{E}_m[\\tilde h] = h',
      '\\bar y_k = \\frac{1}{k} \\sum_{j=1}^{k} y(x;\\, m^{(j)}) \\;\\approx\\; y(x;\\, \\mathbf{1})'],
  });
  const rate = numberField({ key: 'lab.overfit.rate', name: 'rate', value: D.rate, min: 0, max: 0.9 });
  const networks = numberField({ key: 'lab.dropEns.networks', name: 'networks', value: D.networks, min: 1, max: 100, integer: true });
  const maskSeed = numberField({ key: 'lab.dropEns.maskSeed', name: 'maskSeed', value: D.maskSeed, min: 0, max: 2 ** 31 - 1, integer: true });
  const { train, test, epochs, hidden, units, lr, batch } = imageNetFields(D, { maxHidden: 6 });
  const fields = [rate, networks, maskSeed, train, test, epochs, hidden, units, lr, batch];
  const { bar, training } = createTrainingBar(worker, section.element, () => start());
  section.controls.append(...fields.map((f) => f.element), bar.element);

  const accuracyBox = el('div', { class: 'chart', 'data-chart': 'accuracy' });
  const agreementBox = el('div', { class: 'chart', 'data-chart': 'agreement' });
  const table = el('table', { class: 'metrics lab-table dropout-ensemble-results' });
  section.output.append(el('div', { class: 'lab-four' }, accuracyBox, agreementBox), el('div', { class: 'table-scroll' }, table));
  parent.append(section.element);
  const accuracyChart = createLineChart(accuracyBox, { title: () => t('lab.dropEns.accuracyChart'), xLabel: () => t('lab.dropEns.k'), yLabel: () => t('lab.accuracy'), percent: true, yRange: upperRange, wholeX: true });
  const agreementChart = createLineChart(agreementBox, { title: () => t('lab.dropEns.agreementChart'), xLabel: () => t('lab.dropEns.k'), yLabel: () => t('lab.dropEns.agreementAxis'), percent: true, yRange: upperRange, wholeX: true });

  let ensemble = null;  // Run.thinnedEnsemble's result, once the run finished
  let diverged = false;

  function draw() {
    if (!ensemble) {
      accuracyChart.reset();
      agreementChart.reset();
      fillTable(table, el('tr', {}), diverged ? [el('tr', {}, el('td', {}, t('lab.diverged')))] : []);
      return;
    }
    const ks = ensemble.thinned.map((_, i) => i + 1);
    const accuracy = [
      { label: t('lab.dropEns.thinnedK'), color: COLORS.thinned, width: 1.5, xs: ks, ys: ensemble.thinned.map((x) => x.accuracy) },
      { label: t('lab.dropEns.averageK'), color: COLORS.average, width: 2.5, xs: ks, ys: ensemble.averageAccuracy },
      { label: t('lab.dropEns.full'), color: COLORS.full, width: 2, dash: [6, 4], xs: ks, ys: ks.map(() => ensemble.full.accuracy) },
    ];
    accuracyChart.set(accuracy, alignSeries(accuracy));
    const agreement = [
      { label: t('lab.dropEns.thinnedK'), color: COLORS.thinned, width: 1.5, xs: ks, ys: ensemble.thinnedAgreement },
      { label: t('lab.dropEns.averageK'), color: COLORS.average, width: 2.5, xs: ks, ys: ensemble.agreement },
    ];
    agreementChart.set(agreement, alignSeries(agreement));

    const s = thinnedSummary(ensemble);
    const head = el('tr', {}, ...['lab.dropEns.network', 'lab.dropEns.testAcc', 'lab.dropEns.agreementAxis', 'lab.dropEns.gap'].map((k) => el('th', {}, t(k))));
    const row = (key, attrs, cells) => el('tr', { 'data-row': key, ...attrs }, el('td', {}, t(`lab.dropEns.row.${key}`, { n: s.networks })), ...cells.map((c) => el('td', {}, c)));
    fillTable(table, head, [
      row('full', { 'data-accuracy': String(s.full) }, [formatPercent(s.full), '100 %', '0']),
      row('thinned', { 'data-accuracy': String(s.thinnedMean), 'data-min': String(s.thinnedMin), 'data-max': String(s.thinnedMax), 'data-agreement': String(s.thinnedAgreement), 'data-gap': String(s.thinnedGap) },
        [t('lab.dropEns.range', { mean: formatPercent(s.thinnedMean), min: formatPercent(s.thinnedMin), max: formatPercent(s.thinnedMax) }), formatPercent(s.thinnedAgreement), formatNumber(s.thinnedGap, 2)]),
      row('average', { 'data-accuracy': String(s.average), 'data-agreement': String(s.averageAgreement), 'data-gap': String(s.averageGap) },
        [formatPercent(s.average), formatPercent(s.averageAgreement), formatNumber(s.averageGap, 2)]),
    ]);
  }

  const drawSoon = oncePerFrame(draw);

  function start() {
    const v = readSplitFields(fields, { test, bar });
    if (!v) return;
    ensemble = null;
    diverged = false;
    draw();
    training.start({
      runs: [{ images: true, epochs: v.epochs, spec: dropoutEnsembleSpec(v) }],
      concurrent: 1, record: 'epoch', splits: [], thinned: { count: v.networks, seed: v.maskSeed, split: 'test' },
    }, {
      onRunDone(m) { ensemble = m.thinned; diverged = Boolean(m.diverged); drawSoon(); },
      onDone: draw,
    });
  }

  onLanguageChange(() => { accuracyChart.relabel(); agreementChart.relabel(); drawSoon(); });
  drawSoon();
  return { element: section.element, fields, resize: () => { accuracyChart.resize(); agreementChart.resize(); } };
}
