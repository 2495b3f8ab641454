import { PRESETS } from '../lessons/presets.js';
import { PATH_DEFAULTS } from '../lessons/path-defaults.js';
import { HIDDEN_ACTIVATIONS, OPTIMIZER_NAMES, INITIALIZER_NAMES, SCHEDULE_NAMES, INIT_PARAMETER,
  CLASSIFICATION_DATASETS, REGRESSION_DATASETS, MULTICLASS_DATASETS as CATALOG_MULTICLASS_DATASETS,
  optimizerReads, scheduleReads } from '../catalog.js';

// The ONE declarative table of everything a learner can set. Adding a setting is one row here plus
// its strings (`setting.<key>`, and `choice.<key>.<value>` for a choice) in i18n/en.js and ko.js:
// every other part of the page reads the rows.
//   key      name in the settings object
//   url      short name in the URL hash (state/url.js writes and reads it; state/validate.js checks it)
//   group    what a change does: 'data', 'features', 'network' start a new run; in 'training',
//            'schedule', 'regularization' a row in the spec's optimizer section changes the running
//            optimizer (isLiveKey: the change goes into the run's change log and a link replays it,
//            state/changes.js) and any other starts a new run; 'run', 'view', 'paths', 'embed' do neither
//   spec     (optional) where the value sits in the run spec (docs/spec.md), as a dotted path:
//            state/spec.js writes it there when the row is relevant, state/from-spec.js reads it back;
//            specDefault is the value a spec that leaves it out means
//   control  (optional) the box of the page its generic control goes in (#<control>-controls,
//            views/controls.js); a row without one has a view of its own (builder, picker, tiles ...)
//   type     'int' | 'number' | 'bool' | 'choice' | 'set' (several of the choices) | 'layers'
//   default; min, max, step (numbers); choices, minItems (choice, set): plain data, so they can be
//            filled in from elsewhere (the engine's catalogue) before the page starts
//   log      a slider that moves in log space (learning rates, epsilons)
//   when     (optional) when the setting is relevant (e.g. momentum only for the optimizers that read it): only
//            then is its control shown and its value put in the spec; the value is still kept and
//            shared, so switching back restores it

// The engine's catalogue (catalog.js) gives the data sets, activations, initializers, optimizers
// and schedules, in its order.
export const DATASETS_CLASSIFICATION = CLASSIFICATION_DATASETS;
export const DATASETS_REGRESSION = REGRESSION_DATASETS;
export const DATASETS = [...DATASETS_CLASSIFICATION, ...DATASETS_REGRESSION];
export const MULTICLASS_DATASETS = CATALOG_MULTICLASS_DATASETS;
export const FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'];
export const ACTIVATIONS = HIDDEN_ACTIVATIONS;
export const INITIALIZERS = INITIALIZER_NAMES;
// The initializers that take one number, and the spec key it goes to.
export const INIT_PARAM = Object.fromEntries(Object.entries(INIT_PARAMETER).map(([kind, p]) => [kind, p.name]));
// The number a kind starts with when the learner picks it: the engine's default, except that the
// builder starts a constant or a normal initializer at 0.1, a scale the lessons can see (the
// engine's defaults, 0 and 0.01, are for specs that leave the key out).
const BUILDER_INIT_DEFAULTS = { constant: 0.1, normal: 0.1 };
export const INIT_PARAM_DEFAULT = Object.fromEntries(Object.entries(INIT_PARAMETER)
  .map(([kind, p]) => [kind, BUILDER_INIT_DEFAULTS[kind] ?? p.default]));
