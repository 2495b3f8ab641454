// Experiment 3: per-layer activation histograms of a deep stack at initialisation
// (engine.initHistograms), for the learner's configuration and for the book's six (+ tanh)
// configurations, with each layer's saturated share and spread printed under its histogram.

import { el } from '../views/dom.js';
import { formatNumber, formatPercent } from '../format.js';
import { drawHistogram } from '../charts/histogram.js';
import { createSection, createRunBar } from './section.js';
import { numberField, choiceField, readFields } from '../views/fields.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { describeEngineError } from '../i18n/engine-errors.js';
import { bookInit } from './specs.js';

const BINS = 30;
const COLORS = { sigmoid: '#0877bd', tanh: '#2ca02c', relu: '#f59322', leaky_relu: '#9467bd' };

export const BOOK_CONFIGS = [
  { id: 'sigmoid-normal-1', activation: 'sigmoid', init: 'normal', std: 1 },
  { id: 'sigmoid-normal-0.01', activation: 'sigmoid', init: 'normal', std: 0.01 },
  { id: 'sigmoid-xavier', activation: 'sigmoid', init: 'xavier' },
  { id: 'tanh-xavier', activation: 'tanh', init: 'xavier' },
  { id: 'relu-normal-0.01', activation: 'relu', init: 'normal', std: 0.01 },
  { id: 'relu-xavier', activation: 'relu', init: 'xavier' },
  { id: 'relu-he', activation: 'relu', init: 'he' },
];

// Two passes for the ReLU family, whose range is not known in advance: the first finds it.
async function computeLayers(worker, config) {
  const base = { activation: config.activation, weight_init: bookInit(config.init, config.std), layers: config.layers, units: config.units,
    samples: config.samples, bins: BINS, seed: 1 };
  if (config.activation === 'sigmoid') return worker.compute('histograms', { ...base, low: 0, high: 1 });
  if (config.activation === 'tanh') return worker.compute('histograms', { ...base, low: -1, high: 1 });
  const probe = await worker.compute('histograms', { ...base, low: 0, high: 1 });
  const low = Math.min(0, ...probe.map((l) => l.min));
  const high = Math.max(...probe.map((l) => l.max));
  return worker.compute('histograms', { ...base, low, high: high > low ? high : low + 1e-6 });
}

