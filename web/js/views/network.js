// The network diagram: one column per layer, a thumbnail per neuron (what the unit computes over
// the plane, from run.grid(..., true)), links coloured by the sign of the weight and as wide as
// its magnitude; hovering a link shows the weight. Wide layers show their first SHOWN units.

import { t } from '../i18n/i18n.js';
import { drawField, featureField } from '../charts/field.js';
import { POSITIVE, NEGATIVE } from '../charts/colors.js';
import { formatNumber, unitsText } from '../format.js';
import { el, svg, sizeCanvas } from './dom.js';
import { featureLabel } from './features.js';
import { choiceLabel } from './controls.js';

export const SHOWN = 8;        // units drawn per layer
export const THUMB_RES = 20;   // grid resolution of a neuron thumbnail
const NODE = 30;
const GAP = 10;
const TOP = 34;

export function createNetworkView(container, tooltip) {
  let layout = null;   // { columns: [{ x, nodes: [{ y, canvas }], units }], width, height }
  let weights = null;

  function build(runState, settings) {
    const columns = [];
    const inputCount = settings.features.length;
    columns.push({ units: inputCount, label: t('network.input'), names: settings.features.map(featureLabel) });
    runState.blocks.forEach((block, i) => {
      const units = runState.spec.layers[block.dense].units;
      const label = block.isHead ? t('network.output') : `${unitsText(t, units)}\n${choiceLabel('activation', settings.layers[i]?.activation)}`;
      columns.push({ units, label, isHead: Boolean(block.isHead) });
    });
    const available = Math.max(container.clientWidth || 500, 300);
    const step = Math.max(64, Math.min(130, (available - NODE - 40) / Math.max(1, columns.length - 1)));
    const maxShown = Math.max(...columns.map((c) => Math.min(c.units, SHOWN)));
    const height = TOP + maxShown * (NODE + GAP) + 24;
    const width = 20 + step * (columns.length - 1) + NODE + 20;
    const links = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}` });
    const children = [links];
    columns.forEach((column, c) => {
      column.x = 20 + c * step;
      const shown = Math.min(column.units, SHOWN);
      const offset = TOP + ((maxShown - shown) * (NODE + GAP)) / 2;
      column.nodes = Array.from({ length: shown }, (_, u) => {
        const y = offset + u * (NODE + GAP);
        const canvas = el('canvas', { class: 'node', title: column.names?.[u] ?? `${column.label} #${u + 1}` });
        canvas.style.left = `${column.x}px`;
        canvas.style.top = `${y}px`;
        sizeCanvas(canvas, NODE, NODE);
        children.push(canvas);
        return { y, canvas };
      });
      const label = el('div', { class: 'column-label' }, column.label);
      label.style.left = `${column.x + NODE / 2}px`;
      label.style.top = '0px';
      children.push(label);
      if (column.units > shown) {
        const more = el('div', { class: 'more' }, t('network.more', { n: column.units - shown }));
        more.style.left = `${column.x + NODE / 2}px`;
        more.style.top = `${offset + shown * (NODE + GAP) - 4}px`;
        children.push(more);
      }
    });
    // Links between neighbouring columns (drawn shown x shown).
    const paths = [];
    for (let c = 1; c < columns.length; c++) {
      const from = columns[c - 1], to = columns[c];
      to.nodes.forEach((target, r) => from.nodes.forEach((source, s) => {
        const x1 = from.x + NODE, y1 = source.y + NODE / 2, x2 = to.x, y2 = target.y + NODE / 2;
        const mid = (x1 + x2) / 2;
        const path = svg('path', { class: 'link', d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`, stroke: '#c7ced8', 'stroke-width': 1 });
        path.dataset.block = String(c - 1);
        path.dataset.row = String(r);
        path.dataset.col = String(s);
        links.append(path);
        paths.push(path);
      }));
    }
    container.replaceChildren(...children);
    container.style.height = `${height}px`;
    // Input thumbnails never change: draw them once.
    settings.features.forEach((name, u) => {
      if (columns[0].nodes[u]) drawField(columns[0].nodes[u].canvas.getContext('2d'), featureField(name, THUMB_RES), THUMB_RES, NODE);
    });
    layout = { columns, paths };
    weights = null;
  }

  function update(neurons, newWeights) {
    if (!layout) return;
    const cells = THUMB_RES * THUMB_RES;
    neurons?.forEach((values, b) => {
      const column = layout.columns[b + 1];
      column?.nodes.forEach((node, u) => {
        if ((u + 1) * cells <= values.length) drawField(node.canvas.getContext('2d'), values, THUMB_RES, NODE, u * cells);
      });
    });
    if (!newWeights) return;
    weights = newWeights;
    let peak = 1e-9;
    for (const w of weights) if (w) for (const v of w.values) peak = Math.max(peak, Math.abs(v));
    for (const path of layout.paths) {
      const w = weights[Number(path.dataset.block)];
      const r = Number(path.dataset.row), c = Number(path.dataset.col);
      if (!w || r >= w.rows || c >= w.cols) continue;
      const value = w.values[r * w.cols + c];
      const color = value >= 0 ? POSITIVE : NEGATIVE;
      path.setAttribute('stroke', `rgb(${color.join(',')})`);
      path.setAttribute('stroke-width', (0.4 + 4 * Math.sqrt(Math.abs(value) / peak)).toFixed(2));
      path.setAttribute('stroke-opacity', (0.35 + 0.6 * Math.abs(value) / peak).toFixed(2));
    }
  }

  container.addEventListener('mousemove', (event) => {
    const path = event.target.closest?.('path.link');
    if (!path || !weights) { tooltip.hidden = true; return; }
    const b = Number(path.dataset.block), r = Number(path.dataset.row), c = Number(path.dataset.col);
    const w = weights[b];
    if (!w || r >= w.rows || c >= w.cols) { tooltip.hidden = true; return; }
    const from = b === 0 ? layout.columns[0].names[c] : `L${b}.${c + 1}`;
    const to = layout.columns[b + 1].isHead ? `${t('network.output')} ${r + 1}` : `L${b + 1}.${r + 1}`;
    tooltip.textContent = t('network.weight', { from, to, value: formatNumber(w.values[r * w.cols + c], 4) });
    tooltip.hidden = false;
    tooltip.style.left = `${event.clientX + 12}px`;
    tooltip.style.top = `${event.clientY + 12}px`;
  });
  container.addEventListener('mouseleave', () => { tooltip.hidden = true; });

  return { build, update };
}
