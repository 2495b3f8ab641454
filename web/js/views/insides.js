// "Inside the network": per-layer gradient norms over time (log scale: the vanishing-gradient
// view), dead-unit share per ReLU-family layer, activation and weight histograms.

import { t, onLanguageChange } from '../i18n/i18n.js';
import { layerColor } from '../charts/colors.js';
import { createLineChart } from '../charts/line-chart.js';
import { drawHistogram, drawBars } from '../charts/histogram.js';
import { el } from './dom.js';
import { createChainRule } from './chain-rule.js';
import { formatPercent } from '../format.js';

const RELU_FAMILY = new Set(['relu', 'leaky_relu', 'prelu', 'elu']);

// options.gradientExtent: the extent of every gradient chart that shares this one's y scale
// (charts/line-chart.js sharedExtent; compare mode's two runs).
export function createInsides({ gradContainer, deadContainer, activationContainer, weightContainer, chainContainer }, runState, options = {}) {
  const chain = chainContainer ? createChainRule(chainContainer, runState) : null;
  const grad = createLineChart(gradContainer, {
    title: () => t('insides.gradients'), xLabel: () => t('curves.step'), yLabel: () => '‖∂L/∂W‖', log: true,
    zeroBand: () => t('insides.zeroGradient'), emptyText: () => t('curves.waiting'), sharedExtent: options.gradientExtent });
  const deadCanvas = el('canvas');
  // Under the bars: the leaky family's negative-regime share, and whether the dead share is a worry.
  const deadNotes = el('div', { class: 'dead-notes' });
  // Shown under the gradient chart once the run diverged: from then on it has nothing finite
  // to draw, and a chart must never be silently blank.
  const gradNote = el('p', { class: 'empty', hidden: true });
  gradContainer.after(gradNote);
  const blockName = (i) => (runState.blocks[i]?.isHead ? t('insides.head') : t('insides.layer', { n: i + 1 }));

  // One cell per layer; the canvas is sized to its cell so the grid decides the width.
  function canvases(container, count) {
    for (const child of [...container.children]) if (!child.classList.contains('hist-cell')) child.remove();
    while (container.children.length > count) container.lastChild.remove();
    while (container.children.length < count) container.append(el('div', { class: 'hist-cell' }, el('canvas')));
    return [...container.children].map((cell) => cell.firstChild);
  }

  function empty(container, key) { container.replaceChildren(el('p', { class: 'empty' }, t(key))); }

  function renderGradients() {
    const g = runState.gradHistory;
    // After a divergence the norms are NaN/∞ and cannot be plotted; say so instead of a silent gap.
    gradNote.hidden = !runState.diverged;
    gradNote.textContent = runState.diverged ? t('insides.gradientsDiverged', { step: runState.diverged.step }) : '';
    if (!g || g.step.length === 0) return;
    const n = runState.blocks.length;
    const series = runState.blocks.map((_, i) => ({ label: blockName(i), color: layerColor(i, n), width: 1.6 }));
    grad.set(series, [g.step, ...g.norms]);
  }

  function renderStats() {
    const stats = runState.stats;
    if (!stats) {
      for (const c of [deadContainer, activationContainer, weightContainer]) empty(c, 'insides.empty');
      return;
    }
    const byIndex = new Map(stats.layers.map((l) => [l.index, l]));
    const hidden = runState.blocks.filter((b) => !b.isHead);
    // Dead units: one bar per hidden layer whose activation is ReLU-like.
    const bars = [];
    const negative = [];  // leaky-family layers with units in the negative regime (alive, not dead)
    hidden.forEach((block, i) => {
      const layer = byIndex.get(block.activation);
      if (layer && (layer.deadFraction !== null && layer.deadFraction !== undefined)) {
        bars.push({ label: blockName(i), value: layer.deadFraction });
        const fn = runState.spec?.layers?.[block.activation]?.fn;
        if (fn !== 'relu' && layer.negativeFraction > 0) negative.push(`${blockName(i)} ${formatPercent(layer.negativeFraction, 0)}`);
      } else if (RELU_FAMILY.has(runState.spec?.layers?.[block.activation]?.fn)) bars.push({ label: blockName(i), value: null });
    });
    if (bars.length) {
      if (deadCanvas.parentElement !== deadContainer) deadContainer.replaceChildren(deadCanvas, deadNotes);
      drawBars(deadCanvas, bars, '#c0392b');
      const notes = [];
      if (bars.some((b) => b.value === 1)) notes.push(el('p', { class: 'hint', 'data-note': 'dead-layer' }, t('insides.deadLayer')));
      else if (bars.some((b) => b.value > 0)) notes.push(el('p', { class: 'hint', 'data-note': 'dead-some' }, t('insides.deadSome')));
      if (negative.length) notes.push(el('p', { class: 'hint', 'data-note': 'negative' }, t('insides.negativeRegime', { layers: negative.join(', ') })));
      deadNotes.replaceChildren(...notes);
    } else empty(deadContainer, 'insides.noRelu');

    if (hidden.length) {
      canvases(activationContainer, hidden.length).forEach((canvas, i) => {
        drawHistogram(canvas, blockName(i), byIndex.get(hidden[i].output)?.output?.histogram, layerColor(i, runState.blocks.length), t('insides.nonFinite'));
      });
    } else empty(activationContainer, 'builder.noHidden');
    canvases(weightContainer, runState.blocks.length).forEach((canvas, i) => {
      drawHistogram(canvas, blockName(i), byIndex.get(runState.blocks[i].dense)?.weights, layerColor(i, runState.blocks.length), t('insides.nonFinite'));
    });
  }

  onLanguageChange(() => { grad.relabel(); renderGradients(); renderStats(); });
  return {
    newRun() { grad.reset(); renderStats(); chain?.newRun(); },
    stats() { renderGradients(); renderStats(); chain?.stats(); },
    gradients() { renderGradients(); },  // redraw the gradient chart alone (its shared scale moved)
    resize() { grad.resize(); renderStats(); chain?.resize(); },
  };
}
