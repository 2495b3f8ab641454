// Experiment 4a: SGD, Momentum, AdaGrad and Adam train the same image classifier from the same
// initial weights; the worker trains them in turns, epoch by epoch, so the four loss curves grow
// side by side as the epochs arrive.

import { el } from '../views/dom.js';
import { formatNumber } from '../format.js';
import { OPTIMIZER_COLORS } from '../charts/colors.js';
import { createLineChart } from '../charts/line-chart.js';
import { createSection } from './section.js';
import { numberField, checkField } from '../views/fields.js';
import { readSplitFields } from './split-fields.js';
import { lossCurveHandlers, drawLossRuns } from './loss-curves.js';
import { createTrainingBar } from './training-control.js';
import { imageData, imageSpec, mlp, IMAGE_CLASSES, IMAGE_COUNT, BOOK_LEARNING_RATES } from './specs.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { oncePerFrame } from '../scheduling.js';

const OPTIMIZERS = ['sgd', 'momentum', 'adagrad', 'adam'];

export function mountOptimizerMnist(parent, worker) {
  const section = createSection({
    id: 'optimizer-mnist', number: '4a', titleKey: 'lab.opt.title', introKeys: ['lab.opt.intro1', 'lab.opt.intro2'],
    formulas: [
      '\\text{SGD: } W \\leftarrow W - \\eta\\,\\nabla W \\qquad \\text{Momentum: } v \\leftarrow 0.9\\,v - \\eta\\,\\nabla W,\\; W \\leftarrow W + v',
      '\\text{AdaGrad: } h \\leftarrow h + \\nabla W \\odot \\nabla W,\\; W \\leftarrow W - \\eta\\,\\frac{\\nabla W}{\\sqrt{h} + \\epsilon} \\qquad \\text{Adam: } \\beta_1 = 0.9,\\; \\beta_2 = 0.999',
    ],
  });
  const train = numberField({ key: 'lab.trainImages', name: 'train', value: 3000, min: 100, max: IMAGE_COUNT - 100, integer: true });
  const test = numberField({ key: 'lab.testImages', name: 'test', value: 500, min: 100, max: IMAGE_COUNT - 100, integer: true });
  const epochs = numberField({ key: 'lab.epochs', name: 'epochs', value: 10, min: 1, max: 50, integer: true });
  const hidden = numberField({ key: 'lab.hiddenLayers', name: 'hidden', value: 2, min: 1, max: 5, integer: true });
  const units = numberField({ key: 'lab.units', name: 'units', value: 100, min: 10, max: 300, integer: true });
  const batch = numberField({ key: 'lab.batch', name: 'batch', value: 100, min: 10, max: 500, integer: true });
  const use = Object.fromEntries(OPTIMIZERS.map((o) => [o, checkField({ key: `lab.opt.${o}`, name: `use-${o}`, checked: true })]));
  const rates = Object.fromEntries(OPTIMIZERS.map((o) => [o, numberField({ key: 'lab.lr', name: `lr-${o}`, value: BOOK_LEARNING_RATES[o], min: 1e-6, max: 10 })]));
  const fields = [train, test, epochs, hidden, units, batch, ...Object.values(use), ...Object.values(rates)];

  const { bar, training } = createTrainingBar(worker, section.element, () => start());
  const optimizerRows = el('div', { class: 'opt-grid' }, ...OPTIMIZERS.flatMap((o) => [use[o].element, rates[o].element]));
  section.controls.append(train.element, test.element, epochs.element, hidden.element, units.element, batch.element, optimizerRows, bar.element);

  const chartBox = el('div', { class: 'chart' });
  const table = el('table', { class: 'metrics lab-table opt-results' });
  section.output.append(el('div', { class: 'lab-two' }, chartBox, el('div', { class: 'table-scroll' }, table)));
  parent.append(section.element);
  const chart = createLineChart(chartBox, { title: () => t('lab.opt.chart'), xLabel: () => t('lab.epoch'), yLabel: () => t('lab.loss') });

  let results = [];  // [{ optimizer, lr, xs, losses, final, testAcc, diverged }]

  function draw() {
    drawLossRuns({
      chart, table, results, headKeys: ['lab.opt.optimizer', 'lab.lr'],
      label: (r) => t(`lab.opt.${r.optimizer}`), color: (r) => OPTIMIZER_COLORS[r.optimizer],
      rowAttrs: (r) => ({ 'data-optimizer': r.optimizer }), extraCells: (r) => [el('td', {}, formatNumber(r.lr, 3))],
    });
  }

  const drawSoon = oncePerFrame(draw);

  function start() {
    const v = readSplitFields(fields, { test, bar });
    if (!v) return;
    const chosen = OPTIMIZERS.filter((o) => v[`use-${o}`]);
    if (chosen.length === 0) { bar.status(t('lab.opt.none'), 'error'); return; }
    const data = imageData({ train: v.train, test: v.test });
    const layers = mlp({ hidden: Array(v.hidden).fill(v.units), outputs: IMAGE_CLASSES });
    results = chosen.map((optimizer) => ({ optimizer, lr: v[`lr-${optimizer}`], xs: [], losses: [], final: null, testAcc: null, diverged: false }));
    draw();
    training.start({
      runs: results.map((r) => ({ images: true, epochs: v.epochs,
        spec: imageSpec({ data, layers, batch: v.batch, optimizer: { kind: r.optimizer, learning_rate: r.lr } }) })),
      concurrent: results.length, record: 'epoch', splits: ['train', 'test'],
    }, lossCurveHandlers(results, { draw, drawSoon }));
  }

  onLanguageChange(() => { chart.relabel(); drawSoon(); });
  drawSoon();
  return { element: section.element, fields, resize: () => chart.resize() };
}
