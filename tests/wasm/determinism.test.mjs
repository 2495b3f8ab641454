// The same spec and seed give the same training: bit-identical within one build,
// and the native build agrees within float tolerance (its Eigen kernels sum in
// a different order, so only the first epochs are compared before rounding
// differences compound).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { ROOT, describeEachFlavor, smallSpec, withRun } from './harness.mjs';

const NATIVE_CLI = path.join(ROOT, 'build/nnsandbox');
const EPOCHS = 4;

// Dropout and Adam exercise the random stream and the optimizer state, not just the matrix products.
const spec = smallSpec({
  layers: [
    { type: 'dense', units: 8 },
    { type: 'activation', fn: 'tanh' },
    { type: 'dropout', rate: 0.1 },
    { type: 'dense', units: 8 },
    { type: 'activation', fn: 'relu' },
    { type: 'dense', units: 3 },
  ],
  optimizer: { kind: 'adam', learning_rate: 0.01 },
});

// Per-epoch train losses, stepping as the command line does: floor(train examples / batch) steps per epoch.
function trainLosses(engine) {
  return withRun(engine, spec, (run) => {
    const stepsPerEpoch = Math.floor(run.metrics().train.count / run.info().batchSize);
    const losses = [];
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      assert.equal(run.step(stepsPerEpoch).stepsDone, stepsPerEpoch);
      losses.push(run.metrics().train.loss);
    }
    return losses;
  });
}

function nativeTrainLosses() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-determinism-'));
  try {
    fs.writeFileSync(path.join(dir, 'spec.json'), JSON.stringify(spec));
    execFileSync(NATIVE_CLI, ['train', 'spec.json', '--epochs', String(EPOCHS), '--metrics', 'metrics.csv', '--quiet'],
      { cwd: dir });
    const [header, ...rows] = fs.readFileSync(path.join(dir, 'metrics.csv'), 'utf8').trim().split('\n');
    const column = header.split(',').indexOf('train_loss');
    return rows.map((row) => Number(row.split(',')[column]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeEachFlavor('determinism', (context) => {
  it('the same spec and seed give bit-identical losses twice in one build', () => {
    const first = trainLosses(context.engine);
    assert.deepEqual(trainLosses(context.engine), first);
    assert.ok(first[EPOCHS - 1] < first[0], 'and the run actually learns');
  });

  it('a different training seed gives different losses', () => {
    const seeded = smallSpec({ ...spec, training: { ...spec.training, seed: 12 } });
    const other = withRun(context.engine, seeded, (run) => (run.step(14), run.metrics().train.loss));
    const same = withRun(context.engine, spec, (run) => (run.step(14), run.metrics().train.loss));
    assert.notEqual(other, same);
  });

  it('matches the native command line per epoch within 1e-3 relative', { skip: !fs.existsSync(NATIVE_CLI) &&
      'build/nnsandbox is missing: run ./build-wasm.sh native' }, () => {
    const native = nativeTrainLosses();
    const wasm = trainLosses(context.engine);
    assert.equal(native.length, EPOCHS);
    native.forEach((expected, epoch) => {
      const relative = Math.abs(wasm[epoch] - expected) / Math.abs(expected);
      assert.ok(relative < 1e-3, `epoch ${epoch + 1}: wasm ${wasm[epoch]} vs native ${expected} (relative ${relative})`);
    });
  });
});
