// The trials of a hyper-parameter search over learning rate and weight decay, both on a log scale:
// drawn at random (4d, and 4f's random side) or laid on a grid (4f). No DOM here, so the page and
// the tests build the very same trials.

import { createRng, logUniform } from './rng.js';
import { logspace } from './specs.js';

const trial = (lr, decay) => ({ lr, decay, accuracy: null, diverged: false });

// `count` trials, each exponent uniform in its range, from a generator seeded with `seed`.
// ranges: { lr: [lo, hi], decay: [lo, hi] } (powers of ten).
export function randomTrials(count, seed, ranges) {
  const next = createRng(seed);
  return Array.from({ length: count }, () => trial(logUniform(next, ...ranges.lr), logUniform(next, ...ranges.decay)));
}

// side x side trials: every pair of `side` learning rates and `side` decays spaced evenly on the log
// axes from end to end of each range, learning rate by learning rate.
export function gridTrials(side, ranges) {
  const decays = logspace(...ranges.decay, side);
  return logspace(...ranges.lr, side).flatMap((lr) => decays.map((decay) => trial(lr, decay)));
}

// How many different values of `key` the trials tried (what a search learns about that parameter).
export function distinctValues(trials, key) {
  return [...new Set(trials.map((x) => x[key]))].sort((a, b) => a - b);
}

// The trial with the highest validation accuracy (the first of equals), or null when none finished.
export function bestTrial(trials) {
  let best = null;
  for (const x of trials) if (x.accuracy !== null && (best === null || x.accuracy > best.accuracy)) best = x;
  return best;
}

// Grid against random search on the same budget (4f): side x side grid trials, then as many random
// ones over the same ranges. v: { side, seed, ranges }.
export function gridAndRandomTrials({ side, seed, ranges }) {
  return { grid: gridTrials(side, ranges), random: randomTrials(side * side, seed, ranges) };
}
