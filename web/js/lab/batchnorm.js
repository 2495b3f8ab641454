// Experiment 4b: the same deep ReLU net with and without BatchNorm, started from 16 weight scales
// (logspace(0, -4)); one small chart per scale shows both runs' training accuracy per epoch.

import { el } from '../views/dom.js';
import { formatNumber, formatPercent } from '../format.js';
import { createSection, legend } from './section.js';
import { numberField, readFields } from '../views/fields.js';
import { drawMiniChart } from '../charts/mini-chart.js';
import { createTrainingBar } from './training-control.js';
import { imageData, imageSpec, mlp, logspace, IMAGE_CLASSES, IMAGE_COUNT } from './specs.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { oncePerFrame } from '../scheduling.js';

const BN_COLOR = '#0877bd';
const PLAIN_COLOR = '#f59322';
const THRESHOLD = 2 / IMAGE_CLASSES;  // "learned something": twice the accuracy of guessing

export function mountBatchnorm(parent, worker) {
  const section = createSection({
    id: 'batchnorm', number: '4b', titleKey: 'lab.bn.title', introKeys: ['lab.bn.intro1', 'lab.bn.intro2'],
    formulas: ['\\mu_B = \\tfrac1m \\sum_i x_i,\\quad \\sigma_B^2 = \\tfrac1m \\sum_i (x_i - \\mu_B)^2,\\quad \\hat x_i = \\frac{x_i - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}},\\quad y_i = \\gamma \\hat x_i + \\beta'],
  });
  const train = numberField({ key: 'lab.trainImages', name: 'train', value: 1000, min: 100, max: IMAGE_COUNT, integer: true });
  const epochs = numberField({ key: 'lab.epochs', name: 'epochs', value: 8, min: 1, max: 30, integer: true });
  const lr = numberField({ key: 'lab.lr', name: 'lr', value: 0.05, min: 1e-5, max: 1 });
  const scales = numberField({ key: 'lab.bn.scales', name: 'scales', value: 16, min: 2, max: 16, integer: true });
  const hidden = numberField({ key: 'lab.hiddenLayers', name: 'hidden', value: 5, min: 1, max: 8, integer: true });
  const batch = numberField({ key: 'lab.batch', name: 'batch', value: 100, min: 10, max: 500, integer: true });
  const fields = [train, epochs, lr, scales, hidden, batch];
  const { bar, training } = createTrainingBar(worker, section.element, () => start());
  section.controls.append(...fields.map((f) => f.element), bar.element);

  const legendBox = el('div', {});
  const summary = el('p', { class: 'lab-summary', role: 'status' });
  const grid = el('div', { class: 'mini-grid' });
  section.output.append(legendBox, grid, summary);
  parent.append(section.element);

  let cells = [];  // [{ scale, canvas, runs: [{ xs, ys, diverged, final }] x2 (BN, plain) }]
  let epochCount = 0;

  function drawCell(cell) {
    const [bn, plain] = cell.runs;
    const note = (r) => (r.diverged ? t('lab.diverged') : r.final === null ? '' : formatPercent(r.final, 0));
    drawMiniChart(cell.canvas, {
      title: t('lab.bn.cell', { scale: formatNumber(cell.scale, 2) }), xMax: epochCount, yMin: 0, yMax: 1,
      yTicks: [0, 0.5, 1], tickText: (v) => `${v * 100}%`,
      series: [
        { xs: plain.xs, ys: plain.ys, color: PLAIN_COLOR, dash: [4, 3], note: note(plain) },
        { xs: bn.xs, ys: bn.ys, color: BN_COLOR, note: note(bn) },
      ],
    });
    cell.element.dataset.bn = bn.final === null ? '' : String(bn.final);
    cell.element.dataset.plain = plain.final === null ? '' : String(plain.final);
  }

  function drawSummary(finished) {
    legendBox.replaceChildren(legend([{ label: t('lab.bn.with'), color: BN_COLOR }, { label: t('lab.bn.without'), color: PLAIN_COLOR, dash: true }]));
    if (!finished) { summary.textContent = ''; return; }
    const count = (k) => cells.filter((c) => !c.runs[k].diverged && (c.runs[k].final ?? 0) > THRESHOLD).length;
    summary.textContent = t('lab.bn.summary', { threshold: formatPercent(THRESHOLD, 0), bn: count(0), plain: count(1), n: cells.length });
  }

  function start() {
    const v = readFields(fields);
    if (!v) { bar.status(t('lab.fix'), 'error'); return; }
    epochCount = v.epochs;
    const data = imageData({ train: v.train });
    cells = logspace(0, -4, v.scales).map((scale) => {
      const canvas = el('canvas', {});
      const element = el('div', { class: 'mini-cell', 'data-scale': String(scale) }, canvas);
      return { scale, canvas, element, runs: [0, 1].map(() => ({ xs: [], ys: [], diverged: false, final: null })) };
    });
    grid.replaceChildren(...cells.map((c) => c.element));
    cells.forEach(drawCell);
    drawSummary(false);
    const runs = cells.flatMap((cell) => [true, false].map((batchnorm) => ({
      images: true, epochs: v.epochs,
      spec: imageSpec({ data, batch: v.batch, optimizer: { kind: 'sgd', learning_rate: v.lr },
        layers: mlp({ hidden: Array(v.hidden).fill(100), outputs: IMAGE_CLASSES, init: { kind: 'normal', std: cell.scale }, batchnorm }) }),
    })));
    const runOf = (index) => cells[Math.floor(index / 2)].runs[index % 2];
    const cellOf = (index) => cells[Math.floor(index / 2)];
    const dirty = new Set();
    const drawDirty = oncePerFrame(() => { dirty.forEach(drawCell); dirty.clear(); });
    const touch = (index) => { dirty.add(cellOf(index)); drawDirty(); };
    training.start({ runs, concurrent: 2, record: 'epoch', splits: ['train'] }, {
      onProgress(m) {
        const r = runOf(m.run);
        r.xs.push(m.epoch);
        r.ys.push(m.metrics.train.accuracy);
        r.final = m.metrics.train.accuracy;
        touch(m.run);
      },
      onRunDone(m) { if (m.diverged) { runOf(m.run).diverged = true; touch(m.run); } },
      onDone(m) { cells.forEach(drawCell); drawSummary(!m.stopped && !m.error); },
    });
  }

  const redraw = () => { cells.forEach(drawCell); drawSummary(summary.textContent !== ''); };
  onLanguageChange(redraw);
  drawSummary(false);
  return { element: section.element, fields, resize: redraw };
}
