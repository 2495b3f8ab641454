// The steps at which a run's history (its curves) is sampled: every step at first, where the loss
// moves fastest, then every HISTORY_INTERVAL-th. The schedule is fixed, not timed, so two runs of the
// same spec (a shared link's replay, another playback speed) give the same curves point for point.

export const EVERY_STEP_BELOW = 100;
export const HISTORY_INTERVAL = 10;

// The sampling interval in force at `step`.
export function historyInterval(step) {
  return step < EVERY_STEP_BELOW ? 1 : HISTORY_INTERVAL;
}

export function isHistoryStep(step) {
  return step % historyInterval(step) === 0;
}

// How many steps a run may train from `step` before its next history step (at least 1).
export function stepsToNextHistoryStep(step) {
  const interval = historyInterval(step);
  return interval - (step % interval);
}