export const OPTIMIZERS = OPTIMIZER_NAMES;
export const SCHEDULES = SCHEDULE_NAMES;
export const NORM_PLACES = ['off', 'before', 'after'];
export const TEST_FUNCTIONS = ['book', 'rosenbrock', 'beale', 'saddle', 'himmelblau'];
const BOOK_RACE = PATH_DEFAULTS.book;  // the optimizer-paths view starts on the book's race
// The optimizers the paths view races: those the lessons have tuned a learning rate for on every
// test function (lessons/path-defaults.js), in the catalogue's order.
export const PATH_OPTIMIZERS = OPTIMIZERS.filter((name) => name in BOOK_RACE.learningRates);
// Panels and controls a teacher may hide in embed mode (ids of elements with data-panel=...).
export const HIDEABLE = ['data', 'features', 'training', 'builder', 'network', 'output', 'curves', 'insides',
  'paths', 'presets', 'export', 'runbar', 'compare'];

export const MAX_LAYERS = 10;
export const MAX_UNITS = 256;

// One hidden layer of the builder = dense (+ BatchNorm) + activation (+ dropout).
// Its fields, in URL order: "units:activation:init:initParam:norm:dropout:bias".
export const LAYER_FIELDS = [
  { key: 'units', type: 'int', default: 4, min: 1, max: MAX_UNITS },
  { key: 'activation', type: 'choice', default: 'tanh', choices: ACTIVATIONS },
  { key: 'init', type: 'choice', default: 'xavier_uniform', choices: INITIALIZERS },
  { key: 'initParam', type: 'number', default: 0.1, min: -10, max: 10 },
  { key: 'norm', type: 'choice', default: 'off', choices: NORM_PLACES },
  { key: 'dropout', type: 'number', default: 0, min: 0, max: 0.9 },
  { key: 'bias', type: 'number', default: 0, min: -10, max: 10 },
];

export function defaultLayer(overrides = {}) {
  const layer = {};
  for (const field of LAYER_FIELDS) layer[field.key] = field.default;
  return { ...layer, ...overrides };
}

// A hyper-parameter's control is relevant when the chosen optimizer (schedule) reads it: the catalogue says which.
const readByOptimizer = (specKey) => (s) => optimizerReads(s.optimizer, specKey);
const readBySchedule = (specKey) => (s) => scheduleReads(s.schedule, specKey);
const isClassification = (s) => DATASETS_CLASSIFICATION.includes(s.dataset);

