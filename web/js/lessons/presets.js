// Presets for the curriculum experiments that the 2-D sandbox can show (see docs/curriculum.md).
// A preset is plain data: the settings it changes from the defaults, and the i18n keys of its title
// and of the note telling the learner what to watch. Applying one starts from the defaults, so a
// preset always gives the same run.

// Hidden layers are partial: fields left out take the builder's defaults (presetSettings in
// preset-settings.js fills them).
// This module imports nothing, so the settings table can list the preset ids without an import cycle.
const layers = (count, overrides) => Array.from({ length: count }, () => ({ ...overrides }));
// The overfitting lessons: 60 noisy training points, and 84 and 96 held out so that the validation
// and test figures are not decided by a handful of points.
const SMALL_NOISY_SPIRAL = { dataset: 'spiral', classes: 2, samples: 240, noise: 0.4, trainRatio: 0.25, validationRatio: 0.35 };

export const PRESETS = [
  { id: 'xor-221', group: 'perceptron',
    settings: { dataset: 'xor', noise: 0.05, layers: layers(1, { units: 2, activation: 'tanh' }),
      optimizer: 'adam', learningRate: 0.03, features: ['x1', 'x2'] } },
  { id: 'xor-21', group: 'perceptron',
    settings: { dataset: 'xor', noise: 0.05, layers: [], optimizer: 'adam', learningRate: 0.03, features: ['x1', 'x2'] } },
  { id: 'xor-feature', group: 'perceptron',
    settings: { dataset: 'xor', noise: 0.05, layers: [], optimizer: 'adam', learningRate: 0.03, features: ['x1', 'x2', 'x1*x2'] } },
  { id: 'equal-init', group: 'activation',
    settings: { dataset: 'circles', layers: layers(1, { units: 6, activation: 'tanh', init: 'constant', initParam: 0.5 }),
      headInit: 'constant', headInitParam: 0.5, optimizer: 'sgd', learningRate: 0.1 } },
  { id: 'deep-sigmoid', group: 'activation',
    settings: { dataset: 'circles', layers: layers(9, { units: 8, activation: 'sigmoid', init: 'xavier_uniform' }),
      optimizer: 'sgd', learningRate: 0.1 } },
  { id: 'deep-relu', group: 'activation',
    settings: { dataset: 'circles', layers: layers(9, { units: 8, activation: 'relu', init: 'he_normal' }),
      optimizer: 'sgd', learningRate: 0.1 } },
  { id: 'dying-relu-lr', group: 'activation',
    settings: { dataset: 'circles', layers: layers(3, { units: 8, activation: 'relu', init: 'he_normal' }),
      optimizer: 'sgd', learningRate: 2.5 } },
  { id: 'dying-relu-bias', group: 'activation',
    settings: { dataset: 'circles', layers: layers(3, { units: 8, activation: 'relu', init: 'he_normal', bias: -3 }),
      optimizer: 'adam', learningRate: 0.01 } },
  { id: 'too-large-lr', group: 'activation',
    settings: { dataset: 'plane', layers: layers(2, { units: 8, activation: 'linear' }), optimizer: 'sgd', learningRate: 3 } },
  { id: 'bn-off', group: 'batchnorm',
    settings: { dataset: 'circles', layers: layers(6, { units: 16, activation: 'relu', init: 'normal', initParam: 0.05 }),
      optimizer: 'sgd', learningRate: 0.1 } },
  { id: 'bn-on', group: 'batchnorm',
    settings: { dataset: 'circles',
      layers: layers(6, { units: 16, activation: 'relu', init: 'normal', initParam: 0.05, norm: 'before' }),
      optimizer: 'sgd', learningRate: 0.1 } },
  { id: 'overfit', group: 'regularization',
    settings: { ...SMALL_NOISY_SPIRAL,
      layers: layers(4, { units: 64, activation: 'relu', init: 'he_normal' }), optimizer: 'adam', learningRate: 0.01 } },
  { id: 'dropout', group: 'regularization',
    settings: { ...SMALL_NOISY_SPIRAL,
      layers: layers(4, { units: 64, activation: 'relu', init: 'he_normal', dropout: 0.15 }),
      optimizer: 'adam', learningRate: 0.01 } },
  { id: 'weight-decay', group: 'regularization',
    settings: { ...SMALL_NOISY_SPIRAL,
      layers: layers(4, { units: 64, activation: 'relu', init: 'he_normal' }), optimizer: 'adam', learningRate: 0.01,
      l2: 0.01 } },
  { id: 'l1-sparse', group: 'regularization',
    settings: { dataset: 'circles', features: ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'],
      layers: layers(2, { units: 16, activation: 'tanh' }), optimizer: 'sgd', learningRate: 0.1, l1: 0.003 } },
  { id: 'standardize-off', group: 'preprocessing',
    settings: { dataset: 'circles', standardize: false, features: ['x1^2', 'x2^2'],
      layers: layers(1, { units: 4, activation: 'tanh' }), optimizer: 'sgd', learningRate: 0.03 } },
  { id: 'standardize-on', group: 'preprocessing',
    settings: { dataset: 'circles', standardize: true, features: ['x1^2', 'x2^2'],
      layers: layers(1, { units: 4, activation: 'tanh' }), optimizer: 'sgd', learningRate: 0.03 } },
  { id: 'spiral', group: 'showcase',
    settings: { dataset: 'spiral', classes: 3, samples: 600, noise: 0.1,
      layers: layers(3, { units: 16, activation: 'relu', init: 'he_normal' }), optimizer: 'adam', learningRate: 0.01 } },
];

