// Page entry point: reads the settings from the URL (reporting anything bad), builds the views,
// starts the training worker and keeps the URL hash in step with the settings.

import { decodeHash } from './state/url.js';
import { encodeCompareHash, splitCompareHash, decodeCompareB } from './state/compare-url.js';
import { createSwitchStore } from './state/switch-store.js';
import { createCompareMode } from './compare-mode.js';
import { defaultSettings, isRegression, controlKeys } from './state/settings.js';
import { differingSettings } from './state/run-differences.js';
import { createStore } from './state/store.js';
import { createRunState } from './state/run-state.js';
import { t, setLanguage, initialLanguage, describeError, onLanguageChange, language } from './i18n/i18n.js';
import { $, el } from './views/dom.js';
import { createMessages } from './views/messages.js';
import { renderControls, choiceLabel } from './views/controls.js';
import { createDataPanel } from './views/data-panel.js';
import { createFeatureToggles } from './views/features.js';
import { createBuilder } from './views/builder.js';
import { createNetworkView } from './views/network.js';
import { createOutputView } from './views/output.js';
import { createInsides } from './views/insides.js';
import { createBackpropStepper } from './views/backprop-stepper.js';
import { createPathsView } from './views/paths.js';
import { createShare, applyEmbed } from './views/share.js';
import { createExport } from './views/export.js';
import { createPresetMenu } from './views/presets.js';
import { presetSettings } from './lessons/preset-settings.js';
import { createRunbar } from './views/runbar.js';
import { createReplayProgress } from './views/replay-progress.js';
import { createOptimizerExplain } from './views/optimizer-explain.js';
import { createCurves } from './charts/curves.js';
import { differenceText } from './views/difference-text.js';
import { createRunController } from './run-controller.js';
import { createMetricsSummary } from './views/metrics-summary.js';
import { postHeightToParent } from './embed-height.js';
import { registerOffline } from './offline.js';
import { holdFormulas, releaseFormulas } from './views/formula.js';
import { DELAY_MS, debounced } from './scheduling.js';
import { whenIdle } from './when-idle.js';

const messages = createMessages($('#messages'));
holdFormulas();  // KaTeX loads after the first run exists (views/formula.js)

// A link may name a preset; its explicit settings then apply on top of the preset. Compare mode's
// run B is read after A, from its own `b.` entries (state/compare-url.js).
function readHash(hash, base) {
  const split = splitCompareHash(hash);
  let a = decodeHash(split.a, base);
  if (a.settings.preset && a.settings.preset !== base.preset) a = decodeHash(split.a, presetSettings(a.settings.preset, base));
  const b = decodeCompareB(split.b, a);
  return { ...a, b, errors: [...a.errors, ...b.errors] };
}

function reportHashErrors(errors) {
  if (errors.length === 0) { messages.clear('hash'); return; }
  messages.show('warn', t('msg.hashProblems'), 'hash', errors.map((e) => `${e.url}: ${describeError(e.error)}`));
}

const loaded = readHash(window.location.hash, defaultSettings());
// Before any view is built, so each is built in it (a Korean table is fetched first: i18n.js).
await setLanguage(initialLanguage(loaded.settings.lang), { remember: false });
const store = createStore(loaded.settings);
const runState = createRunState();
// Compare mode's run B (compare-mode.js); the settings panels edit A or B through editStore.
const storeB = createStore(loaded.b.settings);
const runStateB = createRunState();
const editStore = createSwitchStore({ a: store, b: storeB });
reportHashErrors(loaded.errors);
applyEmbed(store.settings);

