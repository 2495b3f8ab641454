// exportModel / importModel: a saved model evaluates exactly like the run it came from.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor, smallSpec, withRun } from './harness.mjs';

// BatchNorm adds state (running mean/variance) that must travel with the weights.
const spec = smallSpec({
  data: { kind: 'spiral', samples: 200, classes: 3, seed: 3, standardize: true },
  layers: [
    { type: 'dense', units: 8 },
    { type: 'batchnorm' },
    { type: 'activation', fn: 'prelu' },
    { type: 'dense', units: 3 },
  ],
});

const splitsOf = ({ train, validation, test }) => ({ train, validation, test });

describeEachFlavor('a saved model', (context) => {
  it('imports into a run with identical split metrics, parameters and grid', () => {
    withRun(context.engine, spec, (original) => {
      original.step(40);
      const model = original.exportModel();
      assert.equal(model.format, 'nnsandbox-model');
      assert.equal(model.version, 1);
      // Through JSON text, as a downloaded file would travel.
      const copy = context.engine.importModel(JSON.stringify(model));
      try {
        assert.deepEqual(splitsOf(copy.metrics()), splitsOf(original.metrics()));
        assert.equal(copy.metrics().step, 40, 'the imported run continues at the saved step count');
        for (const layer of [0, 1, 2, 3]) assert.deepEqual(copy.parameters(layer), original.parameters(layer));
        const bounds = { xmin: -6, xmax: 6, ymin: -6, ymax: 6 };
        assert.deepEqual(copy.grid(8, bounds).outputs, original.grid(8, bounds).outputs);
        assert.deepEqual(copy.exportModel().parameters, model.parameters);
        assert.deepEqual(copy.exportModel().state, model.state);
        assert.equal(copy.step(5).stepsDone, 5, 'an imported model trains on');
      } finally {
        copy.delete();
      }
    });
  });

  it('accepts the model as an object too', () => {
    withRun(context.engine, spec, (original) => {
      const copy = context.engine.importModel(original.exportModel());
      assert.deepEqual(splitsOf(copy.metrics()), splitsOf(original.metrics()));
      copy.delete();
    });
  });
});
