// A scatter plot on canvas with a log-scaled x axis (hyper-parameters are searched on a log scale)
// and accuracy in [0, 1] on y; highlighted points (the best trials) are drawn last, larger.

import { plotArea } from './plot-area.js';
import { drawTitle, drawLogXFrame } from './log-frame.js';

const HEIGHT = 240;
const PAD = { left: 44, right: 12, top: 24, bottom: 34 };

// options: { title, xLabel, yLabel, xExpRange: [lo, hi] (powers of ten), points: [{ x, y, highlight }],
//            colors: { normal, highlight } }
export function drawScatter(canvas, options) {
  const { ctx, plotW, plotH } = plotArea(canvas, HEIGHT, PAD, 260);
  const [lo, hi] = options.xExpRange;
  const toX = (x) => PAD.left + ((Math.log10(x) - lo) / (hi - lo)) * plotW;
  const toY = (y) => PAD.top + (1 - y) * plotH;
  drawTitle(ctx, options.title, PAD, plotW);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const y of [0, 0.25, 0.5, 0.75, 1]) {
    ctx.beginPath(); ctx.moveTo(PAD.left, toY(y) + 0.5); ctx.lineTo(PAD.left + plotW, toY(y) + 0.5); ctx.stroke();
    ctx.fillText(`${y * 100}%`, PAD.left - 4, toY(y));
  }
  drawLogXFrame(ctx, { lo, hi, xLabel: options.xLabel, yLabel: options.yLabel, pad: PAD, plotW, plotH });

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