export function mountInitHistograms(parent, worker) {
  const section = createSection({
    id: 'init-histograms', number: 3, titleKey: 'lab.hist.title', introKeys: ['lab.hist.intro1', 'lab.hist.intro2'],
    formulas: ['W \\sim \\mathcal{N}(0, \\sigma^2): \\quad \\sigma_{\\text{Xavier}} = \\frac{1}{\\sqrt{n}}, \\qquad \\sigma_{\\text{He}} = \\sqrt{\\frac{2}{n}}'],
  });
  const activation = choiceField({ key: 'lab.hist.activation', name: 'activation', value: 'sigmoid',
    options: ['sigmoid', 'tanh', 'relu', 'leaky_relu'].map((v) => ({ value: v, key: `lab.act.${v}.name` })) });
  const init = choiceField({ key: 'lab.hist.init', name: 'init', value: 'normal',
    options: [{ value: 'normal', key: 'lab.hist.normal' }, { value: 'xavier', key: 'lab.hist.xavier' }, { value: 'he', key: 'lab.hist.he' }] });
  const std = numberField({ key: 'lab.hist.std', name: 'std', value: 1, min: 1e-6, max: 100 });
  const layers = numberField({ key: 'lab.hist.layers', name: 'layers', value: 5, min: 1, max: 20, integer: true });
  const units = numberField({ key: 'lab.hist.units', name: 'units', value: 100, min: 2, max: 500, integer: true });
  const samples = numberField({ key: 'lab.hist.samples', name: 'samples', value: 1000, min: 10, max: 5000, integer: true });
  const fields = [activation, init, std, layers, units, samples];
  const bar = createRunBar({ runKey: 'lab.compute', onRun: () => computeYours() });
  section.controls.append(...fields.map((f) => f.element), bar.element);
  const showStd = () => { std.element.hidden = init.read() !== 'normal'; };
  init.select.addEventListener('change', showStd);
  showStd();

  const yours = el('div', { class: 'hist-block' });
  const book = el('div', { class: 'hist-block' });
  section.output.append(
    el('h3', { class: 'lab-subtitle', 'data-i18n': 'lab.hist.yours' }, t('lab.hist.yours')), yours,
    el('h3', { class: 'lab-subtitle', 'data-i18n': 'lab.hist.book' }, t('lab.hist.book')), book,
    el('p', { class: 'hint', 'data-i18n': 'lab.hist.reluNote' }, t('lab.hist.reluNote')));
  parent.append(section.element);

  const rendered = [];  // { container, config, result } for redrawing on resize / language change

  function label(config) {
    const initText = config.init === 'normal' ? `N(0, ${formatNumber(config.std, 3)}²)` : t(`lab.hist.${config.init}`);
    return `${t(`lab.act.${config.activation}.name`)} · ${initText}`;
  }

  function drawRow(container, config, result) {
    const cells = result.map((layer, i) => {
      const canvas = el('canvas', {});
      const counts = Float32Array.from(layer.counts);
      // ReLU outputs exactly 0 for a share `saturated` of the values; they all sit in the first bin
      // and would flatten every other bar, so the bars show the active values only (caption says so).
      if (config.activation === 'relu') counts[0] = Math.max(0, counts[0] - layer.saturated * config.units * config.samples);
      const cell = el('div', { class: 'hist-cell', 'data-layer': i + 1, 'data-saturated': String(layer.saturated), 'data-std': String(layer.std), 'data-mean': String(layer.mean) },
        canvas, el('div', { class: 'hist-caption' }, t('lab.hist.cell', { sat: formatPercent(layer.saturated, 0), std: formatNumber(layer.std, 2) })));
      return { cell, canvas, histogram: { lo: layer.lo, hi: layer.hi, counts } };
    });
    const row = el('div', { class: 'hist-row', 'data-config': config.id ?? 'yours' },
      el('div', { class: 'hist-label' }, label(config)), el('div', { class: 'histograms hist-cells' }, ...cells.map((c) => c.cell)));
    container.replaceChildren(row);
    // Drawn after insertion: the histogram takes its width from the cell.
    cells.forEach((c, i) => drawHistogram(c.canvas, t('lab.hist.layer', { n: i + 1 }), c.histogram, COLORS[config.activation]));
  }

  function remember(container, config, result) {
    const index = rendered.findIndex((r) => r.container === container);
    if (index >= 0) rendered.splice(index, 1);
    rendered.push({ container, config, result });
    drawRow(container, config, result);
  }

  async function computeYours() {
    const values = readFields(fields);
    if (!values) { bar.status(t('lab.fix'), 'error'); return; }
    bar.status('');
    const config = { ...values, std: values.init === 'normal' ? values.std : null };
    try {
      remember(yours, config, await computeLayers(worker, config));
      section.element.dataset.yours = 'true';
    } catch (error) {
      bar.status(t('lab.failed', { detail: describeEngineError(error.engine ?? error) }), 'error');
    }
  }

  async function computeBook() {
    const rows = BOOK_CONFIGS.map(() => el('div', {}));
    book.replaceChildren(...rows);
    try {
      await Promise.all(BOOK_CONFIGS.map(async (c, i) => {
        const config = { ...c, layers: 5, units: 100, samples: 1000 };
        remember(rows[i], config, await computeLayers(worker, config));
      }));
      section.element.dataset.ready = 'true';
    } catch (error) {
      bar.status(t('lab.failed', { detail: describeEngineError(error.engine ?? error) }), 'error');
    }
  }

  const redraw = () => { for (const r of rendered) drawRow(r.container, r.config, r.result); };
  onLanguageChange(() => { activation.relabel(); init.relabel(); redraw(); });
  return { element: section.element, fields, start: () => Promise.all([computeYours(), computeBook()]), resize: redraw };
}
