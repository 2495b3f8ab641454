// The frame the small canvas charts with a log-scaled x axis share (scatter-chart.js, trial-plane.js):
// the title, a vertical grid line and label at each power of ten, the axis labels and the border.
// `below` moves the x axis's labels down (trial-plane.js draws ticks of its own under the plot).

const LABEL = '#5f6b7a';

// The title on top; leaves the context set for grid lines and small labels.
export function drawTitle(ctx, title, pad, plotW) {
  ctx.fillStyle = '#1d2430';
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(title, pad.left + plotW / 2, 3);
  ctx.strokeStyle = '#e3e7ec';
  ctx.fillStyle = LABEL;
  ctx.font = '10px system-ui, sans-serif';
  ctx.lineWidth = 1;
}

// The whole exponents in [lo, hi], at most about eight of them.
export function decadeExponents(lo, hi) {
  const first = Math.ceil(lo), last = Math.floor(hi);
  const every = Math.max(1, Math.ceil((last - first + 1) / 8));
  const list = [];
  for (let e = first; e <= last; e += every) list.push(e);
  return list;
}

// Grid lines and "1e<k>" labels at the powers of ten of the x range [lo, hi] (exponents), the x and y
// axis labels, and the plot's border.
export function drawLogXFrame(ctx, { lo, hi, xLabel, yLabel, pad, plotW, plotH, below = 0 }) {
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const e of decadeExponents(lo, hi)) {
    const x = pad.left + ((e - lo) / (hi - lo)) * plotW;
    ctx.beginPath(); ctx.moveTo(x + 0.5, pad.top); ctx.lineTo(x + 0.5, pad.top + plotH); ctx.stroke();
    ctx.fillText(`1e${e}`, x, pad.top + plotH + below + 3);
  }
  ctx.fillText(xLabel, pad.left + plotW / 2, pad.top + plotH + below + 17);
  ctx.save();
  ctx.translate(10, pad.top + plotH / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(yLabel, 0, 0);
  ctx.restore();
  ctx.strokeStyle = '#9aa4b1';
  ctx.strokeRect(pad.left + 0.5, pad.top + 0.5, plotW, plotH);
}
