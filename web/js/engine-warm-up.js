// Warms the engine's training code soon after it loads, while the learner is still reading the page.
//
// Why: V8 runs a wasm function first with its baseline compiler (Liftoff) and recompiles it with its
// optimising compiler (TurboFan) on a background thread once it has run enough; the new code is used
// from the next call on. The engine's training step calls a few large functions (the optimizer's
// update rules, the activation and loss switches) that take 20-70 ms each to recompile on an idle
// core and up to ~300 ms on a loaded 2-core machine. So a fresh page's first run trained its first
// ~2,000 steps 5-10x slower than later. Measured in node: with --liftoff-only there is no slow start
// (every step runs at the baseline speed), and with --no-liftoff the same compilation happens in the
// foreground on the first steps instead, so the cost is V8's compilation, not the engine's own
// bookkeeping. Training small throw-away runs for a few hundred steps gets those recompilations
// going before the learner presses Play.
//
// It starts a second after the engine loaded: the page's own start (its first run, its first
// paint) comes first, and on a 2-core machine the recompilations it sets off would compete with
// that. The work is cut into slices of a few milliseconds with a pause between them (a page's
// worker keeps answering its messages, and the background compiler gets the CPU), and it stops for
// good as soon as `busy()` is true (the learner started training: that warms the same code anyway).

import { HISTORY_INTERVAL } from './history-steps.js';  // metrics as often as the worker records them after step 100

// Small nets covering the step's code paths of the Playground's defaults and its common variants:
// tanh and ReLU, Adam and SGD, the sigmoid and softmax heads.
const WARM_UP_SPECS = [
  {
    data: { kind: 'xor', samples: 60, seed: 1 },
    layers: [{ type: 'dense', units: 4 }, { type: 'activation', fn: 'tanh' }, { type: 'dense', units: 2 },
      { type: 'activation', fn: 'tanh' }, { type: 'dense', units: 1 }],
    loss: 'sigmoid_binary_cross_entropy',
    optimizer: { kind: 'adam', learning_rate: 0.03 },
    training: { batch_size: 10, seed: 1 },
  },
  {
    data: { kind: 'spiral', samples: 60, classes: 3, seed: 1 },
    layers: [{ type: 'dense', units: 8 }, { type: 'activation', fn: 'relu' }, { type: 'dense', units: 3 }],
    loss: 'softmax_cross_entropy',
    optimizer: { kind: 'sgd', learning_rate: 0.03 },
    training: { batch_size: 10, seed: 1 },
  },
];
const STEPS_PER_SPEC = 600;   // enough to use up V8's tier-up budget of the step's functions
const STEPS_PER_SLICE = 50;   // about a millisecond at the baseline speed
const START_AFTER_MS = 1000;  // after the call
const PAUSE_MS = 5;           // between slices
const GRID_RESOLUTION = 20;   // a small decision-boundary heatmap and the statistics per slice, as the worker sends them
const GRID_BOUNDS = { xmin: -6, xmax: 6, ymin: -6, ymax: 6 };

const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// Resolves when done (or stopped); never throws: a warm-up that fails costs nothing but its purpose.
// startAfterMs: 0 for a benchmark or a test that waits for the warm-up anyway.
export async function warmUpEngine(engine, busy = () => false, { startAfterMs = START_AFTER_MS } = {}) {
  await pause(startAfterMs);
  for (const spec of WARM_UP_SPECS) {
    let run = null;
    try {
      run = engine.createRun(spec);
      for (let done = 0; done < STEPS_PER_SPEC; done += STEPS_PER_SLICE) {
        if (busy()) return;
        for (let s = 0; s < STEPS_PER_SLICE; s += HISTORY_INTERVAL) {
          run.step(HISTORY_INTERVAL);
          run.metrics();
        }
        run.grid(GRID_RESOLUTION, GRID_BOUNDS);
        run.stats();
        await pause(PAUSE_MS);
      }
    } catch {
      return;
    } finally {
      run?.delete();
    }
  }
}
