// A thin wrapper over uPlot for the page's line charts (loss, accuracy, gradient norms):
// axis labels, a legend, log or linear y, and a rebuild only when the set of series changes.
// The legend reads the values under the cursor; away from the chart it reads each series' latest
// value, so the numbers beside the curves are never a row of dashes.

import { formatNumber } from '../format.js';

const HEIGHT = 170;

// uPlot (41 KB gzipped) is imported when a chart first has a line to draw (two points; the
// sandbox's step-0 point alone draws nothing), not with the page: its first training step does
// not wait for it. The container keeps the chart's height meanwhile.
let UPlot = null;
let uPlotLoading = null;
function loadUPlot() {
  // When idle: the message that brought the points is handled first.
  const whenIdle = globalThis.requestIdleCallback ?? ((callback) => setTimeout(callback, 0));
  uPlotLoading ??= new Promise((resolve) => whenIdle(resolve, { timeout: 300 }))
    .then(() => import('../../vendor/uplot/uPlot.esm.js'))
    .then((module) => { UPlot = module.default; });
  return uPlotLoading;
}

// The index of each series' last point (uPlot's legend idxs); the x column follows the latest.
function latestIndexes(data) {
  const last = data.map((column, i) => {
    if (i === 0) return -1;
    let k = column.length - 1;
    while (k >= 0 && (column[k] === null || column[k] === undefined)) k--;
    return k < 0 ? null : k;
  });
  last[0] = Math.max(-1, ...last.slice(1).map((k) => k ?? -1));
  if (last[0] < 0) last[0] = null;
  return last;
}

function showLatest(u) {
  if (u.cursor.idx === null || u.cursor.idx === undefined) u.setLegend({ idxs: latestIndexes(u.data) }, false);
}

// A log axis cannot place zero or negative values (a loss can reach exactly 0): leave them out.
function positiveOnly(data) {
  return data.map((column, i) => (i === 0 ? column : column.map((v) => (v !== null && v > 0 ? v : null))));
}

// options: { title, xLabel, yLabel, log (boolean, or a function read at each update), yRange: [min, max] | null, percent }
export function createLineChart(container, options) {
  let plot = null;
  let signature = '';
  let latest = null;

  const width = () => Math.max(220, container.clientWidth || 320);
  const valueText = (v) => (v === null || v === undefined ? '–' : options.percent ? `${(v * 100).toFixed(1)} %` : formatNumber(v, 4));

  const isLog = () => (typeof options.log === 'function' ? options.log() : Boolean(options.log));
  if (!UPlot) container.style.minHeight = `${HEIGHT}px`;

  function build(series, data) {
    plot?.destroy();
    const log = isLog();
    const y = log ? { distr: 3, log: 10 } : { auto: true };
    if (options.yRange) Object.assign(y, { auto: false, range: options.yRange });
    else if (!log) y.range = (u, min, max) => [Math.min(0, min), max > min ? max * 1.05 : min + 1];
    plot = new UPlot({
      width: width(),
      height: HEIGHT,
      title: options.title(),
      legend: { live: true },
      hooks: { ready: [showLatest], setCursor: [showLatest], setData: [showLatest] },
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

  const chart = {
    // series: [{ label, color, dash?, width?, alpha? }]; data: [xs, ys1, ys2, ...] (uPlot layout).
    set(series, data) {
      latest = { series, data };
      if (!UPlot) {
        if (data[0]?.length > 1) loadUPlot().then(() => { if (latest) chart.set(latest.series, latest.data); });
        return;
      }
      const log = isLog();
      const shown = log ? positiveOnly(data) : data;
      const sig = JSON.stringify(series.map((s) => [s.label, s.color, s.dash])) + options.title() + options.yLabel() + log;
      if (!plot || sig !== signature) { signature = sig; build(series, shown); } else plot.setData(shown);
    },
    reset() { plot?.destroy(); plot = null; signature = ''; latest = null; },
    resize() { plot?.setSize({ width: width(), height: HEIGHT }); },
    relabel() { if (latest) { signature = ''; chart.set(latest.series, latest.data); } },
    canvas: () => plot?.ctx.canvas ?? null,
    element: () => plot?.root ?? null,
  };
  return chart;
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
