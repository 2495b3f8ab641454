// The trials of a two-parameter search as points on a log-log plane (learning rate across, weight
// decay up), each coloured by its validation accuracy, the best one ringed; under the x axis a tick
// for every distinct learning rate tried, so a grid's few columns and random search's many show.

import { plotArea } from './plot-area.js';
import { drawTitle, decadeExponents, drawLogXFrame } from './log-frame.js';
import { tint, hexToRgb } from './colors.js';

const HEIGHT = 240;
const PAD = { left: 52, right: 12, top: 24, bottom: 44 };
const RUG = 6;  // length of a distinct-value tick below the plot

// options: { title, xLabel, yLabel, xExpRange, yExpRange: [lo, hi] (powers of ten),
//            points: [{ x, y, accuracy (0..1 or null), best }], ticks: [x], color, tickColor }
export function drawTrialPlane(canvas, options) {
  const { ctx, plotW, plotH } = plotArea(canvas, HEIGHT, PAD, 260);
  const [xlo, xhi] = options.xExpRange;
  const [ylo, yhi] = options.yExpRange;
  const toX = (x) => PAD.left + ((Math.log10(x) - xlo) / (xhi - xlo)) * plotW;
  const toY = (y) => PAD.top + (1 - (Math.log10(y) - ylo) / (yhi - ylo)) * plotH;
  drawTitle(ctx, options.title, PAD, plotW);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const e of decadeExponents(ylo, yhi)) {
    const y = toY(10 ** e);
    ctx.beginPath(); ctx.moveTo(PAD.left, y + 0.5); ctx.lineTo(PAD.left + plotW, y + 0.5); ctx.stroke();
    ctx.fillText(`1e${e}`, PAD.left - 4, y);
  }
  drawLogXFrame(ctx, { lo: xlo, hi: xhi, xLabel: options.xLabel, yLabel: options.yLabel, pad: PAD, plotW, plotH, below: RUG });

  ctx.strokeStyle = options.tickColor;
  ctx.lineWidth = 2;
  for (const x of options.ticks) {
    ctx.beginPath(); ctx.moveTo(toX(x), PAD.top + plotH + 1); ctx.lineTo(toX(x), PAD.top + plotH + RUG + 1); ctx.stroke();
  }

  // Darker is better: white at chance (10 %) or below, the full colour at 100 %.
  const rgb = hexToRgb(options.color);
  const ordered = [...options.points.filter((p) => !p.best), ...options.points.filter((p) => p.best)];
  for (const p of ordered) {
    ctx.beginPath();
    ctx.arc(toX(p.x), toY(p.y), p.best ? 6 : 4.5, 0, Math.PI * 2);
    const shade = p.accuracy === null ? 0 : Math.max(0.12, Math.min(1, (p.accuracy - 0.1) / 0.9));
    ctx.fillStyle = `rgb(${tint(rgb, shade).join(',')})`;
    ctx.fill();
    ctx.lineWidth = p.best ? 2 : 1;
    ctx.strokeStyle = p.best ? '#d62728' : '#5f6b7a';
    ctx.stroke();
  }
}
