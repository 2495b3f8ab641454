// A small-multiple line chart on canvas: many of them side by side share fixed axes, so the eye
// compares shapes across cells (uPlot's full charts with legends would crowd a 4x4 grid).

import { plotArea } from './plot-area.js';

const HEIGHT = 110;
const PAD = { left: 34, right: 6, top: 18, bottom: 14 };

// options: { title, series: [{ xs, ys, color, dash, note }], xMax, yMin, yMax, yTicks: [value], tickText(v) }
export function drawMiniChart(canvas, options) {
  const { ctx, plotW, plotH } = plotArea(canvas, HEIGHT, PAD, 140);
  const toX = (x) => PAD.left + (x / Math.max(1, options.xMax)) * plotW;
  const toY = (y) => PAD.top + (1 - (y - options.yMin) / (options.yMax - options.yMin)) * plotH;
  ctx.fillStyle = '#1d2430';
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillText(options.title, PAD.left, 2);
  ctx.strokeStyle = '#e3e7ec';
  ctx.fillStyle = '#5f6b7a';
  ctx.font = '9.5px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of options.yTicks) {
    ctx.beginPath();
    ctx.moveTo(PAD.left, toY(tick) + 0.5);
    ctx.lineTo(PAD.left + plotW, toY(tick) + 0.5);
    ctx.stroke();
    ctx.fillText(options.tickText(tick), PAD.left - 3, toY(tick));
  }
  ctx.textBaseline = 'top';
  ctx.fillText(String(options.xMax), PAD.left + plotW, PAD.top + plotH + 2);
  ctx.textAlign = 'left';
  ctx.fillText('0', PAD.left, PAD.top + plotH + 2);
  for (const s of options.series) {
    ctx.strokeStyle = s.color;
    ctx.lineWidth = 1.8;
    ctx.setLineDash(s.dash ?? []);
    ctx.beginPath();
    let started = false;
    for (let i = 0; i < s.xs.length; i++) {
      if (s.ys[i] === null || !Number.isFinite(s.ys[i])) continue;
      const y = toY(Math.max(options.yMin, Math.min(options.yMax, s.ys[i])));
      if (started) ctx.lineTo(toX(s.xs[i]), y); else { ctx.moveTo(toX(s.xs[i]), y); started = true; }
    }
    ctx.stroke();
    ctx.setLineDash([]);
    if (s.note) {
      ctx.fillStyle = s.color;
      ctx.font = '600 10px system-ui, sans-serif';
      ctx.textAlign = 'right';
      ctx.fillText(s.note, PAD.left + plotW, PAD.top + 2 + 12 * options.series.indexOf(s));
    }
  }
}