// ---- the run ---------------------------------------------------------------------------------------
// Created before the views, so the first run is asked for at once (run-controller.js): the worker
// builds it while the views below are built. Its replies arrive as tasks after this module has
// run, when every view named here exists.
let focusSent = 'null';
let exporter = null;
let compare = null;
// The optimizer paths, far down the page, are asked for once the first run is on screen and the
// page is idle: asked for at READY, the worker computed them before it took Play, and the page drew
// them (about 30 ms) before it handled the press.
let pathsAsked = false;
const regression = () => isRegression(store.settings) || runState.task?.kind === 'regression';
const runViews = {
  ready(m) {
    $('#flavor').textContent = t('app.flavor', { flavor: m.flavor === 'simd' ? 'WebAssembly SIMD' : 'WebAssembly baseline' });
    $('#flavor').dataset.flavor = m.flavor;
    runViews.flavor = m.flavor;
  },
  newRun() {
    releaseFormulas();
    focusSent = 'null';
    network.newRun();
    output.newRun();
    insides.newRun();
    stepper.newRun();
    redrawCurves();
    compare?.newRunA();
    runbar.refresh();
    summary.update();
    replayProgress.refresh();
    if (!pathsAsked) {
      pathsAsked = true;
      whenIdle(() => paths.request(), { timeout: 1500 });
    }
  },
  redraw(what) {
    const inCompare = compare?.active();
    if (what.has('progress')) { output.progress(); redrawCurves(); if (inCompare) compare.columns.a.progress(); }
    // A divergence also re-renders the insides, so their charts explain themselves.
    if (what.has('stats') || (what.has('progress') && runState.diverged)) { insides.stats(); if (inCompare) compare.columns.a.stats(); }
    runbar.refresh();
    summary.update();
    replayProgress.refresh();
  },
  grid(m) { output.grid(m.grid, m.unitField); network.update(m.neurons, m.weights); if (compare?.active()) compare.columns.a.grid(m); },
  modelReceived: (model) => exporter.modelReceived(model),
  pathsReceived: (m) => paths.received(m),
  traceReceived: (m) => stepper.received(m),
};
// A link's mid-run optimizer changes: its first run starts from the values at step 0 and the worker
// applies each change at its step, so the replayed curve matches; the controls show the current values.
const initialReplay = loaded.changes.length ? { settings: loaded.initial, changes: loaded.changes } : null;
const controller = createRunController({ store, runState, messages, views: runViews, initialStep: loaded.settings.steps, initialReplay,
  onProgress: () => compare?.sync() });

// ---- views ---------------------------------------------------------------------------------------
createDataPanel({ picker: $('#dataset-picker'), controls: $('#data-controls'), splitReadout: $('#split-readout'), regenerate: $('#regenerate') }, editStore, messages);
createFeatureToggles($('#feature-toggles'), editStore, messages);
for (const box of ['training', 'schedule', 'regularization']) renderControls($(`#${box}-controls`), controlKeys(box), editStore, { messages });
createOptimizerExplain($('#optimizer-explain'), editStore);
createBuilder($('#builder'), $('#layer-explain'), editStore, messages);
// The output head (sigmoid or softmax for two classes) belongs to the network, under the layer cards.
renderControls($('#head-controls'), controlKeys('head'), editStore);
createPresetMenu({ select: $('#preset-select'), note: $('#lesson-note'), title: $('#lesson-title'), text: $('#lesson-text'), close: $('#lesson-close'), pending: $('#preset-pending') }, store);
const output = createOutputView({ canvas: $('#heatmap'), legend: $('#heatmap-legend'), metricsTable: $('#metrics'), divergedBox: $('#diverged'),
  viewControls: $('#view-controls'), unitCaption: $('#heatmap-unit') }, store, runState);
// The diagram's unit under the pointer or focus shows in the heatmap; the worker is asked for its
// full-resolution field only when the unit changes.
const network = createNetworkView($('#network-diagram'), runState, {
  tooltip: $('#tooltip'), store, messages,
  onFocus(focus) {
    output.showFocus(focus);
    const unit = focus && focus.block !== undefined ? { block: focus.block, unit: focus.unit } : null;
    if (JSON.stringify(unit) === focusSent) return;
    focusSent = JSON.stringify(unit);
    controller.setView({ focus: unit });
  },
  setView: (patch) => controller.setView(patch),
  setWeight(...args) {
    controller.setWeight(...args);
    // Links and embeds rebuild a run from its settings: say that a hand-set weight is not in them.
    messages.show('info', t('network.editNotInLink'), 'weight-link', [], { timeout: 6000 });
  },
});
const curves = createCurves($('#loss-chart'), $('#accuracy-chart'), { lossLog: () => store.settings.lossLog });
renderControls($('#curve-controls'), controlKeys('curve'), store);
const redrawCurves = () => { if (runState.history) curves.update(runState.history, regression(), compare?.historyB()); };
store.subscribe(redrawCurves, ['lossLog']);
const summary = createMetricsSummary($('#metrics-summary'), runState);
const insides = createInsides({ gradContainer: $('#grad-chart'), deadContainer: $('#dead-chart'), activationContainer: $('#activation-histograms'), weightContainer: $('#weight-histograms'), chainContainer: $('#chain-rule') }, runState);
const stepper = createBackpropStepper($('#backprop-stepper'), { runState, store, request: (payload) => controller.requestTrace(payload) });

