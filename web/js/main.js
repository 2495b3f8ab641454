// Page entry point: reads the settings from the URL (reporting anything bad), builds the views,
// starts the training worker and keeps the URL hash in step with the settings.

import { decodeHash, encodeHash } from './state/url.js';
import { defaultSettings, isRegression } from './state/settings.js';
import { createStore } from './state/store.js';
import { createRunState } from './state/run-state.js';
import { t, setLanguage, initialLanguage, describeError, onLanguageChange, language } from './i18n/i18n.js';
import { $ } from './views/dom.js';
import { createMessages } from './views/messages.js';
import { renderControls } from './views/controls.js';
import { createDataPanel } from './views/data-panel.js';
import { createFeatureToggles } from './views/features.js';
import { createBuilder } from './views/builder.js';
import { createNetworkView } from './views/network.js';
import { createOutputView } from './views/output.js';
import { createInsides } from './views/insides.js';
import { createPathsView } from './views/paths.js';
import { createShare, applyEmbed } from './views/share.js';
import { createExport } from './views/export.js';
import { createPresetMenu } from './views/presets.js';
import { presetSettings } from './lessons/preset-settings.js';
import { createRunbar } from './views/runbar.js';
import { createOptimizerExplain } from './views/optimizer-explain.js';
import { createCurves } from './charts/curves.js';
import { createRunController } from './run-controller.js';
import { holdFormulas, releaseFormulas } from './views/formula.js';

const messages = createMessages($('#messages'));
holdFormulas();  // KaTeX loads after the first run exists (views/formula.js)

// A link may name a preset; its explicit settings then apply on top of the preset.
function readHash(hash, base) {
  const first = decodeHash(hash, base);
  if (first.settings.preset && first.settings.preset !== base.preset) {
    return decodeHash(hash, presetSettings(first.settings.preset, base));
  }
  return first;
}

function reportHashErrors(errors) {
  if (errors.length === 0) { messages.clear('hash'); return; }
  messages.show('warn', t('msg.hashProblems'), 'hash', errors.map((e) => `${e.url}: ${describeError(e.error)}`));
}

const loaded = readHash(window.location.hash, defaultSettings());
setLanguage(initialLanguage(loaded.settings.lang), { remember: false });
const store = createStore(loaded.settings);
const runState = createRunState();
reportHashErrors(loaded.errors);
applyEmbed(store.settings);

// ---- views ---------------------------------------------------------------------------------------
createDataPanel({ picker: $('#dataset-picker'), controls: $('#data-controls'), splitReadout: $('#split-readout'), regenerate: $('#regenerate') }, store, messages);
createFeatureToggles($('#feature-toggles'), store, messages);
renderControls($('#training-controls'), ['optimizer', 'learningRate', 'momentum', 'rho', 'beta1', 'beta2', 'epsilon', 'biasCorrection', 'batchSize', 'seed'], store, { messages });
renderControls($('#schedule-controls'), ['schedule', 'stepSize', 'gamma', 'decaySteps', 'totalSteps', 'minLearningRate'], store, { messages });
renderControls($('#regularization-controls'), ['l1', 'l2', 'weightDecay', 'clipNorm'], store, { messages });
createOptimizerExplain($('#optimizer-explain'), store);
createBuilder($('#builder'), $('#layer-explain'), store, messages);
createPresetMenu({ select: $('#preset-select'), note: $('#lesson-note'), title: $('#lesson-title'), text: $('#lesson-text'), close: $('#lesson-close') }, store);
const network = createNetworkView($('#network-diagram'), $('#tooltip'));
const output = createOutputView({ canvas: $('#heatmap'), legend: $('#heatmap-legend'), metricsTable: $('#metrics'), divergedBox: $('#diverged'), viewControls: $('#view-controls') }, store, runState);
const curves = createCurves($('#loss-chart'), $('#accuracy-chart'), { lossLog: () => store.settings.lossLog });
renderControls($('#curve-controls'), ['lossLog'], store);
store.subscribe((keys) => { if (keys.includes('lossLog') && runState.history) curves.update(runState.history, regression()); });
const insides = createInsides({ gradContainer: $('#grad-chart'), deadContainer: $('#dead-chart'), activationContainer: $('#activation-histograms'), weightContainer: $('#weight-histograms') }, runState);

let controller = null;
const paths = createPathsView({ canvas: $('#paths-canvas'), controls: $('#paths-controls'), optimizerBox: $('#paths-optimizers'), bookButton: $('#paths-book'), legend: $('#paths-legend') },
  store, messages, (payload) => controller?.requestPaths(payload));
let exporter = null;

