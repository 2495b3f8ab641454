// Long training does not grow the wasm heap: a training step allocates nothing
// it keeps, and neither does reading metrics, statistics or the grid.
//
// Wasm memory never shrinks, so its size is a high-water mark: a leak shows
// once it outgrows the free space left after warm-up. That makes this a check
// for leaks that add up over 10,000 steps, not for a few stray bytes (the
// native allocation test in tests/unit/allocation_test.cpp counts exactly).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor, smallSpec, withRun } from './harness.mjs';

const STEPS = 10_000;
const BOUNDS = { xmin: -6, xmax: 6, ymin: -6, ymax: 6 };

// Every layer kind, so every layer's buffers are exercised.
const spec = smallSpec({
  layers: [
    { type: 'dense', units: 32 },
    { type: 'batchnorm' },
    { type: 'activation', fn: 'prelu' },
    { type: 'dropout', rate: 0.2 },
    { type: 'dense', units: 16 },
    { type: 'activation', fn: 'tanh' },
    { type: 'dense', units: 3 },
  ],
  optimizer: { kind: 'adam', learning_rate: 0.001, l2: 1e-4, clip_norm: 5,
    schedule: { kind: 'cosine', total_steps: STEPS } },
});

describeEachFlavor('the wasm heap', (context) => {
  const memoryBytes = () => context.engine._module.HEAP8.buffer.byteLength;

  // What the page does on every animation frame, besides stepping.
  const readEverything = (run) => {
    run.metrics();
    run.stats();
    run.grid(50, BOUNDS, true);
  };

  it(`does not grow over ${STEPS} training steps`, () => {
    withRun(context.engine, spec, (run) => {
      run.step(50);
      readEverything(run);
      const before = memoryBytes();
      for (let done = 0; done < STEPS; done += 100) assert.equal(run.step(100).stepsDone, 100);
      assert.equal(memoryBytes(), before);
    });
  });

  it(`does not grow over ${STEPS} steps read back every 100 steps`, () => {
    withRun(context.engine, spec, (run) => {
      run.step(50);
      readEverything(run);
      const before = memoryBytes();
      for (let done = 0; done < STEPS; done += 100) {
        run.step(100);
        readEverything(run);
      }
      assert.equal(memoryBytes(), before);
    });
  });

  it('does not grow when runs are created and deleted again and again', () => {
    withRun(context.engine, spec, () => {});
    const before = memoryBytes();
    for (let i = 0; i < 200; i++) withRun(context.engine, spec, (run) => run.step(5));
    assert.equal(memoryBytes(), before);
  });
});