const paths = createPathsView({ canvas: $('#paths-canvas'), controls: $('#paths-controls'), optimizerBox: $('#paths-optimizers'), bookButton: $('#paths-book'), legend: $('#paths-legend') },
  store, messages, (payload) => controller.requestPaths(payload));
compare = createCompareMode({
  elements: { grid: $('#compare-grid'), differs: $('#compare-differs'), editButtons: [...document.querySelectorAll('[data-edit-side]')], toggle: $('#compare-toggle') },
  stores: { a: store, b: storeB }, runStates: { a: runState, b: runStateB }, editStore, controllerA: controller, messages,
  linkB: loaded.b, initialStep: loaded.settings.steps, redrawCurves });
const runbar = createRunbar({ play: $('#play'), step: $('#step'), reset: $('#reset'), speed: $('#speed'), speedLabel: $('#speed-label'),
  stepOut: $('#readout-step'), epochOut: $('#readout-epoch'), lrOut: $('#readout-lr'), status: $('#run-status') }, store, runState, compare.actions);
const replayProgress = createReplayProgress({ box: $('#replay-progress'), bar: $('#replay-bar'), text: $('#replay-text'), cancel: $('#replay-cancel') },
  runState, controller);
exporter = createExport({ downloadModel: $('#download-model'), upload: $('#upload-model'), heatmapButton: $('#download-heatmap'), lossButton: $('#download-loss'), csvButton: $('#download-csv') },
  { store, runState, messages, requestModel: controller.requestModel, importModel: controller.importModel, heatmapCanvas: () => output.canvas, lossCanvas: curves.lossCanvas });
createShare({ linkButton: $('#copy-link'), embedButton: $('#open-embed'), dialog: $('#embed-dialog'), options: $('#embed-options'), code: $('#embed-code'),
  copyButton: $('#copy-embed'), closeButton: $('#close-embed'), openFull: $('#open-full'), heightNote: $('#embed-height'),
  script: $('#embed-script'), copyScriptButton: $('#copy-embed-script') }, store, runState, messages, () => compare.link());

// Pinning keeps a copy of the current curves; later runs are drawn over it. Each pin is labelled
// with what differs between it, the other pins and the current run.
$('#pin-run').addEventListener('click', () => {
  if (!runState.history?.step.length) return;
  curves.pin(structuredClone(store.settings), runState.history);
  renderPins();
  redrawCurves();
});
$('#clear-pins').addEventListener('click', () => { curves.clearPins(); renderPins(); redrawCurves(); });
const settingSummary = (s) => `${choiceLabel('optimizer', s.optimizer)} lr=${s.learningRate}, ${s.layers.map((l) => l.units).join('-') || '0'} ${s.layers[0]?.activation ?? ''}`;
function renderPins() {
  const list = $('#pinned-list');
  const pins = curves.pins();
  const differences = differingSettings([...pins.map((p) => p.settings), store.settings]);
  const label = (i, s) => (differences[i].length ? differences[i].map(differenceText).join(', ') : settingSummary(s));
  const items = pins.map((p, i) => el('li', {}, t('curves.pinned', { label: `${i + 1}. ${label(i, p.settings)}` })));
  if (pins.length) items.push(el('li', { class: 'current' }, t('curves.current', { label: label(pins.length, store.settings) })));
  list.replaceChildren(...items);
}
store.subscribe(() => { if (curves.pins().length) renderPins(); });

// ---- language ------------------------------------------------------------------------------------
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => setLanguage(button.dataset.lang));
}
const markLanguage = () => {
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === language()));
  if (runViews.flavor) runViews.ready({ flavor: runViews.flavor });
  renderPins();
  redrawCurves();
  summary.update({ now: true });
};
onLanguageChange(markLanguage);
markLanguage();

