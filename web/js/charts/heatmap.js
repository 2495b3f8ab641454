// The decision-boundary heatmap: the network's output over the plane (from run.grid) with the
// data points on top. Classification: the colour of the predicted class, paler where the net is
// unsure. Regression: the diverging map of the predicted value.

import { CLASS_COLORS, hexToRgb, tint, diverging } from './colors.js';
import { sizeCanvas } from '../views/dom.js';
import { PLANE, drawField } from './field.js';

const MARGIN = { left: 24, bottom: 20, top: 4, right: 4 };
const CLASS_RGB = CLASS_COLORS.map(hexToRgb);

// grid: { resolution, outputs } ; run: { task, outputs, data } ; options: { showTest, discretize, field }
// field: { values, resolution } draws one unit's output (the diagram's focus) instead of the
// network's, in the diagram's colours (each field scaled to its own largest |value|).
export function drawHeatmap(canvas, cssSize, grid, run, options) {
  const ctx = sizeCanvas(canvas, cssSize, cssSize);
  const plot = cssSize - MARGIN.left - MARGIN.right;
  const plotH = cssSize - MARGIN.top - MARGIN.bottom;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, cssSize, cssSize);
  const scale = run.task.kind === 'regression' ? regressionScale(run.data) : 1;
  if (options.field) {
    drawField(ctx, options.field.values, options.field.resolution, plot, 0, { x: MARGIN.left, y: MARGIN.top, height: plotH });
  } else if (grid) {
    const res = grid.resolution;
    const image = new ImageData(res, res);
    for (let k = 0; k < res * res; k++) {
      const [r, g, b] = pixelColor(grid.outputs, k, res, run.task, options.discretize, scale);
      image.data[4 * k] = r; image.data[4 * k + 1] = g; image.data[4 * k + 2] = b; image.data[4 * k + 3] = 255;
    }
    const scratch = new OffscreenCanvas(res, res);
    scratch.getContext('2d').putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = !options.discretize;
    ctx.drawImage(scratch, MARGIN.left, MARGIN.top, plot, plotH);
  }
  const toX = (x) => MARGIN.left + ((x - PLANE.xmin) / (PLANE.xmax - PLANE.xmin)) * plot;
  const toY = (y) => MARGIN.top + ((PLANE.ymax - y) / (PLANE.ymax - PLANE.ymin)) * plotH;
  if (run.data) {
    drawPoints(ctx, run.data.train, run.task, scale, toX, toY, false);
    if (options.showTest) drawPoints(ctx, run.data.test, run.task, scale, toX, toY, true);
  }
  drawAxes(ctx, toX, toY, cssSize);
}

function pixelColor(outputs, k, res, task, discretize, scale) {
  if (task.kind === 'regression') return diverging(outputs[k] / scale);
  let best = 0, pBest;
  if (task.outputs === 1) {
    const p = outputs[k];
    best = p >= 0.5 ? 1 : 0;
    pBest = best ? p : 1 - p;
  } else {
    pBest = -1;
    for (let c = 0; c < task.outputs; c++) {
      const p = outputs[k * task.outputs + c];
      if (p > pBest) { pBest = p; best = c; }
    }
  }
  const chance = 1 / task.classes;
  const confidence = Math.max(0, (pBest - chance) / (1 - chance));
  return tint(CLASS_RGB[best % CLASS_RGB.length], discretize ? 0.55 : 0.08 + 0.62 * confidence);
}

export function regressionScale(data) {
  let peak = 1e-6;
  for (const t of data?.train?.targets ?? []) peak = Math.max(peak, Math.abs(t));
  return peak;
}

function drawPoints(ctx, split, task, scale, toX, toY, isTest) {
  const { raw, targets } = split;
  ctx.lineWidth = isTest ? 1.6 : 1;
  for (let i = 0; i < targets.length; i++) {
    const color = task.kind === 'regression'
      ? `rgb(${diverging(targets[i] / scale).join(',')})`
      : CLASS_COLORS[targets[i] % CLASS_COLORS.length];
    ctx.beginPath();
    ctx.arc(toX(raw[2 * i]), toY(raw[2 * i + 1]), isTest ? 3.2 : 3, 0, Math.PI * 2);
    if (isTest) { ctx.fillStyle = '#fff'; ctx.strokeStyle = task.kind === 'regression' ? '#333' : color; }
    else { ctx.fillStyle = color; ctx.strokeStyle = '#fff'; }
    ctx.fill();
    ctx.stroke();
  }
}

function drawAxes(ctx, toX, toY, size) {
  ctx.strokeStyle = '#9aa4b1';
  ctx.lineWidth = 1;
  ctx.strokeRect(toX(PLANE.xmin), toY(PLANE.ymax), toX(PLANE.xmax) - toX(PLANE.xmin), toY(PLANE.ymin) - toY(PLANE.ymax));
  ctx.fillStyle = '#5f6b7a';
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of [-6, -3, 0, 3, 6]) ctx.fillText(String(v), toX(v), toY(PLANE.ymin) + 3);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of [-6, -3, 0, 3, 6]) ctx.fillText(String(v), toX(PLANE.xmin) - 4, toY(v));
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  ctx.fillText('x₁', size - 16, size - 2);
  ctx.textBaseline = 'top';
  ctx.fillText('x₂', 2, 2);
}
