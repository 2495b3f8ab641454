// Loss and accuracy curves for each split, with pinned runs overlaid (dashed, paler) so a learner
// can change one thing and compare the new run with the pinned one.

import { t } from '../i18n/i18n.js';
import { SPLIT_COLORS, PENALTY_COLOR, OBJECTIVE_COLOR } from './colors.js';
import { createLineChart, alignSeries } from './line-chart.js';

const SPLITS = ['train', 'validation', 'test'];
const PIN_DASHES = [[6, 4], [2, 3], [10, 3, 2, 3], [1, 5]];
const COMPARE_DASH = [7, 3];
export const MAX_PINS = 4;

// lossLog(): whether the loss axis is logarithmic (read at each update; a loss that falls by
// orders of magnitude, or an early spike, flattens the rest of a linear curve).
export function createCurves(lossContainer, accuracyContainer, { lossLog = () => false } = {}) {
  const loss = createLineChart(lossContainer, { title: () => t('curves.loss'), xLabel: () => t('curves.step'), yLabel: () => t('metrics.loss'), log: lossLog,
    emptyText: () => t('curves.waiting') });
  const accuracy = createLineChart(accuracyContainer, {
    title: () => t('curves.accuracy'), xLabel: () => t('curves.step'), yLabel: () => t('metrics.accuracy'), yRange: [0, 1], percent: true,
    emptyText: () => t('curves.waiting') });
  const pins = [];  // { settings, history }: the run's settings label it (main.js)

  // side: compare mode's run ('A' or 'B'; B is dashed), null outside it.
  function seriesFor(field, history, pinIndex, side = null) {
    const name = (split) => (side ? t('compare.series', { side, split: t(`metrics.${split}`) }) : t(`metrics.${split}`));
    return SPLITS.map((split) => ({
      label: pinIndex === null ? name(split) : t('curves.pinSeries', { split: t(`metrics.${split}`), n: pinIndex + 1 }),
      color: SPLIT_COLORS[split],
      dash: pinIndex === null ? (side === 'B' ? COMPARE_DASH : undefined) : PIN_DASHES[pinIndex % PIN_DASHES.length],
      alpha: pinIndex === null ? 1 : 0.45,
      width: pinIndex === null ? 1.8 : 1.3,
      xs: history.step,
      ys: history[`${split}${field}`],
    }));
  }

  // With an L1/L2 penalty the split curves are data losses only: the penalty gets its own curve, and
  // the training loss + penalty, the objective the optimizer minimises, another (current run only).
  function penaltySeries(history) {
    if (!history.penalty?.some((v) => v > 0)) return [];
    const objective = history.trainLoss.map((dataLoss, i) => (dataLoss === null || history.penalty[i] === null ? null : dataLoss + history.penalty[i]));
    return [
      { label: t('curves.penalty'), color: PENALTY_COLOR, dash: [4, 3], width: 1.4, xs: history.step, ys: history.penalty },
      { label: t('curves.objective'), color: OBJECTIVE_COLOR, dash: [1, 2], width: 2.2, xs: history.step, ys: objective },
    ];
  }

  // other: compare mode's run B, drawn over run A (history); both labelled with their side.
  function draw(chart, field, history, other) {
    const list = [...pins.flatMap((p, i) => seriesFor(field, p.history, i)), ...seriesFor(field, history, null, other ? 'A' : null),
      ...(other ? seriesFor(field, other, null, 'B') : []),
      ...(field === 'Loss' ? penaltySeries(history) : [])];
    // Splits with no points (e.g. validation share 0) are left out rather than drawn empty.
    const shown = list.filter((s) => s.ys.some((v) => v !== null));
    chart.set(shown, alignSeries(shown));
  }

  return {
    // other: compare mode's run B history (null outside compare mode).
    update(history, regression, other = null) {
      draw(loss, 'Loss', history, other);
      accuracyContainer.hidden = regression;
      if (!regression) draw(accuracy, 'Acc', history, other);
    },
    pin(settings, history) {
      if (pins.length >= MAX_PINS) pins.shift();
      pins.push({ settings, history: structuredClone(history) });
    },
    clearPins() { pins.length = 0; },
    pins: () => pins,
    resize() { loss.resize(); accuracy.resize(); },
    lossCanvas: () => loss.canvas(),
  };
}