const regression = () => isRegression(store.settings) || runState.task?.kind === 'regression';
const runViews = {
  ready(m) {
    $('#flavor').textContent = t('app.flavor', { flavor: m.flavor === 'simd' ? 'WebAssembly SIMD' : 'WebAssembly baseline' });
    $('#flavor').dataset.flavor = m.flavor;
    runViews.flavor = m.flavor;
  },
  newRun() {
    releaseFormulas();
    network.build(runState, store.settings);
    output.newRun();
    insides.newRun();
    curves.update(runState.history, regression());
    runbar.refresh();
  },
  redraw(what) {
    if (what.has('progress')) { output.progress(); curves.update(runState.history, runState.task?.kind === 'regression'); }
    // A divergence also re-renders the insides, so their charts explain themselves.
    if (what.has('stats') || (what.has('progress') && runState.diverged)) insides.stats();
    runbar.refresh();
  },
  grid(m) { output.grid(m.grid); network.update(m.neurons, m.weights); },
  modelReceived: (model) => exporter.modelReceived(model),
  pathsReceived: (m) => paths.received(m),
  requestPaths: () => paths.request(),
};
// A link's mid-run optimizer changes: its first run starts from the values at step 0 and the worker
// applies each change at its step, so the replayed curve matches; the controls show the current values.
const initialReplay = loaded.changes.length ? { settings: loaded.initial, changes: loaded.changes } : null;
controller = createRunController({ store, runState, messages, views: runViews, initialStep: loaded.settings.steps, initialReplay });
const runbar = createRunbar({ play: $('#play'), step: $('#step'), reset: $('#reset'), speed: $('#speed'), speedLabel: $('#speed-label'),
  stepOut: $('#readout-step'), epochOut: $('#readout-epoch'), lrOut: $('#readout-lr'), status: $('#run-status') }, store, runState, controller);
exporter = createExport({ downloadModel: $('#download-model'), upload: $('#upload-model'), heatmapButton: $('#download-heatmap'), lossButton: $('#download-loss'), csvButton: $('#download-csv') },
  { store, runState, messages, requestModel: controller.requestModel, importModel: controller.importModel, heatmapCanvas: () => output.canvas, lossCanvas: curves.lossCanvas });
createShare({ linkButton: $('#copy-link'), embedButton: $('#open-embed'), dialog: $('#embed-dialog'), options: $('#embed-options'), code: $('#embed-code'),
  copyButton: $('#copy-embed'), closeButton: $('#close-embed'), openFull: $('#open-full') }, store, runState, messages);

// Pinning keeps a copy of the current curves; later runs are drawn over it.
$('#pin-run').addEventListener('click', () => {
  if (!runState.history?.step.length) return;
  const s = store.settings;
  curves.pin(`${s.optimizer} lr=${s.learningRate}, ${s.layers.map((l) => l.units).join('-') || '0'} ${s.layers[0]?.activation ?? ''}`, runState.history);
  renderPins();
  curves.update(runState.history, regression());
});
$('#clear-pins').addEventListener('click', () => { curves.clearPins(); renderPins(); curves.update(runState.history, regression()); });
function renderPins() {
  const list = $('#pinned-list');
  list.replaceChildren(...curves.pins().map((p, i) => {
    const li = document.createElement('li');
    li.textContent = t('curves.pinned', { label: `${i + 1}. ${p.label}` });
    return li;
  }));
}

// ---- language ------------------------------------------------------------------------------------
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => setLanguage(button.dataset.lang));
}
const markLanguage = () => {
  for (const button of document.querySelectorAll('[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === language()));
  if (runViews.flavor) runViews.ready({ flavor: runViews.flavor });
  renderPins();
  if (runState.history) curves.update(runState.history, regression());
};
onLanguageChange(markLanguage);
markLanguage();

// ---- URL hash <-> settings -------------------------------------------------------------------------
let writtenHash = window.location.hash;
let hashTimer = 0;
store.subscribe((keys, origin) => {
  if (keys.includes('lang') && store.settings.lang) setLanguage(store.settings.lang);
  if (keys.includes('embed') || keys.includes('hide')) applyEmbed(store.settings);
  if (origin === 'revert') reportHashErrors([]);
  clearTimeout(hashTimer);
  hashTimer = setTimeout(() => {
    writtenHash = `#${encodeHash(store.settings)}`;
    window.history.replaceState(null, '', writtenHash);
  }, 200);
});
window.addEventListener('hashchange', () => {
  if (window.location.hash === writtenHash) return;
  const { settings, errors } = readHash(window.location.hash, store.settings);
  reportHashErrors(errors);
  store.set(settings, 'hash');
});
// A link's step count is used once, for the first run; later runs start at step 0.
store.set({ steps: 0 }, 'internal');

let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    curves.resize(); insides.resize();
    if (runState.task) network.build(runState, store.settings);
  }, 150);
});

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
});
