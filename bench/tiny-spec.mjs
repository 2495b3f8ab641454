// The Playground-sized workload of the benchmarks, as an engine.js spec: bench.cpp's kTinySpec
// (2-8-8-1 tanh, batch 10, SGD), shared by wasm-bench.mjs and engine-startup.mjs.
export const TINY_SPEC = {
  data: { kind: 'xor', samples: 500 },
  layers: [{ type: 'dense', units: 8 }, { type: 'activation', fn: 'tanh' }, { type: 'dense', units: 8 },
    { type: 'activation', fn: 'tanh' }, { type: 'dense', units: 1 }],
  loss: 'sigmoid_binary_cross_entropy',
  optimizer: { kind: 'sgd', learning_rate: 0.03 },
  training: { batch_size: 10 },
};
