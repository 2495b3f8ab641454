// Failed calls must not leak the C stack (issue 8, item 1). Errors used to be thrown from wasm
// to JS (val::throw_), and a JS exception unwinding through wasm frames skips the epilogues that
// restore the stack pointer: every error left it 80-848 bytes lower, and after 12k-65k errors
// valid calls failed ("memory access out of bounds", Aborted()). Now errors cross the boundary
// as values and engine.js throws; a million failures of every kind must leave the stack pointer
// exactly where it was and the engine training normally.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor, smallSpec, withRun } from './harness.mjs';

const FAILING_CALLS = 1_000_000;

// One failing call of each kind the issue lists, each checked to fail with an EngineError.
function failingCalls(engine, run) {
  const badSpec = JSON.stringify(smallSpec({ layers: [{ type: 'dense', units: 0 }] }));
  const badSpecObject = JSON.parse(badSpec);
  const weights = run.parameters(0)[0];
  const wrongSize = new Float32Array(weights.values.length + 1);
  return [
    () => engine.createRun(badSpecObject),
    () => engine.importModel('{"format": "keras"}'),
    () => engine.importModel('{"format": "nnsandbox-model", '),
    () => run.setOptimizer({ kind: 'sgd', learning_rate: -1 }),
    () => run.grid(1, { xmin: -1, xmax: 1, ymin: -1, ymax: 1 }),
    () => run.setParameter(0, weights.name, wrongSize),
    () => run.step(2 ** 32 + 5),
  ];
}

describeEachFlavor('a million failed calls', (context) => {
  it('leave the stack pointer where it was, and a valid run still trains', () => {
    const { engine } = context;
    // Training is deterministic: after the failures the same run must give the same numbers.
    const trainSpec = smallSpec({ optimizer: { kind: 'adam', learning_rate: 0.01 } });
    const reference = withRun(engine, trainSpec, (fresh) => { fresh.step(300); return fresh.metrics(); });
    const run = engine.createRun(smallSpec());
    const before = engine.stackPointer();
    const calls = failingCalls(engine, run);
    for (const call of calls) {
      assert.throws(call, (error) => error.name === 'EngineError' && typeof error.code === 'string' && error.code !== '');
    }
    for (let i = 0; i < FAILING_CALLS; i++) {
      try {
        calls[i % calls.length]();
        assert.fail(`call ${i % calls.length} did not fail`);
      } catch (error) {
        if (error.name !== 'EngineError') throw error;
      }
    }
    assert.equal(engine.stackPointer(), before, 'the stack pointer moved');
    run.delete();

    withRun(engine, trainSpec, (fresh) => {
      assert.equal(fresh.step(300).stepsDone, 300);
      const after = fresh.metrics();
      assert.deepEqual(after, reference);
      assert.ok(after.train.loss < 1.1, `trains: loss ${after.train.loss}`);
    });
    assert.equal(engine.stackPointer(), before);
  });
});
