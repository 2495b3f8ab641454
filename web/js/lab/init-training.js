// Experiment 3b: the same ReLU network trained on Fashion-MNIST from three initialisations (std 0.01,
// Xavier, He), same seed and images; the runs train side by side (one per worker) and their loss
// curves share one chart, so the histograms of experiment 3 get their consequence for training.

import { el } from '../views/dom.js';
import { formatNumber } from '../format.js';
import { INIT_COLORS } from '../charts/colors.js';
import { createLineChart } from '../charts/line-chart.js';
import { createSection } from './section.js';
import { numberField } from '../views/fields.js';
import { readSplitFields, imageNetFields } from './split-fields.js';
import { lossCurveHandlers, drawLossRuns } from './loss-curves.js';
import { createTrainingBar } from './training-control.js';
import { initTrainingSpec, INIT_TRAINING_DEFAULTS as D, INIT_TRAINING_INITS as INITS } from './specs.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { oncePerFrame } from '../scheduling.js';

export function mountInitTraining(parent, worker) {
  const section = createSection({
    id: 'init-training', number: '3b', titleKey: 'lab.initTrain.title', introKeys: ['lab.initTrain.intro1', 'lab.initTrain.intro2'],
    formulas: ['W \\sim \\mathcal{N}(0, 0.01^2) \\qquad \\sigma_{\\text{Xavier}} = \\frac{1}{\\sqrt{n}} \\qquad \\sigma_{\\text{He}} = \\sqrt{\\frac{2}{n}}',
      // The loss of a net that gives every class probability 1/10, whatever the image.
      'L = -\\ln \\tfrac{1}{10} = \\ln 10 \\approx 2.302'],
  });
  const std = numberField({ key: 'lab.initTrain.std', name: 'std', value: D.std, min: 1e-6, max: 10 });
  const { train, test, epochs, hidden, units, lr, batch } = imageNetFields(D);
  const fields = [std, train, test, epochs, hidden, units, lr, batch];

  const { bar, training } = createTrainingBar(worker, section.element, () => start());
  section.controls.append(...fields.map((f) => f.element), bar.element);

  const chartBox = el('div', { class: 'chart' });
  const table = el('table', { class: 'metrics lab-table init-results' });
  section.output.append(el('div', { class: 'lab-two' }, chartBox, el('div', { class: 'table-scroll' }, table)));
  parent.append(section.element);
  const chart = createLineChart(chartBox, { title: () => t('lab.opt.chart'), xLabel: () => t('lab.epoch'), yLabel: () => t('lab.loss') });

  let smallStd = D.std;
  const label = (init) => (init === 'normal' ? t('lab.initTrain.normal', { std: formatNumber(smallStd, 3) }) : t(`lab.hist.${init}`));
  let results = [];  // [{ init, xs, losses, final, testAcc, diverged }]

  function draw() {
    drawLossRuns({
      chart, table, results, headKeys: ['lab.hist.init'], label: (r) => label(r.init), color: (r) => INIT_COLORS[r.init],
      rowAttrs: (r) => ({ 'data-init': r.init, 'data-test-accuracy': r.testAcc === null ? '' : String(r.testAcc), 'data-losses': r.losses.join(' ') }),
    });
  }

  const drawSoon = oncePerFrame(draw);

  function start() {
    const v = readSplitFields(fields, { test, bar });
    if (!v) return;
    smallStd = v.std;
    results = INITS.map((init) => ({ init, xs: [], losses: [], final: null, testAcc: null, diverged: false }));
    draw();
    training.start({
      runs: INITS.map((init) => ({ images: true, epochs: v.epochs, spec: initTrainingSpec(init, v) })),
      concurrent: INITS.length, record: 'epoch', splits: ['train', 'test'],
    }, lossCurveHandlers(results, { draw, drawSoon }));
  }

  onLanguageChange(() => { chart.relabel(); drawSoon(); });
  drawSoon();
  return { element: section.element, fields, resize: () => chart.resize() };
}
