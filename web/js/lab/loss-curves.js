// The runs of the experiments that compare runs by their loss curves (4a optimizers, 3b
// initializers): each epoch adds the training loss to its run's curve and keeps the latest test
// accuracy; one chart holds the curves, one table a row per run.
// results[i] belongs to the job's run i: { xs, losses, final, testAcc, diverged, ... }.

import { el, fillTable } from '../views/dom.js';
import { formatNumber, formatPercent } from '../format.js';
import { alignSeries } from '../charts/line-chart.js';
import { t } from '../i18n/i18n.js';

export function lossCurveHandlers(results, { draw, drawSoon }) {
  return {
    onProgress(m) {
      const r = results[m.run];
      r.xs.push(m.epoch);
      r.losses.push(m.metrics.train.loss);
      r.final = m.metrics.train.loss;
      r.testAcc = m.metrics.test.accuracy;
      drawSoon();
    },
    onRunDone(m) { if (m.diverged) { results[m.run].diverged = true; drawSoon(); } },
    onDone: draw,
  };
}

// Each run's row: its colour and label, extraCells(r) (e.g. its learning rate), its final training
// loss and its test accuracy. headKeys name the label column and the extra ones.
export function drawLossRuns({ chart, table, results, headKeys, label, color, rowAttrs, extraCells = () => [] }) {
  const series = results.map((r) => ({ label: label(r), color: color(r), width: 2, xs: r.xs, ys: r.losses }));
  if (series.length) chart.set(series, alignSeries(series));
  const head = el('tr', {}, ...[...headKeys, 'lab.opt.finalLoss', 'lab.opt.testAcc'].map((k) => el('th', {}, t(k))));
  const rows = results.map((r) => el('tr', { ...rowAttrs(r), 'data-final-loss': r.final === null ? '' : String(r.final) },
    el('td', {}, el('span', { class: 'swatch', style: `background:${color(r)}` }), label(r)),
    ...extraCells(r),
    el('td', {}, r.diverged ? t('lab.diverged') : formatNumber(r.final, 4)),
    el('td', {}, formatPercent(r.testAcc))));
  fillTable(table, head, rows);
}
