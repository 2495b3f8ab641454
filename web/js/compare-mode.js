// Compare mode on the sandbox page: run B beside run A. B has its own store (its settings), run
// state, worker and run controller (the same machinery as A's); the settings panels edit A or B
// (state/switch-store.js); one play / step / reset drives both in lockstep (compare-lockstep.js);
// the panel shows both side by side (views/compare.js) and the curves overlay B on A. Leaving
// compare mode keeps A; B's worker then idles.

import { createRunController } from './run-controller.js';
import { startWorker } from './worker-bridge.js';
import { createLockstep } from './compare-lockstep.js';
import { createComparePanel } from './views/compare.js';
import { SETTINGS } from './state/settings.js';
import { RUN_GROUPS } from './state/url.js';
import { linkWithChanges } from './state/changes.js';
import { comparePresetSettings } from './lessons/preset-settings.js';

const RUN_KEYS = SETTINGS.filter((row) => RUN_GROUPS.has(row.group)).map((row) => row.key);
const VIEW_KEYS = SETTINGS.filter((row) => !RUN_GROUPS.has(row.group)).map((row) => row.key);
const pick = (settings, keys) => Object.fromEntries(keys.map((key) => [key, settings[key]]));

// elements: createComparePanel's and { toggle } (the run bar's Compare button);
// linkB: B's side of the page's link (decodeCompareB: { initial, changes }), for its first run;
// initialStep: the link's step count; curves: charts/curves.js (B is drawn over A);
// redrawCurves(): draws the curves again (main.js knows whether the task is a regression).
export function createCompareMode({ elements, stores, runStates, editStore, controllerA, messages, linkB, initialStep, redrawCurves }) {
  let controllerB = null;
  let firstRuns = 0;   // both sides' first runs are a link's replay: they must not restart each other
  const panel = createComparePanel(elements, stores, runStates, editStore);
  const sideA = { controller: controllerA, runState: runStates.a };
  const sideB = { controller: null, runState: runStates.b };
  const lockstep = createLockstep([sideA, sideB], () => stores.a.settings.speed);
  const active = () => stores.a.settings.compare;

  const viewsB = {
    ready() {},
    newRun() { panel.columns.b.newRun(); redrawCurves(); ranAgain(sideB); },
    redraw(what) {
      if (what.has('progress')) { panel.columns.b.progress(); redrawCurves(); }
      if (what.has('stats') || (what.has('progress') && runStates.b.diverged)) panel.columns.b.stats();
    },
    grid: (m) => panel.columns.b.grid(m),
    modelReceived() {}, pathsReceived() {}, traceReceived() {},
  };

  function ranAgain(side) {
    if (firstRuns < 2) { firstRuns += 1; return; }
    if (active()) lockstep.newRun(side);
  }

  function startB(replay) {
    const replayed = replay && linkB.changes.length ? { settings: linkB.initial, changes: linkB.changes } : null;
    controllerB = createRunController({ store: stores.b, runState: runStates.b, messages, views: viewsB,
      initialStep: replay ? initialStep : 0, initialReplay: replayed, worker: startWorker('sandbox'), onProgress: () => lockstep.sync(), neurons: false });
    sideB.controller = controllerB;
  }

  // The view settings (speed, embed, language ...) are one for both runs: A's.
  stores.a.subscribe(() => { stores.b.set(pick(stores.a.settings, VIEW_KEYS), 'internal'); }, VIEW_KEYS);

  // atLoad: compare mode comes with the page's link (B's first run replays it); copyA: B starts as
  // a copy of A (the learner turned compare on; a link or a preset brings B's own settings).
  function enter({ atLoad = false, copyA = false } = {}) {
    panel.show(true);
    if (copyA) stores.b.set(pick(stores.a.settings, RUN_KEYS), 'internal');
    if (!controllerB) {
      startB(atLoad);
      if (!atLoad) { firstRuns = 2; controllerA.reset(); }
    } else {
      firstRuns = 2;
      lockstep.reset();
    }
    redrawCurves();
  }
  function leave() {
    panel.show(false);
    lockstep.release();
    controllerB?.pause();
    redrawCurves();
  }

  stores.a.subscribe((keys, origin) => {
    if (origin === 'preset') {
      const b = comparePresetSettings(stores.a.settings.preset, stores.a.settings);
      if (b) stores.b.set(b, 'preset');
    }
    if (!keys.includes('compare') && origin !== 'preset') return;
    if (active()) enter({ copyA: origin === 'ui' && !comparePresetSettings(stores.a.settings.preset) }); else leave();
    renderToggle();
  }, ['compare', 'preset']);

  function renderToggle() { elements.toggle.setAttribute('aria-pressed', String(active())); }
  elements.toggle.addEventListener('click', () => stores.a.set({ compare: !active() }));
  renderToggle();
  if (active()) enter({ atLoad: true }); else firstRuns = 1;

  return {
    active,
    columns: panel.columns,
    // A's run views call these (main.js): A's column in the panel follows A's run.
    newRunA() { if (active()) panel.columns.a.newRun(); ranAgain(sideA); },
    sync: () => lockstep.sync(),
    // The run bar's actions: both runs in compare mode, A alone outside it.
    actions: {
      play: () => (active() ? lockstep.play() : controllerA.play()),
      pause: () => (active() ? lockstep.pause() : controllerA.pause()),
      step: () => (active() ? lockstep.step() : controllerA.step()),
      reset: () => (active() ? lockstep.reset() : controllerA.reset()),
    },
    playing: () => (active() ? lockstep.playing : runStates.a.playing),
    historyB: () => (active() && runStates.b.history ? runStates.b.history : null),
    // B's side of a link to the current runs (state/changes.js), or null outside compare mode.
    link() {
      if (!active()) return null;
      const link = linkWithChanges(stores.b.settings, runStates.b.changeLog, runStates.b.step, () => true);
      return { settings: link.settings, changes: link.changes };
    },
  };
}
