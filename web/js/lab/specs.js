// Run specs (docs/spec.md) for the Lab's trainings, built from plain numbers. No DOM here, so the
// shapes of the experiments can be read (and tested) on their own.

import { appendBlock } from '../state/spec.js';

export const IMAGE_CLASSES = 10;
export const IMAGE_COUNT = 4000;  // examples in web/data/fashion-mnist-*.idx (tools/make-web-data.mjs)

// The first `limit` images of the subset, split by counts; the engine takes fractions of `limit`.
export function imageData({ train, validation = 0, test = 0 }) {
  const limit = train + validation + test;
  return { kind: 'idx', limit, split: { train: train / limit, validation: validation / limit, test: test / limit } };
}

// Hidden blocks Dense(units) [+ BatchNorm] + activation [+ Dropout], then the output Dense.
// init: an initializer object ({ kind, std? }) for every dense layer.
export function mlp({ hidden, outputs, activation = 'relu', init = { kind: 'he_normal' }, batchnorm = false, dropout = 0 }) {
  const layers = [];
  for (const units of hidden) {
    appendBlock(layers, { units, weightInit: { ...init }, norm: batchnorm ? 'before' : 'off', activation, dropout });
  }
  layers.push({ type: 'dense', units: outputs, weight_init: { ...init } });
  return layers;
}

// The book's initializer names as engine initializers. "Xavier" in the book is N(0, 1/n) with n the
// fan-in: the engine's lecun_normal is exactly that. 'normal' is N(0, std²).
const BOOK_INIT_KIND = { xavier: 'lecun_normal', he: 'he_normal' };
export function bookInit(name, std) {
  return name === 'normal' ? { kind: 'normal', std } : { kind: BOOK_INIT_KIND[name] };
}

export function imageSpec({ data, layers, optimizer, batch, seed = 1 }) {
  return { data, layers, loss: 'softmax_cross_entropy', optimizer, training: { batch_size: batch, seed } };
}

// The overfitting experiment (4c) in the book's setting (ch. 6): 300 training images, 6 hidden
// layers of 100 ReLU units, plain SGD 0.01 in batches of 100 for 200 epochs, weight decay
// lambda = 0.1, dropout 0.15. Its text (lab.overfit.intro3) quotes what this run gives.
export const OVERFIT_DEFAULTS = { lambda: 0.1, rate: 0.15, train: 300, test: 700, epochs: 200, hidden: 6, lr: 0.01, batch: 100 };

// variant: 'plain', 'decay' (l2 = lambda), 'dropout' (rate after every hidden activation) or
// 'batchnorm' (BatchNorm before every hidden activation).
export function overfitSpec(variant, { lambda, rate, train, test, hidden, lr, batch }) {
  return imageSpec({
    data: imageData({ train, test }), batch,
    layers: mlp({ hidden: Array(hidden).fill(100), outputs: IMAGE_CLASSES, dropout: variant === 'dropout' ? rate : 0, batchnorm: variant === 'batchnorm' }),
    optimizer: { kind: 'sgd', learning_rate: lr, l2: variant === 'decay' ? lambda : 0 },
  });
}

// The initializer experiment (3b) after the book (ch. 6, weight_init_compare): 4 hidden layers of
// 100 ReLU units, plain SGD 0.01 in batches of 100; std 0.01, Xavier and He. 3000 images for 30
// epochs (900 steps) is short enough to wait for; its text (lab.initTrain.intro2) quotes this run.
export const INIT_TRAINING_DEFAULTS = { std: 0.01, train: 3000, test: 500, epochs: 30, hidden: 4, units: 100, lr: 0.01, batch: 100 };
export const INIT_TRAINING_INITS = ['normal', 'xavier', 'he'];

export function initTrainingSpec(init, { std, train, test, hidden, units, lr, batch }) {
  return imageSpec({
    data: imageData({ train, test }), batch,
    layers: mlp({ hidden: Array(hidden).fill(units), outputs: IMAGE_CLASSES, init: bookInit(init, std) }),
    optimizer: { kind: 'sgd', learning_rate: lr },
  });
}

// Book settings (Deep Learning from Scratch, ch. 6) as starting points; the page lets them change.
export const BOOK_LEARNING_RATES = { sgd: 0.01, momentum: 0.01, adagrad: 0.01, adam: 0.001 };

// 16 (or n) weight scales spaced evenly on a log axis from 10^from to 10^to: numpy's logspace.
export function logspace(from, to, n) {
  if (n === 1) return [10 ** from];
  return Array.from({ length: n }, (_, i) => 10 ** (from + ((to - from) * i) / (n - 1)));
}

// Dropout as an ensemble (4e): a ReLU net with dropout after each hidden layer, trained with Adam on
// Fashion-MNIST images; then `networks` thinned networks (masks from `maskSeed`) are scored on the
// test images (Run.thinnedEnsemble). Its text (lab.dropEns.*) quotes what this run gives.
export const DROPOUT_ENSEMBLE_DEFAULTS = { rate: 0.5, train: 1000, test: 1000, epochs: 20, hidden: 2, units: 100, lr: 0.001, batch: 50, networks: 20, maskSeed: 1 };

export function dropoutEnsembleSpec({ rate, train, test, hidden, units, lr, batch }) {
  return imageSpec({
    data: imageData({ train, test }), batch,
    layers: mlp({ hidden: Array(hidden).fill(units), outputs: IMAGE_CLASSES, dropout: rate }),
    optimizer: { kind: 'adam', learning_rate: lr },
  });
}

// One trial of a hyper-parameter search (4d random search, 4f grid against random): two hidden layers
// of 50 ReLU units, plain SGD at learning rate `lr` with weight decay `decay`, batches of 50.
export function searchTrialSpec(data, { lr, decay }) {
  return imageSpec({ data, layers: mlp({ hidden: [50, 50], outputs: IMAGE_CLASSES }), batch: 50, optimizer: { kind: 'sgd', learning_rate: lr, l2: decay } });
}

// Grid against random search (4f): n = 3 values per parameter (9 trials each) over learning rates
// 10^-3..10^0, where 10 epochs of SGD go from barely learning to overshooting, and weight decays
// 10^-6..10^-3, too small to matter here. Its text (lab.gridSearch.intro3) quotes this run.
export const GRID_SEARCH_DEFAULTS = { side: 3, epochs: 10, train: 400, validation: 100, lrFrom: -3, lrTo: 0, decayFrom: -6, decayTo: -3, seed: 1 };
