// "The chain rule, visible": per layer, from the output down, the mean |f'(z)| of its activation,
// the norm of its weights, their running products and the measured gradient, live with every
// statistics update (numbers from state/chain-factors.js). Clicking a layer shows the histogram
// of its f'(z) over the statistics sample, binned by the engine.

import { t, onLanguageChange } from '../i18n/i18n.js';
import { layerColor } from '../charts/colors.js';
import { drawHistogram } from '../charts/histogram.js';
import { chainFactors } from '../state/chain-factors.js';
import { el } from './dom.js';
import { formatNumber } from '../format.js';

const COLUMNS = ['layer', 'derivative', 'derivativeProduct', 'weightNorm', 'estimate', 'measured', 'weightGrad'];

export function createChainRule(container, runState) {
  const summary = el('p', { class: 'hint chain-summary', 'data-chain': 'summary' });
  const table = el('table', { class: 'chain-table', 'data-chain': 'table' });
  const scroller = el('div', { class: 'table-scroll' }, table);
  const caveat = el('p', { class: 'hint', 'data-chain': 'caveat' });
  const histogramTitle = el('p', { class: 'chain-histogram-title', 'data-chain': 'histogram-title' });
  const histogramCanvas = el('canvas', { 'data-chain': 'histogram' });
  const histogramBox = el('div', { class: 'chain-histogram hist-cell' }, histogramCanvas);
  const histogramNote = el('p', { class: 'hint', 'data-chain': 'histogram-note' });
  container.replaceChildren(summary, scroller, caveat, histogramTitle, histogramBox, histogramNote);
  let selected = null;  // the builder block whose f'(z) histogram is open

  const blockName = (i) => (runState.blocks[i]?.isHead ? t('insides.head') : t('insides.layer', { n: i + 1 }));
  const cell = (value, attrs = {}) => el('td', attrs, formatNumber(value, 3));

  function header() {
    return el('tr', {}, ...COLUMNS.map((key) => el('th', { scope: 'col', title: t(`chain.col.${key}.help`) }, t(`chain.col.${key}`))));
  }

  function row(r) {
    const name = blockName(r.block);
    const button = r.isHead
      ? el('span', {}, name)
      : el('button', { type: 'button', class: 'link-button', 'data-block': r.block, 'aria-pressed': String(selected === r.block),
        title: t('chain.showHistogram', { layer: name }) }, name);
    if (!r.isHead) button.addEventListener('click', () => { selected = selected === r.block ? null : r.block; render(); });
    return el('tr', { class: selected === r.block ? 'selected' : null, 'data-row': r.isHead ? 'head' : r.block },
      el('th', { scope: 'row' }, button),
      cell(r.derivativeMean, { 'data-field': 'derivative' }),
      cell(r.derivativeProduct, { 'data-field': 'derivativeProduct' }),
      cell(r.weightNorm, { 'data-field': 'weightNorm' }),
      cell(r.estimate, { 'data-field': 'estimate' }),
      cell(r.measured, { 'data-field': 'measured' }),
      cell(r.weightGradNorm, { 'data-field': 'weightGrad' }));
  }

  function renderHistogram(stats) {
    const layer = selected === null ? null : stats.layers.find((l) => l.index === runState.blocks[selected]?.activation);
    histogramBox.hidden = !layer;
    if (!layer) {
      histogramTitle.textContent = t('chain.clickHint');
      histogramNote.textContent = '';
      return;
    }
    const name = blockName(selected);
    histogramTitle.textContent = t('chain.histogramTitle', { layer: name });
    if (!layer.derivative) {
      histogramNote.textContent = t('chain.noDerivative');
      drawHistogram(histogramCanvas, name, null, '#888');
      return;
    }
    drawHistogram(histogramCanvas, `f′(z) · ${name}`, layer.derivative, layerColor(selected, runState.blocks.length), t('insides.nonFinite'));
    const total = layer.derivative.counts.reduce((a, b) => a + b, 0);
    const nearZero = layer.derivative.hi > layer.derivative.lo
      ? layer.derivative.counts[0] / Math.max(1, total) : null;
    histogramNote.textContent = t('chain.histogramNote', {
      count: total, mean: formatNumber(layer.derivativeMean, 3),
      lo: formatNumber(layer.derivative.lo, 3), hi: formatNumber(layer.derivative.hi, 3),
      first: nearZero === null ? '–' : `${(nearZero * 100).toFixed(0)} %`,
    });
  }

  function render() {
    const stats = runState.stats;
    // Before the first statistics the rows are there already, with dashes: the view keeps its height
    // when the numbers arrive (an embed's height is measured once the run exists).
    if (runState.blocks.length === 0) {
      summary.textContent = t('insides.empty');
      table.replaceChildren();
      caveat.textContent = '';
      histogramTitle.textContent = '';
      histogramNote.textContent = '';
      histogramBox.hidden = true;
      return;
    }
    if (selected !== null && (selected >= runState.blocks.length || runState.blocks[selected].isHead)) selected = null;
    const { rows } = chainFactors(runState.blocks, stats?.layers ?? []);
    table.replaceChildren(el('thead', {}, header()), el('tbody', {}, ...rows.map(row)));
    const bottom = rows[rows.length - 1];
    if (rows.length < 2) summary.textContent = t('chain.noHidden');
    else if (runState.diverged) summary.textContent = t('insides.gradientsDiverged', { step: runState.diverged.step });
    else {
      summary.textContent = t('chain.summary', {
        layers: rows.length - 1, product: formatNumber(bottom.derivativeProduct, 2),
        estimate: formatNumber(bottom.estimate, 2), measured: formatNumber(bottom.measured, 2),
      });
    }
    const extra = runState.blocks.some((b) => b.norm !== undefined || b.dropout !== undefined) ? ` ${t('chain.otherLayers')}` : '';
    caveat.textContent = t('chain.caveat') + extra;
    if (stats) renderHistogram(stats);
    else {
      histogramBox.hidden = true;
      histogramTitle.textContent = t('chain.clickHint');
      histogramNote.textContent = '';
    }
  }

  onLanguageChange(render);
  return { newRun() { selected = null; render(); }, stats: render, resize: render };
}
