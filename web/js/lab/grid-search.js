// Experiment 4f: grid search against random search on the same budget (Bergstra & Bengio, 2012).
// Two hyper-parameters, one that matters (the learning rate) and one that barely does (a small weight
// decay): a side x side grid tries only `side` learning rates, as many random trials try one each.
// Per method: the trials on the (learning rate, decay) plane with a tick for every distinct learning
// rate, validation accuracy against learning rate, and the best trial in a table.

import { el, fillTable } from '../views/dom.js';
import { formatNumber, formatPercent } from '../format.js';
import { createSection } from './section.js';
import { numberField } from '../views/fields.js';
import { searchFields, trialHandlers } from './search-fields.js';
import { drawScatter } from '../charts/scatter-chart.js';
import { drawTrialPlane } from '../charts/trial-plane.js';
import { SEARCH_COLORS } from '../charts/colors.js';
import { createTrainingBar } from './training-control.js';
import { gridAndRandomTrials, distinctValues, bestTrial } from './search-trials.js';
import { imageData, searchTrialSpec, GRID_SEARCH_DEFAULTS as D } from './specs.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { oncePerFrame } from '../scheduling.js';

const METHODS = ['grid', 'random'];
// The charts' axes reach a little past each range, so the trials at its ends show whole.
const padded = ([lo, hi]) => [lo - (hi - lo) * 0.04, hi + (hi - lo) * 0.04];

export function mountGridSearch(parent, worker) {
  const section = createSection({
    id: 'grid-search', number: '4f', titleKey: 'lab.gridSearch.title', introKeys: ['lab.gridSearch.intro1', 'lab.gridSearch.intro2', 'lab.gridSearch.intro3'],
    // The grid's n x n points, then random search's n^2 draws (as in 4d); the text names which is which.
    formulas: ['\\eta_i = 10^{\\,a + (b - a)\\, i / (n - 1)},\\; \\lambda_j = 10^{\\,c + (d - c)\\, j / (n - 1)},\\; i, j = 0, \\dots, n - 1',
      '\\eta = 10^{u},\\; u \\sim U(a, b) \\qquad \\lambda = 10^{v},\\; v \\sim U(c, d) \\qquad (\\times\\, n^2)'],
  });
  const side = numberField({ key: 'lab.gridSearch.side', name: 'side', value: D.side, min: 2, max: 6, integer: true });
  const shared = searchFields(D, [side]);
  const { fields } = shared;
  const { bar, training } = createTrainingBar(worker, section.element, () => start());
  section.controls.append(...fields.map((f) => f.element), bar.element);

  const canvases = Object.fromEntries(METHODS.flatMap((m) => [[`${m}-plane`, el('canvas', {})], [`${m}-lr`, el('canvas', {})]]));
  const box = (key) => el('div', { class: 'scatter-box', 'data-chart': key }, canvases[key]);
  const table = el('table', { class: 'metrics lab-table grid-search-results' });
  section.output.append(el('div', { class: 'lab-four' }, box('grid-plane'), box('random-plane'), box('grid-lr'), box('random-lr')),
    el('p', { class: 'hint', 'data-i18n': 'lab.gridSearch.legend' }, t('lab.gridSearch.legend')), el('div', { class: 'table-scroll' }, table));
  parent.append(section.element);

  let search = null;  // { grid: trials, random: trials, ranges } (trial: { lr, decay, accuracy, diverged })

  function draw() {
    if (!search) { table.hidden = true; return; }
    for (const method of METHODS) {
      const trials = search[method];
      const best = bestTrial(trials);
      const name = t(`lab.gridSearch.${method}`);
      const color = SEARCH_COLORS[method];
      drawTrialPlane(canvases[`${method}-plane`], {
        title: t('lab.gridSearch.planeTitle', { method: name, n: distinctValues(trials, 'lr').length }),
        xLabel: t('lab.lr'), yLabel: t('lab.rs.decay'), xExpRange: padded(search.ranges.lr), yExpRange: padded(search.ranges.decay),
        points: trials.map((x) => ({ x: x.lr, y: x.decay, accuracy: x.accuracy, best: x === best })),
        ticks: distinctValues(trials, 'lr'), color, tickColor: color,
      });
      drawScatter(canvases[`${method}-lr`], {
        title: t('lab.gridSearch.lrTitle', { method: name }), xLabel: t('lab.lr'), yLabel: t('lab.validation'), xExpRange: padded(search.ranges.lr),
        points: trials.filter((x) => x.accuracy !== null).map((x) => ({ x: x.lr, y: x.accuracy, highlight: x === best })),
        colors: { normal: color, highlight: '#d62728' },
      });
    }
    const head = el('tr', {}, ...['lab.gridSearch.method', 'lab.rs.trials', 'lab.gridSearch.distinctLr', 'lab.gridSearch.bestAcc', 'lab.lr', 'lab.rs.decay'].map((k) => el('th', {}, t(k))));
    const rows = METHODS.map((method) => {
      const trials = search[method];
      const best = bestTrial(trials);
      return el('tr', { 'data-method': method, 'data-best': best ? String(best.accuracy) : '', 'data-best-lr': best ? String(best.lr) : '',
        'data-accuracies': trials.map((x) => (x.accuracy === null ? 'null' : String(x.accuracy))).join(' '), 'data-lrs': trials.map((x) => String(x.lr)).join(' ') },
      el('td', {}, el('span', { class: 'swatch', style: `background:${SEARCH_COLORS[method]}` }), t(`lab.gridSearch.${method}`)),
      el('td', {}, String(trials.length)), el('td', {}, String(distinctValues(trials, 'lr').length)),
      el('td', {}, best ? formatPercent(best.accuracy) : '–'), el('td', {}, best ? formatNumber(best.lr, 3) : '–'), el('td', {}, best ? formatNumber(best.decay, 2) : '–'));
    });
    fillTable(table, head, rows);
  }

  const drawSoon = oncePerFrame(draw);

  function start() {
    const v = shared.read(bar);
    if (!v) return;
    search = { ...gridAndRandomTrials(v), ranges: v.ranges };
    const all = [...search.grid, ...search.random];
    const data = imageData({ train: v.train, validation: v.validation });
    draw();
    training.start({
      runs: all.map((trial) => ({ images: true, epochs: v.epochs, spec: searchTrialSpec(data, trial) })),
      concurrent: 1, record: 'end',
    }, trialHandlers(all, { bar, draw, drawSoon }));
  }

  onLanguageChange(draw);
  return { element: section.element, fields, resize: draw };
}