export const SETTINGS = [
  // --- data -----------------------------------------------------------------------------------
  { key: 'dataset', url: 'data', group: 'data', spec: 'data.kind', specDefault: 'xor',
    type: 'choice', default: 'circles', choices: DATASETS },
  { key: 'noise', url: 'noise', group: 'data', spec: 'data.noise', control: 'data',
    type: 'number', default: 0.1, min: 0, max: 0.5, step: 0.01 },
  { key: 'classes', url: 'k', group: 'data', spec: 'data.classes', control: 'data',
    type: 'int', default: 3, min: 2, max: 8,
    when: (s) => MULTICLASS_DATASETS.includes(s.dataset) },
  { key: 'samples', url: 'n', group: 'data', spec: 'data.samples', control: 'data',
    type: 'int', default: 300, min: 20, max: 2000, step: 10 },
  { key: 'trainRatio', url: 'train', group: 'data', spec: 'data.split.train', control: 'data',
    type: 'number', default: 0.6, min: 0.1, max: 0.9, step: 0.05 },
  { key: 'validationRatio', url: 'val', group: 'data', spec: 'data.split.validation', control: 'data',
    type: 'number', default: 0.2, min: 0, max: 0.5, step: 0.05 },
  { key: 'standardize', url: 'std', group: 'data', spec: 'data.standardize', control: 'data',
    type: 'bool', default: true },
  { key: 'dataSeed', url: 'dseed', group: 'data', spec: 'data.seed', control: 'data',
    type: 'int', default: 1, min: 0, max: 2147483647 },
  { key: 'features', url: 'feat', group: 'features', spec: 'data.features',
    type: 'set', default: ['x1', 'x2'], choices: FEATURES, minItems: 1 },
  // --- network --------------------------------------------------------------------------------
  { key: 'layers', url: 'layers', group: 'network', type: 'layers',
    default: [defaultLayer(), defaultLayer({ units: 2 })], maxItems: MAX_LAYERS },
  // The output layer's weight initializer (its activation and loss follow the task).
  { key: 'headInit', url: 'hinit', group: 'network', type: 'choice', default: 'xavier_uniform', choices: INITIALIZERS },
  { key: 'headInitParam', url: 'hinitp', group: 'network', type: 'number', default: 0.1, min: -10, max: 10,
    when: (s) => Boolean(INIT_PARAM[s.headInit]) },
  { key: 'binaryHead', url: 'head', group: 'network', control: 'head',
    type: 'choice', default: 'sigmoid',
    choices: ['sigmoid', 'softmax'], when: (s) => isClassification(s) && !MULTICLASS_DATASETS.includes(s.dataset) },
  // --- training -------------------------------------------------------------------------------
  { key: 'optimizer', url: 'opt', group: 'training', spec: 'optimizer.kind', control: 'training',
    type: 'choice', default: 'adam', choices: OPTIMIZERS },
  { key: 'learningRate', url: 'lr', group: 'training', spec: 'optimizer.learning_rate', control: 'training',
    type: 'number', default: 0.03, min: 1e-5, max: 10, log: true },
  { key: 'momentum', url: 'mom', group: 'training', spec: 'optimizer.momentum', control: 'training',
    type: 'number', default: 0.9, min: 0, max: 0.999, step: 0.01,
    when: readByOptimizer('momentum') },
  { key: 'rho', url: 'rho', group: 'training', spec: 'optimizer.rho', control: 'training',
    type: 'number', default: 0.9, min: 0, max: 0.9999, step: 0.01,
    when: readByOptimizer('rho') },
  { key: 'beta1', url: 'b1', group: 'training', spec: 'optimizer.beta1', control: 'training',
    type: 'number', default: 0.9, min: 0, max: 0.9999, step: 0.01,
    when: readByOptimizer('beta1') },
  { key: 'beta2', url: 'b2', group: 'training', spec: 'optimizer.beta2', control: 'training',
    type: 'number', default: 0.999, min: 0, max: 0.99999, step: 0.001,
    when: readByOptimizer('beta2') },
  { key: 'epsilon', url: 'eps', group: 'training', spec: 'optimizer.epsilon', control: 'training',
    type: 'number', default: 1e-8, min: 1e-12, max: 1, log: true,
    when: readByOptimizer('epsilon') },
  { key: 'biasCorrection', url: 'bc', group: 'training', spec: 'optimizer.bias_correction', control: 'training',
    type: 'bool', default: true, when: readByOptimizer('bias_correction') },
  { key: 'batchSize', url: 'bs', group: 'training', spec: 'training.batch_size', control: 'training',
    type: 'int', default: 10, min: 1, max: 2000 },
  { key: 'schedule', url: 'sched', group: 'schedule', spec: 'optimizer.schedule.kind', specDefault: 'constant', control: 'schedule',
    type: 'choice', default: 'constant', choices: SCHEDULES },
  { key: 'stepSize', url: 'ss', group: 'schedule', spec: 'optimizer.schedule.step_size', control: 'schedule',
    type: 'int', default: 500, min: 1, max: 1000000, when: readBySchedule('step_size') },
  { key: 'gamma', url: 'gamma', group: 'schedule', spec: 'optimizer.schedule.gamma', control: 'schedule',
    type: 'number', default: 0.5, min: 0.001, max: 1, step: 0.01,
    when: readBySchedule('gamma') },
  { key: 'decaySteps', url: 'ds', group: 'schedule', spec: 'optimizer.schedule.decay_steps', control: 'schedule',
    type: 'int', default: 1000, min: 1, max: 1000000,
    when: readBySchedule('decay_steps') },
  { key: 'totalSteps', url: 'ts', group: 'schedule', spec: 'optimizer.schedule.total_steps', control: 'schedule',
    type: 'int', default: 2000, min: 1, max: 1000000,
    when: readBySchedule('total_steps') },
  { key: 'minLearningRate', url: 'minlr', group: 'schedule', spec: 'optimizer.schedule.min_learning_rate', control: 'schedule',
    type: 'number', default: 0.0001, min: 0, max: 10,
    when: readBySchedule('min_learning_rate') },
  { key: 'l1', url: 'l1', group: 'regularization', spec: 'optimizer.l1', control: 'regularization',
    type: 'number', default: 0, min: 0, max: 1, step: 0.0001 },
  { key: 'l2', url: 'l2', group: 'regularization', spec: 'optimizer.l2', control: 'regularization',
    type: 'number', default: 0, min: 0, max: 1, step: 0.0001 },
  { key: 'weightDecay', url: 'wd', group: 'regularization', spec: 'optimizer.weight_decay', control: 'regularization',
    type: 'number', default: 0, min: 0, max: 1, step: 0.0001 },
  { key: 'clipNorm', url: 'clip', group: 'regularization', spec: 'optimizer.clip_norm', control: 'regularization',
    type: 'number', default: 0, min: 0, max: 100, step: 0.1 },
  { key: 'seed', url: 'seed', group: 'training', spec: 'training.seed', control: 'training',
    type: 'int', default: 1, min: 0, max: 2147483647 },
  // --- run control (not part of the spec) -------------------------------------------------------
  { key: 'speed', url: 'speed', group: 'run', type: 'int', default: 3, min: 1, max: 5 },
  { key: 'steps', url: 'steps', group: 'run', type: 'int', default: 0, min: 0, max: 1000000 },
  // --- view -----------------------------------------------------------------------------------
  { key: 'showTest', url: 'showtest', group: 'view', control: 'view',
    type: 'bool', default: true },
  { key: 'discretize', url: 'disc', group: 'view', control: 'view',
    type: 'bool', default: false },
  { key: 'lossLog', url: 'losslog', group: 'view', control: 'curve',
    type: 'bool', default: false },
  // Compare mode: a second run B beside this one (state/compare-url.js holds B's settings in links).
  { key: 'compare', url: 'cmp', group: 'view', type: 'bool', default: false },
  { key: 'preset', url: 'preset', group: 'view', type: 'choice', default: '',
    choices: ['', ...PRESETS.map((p) => p.id)] },
  // The backprop stepper's training example (views/backprop-stepper.js): a link with bp=k opens the
  // stepper traced on example k of a small net; -1 leaves it closed.
  { key: 'backpropExample', url: 'bp', group: 'view', type: 'int', default: -1, min: -1, max: 100000 },
  // --- optimizer paths view ------------------------------------------------------------------
  { key: 'pathFunction', url: 'pfn', group: 'paths', control: 'paths',
    type: 'choice', default: 'book', choices: TEST_FUNCTIONS },
  { key: 'pathStartX', url: 'px', group: 'paths', control: 'paths',
    type: 'number', default: BOOK_RACE.start[0], min: -100, max: 100, step: 0.1 },
  { key: 'pathStartY', url: 'py', group: 'paths', control: 'paths',
    type: 'number', default: BOOK_RACE.start[1], min: -100, max: 100, step: 0.1 },
  { key: 'pathSteps', url: 'psteps', group: 'paths', control: 'paths',
    type: 'int', default: BOOK_RACE.steps, min: 1, max: 1000 },
  { key: 'pathOptimizers', url: 'popt', group: 'paths', type: 'set', default: ['sgd', 'momentum', 'adagrad', 'adam'],
    choices: PATH_OPTIMIZERS, minItems: 0 },
  { key: 'pathLrSgd', url: 'plsgd', group: 'paths', type: 'number', default: BOOK_RACE.learningRates.sgd, min: 1e-5, max: 10, log: true },
  { key: 'pathLrMomentum', url: 'plmom', group: 'paths', type: 'number', default: BOOK_RACE.learningRates.momentum, min: 1e-5, max: 10, log: true },
  { key: 'pathLrNesterov', url: 'plnes', group: 'paths', type: 'number', default: BOOK_RACE.learningRates.nesterov, min: 1e-5, max: 10, log: true },
  { key: 'pathLrAdagrad', url: 'plada', group: 'paths', type: 'number', default: BOOK_RACE.learningRates.adagrad, min: 1e-5, max: 10, log: true },
  { key: 'pathLrRmsprop', url: 'plrms', group: 'paths', type: 'number', default: BOOK_RACE.learningRates.rmsprop, min: 1e-5, max: 10, log: true },
  { key: 'pathLrAdam', url: 'pladam', group: 'paths', type: 'number', default: BOOK_RACE.learningRates.adam, min: 1e-5, max: 10, log: true },
  { key: 'pathLrAdamw', url: 'pladamw', group: 'paths', type: 'number', default: BOOK_RACE.learningRates.adamw, min: 1e-5, max: 10, log: true },
  // --- embedding ------------------------------------------------------------------------------
  { key: 'embed', url: 'embed', group: 'embed', type: 'bool', default: false },
  { key: 'hide', url: 'hide', group: 'embed', type: 'set', default: [], choices: HIDEABLE, minItems: 0 },
  { key: 'lang', url: 'lang', group: 'embed', type: 'choice', default: '', choices: ['', 'en', 'ko'] },
];

