// The worker's warm-up (web/js/engine-warm-up.js) trains throw-away runs right after the engine
// loads. It must leave no trace (a run created after it trains exactly as one created before it)
// and stop at once when the learner trains.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { describeEachFlavor, ROOT, smallSpec, withRun } from './harness.mjs';

const { warmUpEngine } = await import(path.join(ROOT, 'web/js/engine-warm-up.js'));

// Metrics and exported parameters after 150 steps of the harness's small run.
function trainedState(engine) {
  return withRun(engine, smallSpec(), (run) => {
    run.step(150);
    return { metrics: run.metrics(), parameters: JSON.stringify(run.exportModel().parameters) };
  });
}

describeEachFlavor('the engine warm-up', (context) => {
  test('a run trains the same before and after a warm-up', async () => {
    const before = trainedState(context.engine);
    await warmUpEngine(context.engine, () => false, { startAfterMs: 0 });
    const after = trainedState(context.engine);
    assert.deepEqual(after.metrics, before.metrics);
    assert.equal(after.parameters, before.parameters);
  });

  test('it stops before any work when the learner is already training', async () => {
    let asked = 0;
    const started = performance.now();
    await warmUpEngine(context.engine, () => { asked += 1; return true; }, { startAfterMs: 0 });
    assert.equal(asked, 1);
    assert.ok(performance.now() - started < 1000);
  });
});
