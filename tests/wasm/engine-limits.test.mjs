// Values at and beyond the engine's limits (issue 8, items 4-6): weights beyond float, 64-bit step
// counts, step(n) beyond 32 bits, NaN in setParameter, huge and deeply nested model files.
// Each is refused with a coded EngineError (or, for the step count, carried exactly).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor, smallSpec, withRun } from './harness.mjs';

// assert.throws check: an EngineError with this code (and field, if given).
const engineError = (code, field) => (error) => {
  assert.equal(error.name, 'EngineError', String(error));
  assert.equal(error.code, code, error.message);
  if (field !== undefined) assert.equal(error.field, field);
  return true;
};

describeEachFlavor('engine limits', (context) => {
  const exported = () => withRun(context.engine, smallSpec(), (run) => { run.step(2); return run.exportModel(); });

  it('a model weight beyond float (3.5e38) is refused, naming the tensor and the index', () => {
    const model = exported();
    model.parameters[2].values[5] = 3.5e38;
    assert.throws(() => context.engine.importModel(model), (error) => {
      engineError('not_finite')(error);
      assert.equal(error.params.index, '5');
      assert.match(error.field, /parameters \(layer \d+, \w+\)/);
      return true;
    });
    model.parameters[2].values[5] = 3.4e38;  // the largest floats still load
    const run = context.engine.importModel(model);
    run.delete();
  });

  it('trained_steps beyond 32 bits is carried exactly', () => {
    const model = exported();
    for (const steps of [2 ** 32 + 7, 3e8, 1e15]) {
      model.trained_steps = steps;
      const run = context.engine.importModel(model);
      const m = run.metrics();
      assert.equal(m.step, steps);
      assert.ok(m.epoch > 0, `epoch ${m.epoch}`);
      run.step(1);
      assert.equal(run.metrics().step, steps + 1);
      assert.equal(run.exportModel().trained_steps, steps + 1);
      run.delete();
    }
  });

  it('a trained_steps that is negative, fractional, too large or not a number is refused', () => {
    const model = exported();
    for (const steps of [-1, 1.5, 1e16, 'many']) {
      model.trained_steps = steps;
      assert.throws(() => context.engine.importModel(model), engineError('integer_range', 'trained_steps'), String(steps));
    }
  });

  it('step(n) refuses n beyond 32 bits instead of wrapping it', () => {
    withRun(context.engine, smallSpec(), (run) => {
      assert.throws(() => run.step(2 ** 32 + 5), engineError('step_count', 'n'));
      assert.throws(() => run.step(NaN), engineError('step_count'));
      assert.throws(() => run.step(Infinity), engineError('step_count'));
      assert.equal(run.metrics().step, 0);
      assert.equal(run.step(5).stepsDone, 5);
      assert.equal(run.metrics().step, 5);
    });
  });

  it('counts beyond 32 bits are refused, not wrapped, wherever the module takes an int', () => {
    const huge = 2 ** 32 + 5;
    withRun(context.engine, smallSpec(), (run) => {
      assert.throws(() => run.grid(huge, { xmin: -1, xmax: 1, ymin: -1, ymax: 1 }), engineError('integer_range', 'resolution'));
      assert.throws(() => run.grid(10, { xmin: -1, xmax: 1, ymin: -1, ymax: 1 }, true, huge), engineError('integer_range', 'maxUnitsPerLayer'));
    });
    assert.throws(() => context.engine.optimizerPath('book', { kind: 'sgd', learning_rate: 0.1 }, [1, 1], huge), engineError('integer_range', 'steps'));
    assert.throws(() => context.engine.functionGrid('book', huge), engineError('integer_range', 'resolution'));
    assert.throws(() => context.engine.activationCurve('relu', 0, -1, 1, huge), engineError('integer_range', 'points'));
    assert.equal(context.engine.optimizerPath('book', { kind: 'sgd', learning_rate: 0.1 }, [1, 1], 5).length, 18);
  });

  it('setParameter refuses NaN, infinities and values beyond float, and keeps the weights', () => {
    withRun(context.engine, smallSpec(), (run) => {
      const { name, values } = run.parameters(0)[0];
      for (const bad of [NaN, Infinity, -Infinity, 3.5e38]) {
        const next = Float32Array.from(values);
        const copy = Array.from(next);
        copy[3] = bad;
        assert.throws(() => run.setParameter(0, name, copy), (error) => {
          engineError('not_finite', 'values')(error);
          assert.equal(error.params.index, '3');
          return true;
        });
      }
      assert.deepEqual(run.parameters(0)[0].values, values);
    });
  });

  it('a 200 MB model file is refused before parsing, by its size', () => {
    const model = exported();
    const text = JSON.stringify(model);
    const huge = text.slice(0, -1) + ', "padding": "' + 'x'.repeat(200 * 1024 * 1024) + '"}';
    assert.throws(() => context.engine.importModel(huge), (error) => {
      engineError('too_large')(error);
      assert.equal(error.params.what, 'model');
      return true;
    });
  });

  it('deeply nested JSON is refused before parsing, by its depth', () => {
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    assert.throws(() => context.engine.importModel(deep), engineError('too_deep'));
    let nested = [];
    for (let i = 0; i < 1000; i++) nested = [nested];
    assert.throws(() => context.engine.createRun(smallSpec({ layers: nested })), engineError('too_deep'));
    // Brackets inside a string are text, not depth.
    const model = exported();
    model.spec.layers[0].weight_init = { kind: '['.repeat(1000) };
    assert.throws(() => context.engine.importModel(model), engineError('choice', 'spec.layers[0].weight_init.kind'));
  });
});