// The per-optimizer learning-rate key of the optimizer-paths view.
export const PATH_LR_KEY = {
  sgd: 'pathLrSgd', momentum: 'pathLrMomentum', nesterov: 'pathLrNesterov', adagrad: 'pathLrAdagrad',
  rmsprop: 'pathLrRmsprop', adam: 'pathLrAdam', adamw: 'pathLrAdamw',
};

// Without a prototype: a link's "__proto__", "constructor" or "toString" finds no row (an unknown
// key) instead of an Object method.
const lookup = (entries) => Object.assign(Object.create(null), Object.fromEntries(entries));
export const SETTING_BY_KEY = lookup(SETTINGS.map((s) => [s.key, s]));
export const SETTING_BY_URL = lookup(SETTINGS.map((s) => [s.url, s]));

// Settings whose change needs a new run (new data or new network). In 'training', 'schedule' and
// 'regularization', what sits in the spec's optimizer section is applied live via run.setOptimizer
// (which takes that section); the rest there (the training seed, the batch size) needs a new run.
export const LIVE_GROUPS = new Set(['training', 'schedule', 'regularization']);
// A setting the running optimizer takes without a reset (run.setOptimizer); a link records its
// mid-run changes so the replay applies them at the same steps (state/changes.js).
export function isLiveKey(key) {
  const row = SETTING_BY_KEY[key];
  return Boolean(row) && LIVE_GROUPS.has(row.group) && Boolean(row.spec?.startsWith('optimizer.'));
}
export const LIVE_KEYS = SETTINGS.map((row) => row.key).filter(isLiveKey);

export function needsNewRun(key) {
  const row = SETTING_BY_KEY[key];
  if (!row) return false;
  if (LIVE_GROUPS.has(row.group)) return !isLiveKey(key);
  return ['data', 'features', 'network'].includes(row.group);
}

// The keys of one group of rows, in table order.
export function groupKeys(group) {
  return SETTINGS.filter((row) => row.group === group).map((row) => row.key);
}

// The rows whose control goes in the box `control` (#<control>-controls), in table order.
export function controlKeys(control) {
  return SETTINGS.filter((row) => row.control === control).map((row) => row.key);
}

export function defaultSettings() {
  const s = {};
  for (const row of SETTINGS) s[row.key] = structuredClone(row.default);
  return s;
}

export function isRegression(settings) {
  return DATASETS_REGRESSION.includes(settings.dataset);
}

export function isRelevant(row, settings) {
  return !row.when || row.when(settings);
}
