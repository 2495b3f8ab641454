// The engine's catalogue on the page: every activation, initializer, optimizer, schedule, loss and
// data set the engine knows, with its parameters, ranges, formulas (TeX) and, for optimizers and
// schedules, the parameters each reads. The C++
// registries (src/core/*_registry.h) are the single source; the selects, formula panels and
// "which control is relevant" of the page are built from this. Translated labels and notes are
// in i18n/en.js and ko.js, keyed by the registry names (choice.activation.<name>, note.optimizer.<name>, ...).
//
// catalog.generated.js is written at build time from the wasm engine (tools/make-catalog.mjs says
// why a build-time copy rather than the worker's answer: settings.js needs it when it is imported).
import { CATALOG } from './catalog.generated.js';

export { CATALOG };

const byName = (entries) => Object.assign(Object.create(null), Object.fromEntries(entries.map((e) => [e.name, e])));

export const ACTIVATION_BY_NAME = byName(CATALOG.activations);
export const OPTIMIZER_BY_NAME = byName(CATALOG.optimizers);
export const OPTIMIZER_PARAMETER_BY_NAME = byName(CATALOG.optimizerParameters);
export const INITIALIZER_BY_NAME = byName(CATALOG.initializers);
export const SCHEDULE_BY_NAME = byName(CATALOG.schedules);
export const SCHEDULE_PARAMETER_BY_NAME = byName(CATALOG.scheduleParameters);

// What a hidden layer may use: the elementwise activations (softmax couples the units of a column,
// so the engine offers it only as an output function).
export const HIDDEN_ACTIVATIONS = CATALOG.activations.filter((a) => a.elementwise).map((a) => a.name);
export const OPTIMIZER_NAMES = CATALOG.optimizers.map((o) => o.name);
export const INITIALIZER_NAMES = CATALOG.initializers.map((i) => i.name);
export const SCHEDULE_NAMES = CATALOG.schedules.map((s) => s.name);

// The page's data sets are the 2-D ones (the sandbox draws them); "idx" is the lab's.
const PLANE_DATASETS = CATALOG.datasets.filter((d) => d.twoDimensional);
export const CLASSIFICATION_DATASETS = PLANE_DATASETS.filter((d) => d.classification).map((d) => d.name);
export const REGRESSION_DATASETS = PLANE_DATASETS.filter((d) => !d.classification).map((d) => d.name);
// The data sets whose number of classes the learner chooses (data.classes).
export const MULTICLASS_DATASETS = PLANE_DATASETS.filter((d) => d.readsClasses).map((d) => d.name);

// The one parameter the builder offers for an initializer (the first the engine lists: constant's
// value, normal's std, uniform's limit), by initializer; kinds without a parameter are absent.
export const INIT_PARAMETER = Object.fromEntries(CATALOG.initializers
  .filter((i) => i.parameters.length > 0).map((i) => [i.name, i.parameters[0]]));

// Whether optimizer `kind` reads hyper-parameter `parameter` (a spec key: "momentum", "beta1", ...).
export function optimizerReads(kind, parameter) {
  return OPTIMIZER_BY_NAME[kind]?.reads.includes(parameter) ?? false;
}

// Whether schedule `kind` reads parameter `parameter` (a spec key: "step_size", "gamma", ...).
export function scheduleReads(kind, parameter) {
  return SCHEDULE_BY_NAME[kind]?.reads.includes(parameter) ?? false;
}

// The TeX the formula panels show: f and f' of an activation, the update rule of an optimizer.
export function activationTex(name) {
  const entry = ACTIVATION_BY_NAME[name];
  return entry ? `${entry.formula},\\quad ${entry.derivative}` : '';
}

export function initTex(name) {
  return INITIALIZER_BY_NAME[name]?.formula ?? '';
}

export function optimizerTex(name) {
  return OPTIMIZER_BY_NAME[name]?.formula ?? '';
}
