// One place for the page's colours, so the heatmap, points, diagram and legends agree.
// Two classes: orange/blue (TensorFlow Playground); K classes: a categorical palette whose first
// two entries are the same orange and blue.

export const CLASS_COLORS = ['#f59322', '#0877bd', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
export const SPLIT_COLORS = { train: '#1d2430', validation: '#8e44ad', test: '#16a085' };
export const PENALTY_COLOR = '#b9770e';    // the L1/L2 penalty curve on the loss chart
export const OBJECTIVE_COLOR = '#c0392b';  // training loss + penalty, the minimised objective
export const OPTIMIZER_COLORS = {
  sgd: '#d62728', momentum: '#1f77b4', nesterov: '#17becf', adagrad: '#2ca02c', rmsprop: '#9467bd', adam: '#ff7f0e', adamw: '#8c564b',
};
export const POSITIVE = [8, 119, 189];   // blue: positive weights and activations
export const NEGATIVE = [245, 147, 34];  // orange: negative ones

export function hexToRgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

// Mix towards white: t = 0 gives white, t = 1 the full colour.
export function tint(rgb, t) {
  return rgb.map((c) => Math.round(255 + (c - 255) * t));
}

// Diverging map for values in [-1, 1]: orange (negative) - white - blue (positive).
export function diverging(v) {
  const t = Math.max(-1, Math.min(1, v));
  return t >= 0 ? tint(POSITIVE, t) : tint(NEGATIVE, -t);
}

// A sequence of colours for layers 1..n (input side dark, output side light): gradient-norm lines.
export function layerColor(i, n) {
  const t = n <= 1 ? 0 : i / (n - 1);
  const hue = 250 - 210 * t;
  return `hsl(${hue.toFixed(0)}, 70%, ${(32 + 18 * t).toFixed(0)}%)`;
}
// The initializer experiment's three runs: std 0.01 (grey: it never learns), Xavier, He.
export const INIT_COLORS = { normal: '#7f7f7f', xavier: '#1f77b4', he: '#ff7f0e' };
export const SEARCH_COLORS = { grid: '#1f77b4', random: '#ff7f0e' };  // 4f: grid and random search
