// Compare mode's panel: runs A and B side by side, each with its heatmap, metrics, gradient norm
// per layer and dead units, and the line saying exactly what differs between them. Run B trains in
// a worker of its own (a second sandbox worker, so both train in parallel on two cores) through
// the same run controller as A; compare-lockstep.js keeps the two in step.

import { t, onLanguageChange } from '../i18n/i18n.js';
import { el } from './dom.js';
import { createOutputView } from './output.js';
import { createInsides } from './insides.js';
import { dataExtent } from '../charts/line-chart.js';
import { differingSettings } from '../state/run-differences.js';
import { SETTING_BY_KEY, INIT_PARAM, isRelevant } from '../state/settings.js';
import { settingName, valueText } from './difference-text.js';
import { formatCount } from '../format.js';

// One run's column: its heading (side, step) and second copies of the output and insides views.
// gradientExtent: both runs' gradient norms, so that both charts share one y scale.
function runColumn(side, store, runState, gradientExtent) {
  const canvas = el('canvas', { width: 320, height: 320, role: 'img', 'aria-label': t('compare.heatmap', { side }) });
  const step = el('span', { class: 'compare-step' });
  const legend = el('div', { class: 'legend' });
  const metricsTable = el('table', { class: 'metrics' });
  const divergedBox = el('div', { class: 'diverged', hidden: true, role: 'alert' });
  const unitCaption = el('p', { class: 'heatmap-unit', hidden: true });
  const gradContainer = el('div', { class: 'chart' });
  const deadContainer = el('div');
  const deadTitle = el('strong');
  // The heatmap beside its legend and metrics; under them the gradient chart (it has its own
  // title) and the dead units.
  const column = el('div', { class: `compare-run side-${side.toLowerCase()}`, 'data-side': side },
    el('h3', {}, el('span', { class: 'compare-badge' }, side), ' ', step),
    el('div', { class: 'compare-top' },
      el('div', { class: 'heatmap-wrap' }, canvas, unitCaption, divergedBox),
      el('div', { class: 'compare-numbers' }, metricsTable, legend)),
    el('figure', { class: 'compare-gradients' }, gradContainer),
    el('figure', { class: 'compare-dead' }, el('figcaption', {}, deadTitle), deadContainer));
  const output = createOutputView({ canvas, legend, metricsTable, divergedBox, viewControls: el('div'), unitCaption }, store, runState);
  // The activation and weight histograms stay in the full "Inside the network" panel (run A's).
  const insides = createInsides({ gradContainer, deadContainer, activationContainer: el('div'), weightContainer: el('div') }, runState, { gradientExtent });
  const label = () => { deadTitle.textContent = t('insides.dead'); };
  onLanguageChange(label);
  label();
  return {
    element: column,
    newRun() { output.newRun(); insides.newRun(); this.progress(); },
    progress() { output.progress(); step.textContent = t('compare.step', { step: formatCount(runState.step) }); },
    stats() { insides.stats(); },
    gradients() { insides.gradients(); },
    grid(m) { output.grid(m.grid, m.unitField); },
    resize() { insides.resize(); },
  };
}

// The hidden layers (1-based) where `field` differs, as ranges ("1–9", "2, 4–5"), and the values
// there on each side: { ranges, count, from: [A's values], to: [B's values] }.
function layerDifference(a, b, field) {
  const list = [];
  // An initializer's number matters only where both sides' initializers take one.
  const used = (i) => field !== 'initParam' || (INIT_PARAM[a.layers[i].init] && INIT_PARAM[b.layers[i].init]);
  for (let i = 0; i < a.layers.length; i++) if (used(i) && String(a.layers[i][field]) !== String(b.layers[i][field])) list.push(i + 1);
  const ranges = [];
  for (const n of list) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === n - 1) last[1] = n; else ranges.push([n, n]);
  }
  const values = (layers) => [...new Set(list.map((n) => String(layers[n - 1][field])))];
  return { ranges: ranges.map(([x, y]) => (x === y ? String(x) : `${x}–${y}`)).join(', '), count: list.length, from: values(a.layers), to: values(b.layers) };
}

