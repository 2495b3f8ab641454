// Small-multiple histograms (activations, weights) and the dead-unit bar chart, drawn on canvas
// with a title, the value range on the x axis and the largest count on the y axis.

import { sizeCanvas } from '../views/dom.js';
import { formatNumber, formatPercent } from '../format.js';

const W = 170;
const H = 96;

// histogram: { lo, hi, counts }; nonFiniteText is written in the plot when the values
// are NaN or infinite (a diverged run), so the cell never looks silently empty.
export function drawHistogram(canvas, title, histogram, color, nonFiniteText = 'NaN / ∞') {
  const width = Math.max(120, canvas.parentElement?.clientWidth || W);
  const ctx = sizeCanvas(canvas, width, H);
  const pad = { left: 6, right: 6, top: 16, bottom: 16 };
  ctx.clearRect(0, 0, width, H);
  ctx.fillStyle = '#1d2430';
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillText(title, pad.left, 1);
  if (!histogram || !histogram.counts?.length) return;
  if (!Number.isFinite(histogram.lo) || !Number.isFinite(histogram.hi)) {
    ctx.fillStyle = '#c0392b';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.fillText(nonFiniteText, pad.left, H / 2);
    return;
  }
  const counts = histogram.counts;
  let peak = 1;
  for (const c of counts) peak = Math.max(peak, c);
  const plotW = width - pad.left - pad.right;
  const plotH = H - pad.top - pad.bottom;
  const barW = plotW / counts.length;
  ctx.fillStyle = color;
  for (let i = 0; i < counts.length; i++) {
    const h = (counts[i] / peak) * plotH;
    ctx.fillRect(pad.left + i * barW + 0.5, pad.top + plotH - h, Math.max(1, barW - 1), h);
  }
  ctx.strokeStyle = '#c7ced8';
  ctx.beginPath();
  ctx.moveTo(pad.left, pad.top + plotH + 0.5);
  ctx.lineTo(width - pad.right, pad.top + plotH + 0.5);
  ctx.stroke();
  ctx.fillStyle = '#5f6b7a';
  ctx.font = '10px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'left';
  ctx.fillText(formatNumber(histogram.lo, 3), pad.left, H);
  ctx.textAlign = 'right';
  ctx.fillText(formatNumber(histogram.hi, 3), width - pad.right, H);
  ctx.textBaseline = 'top';
  ctx.fillText(`max ${formatNumber(peak, 3)}`, width - pad.right, 2);
  ctx.textAlign = 'left';
}

// bars: [{ label, value in 0..1 | null }]
export function drawBars(canvas, bars, color) {
  const width = Math.max(200, canvas.parentElement?.clientWidth || 300);
  const rowH = 20;
  const height = Math.max(40, 22 + bars.length * rowH);
  const ctx = sizeCanvas(canvas, width, height);
  const labelW = 70;
  const plotW = width - labelW - 60;
  ctx.clearRect(0, 0, width, height);
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  bars.forEach((bar, i) => {
    const y = 4 + i * rowH;
    ctx.fillStyle = '#5f6b7a';
    ctx.textAlign = 'right';
    ctx.fillText(bar.label, labelW - 6, y + rowH / 2);
    ctx.fillStyle = '#eef1f5';
    ctx.fillRect(labelW, y + 3, plotW, rowH - 6);
    ctx.fillStyle = color;
    ctx.fillRect(labelW, y + 3, plotW * Math.max(0, Math.min(1, bar.value ?? 0)), rowH - 6);
    ctx.fillStyle = '#1d2430';
    ctx.textAlign = 'left';
    ctx.fillText(formatPercent(bar.value, 0), labelW + plotW + 6, y + rowH / 2);
  });
  // x axis: 0 % .. 100 %
  const axisY = 4 + bars.length * rowH + 8;
  ctx.fillStyle = '#5f6b7a';
  ctx.textAlign = 'left';
  ctx.fillText('0 %', labelW, axisY);
  ctx.textAlign = 'right';
  ctx.fillText('100 %', labelW + plotW, axisY);
}
