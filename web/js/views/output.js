// The output panel: heatmap + points, its legend, the metrics table and, when a run diverges,
// an explanation of where and why over the heatmap (never a blank chart).

import { t, onLanguageChange } from '../i18n/i18n.js';
import { CLASS_COLORS } from '../charts/colors.js';
import { drawHeatmap, regressionScale } from '../charts/heatmap.js';
import { formatNumber, formatPercent } from '../format.js';
import { el } from './dom.js';
import { renderControls } from './controls.js';
import { controlKeys } from '../state/settings.js';

// unitCaption: the line over the heatmap naming the diagram unit (or input) shown instead of the output.
export function createOutputView({ canvas, legend, metricsTable, divergedBox, viewControls, unitCaption }, store, runState) {
  renderControls(viewControls, controlKeys('view'), store);
  let lastGrid = null;
  // The diagram's unit under the pointer or focus: { key, name, values, res, range, block?, unit? };
  // its thumbnail values are drawn at once, the worker's full-resolution field replaces them.
  let focus = null;

  function size() {
    return Math.max(200, Math.min(330, canvas.parentElement.clientWidth || 320));
  }

  function draw() {
    if (!runState.task) return;
    const field = focus?.values ? { values: focus.values, resolution: focus.res } : null;
    drawHeatmap(canvas, size(), lastGrid, runState, { showTest: store.settings.showTest, discretize: store.settings.discretize, field });
    unitCaption.hidden = !focus;
    if (focus) {
      const range = focus.range ? ` · ${formatNumber(focus.range.min, 3)} … ${formatNumber(focus.range.max, 3)}` : '';
      unitCaption.textContent = `${t('network.showing', { name: focus.name })}${range}`;
    }
  }

  function showFocus(next) {
    if (!focus && !next) return;  // nothing to take off (a new run's diagram says so before output.newRun draws)
    const same = focus && next && focus.key === next.key;
    if (same && focus.fine) return;  // keep the full-resolution field of the same unit
    focus = next;
    draw();
  }

  function fineField(unitField, resolution) {
    if (!focus || !unitField || focus.block !== unitField.block || focus.unit !== unitField.unit) return;
    let min = Infinity, max = -Infinity;
    for (const v of unitField.values) { min = Math.min(min, v); max = Math.max(max, v); }
    focus = { ...focus, values: unitField.values, res: resolution, range: { min, max }, fine: true };
  }

  function renderLegend() {
    const task = runState.task;
    if (!task) return;
    if (task.kind === 'regression') {
      // The colours run from -peak (orange) through 0 (white) to +peak (blue), peak = the largest |target|.
      const peak = regressionScale(runState.data);
      const bar = el('span', { class: 'colorbar-scale' },
        el('span', { class: 'colorbar', style: 'background: linear-gradient(90deg, #f59322, #fff, #0877bd)' }),
        el('span', { class: 'colorbar-ticks' }, el('span', {}, formatNumber(-peak, 3)), el('span', {}, '0'), el('span', {}, formatNumber(peak, 3))));
      legend.replaceChildren(bar, el('span', {}, t('output.legendRegression')));
      return;
    }
    const swatches = Array.from({ length: task.classes }, (_, k) => el('span', {},
      el('span', { class: 'swatch', style: `background:${CLASS_COLORS[k]}` }), t('output.class', { k })));
    legend.replaceChildren(...swatches, el('span', { class: 'hint', title: t('output.legendClasses') }, t('output.legendClasses')));
  }

  function renderMetrics() {
    const m = runState.metrics;
    const regression = runState.task?.kind === 'regression';
    const head = el('tr', {}, el('th', {}, el('span', { class: 'visually-hidden' }, t('metrics.split'))), el('th', {}, t('metrics.loss')), regression ? null : el('th', {}, t('metrics.accuracy')));
    const rows = ['train', 'validation', 'test'].map((split) => {
      const s = m?.[split];
      return el('tr', { 'data-split': split }, el('td', {}, t(`metrics.${split}`)),
        el('td', { class: 'loss' }, formatNumber(s?.loss ?? null, 4)),
        regression ? null : el('td', { class: 'accuracy' }, formatPercent(s?.accuracy ?? null)));
    });
    metricsTable.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  }

  // "Dense 8 in hidden layer 2": the engine's layer name plus the builder layer it belongs to.
  function whereText(d) {
    const blockIndex = runState.blocks.findIndex((b) => Object.entries(b).some(([k, v]) => k !== 'isHead' && v === d.layer));
    const block = runState.blocks[blockIndex];
    const owner = !block ? '' : block.isHead ? t('network.output') : t('builder.layer', { n: blockIndex + 1 });
    return [d.layerName, owner && `(${owner})`].filter(Boolean).join(' ') || '?';
  }

  function renderDiverged() {
    const d = runState.diverged;
    divergedBox.hidden = !d;
    if (!d) return;
    const quantityKey = `diverged.quantity.${d.quantity}`;
    const quantity = t(quantityKey) === quantityKey ? (d.quantity ?? '?') : t(quantityKey);
    divergedBox.replaceChildren(
      el('h3', {}, t('diverged.title', { step: d.step })),
      el('p', {}, t('diverged.where', { quantity, layer: whereText(d) })),
      // At step 1 no update has happened yet: the initial weights overflow, not the learning rate.
      el('p', {}, d.step <= 1 ? t('diverged.whyInit') : t('diverged.why', { lr: formatNumber(store.settings.learningRate) })),
      el('p', {}, t('diverged.tips')));
  }

  store.subscribe(draw, controlKeys('view'));
  onLanguageChange(() => { renderLegend(); renderMetrics(); renderDiverged(); draw(); });
  window.addEventListener('resize', draw);

  return {
    newRun() { lastGrid = null; focus = null; renderLegend(); renderMetrics(); renderDiverged(); draw(); },
    grid(grid, unitField) { lastGrid = grid; fineField(unitField, grid.resolution); draw(); },
    showFocus,
    progress() { renderMetrics(); renderDiverged(); },
    canvas,
  };
}
