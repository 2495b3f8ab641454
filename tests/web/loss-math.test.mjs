// The lab's loss-and-targets algebra (web/js/lab/loss-math.js) against hand-worked values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oneHot, crossEntropy, lossGradient, softmaxJacobian, sigmoidJacobian, engineOutputs } from '../../web/js/lab/loss-math.js';

const close = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);

test('one-hot puts a single 1 at the class', () => {
  assert.deepEqual(oneHot(2, 4), [0, 0, 1, 0]);
  assert.deepEqual(oneHot(0, 1), [1]);
});

test('cross-entropy with a one-hot target is −log of the target\'s probability', () => {
  close(crossEntropy([0, 1, 0], [0.2, 0.5, 0.3]), -Math.log(0.5));
  close(crossEntropy([1, 0], [1, 0]), 0);  // the 0·log 0 term is left out, not NaN
  close(crossEntropy([0.5, 0.5], [0.25, 0.75]), -(0.5 * Math.log(0.25) + 0.5 * Math.log(0.75)));
});

test('the gradient is y − t and sums to 0', () => {
  const g = lossGradient([0, 1, 0], [0.2, 0.5, 0.3]);
  [0.2, -0.5, 0.3].forEach((v, i) => close(g[i], v));
  close(g.reduce((a, b) => a + b, 0), 0);
});

test('softmax\'s Jacobian is diag(y) − y yᵀ, symmetric, rows summing to 0; sigmoid\'s is diagonal', () => {
  const J = softmaxJacobian([0.2, 0.5, 0.3]);
  close(J[0][0], 0.2 * 0.8);
  close(J[0][1], -0.1);
  close(J[2][1], -0.15);
  for (const row of J) close(row.reduce((a, b) => a + b, 0), 0);
  J.forEach((row, i) => row.forEach((v, j) => close(v, J[j][i])));
  assert.deepEqual(sigmoidJacobian([0.25, 0.1]), [[0.25, 0], [0, 0.1]]);
});

test('engineOutputs reads sigma(z) and its slope from the first point of a curve starting at z', () => {
  const calls = [];
  const engine = {
    softmax: (zs) => Float32Array.from(zs, () => 1 / zs.length),
    activationCurve(name, alpha, xmin, xmax, points) {
      calls.push([name, alpha, xmin, xmax, points]);
      return { value: [xmin * 10, -1], derivative: [xmin * 100, -1] };
    },
  };
  assert.deepEqual(engineOutputs(engine, [1, 2]), { softmax: [0.5, 0.5], sigmoid: [10, 20], sigmoidSlope: [100, 200] });
  assert.deepEqual(calls, [['sigmoid', 0, 1, 2, 2], ['sigmoid', 0, 2, 3, 2]]);
});
