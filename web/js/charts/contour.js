// Contour picture of a 2-D test function (banded shading, darker band edges = contour lines)
// with optimizer paths drawn over it, axes with ticks, the start and the minimum marked.

import { sizeCanvas } from '../views/dom.js';
import { OPTIMIZER_COLORS } from './colors.js';

const BANDS = 16;
const PAD = { left: 34, right: 8, top: 8, bottom: 24 };

function bandColor(t) {
  // light teal (low) to pale sand (high)
  const low = [214, 234, 248], high = [253, 246, 227];
  return low.map((c, i) => Math.round(c + (high[i] - c) * t));
}

// fn: { xmin, xmax, ymin, ymax, minimumX, minimumY }; grid: Float32Array(res*res) row by row from top-left.
// outcomes[i] (optional, see views/path-outcome.js): a diverged path gets a ring at its last point.
export function drawContour(canvas, width, fn, grid, res, paths, outcomes = []) {
  const aspect = Math.max(0.45, Math.min(1.1, (fn.ymax - fn.ymin) / (fn.xmax - fn.xmin)));
  const height = Math.round(width * aspect);
  const ctx = sizeCanvas(canvas, width, height);
  const plotW = width - PAD.left - PAD.right, plotH = height - PAD.top - PAD.bottom;
  let min = Infinity, max = -Infinity;
  for (const v of grid) { if (Number.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); } }
  // Log-spaced bands: the interesting structure is near the minimum.
  const level = (v) => Math.floor(BANDS * Math.log1p(Math.max(0, v - min)) / Math.log1p(Math.max(1e-12, max - min)));
  const image = new ImageData(res, res);
  for (let row = 0; row < res; row++) {
    for (let col = 0; col < res; col++) {
      const k = row * res + col;
      const band = level(grid[k]);
      const edge = (col + 1 < res && level(grid[k + 1]) !== band) || (row + 1 < res && level(grid[k + res]) !== band);
      const rgb = edge ? [120, 144, 170] : bandColor(band / BANDS);
      image.data.set([rgb[0], rgb[1], rgb[2], 255], 4 * k);
    }
  }
  const scratch = new OffscreenCanvas(res, res);
  scratch.getContext('2d').putImageData(image, 0, 0);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(scratch, PAD.left, PAD.top, plotW, plotH);

  const toX = (x) => PAD.left + ((x - fn.xmin) / (fn.xmax - fn.xmin)) * plotW;
  const toY = (y) => PAD.top + ((fn.ymax - y) / (fn.ymax - fn.ymin)) * plotH;
  ctx.save();
  ctx.beginPath();
  ctx.rect(PAD.left, PAD.top, plotW, plotH);
  ctx.clip();
  // the minimum
  ctx.strokeStyle = '#1d2430';
  ctx.lineWidth = 1.5;
  const mx = toX(fn.minimumX), my = toY(fn.minimumY);
  ctx.beginPath(); ctx.moveTo(mx - 5, my - 5); ctx.lineTo(mx + 5, my + 5); ctx.moveTo(mx + 5, my - 5); ctx.lineTo(mx - 5, my + 5); ctx.stroke();
  for (const path of paths) {
    const color = OPTIMIZER_COLORS[path.name] ?? '#333';
    const p = path.points;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = 1.8;
    ctx.beginPath();
    for (let i = 0; i < p.length; i += 3) {
      if (!Number.isFinite(p[i]) || !Number.isFinite(p[i + 1])) break;
      if (i === 0) ctx.moveTo(toX(p[i]), toY(p[i + 1])); else ctx.lineTo(toX(p[i]), toY(p[i + 1]));
    }
    ctx.stroke();
    for (let i = 0; i < p.length; i += 3) {
      if (!Number.isFinite(p[i]) || !Number.isFinite(p[i + 1])) break;
      ctx.beginPath();
      ctx.arc(toX(p[i]), toY(p[i + 1]), i === 0 ? 4 : 2.2, 0, Math.PI * 2);
      ctx.fill();
    }
  }
  ctx.restore();
  // Where a path diverged, kept on the plot's edge when the last finite point lies outside it.
  paths.forEach((path, i) => {
    if (outcomes[i]?.divergedAt == null) return;
    const k = path.points.length - 3;
    const x = Math.min(PAD.left + plotW - 7, Math.max(PAD.left + 7, toX(path.points[k])));
    const y = Math.min(PAD.top + plotH - 7, Math.max(PAD.top + 7, toY(path.points[k + 1])));
    ctx.strokeStyle = '#c0392b';
    ctx.lineWidth = 2;
    ctx.beginPath(); ctx.arc(x, y, 6, 0, Math.PI * 2); ctx.stroke();
  });
  drawAxes(ctx, fn, toX, toY, PAD.left, PAD.top + plotH);
}

function niceTicks(lo, hi) {
  const span = hi - lo;
  const step = [1, 2, 2.5, 5, 10].map((m) => m * 10 ** Math.floor(Math.log10(span / 5))).find((s) => span / s <= 6);
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) ticks.push(Number(v.toPrecision(6)));
  return ticks;
}

function drawAxes(ctx, fn, toX, toY, left, bottom) {
  ctx.fillStyle = '#5f6b7a';
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of niceTicks(fn.xmin, fn.xmax)) ctx.fillText(String(v), toX(v), bottom + 4);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of niceTicks(fn.ymin, fn.ymax)) ctx.fillText(String(v), left - 4, toY(v));
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText('y', 4, 2);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillText('x', toX(fn.xmax), bottom + 22);
}
