// The sizing the small canvas charts (mini-chart.js, scatter-chart.js) start with: as wide as
// their container (at least minWidth), a device-pixel-ratio backing store, cleared, and the plot
// rectangle inside the padding.

import { sizeCanvas } from '../views/dom.js';

export function plotArea(canvas, height, pad, minWidth) {
  const width = Math.max(minWidth, canvas.parentElement?.clientWidth || minWidth);
  const ctx = sizeCanvas(canvas, width, height);
  ctx.clearRect(0, 0, width, height);
  return { ctx, width, plotW: width - pad.left - pad.right, plotH: height - pad.top - pad.bottom };
}
