// The chain rule as numbers: the factors backpropagation multiplies the gradient by on its way from
// the output down, read from the engine's layer statistics (run.stats()). Pure: no DOM, no engine,
// so the sandbox's view and the tests compute the very same rows.
//
// Going down, the gradient arriving at the last hidden layer's output, g = dL/da_L, is multiplied
// per hidden block j = L, L-1, ..., 1 by f'(z_j) (element by element) and, below block j, by W_jᵀ:
//   dL/dz_i = f'(z_i) ⊙ W_{i+1}ᵀ (f'(z_{i+1}) ⊙ ... W_Lᵀ (f'(z_L) ⊙ g))
// Two products are shown. The mean |f'(z)| alone, multiplied from the output down: the activations'
// part, at most 0.25 per sigmoid layer. And an estimate of the ratio ‖dL/dz_i‖ / ‖g‖ that the engine
// also measures (each layer's inputGradNorm on the last batch): each f' replaced by its root mean
// square over the statistics sample (what multiplying by f' does on average to a vector's length) and
// each Wᵀ by ‖W‖/√n, n = W's rows (what Wᵀ does on average to a random vector of n entries:
// E‖Wᵀg‖² = ‖W‖²‖g‖²/n). It is an estimate, not the gradient: it ignores how the units line up.
// (The mean |f'| times the plain ‖W‖ would be a far looser figure: ‖W‖ grows with √n.)

const finite = (x) => typeof x === 'number' && Number.isFinite(x);

// blocks: the page's builder blocks ({ dense, activation, output, isHead }, state/spec.js), the
// head last; layers: run.stats().layers. Returns the rows from the output down:
// { block, isHead, derivativeMean, derivativeProduct, weightNorm, estimate, measured, weightGradNorm }
// (estimate and measured: relative to ‖dL/da_L‖, at this block's z)
// (null where a value does not exist: the head has no activation, softmax has no per-unit f').
// reference is ‖dL/da_L‖, the head's measured input gradient norm.
export function chainFactors(blocks, layers) {
  const byIndex = new Map(layers.map((l) => [l.index, l]));
  const head = blocks.find((b) => b.isHead);
  const headStats = head ? byIndex.get(head.dense) : null;
  const reference = headStats?.inputGradNorm ?? null;
  const rows = [];
  if (head) {
    rows.push({ block: blocks.indexOf(head), isHead: true, derivativeMean: null, derivativeProduct: null,
      weightNorm: headStats?.weightNorm ?? null, estimate: null, measured: finite(reference) ? 1 : null,
      weightGradNorm: headStats?.weightGradNorm ?? null });
  }
  let derivativeProduct = 1;
  let carried = 1;  // the estimate at this block's a: the factors of every block above
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i];
    if (block.isHead) continue;
    const activation = byIndex.get(block.activation);
    const dense = byIndex.get(block.dense);
    const derivativeMean = activation?.derivativeMean ?? null;
    const derivativeRms = activation?.derivativeRms ?? null;
    derivativeProduct = finite(derivativeProduct) && finite(derivativeMean) ? derivativeProduct * derivativeMean : null;
    const estimate = finite(carried) && finite(derivativeRms) ? carried * derivativeRms : null;
    const weightNorm = dense?.weightNorm ?? null;
    carried = finite(estimate) && finite(weightNorm) && dense.units > 0 ? (estimate * weightNorm) / Math.sqrt(dense.units) : null;
    const measuredNorm = activation?.inputGradNorm;
    rows.push({ block: i, isHead: false, derivativeMean, derivativeRms, derivativeProduct, weightNorm,
      estimate, measured: finite(measuredNorm) && finite(reference) && reference > 0 ? measuredNorm / reference : null,
      weightGradNorm: dense?.weightGradNorm ?? null });
  }
  return { rows, reference };
}
