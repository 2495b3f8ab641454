// A scatter plot on canvas with a log-scaled x axis (hyper-parameters are searched on a log scale)
// and accuracy in [0, 1] on y; highlighted points (the best trials) are drawn last, larger.

import { plotArea } from './plot-area.js';

const HEIGHT = 240;
const PAD = { left: 44, right: 12, top: 24, bottom: 34 };

// options: { title, xLabel, yLabel, xExpRange: [lo, hi] (powers of ten), points: [{ x, y, highlight }],
//            colors: { normal, highlight } }
export function drawScatter(canvas, options) {
  const { ctx, plotW, plotH } = plotArea(canvas, HEIGHT, PAD, 260);
  const [lo, hi] = options.xExpRange;
  const toX = (x) => PAD.left + ((Math.log10(x) - lo) / (hi - lo)) * plotW;
  const toY = (y) => PAD.top + (1 - y) * plotH;
  ctx.fillStyle = '#1d2430';
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(options.title, PAD.left + plotW / 2, 3);

  ctx.strokeStyle = '#e3e7ec';
  ctx.fillStyle = '#5f6b7a';
  ctx.font = '10px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const y of [0, 0.25, 0.5, 0.75, 1]) {
    ctx.beginPath(); ctx.moveTo(PAD.left, toY(y) + 0.5); ctx.lineTo(PAD.left + plotW, toY(y) + 0.5); ctx.stroke();
    ctx.fillText(`${y * 100}%`, PAD.left - 4, toY(y));
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const first = Math.ceil(lo), last = Math.floor(hi);
  const every = Math.max(1, Math.ceil((last - first + 1) / 8));
  for (let e = first; e <= last; e += every) {
    const x = PAD.left + ((e - lo) / (hi - lo)) * plotW;
    ctx.beginPath(); ctx.moveTo(x + 0.5, PAD.top); ctx.lineTo(x + 0.5, PAD.top + plotH); ctx.stroke();
    ctx.fillText(`1e${e}`, x, PAD.top + plotH + 3);
  }
  ctx.fillText(options.xLabel, PAD.left + plotW / 2, PAD.top + plotH + 17);
  ctx.save();
  ctx.translate(10, PAD.top + plotH / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(options.yLabel, 0, 0);
  ctx.restore();
  ctx.strokeStyle = '#9aa4b1';
  ctx.strokeRect(PAD.left + 0.5, PAD.top + 0.5, plotW, plotH);

  const ordered = [...options.points.filter((p) => !p.highlight), ...options.points.filter((p) => p.highlight)];
  for (const p of ordered) {
    if (!Number.isFinite(p.y) || !(p.x > 0)) continue;
    ctx.beginPath();
    ctx.arc(toX(p.x), toY(Math.max(0, Math.min(1, p.y))), p.highlight ? 5 : 3.2, 0, Math.PI * 2);
    ctx.fillStyle = p.highlight ? options.colors.highlight : options.colors.normal;
    ctx.globalAlpha = p.highlight ? 1 : 0.65;
    ctx.fill();
    ctx.globalAlpha = 1;
    if (p.highlight) { ctx.strokeStyle = '#fff'; ctx.lineWidth = 1.5; ctx.stroke(); }
  }
}
