// The history sampling schedule (web/js/history-steps.js): every step below EVERY_STEP_BELOW, then
// every HISTORY_INTERVAL-th; the worker trains in chunks that end exactly on those steps.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { EVERY_STEP_BELOW, HISTORY_INTERVAL, historyInterval, isHistoryStep, stepsToNextHistoryStep } from '../../web/js/history-steps.js';

it('samples every step at first, then every HISTORY_INTERVAL-th step', () => {
  assert.equal(EVERY_STEP_BELOW, 100);
  assert.equal(HISTORY_INTERVAL, 10);
  const sampled = [];
  for (let step = 0; step <= 140; step++) if (isHistoryStep(step)) sampled.push(step);
  assert.deepEqual(sampled, [...Array.from({ length: 100 }, (_, i) => i), 100, 110, 120, 130, 140]);
  assert.equal(historyInterval(99), 1);
  assert.equal(historyInterval(100), 10);
});

it('a chunk from any step ends on the next history step, never past it', () => {
  for (let step = 0; step < 2000; step++) {
    const next = step + stepsToNextHistoryStep(step);
    assert.ok(next > step);
    assert.ok(isHistoryStep(next), `${step} -> ${next}`);
    for (let between = step + 1; between < next; between++) assert.ok(!isHistoryStep(between), `${between} skipped`);
  }
});
