// The memory budget in wasm (issue 8, item 3): a spec too big for it is refused at once, before
// anything is allocated, with a message naming its largest part, and the engine stays usable.
// Before, createRun on the largest spec that validates grew memory for 5-33 s, aborted, and left
// the partial allocation behind so that later runs that had fitted failed until reload.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor, smallSpec, withRun } from './harness.mjs';

// The largest spec that validates: 32 dense layers of 4096 units, Adam, batch 4096.
const LARGEST = smallSpec({
  data: { kind: 'spiral', samples: 100000, classes: 3 },
  layers: [...Array.from({ length: 31 }, () => ({ type: 'dense', units: 4096 })), { type: 'dense', units: 3 }],
  optimizer: { kind: 'adam', learning_rate: 0.001 },
  training: { batch_size: 4096, seed: 1 },
});

// IDX files in memory: `count` images of rows x cols pixels, and their labels.
function idxFiles(count, rows, cols) {
  const images = new Uint8Array(16 + count * rows * cols);
  const view = new DataView(images.buffer);
  view.setUint32(0, 0x00000803);
  view.setUint32(4, count);
  view.setUint32(8, rows);
  view.setUint32(12, cols);
  const labels = new Uint8Array(8 + count);
  new DataView(labels.buffer).setUint32(0, 0x00000801);
  new DataView(labels.buffer).setUint32(4, count);
  labels.fill(9, 8);  // ten classes
  return { images, labels };
}

describeEachFlavor('memory budget', (context) => {
  const memory = () => context.engine._module.HEAP8.buffer.byteLength;

  it('refuses the largest spec that validates at once, naming the parameters, and stays usable', () => {
    assert.equal(context.engine.memoryBudget(), 1024 ** 3);
    const before = memory();
    for (let i = 0; i < 3; i++) {
      assert.throws(() => context.engine.createRun(LARGEST), (error) => {
        assert.equal(error.code, 'memory_budget', error.message);
        assert.equal(error.params.term, 'parameters');
        assert.ok(Number(error.params.need_mb) > 15000, error.message);
        assert.equal(error.params.budget_mb, '1024');
        return true;
      });
    }
    assert.equal(memory(), before, 'nothing was allocated');
    withRun(context.engine, smallSpec(), (run) => assert.equal(run.step(20).stepsDone, 20));
  });

  it('refuses a 4096 x 4096 IDX image for its evaluation buffers', () => {
    const spec = smallSpec({
      data: { kind: 'idx', split: { train: 1 } },
      layers: [{ type: 'dense', units: 16 }, { type: 'dense', units: 10 }],
    });
    assert.throws(() => context.engine.createRun(spec, idxFiles(1, 4096, 4096)), (error) => {
      assert.equal(error.code, 'memory_budget', error.message);
      assert.equal(error.params.term, 'evaluation');
      return true;
    });
    withRun(context.engine, smallSpec(), (run) => assert.equal(run.step(5).stepsDone, 5));
  });

  it('follows setMemoryBudget, for runs and for grids', () => {
    const budget = context.engine.memoryBudget();
    try {
      withRun(context.engine, smallSpec(), (run) => {
        context.engine.setMemoryBudget(2 * 1024 * 1024);
        assert.throws(() => run.grid(400, { xmin: -6, xmax: 6, ymin: -6, ymax: 6 }, true), (error) => error.code === 'memory_budget' && error.params.term === 'grid');
        assert.equal(run.grid(20, { xmin: -6, xmax: 6, ymin: -6, ymax: 6 }, true).outputs.length, 3 * 400);
      });
      context.engine.setMemoryBudget(1000);
      assert.throws(() => context.engine.createRun(smallSpec()), (error) => error.code === 'memory_budget');
    } finally {
      context.engine.setMemoryBudget(budget);
    }
    withRun(context.engine, smallSpec(), (run) => assert.equal(run.step(5).stepsDone, 5));
  });
});
