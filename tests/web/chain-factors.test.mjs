// The chain-rule view's numbers (web/js/state/chain-factors.js) on hand-made statistics: the
// running products from the output down, the measured ratio, and what is left out.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { chainFactors } from '../../web/js/state/chain-factors.js';

// Two hidden blocks (dense 0, activation 1; dense 2, activation 3) and the head (dense 4).
const blocks = [{ dense: 0, activation: 1, output: 1 }, { dense: 2, activation: 3, output: 3 }, { dense: 4, output: 4, isHead: true }];
const layer = (index, fields) => ({ index, units: 4, weightNorm: null, weightGradNorm: null, derivativeMean: null, derivativeRms: null, inputGradNorm: 0, ...fields });
const layers = [
  layer(0, { weightNorm: 3, weightGradNorm: 0.01 }),
  layer(1, { derivativeMean: 0.2, derivativeRms: 0.3, inputGradNorm: 0.004 }),
  layer(2, { weightNorm: 2, weightGradNorm: 0.1 }),
  layer(3, { derivativeMean: 0.25, derivativeRms: 0.5, inputGradNorm: 0.05 }),
  layer(4, { units: 2, weightNorm: 5, weightGradNorm: 1, inputGradNorm: 0.5 }),
];

it('multiplies mean |f\'| alone, and rms f\' with ‖W‖/√n of the weights crossed, from the output down', () => {
  const { rows, reference } = chainFactors(blocks, layers);
  assert.equal(reference, 0.5);
  assert.deepEqual(rows.map((r) => r.block), [2, 1, 0]);
  assert.equal(rows[0].isHead, true);
  assert.equal(rows[0].measured, 1);
  assert.equal(rows[0].weightNorm, 5);
  // The last hidden block: only its own f' (the head's W is already in the reference gradient).
  assert.equal(rows[1].derivativeProduct, 0.25);
  assert.equal(rows[1].estimate, 0.5);
  assert.equal(rows[1].measured, 0.05 / 0.5);
  // The first block: both f' factors, and the W of the block above (2 norm, 4 rows) crossed on the way.
  assert.ok(Math.abs(rows[2].derivativeProduct - 0.25 * 0.2) < 1e-15);
  assert.ok(Math.abs(rows[2].estimate - 0.5 * (2 / Math.sqrt(4)) * 0.3) < 1e-15);
  assert.ok(Math.abs(rows[2].measured - 0.004 / 0.5) < 1e-15);
  assert.equal(rows[2].weightNorm, 3);
  assert.equal(rows[2].weightGradNorm, 0.01);
});

it('stops the products at a layer without a per-unit f\' (softmax) and has no ratio without a reference', () => {
  const softmax = layers.map((l) => (l.index === 3 ? { ...l, derivativeMean: null, derivativeRms: null } : l));
  const { rows } = chainFactors(blocks, softmax);
  assert.equal(rows[1].derivativeProduct, null);
  assert.equal(rows[2].derivativeProduct, null);
  assert.equal(rows[2].estimate, null);
  const dead = layers.map((l) => (l.index === 4 ? { ...l, inputGradNorm: 0 } : l));
  assert.equal(chainFactors(blocks, dead).rows[2].measured, null);
});

it('has only the head row for a network without hidden layers', () => {
  const { rows } = chainFactors([{ dense: 0, output: 0, isHead: true }], [layer(0, { weightNorm: 1, inputGradNorm: 0.3 })]);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].isHead, true);
});
