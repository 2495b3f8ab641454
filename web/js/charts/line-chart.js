// A thin wrapper over uPlot for the page's line charts (loss, accuracy, gradient norms):
// axis labels, a legend, log or linear y, and a rebuild only when the set of series changes.

import uPlot from '../../vendor/uplot/uPlot.esm.js';
import { formatNumber } from '../format.js';

const HEIGHT = 170;

// options: { title, xLabel, yLabel, log, yRange: [min, max] | null, percent }
export function createLineChart(container, options) {
  let plot = null;
  let signature = '';
  let latest = null;

  const width = () => Math.max(220, container.clientWidth || 320);
  const valueText = (v) => (v === null || v === undefined ? '–' : options.percent ? `${(v * 100).toFixed(1)} %` : formatNumber(v, 4));

  function build(series, data) {
    plot?.destroy();
    const y = options.log ? { distr: 3, log: 10 } : { auto: true };
    if (options.yRange) Object.assign(y, { auto: false, range: options.yRange });
    else if (!options.log) y.range = (u, min, max) => [Math.min(0, min), max > min ? max * 1.05 : min + 1];
    plot = new uPlot({
      width: width(),
      height: HEIGHT,
      title: options.title(),
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: false }, y },
      axes: [
        { label: options.xLabel(), size: 36, labelSize: 16, font: '11px system-ui', labelFont: '11px system-ui' },
        { label: options.yLabel(), size: 52, labelSize: 16, font: '11px system-ui', labelFont: '11px system-ui',
          values: (u, splits) => splits.map((v) => (options.percent ? `${Math.round(v * 100)}%` : formatNumber(v, 2))) },
      ],
      series: [
        { label: options.xLabel(), value: (u, v) => (v === null || v === undefined ? '–' : String(v)) },
        ...series.map((s) => ({
          label: s.label, stroke: s.color, width: s.width ?? 1.6, dash: s.dash, alpha: s.alpha ?? 1,
          spanGaps: true, points: { show: false }, value: (u, v) => valueText(v),
        })),
      ],
    }, data, container);
  }

  return {
    // series: [{ label, color, dash?, width?, alpha? }]; data: [xs, ys1, ys2, ...] (uPlot layout).
    set(series, data) {
      latest = { series, data };
      const sig = JSON.stringify(series.map((s) => [s.label, s.color, s.dash])) + options.title() + options.yLabel();
      if (!plot || sig !== signature) { signature = sig; build(series, data); } else plot.setData(data);
    },
    reset() { plot?.destroy(); plot = null; signature = ''; latest = null; },
    resize() { plot?.setSize({ width: width(), height: HEIGHT }); },
    relabel() { if (latest) { signature = ''; this.set(latest.series, latest.data); } },
    canvas: () => plot?.ctx.canvas ?? null,
    element: () => plot?.root ?? null,
  };
}

// Aligns several (xs, ys) series on the union of their xs, with null where a series has no point:
// uPlot wants one shared x array. Inputs have increasing xs.
export function alignSeries(list) {
  if (list.length === 0) return [[]];
  const same = list.every((s) => s.xs === list[0].xs);
  if (same) return [list[0].xs, ...list.map((s) => s.ys)];
  const all = [...new Set(list.flatMap((s) => s.xs))].sort((a, b) => a - b);
  const index = new Map(all.map((x, i) => [x, i]));
  const columns = list.map((s) => {
    const column = new Array(all.length).fill(null);
    for (let i = 0; i < s.xs.length; i++) column[index.get(s.xs[i])] = s.ys[i];
    return column;
  });
  return [all, ...columns];
}