// Compare mode's lessons: run A (`settings`, with compare on) against run B (`compare`: B's own
// settings from the defaults, like a preset's), stepping together on the same data and seed
// (state/compare-url.js, compare/). Most pair two of the presets above; the optimizers share one net.
const presetById = (id) => PRESETS.find((p) => p.id === id).settings;
const comparison = (id, a, b) => ({ id, group: 'compare', settings: { ...a, compare: true }, compare: b });
const pairOf = (id, a, b) => comparison(id, presetById(a), presetById(b));
// N(0,1) against He: the same ReLU net, only the initial weights' scale differs.
const INIT_NET = { dataset: 'circles', optimizer: 'sgd', learningRate: 0.01 };
// The optimizers' race: a small tanh net that plain SGD at this rate trains slowly.
const OPTIMIZER_NET = { dataset: 'circles', layers: layers(2, { units: 8, activation: 'tanh' }), learningRate: 0.01 };
PRESETS.push(
  pairOf('compare-sigmoid-relu', 'deep-sigmoid', 'deep-relu'),
  pairOf('compare-batchnorm', 'bn-off', 'bn-on'),
  comparison('compare-init',
    { ...INIT_NET, layers: layers(5, { units: 16, activation: 'relu', init: 'normal', initParam: 1 }), headInit: 'normal', headInitParam: 1 },
    { ...INIT_NET, layers: layers(5, { units: 16, activation: 'relu', init: 'he_normal' }), headInit: 'he_normal' }),
  comparison('compare-sgd-momentum', { ...OPTIMIZER_NET, optimizer: 'sgd' }, { ...OPTIMIZER_NET, optimizer: 'momentum' }),
  comparison('compare-sgd-adam', { ...OPTIMIZER_NET, optimizer: 'sgd' }, { ...OPTIMIZER_NET, optimizer: 'adam' }),
  pairOf('compare-standardize', 'standardize-off', 'standardize-on'),
  pairOf('compare-dropout', 'overfit', 'dropout'),
);

export const PRESET_BY_ID = Object.fromEntries(PRESETS.map((p) => [p.id, p]));
export const PRESET_GROUPS = [...new Set(PRESETS.map((p) => p.group))];
