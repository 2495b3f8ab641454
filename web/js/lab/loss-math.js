// The "loss and targets" experiment's arithmetic. The outputs themselves come from the engine (in the
// worker): its max-subtracted softmax, and its sigmoid with derivative from the activation-curve
// code the gallery uses. What is derived from them here is the textbook algebra the section shows:
// the one-hot target, the cross-entropy, its gradient and the two Jacobians.

// Engine side (runs in the worker): softmax of the logits, and each logit's sigmoid and slope.
// activationCurve needs xmin < xmax and at least two points, so each logit is the first point of a
// two-point curve that starts at it; the first value and derivative are sigma(z) and sigma'(z).
export function engineOutputs(engine, logits) {
  const softmax = Array.from(engine.softmax(logits));
  const curves = logits.map((z) => engine.activationCurve('sigmoid', 0, z, z + 1, 2));
  return { softmax, sigmoid: curves.map((c) => c.value[0]), sigmoidSlope: curves.map((c) => c.derivative[0]) };
}

// Class k of n as a vector: 1 at k, 0 elsewhere.
export function oneHot(k, n) {
  return Array.from({ length: n }, (_, i) => (i === k ? 1 : 0));
}

// −Σ t_i log y_i; with a one-hot t only the target's term is left: −log y_k.
export function crossEntropy(t, y) {
  return -t.reduce((sum, ti, i) => (ti === 0 ? sum : sum + ti * Math.log(y[i])), 0);
}

// ∂L/∂z for softmax followed by cross-entropy: y − t.
export function lossGradient(t, y) {
  return y.map((yi, i) => yi - t[i]);
}

// ∂y_i/∂z_j of softmax: diag(y) − y yᵀ. Every output depends on every logit.
export function softmaxJacobian(y) {
  return y.map((yi, i) => y.map((yj, j) => (i === j ? yi : 0) - yi * yj));
}

// ∂σ(z_i)/∂z_j of independent sigmoids: only the diagonal, σ'(z_i).
export function sigmoidJacobian(slopes) {
  return slopes.map((s, i) => slopes.map((_, j) => (i === j ? s : 0)));
}
