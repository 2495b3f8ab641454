// A thin wrapper over uPlot for the page's line charts (loss, accuracy, gradient norms):
// axis labels, a legend, log or linear y, and a rebuild only when the set of series changes.
// The legend reads the values under the cursor; away from the chart it reads each series' latest
// value, so the numbers beside the curves are never a row of dashes.

import { formatNumber } from '../format.js';
import { logTickLabels } from './log-ticks.js';
import { whenIdle } from '../when-idle.js';
import { siteUrl } from '../site-url.js';

const HEIGHT = 170;
// Tick spacings for an x axis of counts (options.wholeX): uPlot picks the smallest that fits.
const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];

// uPlot (41 KB gzipped) is imported when a chart first has a line to draw (two points; the
// sandbox's step-0 point alone draws nothing), not with the page: its first training step does
// not wait for it. The container keeps the chart's height meanwhile.
let UPlot = null;
let uPlotLoading = null;
function loadUPlot() {
  // When idle: the message that brought the points is handled first.
  uPlotLoading ??= new Promise((resolve) => whenIdle(resolve, { timeout: 300 }))
    .then(() => import(siteUrl('vendor/uplot/uPlot.esm.js').href))
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

// The y columns' smallest positive value, largest value and whether any value is exactly 0
// (columns as uPlot lays them out: the x column first).
export function dataExtent(data) {
  let smallest = Infinity;
  let largest = -Infinity;
  let zeros = false;
  for (let i = 1; i < data.length; i++) {
    for (const v of data[i]) {
      if (v === 0) zeros = true;
      else if (v > 0 && v < smallest) smallest = v;
      if (v !== null && v > largest) largest = v;
    }
  }
  return { smallest, largest, zeros };
}

// With a zero band, exact zeros are drawn one decade below the smallest positive value, inside a
// band under the log axis labelled "0": a gradient that is exactly 0 must show as "no gradient",
// not as a gap. Returns the data to draw and that level (null when no value is exactly 0).
// `extent` is this chart's data extent, or the one it shares with other charts.
function withZeroLevel(data, extent) {
  const { smallest, zeros } = extent;
  if (!zeros) return { shown: positiveOnly(data), zeroLevel: null };
  const zeroLevel = 10 ** (Math.floor(Math.log10(Number.isFinite(smallest) ? smallest : 1)) - 1);
  const shown = data.map((column, i) => (i === 0 ? column : column.map((v) => (v === 0 ? zeroLevel : v !== null && v > 0 ? v : null))));
  return { shown, zeroLevel };
}

// options: { title, xLabel, yLabel, log (boolean, or a function read at each update),
//            yRange: [min, max] | (u, dataMin, dataMax) => [min, max] (uPlot's scale range) | null, percent,
//            zeroBand (a function giving the band's label: with a log axis, exact zeros are drawn in a band below it),
//            emptyText (what the chart will show, said while it has no line yet),
//            wholeX (the x values are counts: ticks only at whole numbers, never 2.5),
//            sharedExtent (log axis only: a function giving the extent, as dataExtent returns it, of
//              every chart that must share this one's y scale, e.g. runs A and B side by side; a
//              chart scaled to its own data would make 10⁻⁶ and 10⁻¹ look alike) }
export function createLineChart(container, options) {
  let plot = null;
  let signature = '';
  let latest = null;
  let zeroLevel = null;  // where exact zeros are drawn (zero band only), or null when there are none

  const width = () => Math.max(220, container.clientWidth || 320);
  const valueText = (v) => (v === null || v === undefined ? '–' : options.percent ? `${(v * 100).toFixed(1)} %` : formatNumber(v, 4));

  const isLog = () => (typeof options.log === 'function' ? options.log() : Boolean(options.log));
  // With a shared extent, the y range covers every sharing chart's values, in whole decades.
  const sharedMax = (max) => Math.max(max, options.sharedExtent?.().largest ?? -Infinity);
  function sharedDecades(min, max) {
    const { smallest } = options.sharedExtent();
    const low = Math.min(min, smallest);
    const high = sharedMax(max);
    if (!Number.isFinite(low) || !Number.isFinite(high) || low <= 0) return [min, max];
    return [10 ** Math.floor(Math.log10(low)), 10 ** Math.ceil(Math.log10(high) + 1e-9)];
  }
  if (!UPlot) container.style.minHeight = `${HEIGHT}px`;

  // Until a line can be drawn (uPlot loads with the second point), the chart says what will appear
  // there: a chart box is never blank.
  const waiting = document.createElement('p');
  waiting.className = 'chart-empty';
  function showWaiting() {
    waiting.textContent = [options.title(), options.emptyText?.()].filter(Boolean).join(': ');
    if (!plot && !waiting.isConnected) container.append(waiting);
  }
  showWaiting();

  // The legend shows the value as it is in the data (an exact 0 reads "0", not the band's level).
  const rawValue = (seriesIndex, index, v) => (zeroLevel !== null && latest ? latest.data[seriesIndex]?.[index] ?? v : v);

  // The band from the bottom of the plot to half a decade above the zero level, with its label.
  function drawZeroBand(u) {
    if (zeroLevel === null) return;
    const { ctx } = u;
    const { left, top, width: bandWidth, height } = u.bbox;
    const bandTop = Math.max(top, u.valToPos(zeroLevel * Math.sqrt(10), 'y', true));
    ctx.save();
    ctx.fillStyle = 'rgba(192, 57, 43, 0.10)';
    ctx.fillRect(left, bandTop, bandWidth, top + height - bandTop);
    ctx.fillStyle = '#8e2a1f';
    ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
    ctx.textAlign = 'left';  // uPlot leaves it as its last axis set it
    ctx.textBaseline = 'middle';
    ctx.fillText(options.zeroBand(), left + 6 * devicePixelRatio, (bandTop + top + height) / 2);
    ctx.restore();
  }

  // With a zero band the ticks are every few decades counted from the zero level, so that its
  // tick (labelled 0) is always drawn; uPlot's own log ticks (and its label filter) may skip it.
  function zeroBandSplits(u, axisIndex, min, max) {
    const low = Math.round(Math.log10(zeroLevel));
    const high = Math.floor(Math.log10(max) + 1e-9);
    const stride = Math.max(1, Math.ceil((high - low) / 4));
    const splits = [];
    for (let e = low; e <= high; e += stride) splits.push(10 ** e);
    return splits;
  }

  // The drawn y range, readable by tests and tools (data-y-range="min max").
  function noteYRange(u, key) {
    if (key === 'y') container.dataset.yRange = `${u.scales.y.min} ${u.scales.y.max}`;
  }

  function build(series, data) {
    plot?.destroy();
    waiting.remove();
    const log = isLog();
    const y = log ? { distr: 3, log: 10 } : { auto: true };
    // A fixed range, or a function of the data's extent (uPlot passes it only to auto-ranged scales).
    if (options.yRange) Object.assign(y, { auto: typeof options.yRange === 'function', range: options.yRange });
    else if (!log) y.range = (u, min, max) => [Math.min(0, min), max > min ? max * 1.05 : min + 1];
    else if (zeroLevel !== null) y.range = (u, min, max) => [zeroLevel / Math.sqrt(10), 10 ** Math.ceil(Math.log10(Math.max(sharedMax(max), zeroLevel * 10)))];
    else if (options.sharedExtent) y.range = (u, min, max) => sharedDecades(min, max);
    const tick = (v) => (zeroLevel !== null && Math.abs(Math.log10(v / zeroLevel)) < 1e-6 ? '0'
      : options.percent ? `${Math.round(v * 100)}%` : formatNumber(v, 2));
    plot = new UPlot({
      width: width(),
      height: HEIGHT,
      title: options.title(),
      legend: { live: true },
      hooks: { ready: [showLatest], setCursor: [showLatest], setData: [showLatest], draw: [drawZeroBand], setScale: [noteYRange] },
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: false }, y },
      axes: [
        { label: options.xLabel(), size: 36, labelSize: 16, font: '11px system-ui', labelFont: '11px system-ui', ...(options.wholeX ? { incrs: WHOLE_STEPS } : {}) },
        { label: options.yLabel(), size: 52, labelSize: 16, font: '11px system-ui', labelFont: '11px system-ui',
          values: (u, splits) => (log ? logTickLabels(splits, splits.map((v) => u.valToPos(v, 'y')), tick) : splits.map(tick)),
          ...(log && zeroLevel !== null ? { splits: zeroBandSplits, filter: (u, splits) => splits } : {}) },
      ],
      series: [
        { label: options.xLabel(), value: (u, v) => (v === null || v === undefined ? '–' : String(v)) },
        ...series.map((s) => ({
          label: s.label, stroke: s.color, width: s.width ?? 1.6, dash: s.dash, alpha: s.alpha ?? 1,
          spanGaps: true, points: { show: false }, value: (u, v, seriesIndex, index) => valueText(rawValue(seriesIndex, index, v)),
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
      let shown = data;
      let level = null;
      if (log && options.zeroBand) ({ shown, zeroLevel: level } = withZeroLevel(data, options.sharedExtent?.() ?? dataExtent(data)));
      else if (log) shown = positiveOnly(data);
      // The zero level fixes the y range, so a new level rebuilds the chart.
      const sig = JSON.stringify(series.map((s) => [s.label, s.color, s.dash])) + options.title() + options.yLabel() + log + level;
      zeroLevel = level;
      container.dataset.zeroBand = level === null ? 'off' : 'on';
      if (!plot || sig !== signature) { signature = sig; build(series, shown); } else plot.setData(shown);
    },
    reset() { plot?.destroy(); plot = null; signature = ''; latest = null; showWaiting(); },
    resize() { plot?.setSize({ width: width(), height: HEIGHT }); },
    relabel() { if (latest) { signature = ''; chart.set(latest.series, latest.data); } if (!plot) showWaiting(); },
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
