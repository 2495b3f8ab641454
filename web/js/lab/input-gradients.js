// How hard each input feature pulls on the first layer: the gradient of the loss with respect to
// the first dense layer's weights, summed (L2 norm) over the units, one figure per input feature.

// run: an engine run after at least one step. W is (units × inputs), column-major: one column per input.
// -> [norm of dLoss/dW[:, input] for each input], from the engine's gradient of the last step
export function gradientByInput(run) {
  const w = run.parameters(0, { gradients: true }).find((p) => p.name === 'W');
  if (!w) return null;
  const norms = [];
  for (let c = 0; c < w.cols; c++) {
    let sum = 0;
    for (let r = 0; r < w.rows; r++) sum += w.gradient[c * w.rows + r] ** 2;
    norms.push(Math.sqrt(sum));
  }
  return norms;
}
