// Bad specs and bad model files throw an Error whose message names the field,
// and the engine stays usable afterwards (no half-built state, no broken heap).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor, smallSpec, withRun } from './harness.mjs';

const withLayers = (layers) => smallSpec({ layers });

const BAD_SPECS = [
  ['units 0', withLayers([{ type: 'dense', units: 0 }, { type: 'dense', units: 3 }]), /layers\[0\]\.units/],
  ['an unknown activation', withLayers([{ type: 'dense', units: 4 }, { type: 'activation', fn: 'swishy' },
    { type: 'dense', units: 3 }]), /layers\[1\]\.fn.*swishy/],
  ['learning_rate -1', smallSpec({ optimizer: { learning_rate: -1 } }), /optimizer\.learning_rate/],
  ['dropout rate 1', withLayers([{ type: 'dense', units: 4 }, { type: 'dropout', rate: 1 }, { type: 'dense', units: 3 }]),
    /layers\[1\]\.rate/],
  ['an output size that does not fit the classes', withLayers([{ type: 'dense', units: 2 }]), /layers\[0\]\.units.*class/],
  ['an unknown key', smallSpec({ training: { batch_size: 10, epoch: 3 } }), /training\.epoch: unknown/],
];

// Exported models with one thing broken each.
const BAD_MODELS = [
  ['a W with a value missing', (m) => m.parameters[0].values.pop(), /parameters.*layer 0.*W/],
  ['a W of the wrong shape', (m) => { m.parameters[0].rows += 1; }, /parameters.*layer 0.*W.*shape/],
  ['a running mean of the wrong length', (m) => m.state[0].values.push(0), /state.*running_mean/],
  ['an invalid spec inside', (m) => { m.spec.layers[0].units = 0; }, /spec\.layers\[0\]\.units/],
  ['another format', (m) => { m.format = 'keras'; }, /Error: format: /],
];

const MODEL_SPEC = smallSpec({
  layers: [{ type: 'dense', units: 4 }, { type: 'batchnorm' }, { type: 'activation', fn: 'relu' },
    { type: 'dense', units: 3 }],
});

describeEachFlavor('errors', (context) => {
  // Still trains normally: used after every error.
  const assertUsable = () =>
    withRun(context.engine, smallSpec(), (run) => {
      assert.equal(run.step(3).stepsDone, 3);
      assert.ok(Number.isFinite(run.metrics().train.loss));
    });

  for (const [what, spec, field] of BAD_SPECS) {
    it(`createRun with ${what} throws a message naming the field`, () => {
      assert.throws(() => context.engine.createRun(spec), (error) => {
        assert.ok(error instanceof Error);
        assert.match(error.message, field);
        return true;
      });
      assertUsable();
    });
  }

  it('importModel with malformed JSON says so', () => {
    assert.throws(() => context.engine.importModel('{"format": "nnsandbox-model", '), /JSON/);
    assertUsable();
  });

  for (const [what, breakIt, field] of BAD_MODELS) {
    it(`importModel with ${what} throws a message naming it`, () => {
      const model = withRun(context.engine, MODEL_SPEC, (run) => run.exportModel());
      breakIt(model);
      assert.throws(() => context.engine.importModel(model), field);
      assertUsable();
    });
  }

  it('setParameter with the wrong number of values throws and keeps the weights', () => {
    withRun(context.engine, smallSpec(), (run) => {
      const before = run.parameters(0)[0].values;
      assert.throws(() => run.setParameter(0, 'W', new Float32Array(15)), /16/);
      assert.throws(() => run.setParameter(0, 'gamma', new Float32Array(16)), /gamma/);
      assert.deepEqual(run.parameters(0)[0].values, before);
    });
  });

  it('the lab functions reject unknown names and bad settings', () => {
    assert.throws(() => context.engine.functionGrid('no-such-function', 10), /no-such-function/);
    assert.throws(() => context.engine.optimizerPath('book', { learning_rate: 0 }, [1, 1], 5),
      /optimizer\.learning_rate/);
    assertUsable();
  });

  it('a thousand failed creations do not leak memory', () => {
    const memory = () => context.engine._module.HEAP8.buffer.byteLength;
    const [, spec] = BAD_SPECS[0];
    for (let i = 0; i < 10; i++) assert.throws(() => context.engine.createRun(spec));
    const before = memory();
    for (let i = 0; i < 1000; i++) assert.throws(() => context.engine.createRun(spec));
    assert.equal(memory(), before);
  });
});