// "B: activation sigmoid → relu in layers 1–9; …": every run setting where B differs from A. A field
// of the hidden layers names the layers where it differs when both nets have as many layers.
export function differsLine(a, b) {
  const [fromA, fromB] = differingSettings([a, b]);
  if (fromB.length === 0) return t('compare.same');
  const sameLayerCount = a.layers.length === b.layers.length;
  // A setting one side does not read (momentum under Adam, He's unused number) is no difference.
  const read = (d) => (d.layerField ? !sameLayerCount || d.layerField === 'units' || layerDifference(a, b, d.layerField).count > 0
    : isRelevant(SETTING_BY_KEY[d.key], a) && isRelevant(SETTING_BY_KEY[d.key], b));
  const parts = fromB.filter(read).map((d) => {
    const i = fromB.indexOf(d);
    if (!d.layerField || !sameLayerCount || d.layerField === 'units') return `${settingName(d)}: ${valueText(fromA[i])} → ${valueText(d)}`;
    const layers = layerDifference(a, b, d.layerField);
    const where = t(layers.count === 1 ? 'compare.inLayer' : 'compare.inLayers', { layers: layers.ranges });
    return `${settingName(d)}: ${layers.from.join(', ')} → ${layers.to.join(', ')} ${where}`;
  });
  return parts.length ? t('compare.differs', { list: parts.join('; ') }) : t('compare.same');
}

// The panels that "Editing: A | B" points at: an embed that hides them all has nothing to edit.
const EDITING_PANELS = ['data', 'features', 'training', 'builder'];

// elements: { grid, differs, editButtons: [button data-side=a|b] } (inside one group element)
// stores: { a, b }; runStates: { a, b }; editStore: state/switch-store.js
export function createComparePanel({ grid, differs, editButtons }, stores, runStates, editStore) {
  // Side by side, the gradient charts share one y scale: each scaled to its own data, sigmoid's
  // 10⁻⁶ and ReLU's 10⁻¹ would look alike.
  // Histories only grow (a new run replaces the object), so their lengths say when to rescan.
  let extentKey = null;
  let extent = null;
  const gradientExtent = () => {
    const histories = [runStates.a.gradHistory, runStates.b.gradHistory].filter(Boolean);
    if (extentKey?.length !== histories.length || histories.some((g, i) => extentKey[i].g !== g || extentKey[i].n !== g.step.length)) {
      extentKey = histories.map((g) => ({ g, n: g.step.length }));
      extent = dataExtent([[], ...histories.flatMap((g) => g.norms)]);
    }
    return extent;
  };
  const columns = { a: runColumn('A', stores.a, runStates.a, gradientExtent), b: runColumn('B', stores.b, runStates.b, gradientExtent) };
  // New norms on one side can widen the shared scale: the other side's chart follows at once, and
  // only then (both runs' statistics come together: redrawing every time drew each chart twice).
  let shownExtent = null;
  const sameExtent = (x, y) => x && y && x.smallest === y.smallest && x.largest === y.largest && x.zeros === y.zeros;
  for (const [side, other] of [['a', 'b'], ['b', 'a']]) {
    const ownStats = columns[side].stats;
    columns[side].stats = () => {
      ownStats();
      const now = gradientExtent();
      if (!sameExtent(now, shownExtent)) columns[other].gradients();
      shownExtent = now;
    };
  }
  grid.replaceChildren(columns.a.element, columns.b.element);
  function renderDiffers() { differs.textContent = differsLine(stores.a.settings, stores.b.settings); }
  function renderEdit() {
    for (const button of editButtons) button.setAttribute('aria-pressed', String(button.dataset.side === editStore.side));
    document.body.classList.toggle('editing-b', document.body.classList.contains('comparing') && editStore.side === 'b');
  }
  for (const button of editButtons) button.addEventListener('click', () => { editStore.setSide(button.dataset.side); renderEdit(); });
  const editGroup = editButtons[0].parentElement;
  function renderEditable() {
    const { embed, hide } = stores.a.settings;
    editGroup.hidden = embed && EDITING_PANELS.every((p) => hide.includes(p));
    if (editGroup.hidden && editStore.side !== 'a') { editStore.setSide('a'); renderEdit(); }
  }
  stores.a.subscribe(renderEditable, ['embed', 'hide']);
  renderEditable();
  stores.a.subscribe(renderDiffers);
  stores.b.subscribe(renderDiffers);
  onLanguageChange(renderDiffers);
  return {
    columns,
    // The panel shows while body.comparing (main.css): embed mode's `hidden` stays the teacher's.
    show(on) {
      document.body.classList.toggle('comparing', on);
      if (!on) editStore.setSide('a');
      renderEdit();
      renderDiffers();
    },
  };
}