// ---- URL hash <-> settings -------------------------------------------------------------------------
// Each history entry has an id and keeps its settings (history.state) beside its hash. Most changes
// rewrite the current entry (debounced); choosing an experiment (origin 'preset') adds one, so Back
// returns to the network before it and Forward to the experiment again. The latest settings of
// each entry are also kept here at once, so a change made just before Back is not lost to the
// debounce when the learner comes Forward again.
let writtenHash = window.location.hash;
const entrySettings = new Map();   // entry id -> its latest settings, for this page's lifetime
const newEntryId = ((base, n) => () => `${base}-${n++}`)(Date.now().toString(36), 0);
let entry = window.history.state?.entry ?? newEntryId();
entrySettings.set(entry, store.settings);
const currentHash = (settings) => encodeCompareHash(settings, settings.compare ? storeB.settings : null);
function writeEntry(method) {
  writtenHash = `#${currentHash(store.settings)}`;
  window.history[method]({ entry, settings: store.settings }, '', writtenHash);
}
const rewriteEntryLater = debounced(DELAY_MS.urlHash, () => writeEntry('replaceState'));
store.subscribe(() => { if (store.settings.lang) setLanguage(store.settings.lang); }, ['lang']);
storeB.subscribe(() => { if (store.settings.compare) rewriteEntryLater.schedule(); });
store.subscribe(() => applyEmbed(store.settings), ['embed', 'hide']);
store.subscribe((keys, origin) => {
  if (origin === 'revert') reportHashErrors([]);
  rewriteEntryLater.cancel();
  if (origin === 'preset') {
    const left = entrySettings.get(entry);
    window.history.replaceState({ entry, settings: left }, '', `#${currentHash(left)}`);
    entry = newEntryId();
    entrySettings.set(entry, store.settings);
    writeEntry('pushState');
  } else {
    entrySettings.set(entry, store.settings);
    rewriteEntryLater.schedule();
  }
});
// Back and Forward between entries this page made: their own settings, exactly.
window.addEventListener('popstate', (event) => {
  rewriteEntryLater.cancel();   // a pending rewrite belongs to the entry just left (kept in entrySettings)
  entry = event.state?.entry ?? newEntryId();
  const saved = entrySettings.get(entry) ?? event.state?.settings;
  if (!saved) return;   // an entry without settings (a typed or pasted hash): 'hashchange' reads it
  writtenHash = window.location.hash;
  store.set(saved, 'history');
});
window.addEventListener('hashchange', () => {
  if (window.location.hash === writtenHash) return;
  if (window.history.state?.entry !== entry) entry = window.history.state?.entry ?? newEntryId();
  const { settings, errors, b } = readHash(window.location.hash, store.settings);
  reportHashErrors(errors);
  storeB.set(b.settings, 'hash');
  store.set(settings, 'hash');
});
// A link's step count is used once, for the first run; later runs start at step 0.
store.set({ steps: 0 }, 'internal');

const relayoutLater = debounced(DELAY_MS.relayout, () => {
  curves.resize(); insides.resize(); stepper.resize();
  network.relayout();
});
window.addEventListener('resize', () => relayoutLater.schedule());

// Inside a course page: the frame's content height for the host's optional auto-height script.
postHeightToParent();
// A copy of the site for the next visit without a network.
registerOffline();

// Read-only hooks for the browser tests and for curious learners in the console.
window.nnsandbox = Object.freeze({
  get settings() { return structuredClone(store.settings); },
  get history() { return runState.history && structuredClone(runState.history); },
  get step() { return runState.step; },
  get playing() { return runState.playing; },
  get metrics() { return runState.metrics && structuredClone(runState.metrics); },
  get diverged() { return runState.diverged; },
  get changeLog() { return runState.changeLog && structuredClone(runState.changeLog); },
  get flavor() { return runViews.flavor ?? null; },
  get ready() { return Boolean(runState.task); },
  // Compare mode's run B (null outside compare mode).
  get compareB() {
    if (!store.settings.compare) return null;
    return { settings: structuredClone(storeB.settings), step: runStateB.step, ready: Boolean(runStateB.task), playing: runStateB.playing,
      metrics: runStateB.metrics && structuredClone(runStateB.metrics), history: runStateB.history && structuredClone(runStateB.history),
      gradHistory: runStateB.gradHistory && structuredClone(runStateB.gradHistory), changeLog: runStateB.changeLog && structuredClone(runStateB.changeLog) };
  },
  get gradHistory() { return runState.gradHistory && structuredClone(runState.gradHistory); },
});
