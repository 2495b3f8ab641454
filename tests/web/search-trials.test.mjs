// The trials of the lab's hyper-parameter searches (lab/search-trials.js) and the dropout ensemble's
// summary (lab/thinned-summary.js): pure functions, no engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gridTrials, randomTrials, gridAndRandomTrials, distinctValues, bestTrial } from '../../web/js/lab/search-trials.js';
import { createRng, logUniform } from '../../web/js/lab/rng.js';
import { thinnedSummary } from '../../web/js/lab/thinned-summary.js';

const ranges = { lr: [-3, 0], decay: [-6, -3] };
const close = (a, b) => Math.abs(a - b) < 1e-12 * Math.max(1, Math.abs(b));

test('a grid of side n tries every pair of n learning rates and n decays, spaced evenly on log axes', () => {
  const trials = gridTrials(3, ranges);
  assert.equal(trials.length, 9);
  const lrs = distinctValues(trials, 'lr');
  const decays = distinctValues(trials, 'decay');
  [0.001, 10 ** -1.5, 1].forEach((x, i) => assert.ok(close(lrs[i], x), `${lrs[i]} vs ${x}`));
  [1e-6, 10 ** -4.5, 1e-3].forEach((x, i) => assert.ok(close(decays[i], x), `${decays[i]} vs ${x}`));
  assert.deepEqual(trials.slice(0, 3).map((x) => x.lr), [lrs[0], lrs[0], lrs[0]], 'learning rate by learning rate');
  assert.ok(trials.every((x) => x.accuracy === null && x.diverged === false));
});

test('random trials draw learning rate then decay from the seeded generator, as the random search always did', () => {
  const trials = randomTrials(5, 7, ranges);
  const next = createRng(7);
  for (const trial of trials) {
    assert.equal(trial.lr, logUniform(next, -3, 0));
    assert.equal(trial.decay, logUniform(next, -6, -3));
  }
  assert.deepEqual(randomTrials(5, 7, ranges), trials);
  assert.notDeepEqual(randomTrials(5, 8, ranges), trials);
});

test('grid and random search get the same budget; the random side tries n² distinct learning rates', () => {
  const { grid, random } = gridAndRandomTrials({ side: 4, seed: 1, ranges });
  assert.equal(grid.length, 16);
  assert.equal(random.length, 16);
  assert.equal(distinctValues(grid, 'lr').length, 4);
  assert.equal(distinctValues(random, 'lr').length, 16);
});

test('the best trial is the first with the highest accuracy; unfinished or diverged trials do not count', () => {
  assert.equal(bestTrial([{ accuracy: null }]), null);
  const a = { accuracy: 0.5 }, b = { accuracy: 0.7 }, c = { accuracy: 0.7 };
  assert.equal(bestTrial([a, { accuracy: null }, b, c]), b);
});

test('the dropout ensemble summary reads the engine\'s result', () => {
  const s = thinnedSummary({
    full: { accuracy: 0.8 }, thinned: [{ accuracy: 0.6 }, { accuracy: 0.7 }], thinnedAgreement: [0.7, 0.9], thinnedGap: [0.05, 0.03],
    averageAccuracy: [0.6, 0.79], agreement: [0.7, 0.95], gap: [0.05, 0.02],
  });
  assert.ok(close(s.thinnedMean, 0.65) && close(s.thinnedAgreement, 0.8) && close(s.thinnedGap, 0.04));
  assert.deepEqual([s.networks, s.full, s.thinnedMin, s.thinnedMax, s.average, s.averageAgreement, s.averageGap], [2, 0.8, 0.6, 0.7, 0.79, 0.95, 0.02]);
});
