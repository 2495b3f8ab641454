// Draws a scalar field over the plane (a neuron's output, an input feature) as a small
// diverging-colour image: blue positive, orange negative, white zero.

import { diverging } from './colors.js';

export const PLANE = { xmin: -6, xmax: 6, ymin: -6, ymax: 6 };

// The input features the page can feed (same definitions as the engine's data/features).
const FEATURE_FN = {
  x1: (x) => x, x2: (x, y) => y, 'x1^2': (x) => x * x, 'x2^2': (x, y) => y * y,
  'x1*x2': (x, y) => x * y, 'sin(x1)': (x) => Math.sin(x), 'sin(x2)': (x, y) => Math.sin(y),
};

// values[k] for grid point k, row by row from the top-left (xmin, ymax), like run.grid().
export function featureField(name, res, bounds = PLANE) {
  const fn = FEATURE_FN[name];
  const values = new Float32Array(res * res);
  for (let row = 0; row < res; row++) {
    const y = bounds.ymax - ((row + 0.5) / res) * (bounds.ymax - bounds.ymin);
    for (let col = 0; col < res; col++) {
      const x = bounds.xmin + ((col + 0.5) / res) * (bounds.xmax - bounds.xmin);
      values[row * res + col] = fn(x, y);
    }
  }
  return values;
}

// Paints values (offset..offset+res*res) into ctx scaled to size x size CSS pixels (at the
// origin, or at box { x, y, height } with width size).
// Scale: the largest |value| maps to full colour, so each unit shows its own pattern.
export function drawField(ctx, values, res, size, offset = 0, box = { x: 0, y: 0, height: size }) {
  let peak = 1e-9;
  for (let k = 0; k < res * res; k++) peak = Math.max(peak, Math.abs(values[offset + k]));
  const image = new ImageData(res, res);
  for (let k = 0; k < res * res; k++) {
    const [r, g, b] = diverging(values[offset + k] / peak);
    image.data[4 * k] = r; image.data[4 * k + 1] = g; image.data[4 * k + 2] = b; image.data[4 * k + 3] = 255;
  }
  const scratch = new OffscreenCanvas(res, res);
  scratch.getContext('2d').putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(scratch, box.x, box.y, size, box.height);
}
