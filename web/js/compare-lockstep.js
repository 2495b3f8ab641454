// Compare mode's one play / step / reset for runs A and B, each training in its own worker: while
// playing, both workers train up to a shared limit (TO_WORKER.LIMIT) and wait there; once both
// have reached it the limit moves on by one chunk. So the two runs never part by more than a chunk
// and show the same step count whenever their metrics arrive, however different their speeds.

import { isHistoryStep, stepsToNextHistoryStep } from './history-steps.js';

// Steps per chunk at each speed level (run-handlers.js paces the steps within a chunk).
const CHUNK = [0, 1, 3, 15, 50, 200];

// A limit falls on a history step: the metrics a worker reports are those of its last history step.
function nextLimit(step, chunk) {
  const target = step + chunk;
  return isHistoryStep(target) ? target : target + stepsToNextHistoryStep(target);
}

// sides: [{ controller (run-controller.js), runState }], A first; speed(): the current speed level.
export function createLockstep(sides, speed) {
  let playing = false;
  let pausing = false;
  let limit = 0;
  // The side whose new run (started to match the other's) has not arrived yet; 'both' after a reset
  // of both, until the first of their new runs arrives.
  let waiting = null;
  const live = () => sides.filter((s) => !s.runState.diverged);
  const reached = () => live().every((s) => s.runState.step >= limit);

  function setLimit(step) {
    limit = step;
    for (const s of sides) s.controller.limit(step);
  }

  // Called whenever either run reports new metrics (and after each new run).
  function sync() {
    if (waiting || !playing || !reached()) return;
    if (pausing || live().length === 0) {
      playing = false; pausing = false;
      for (const s of sides) s.controller.pause();
      return;
    }
    setLimit(nextLimit(Math.max(...live().map((s) => s.runState.step)), CHUNK[speed()]));
  }

  return {
    get playing() { return playing && !pausing; },
    play() {
      playing = true; pausing = false;
      setLimit(nextLimit(Math.max(...sides.map((s) => s.runState.step)), CHUNK[speed()]));
      for (const s of sides) s.controller.play();
    },
    // Both stop at the current limit, so a paused comparison shows one step count.
    pause() { if (playing) { pausing = true; sync(); } },
    step() { playing = false; pausing = false; for (const s of sides) s.controller.step(); },
    reset() { playing = false; pausing = false; waiting = 'both'; setLimit(0); for (const s of sides) s.controller.reset(); },
    sync,
    // A new run on one side (its network or data changed): the other starts again too, so both
    // count their steps from the same start; a comparison that was playing goes on.
    newRun(side) {
      const other = sides.find((s) => s !== side);
      // After a reset of both the other's new run is on its way too (its step still reads the old
      // run's until it arrives): restarting it again would build it twice.
      if (waiting === 'both') waiting = other;
      else if (waiting === side) waiting = null;
      else if (other.runState.step !== 0) {
        waiting = other;
        other.controller.reset();
        if (playing) other.controller.play();
      }
      setLimit(0);
      sync();
    },
    // Compare mode ends: run A trains on its own again.
    release() { playing = false; pausing = false; sides[0].controller.limit(null); },
  };
}
