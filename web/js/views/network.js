// The network diagram, as in the TensorFlow Playground: one column per layer, a thumbnail per unit
// (what the unit computes over the plane, from run.grid(..., true)), links coloured by the sign of
// the weight and as wide as its magnitude.
// - The input column lists every feature: clicking one feeds it to the network or takes it out
//   (the same state as the feature tiles); inactive features are pale and have no links.
// - Pointing at a unit or focusing it shows it large in the heatmap (onFocus); its name and output
//   range are its accessible name.
// - Clicking a link, or Enter on a unit, opens the weight editor (views/weight-editor.js) for the
//   weights into that unit.
// - Each hidden layer has -/+ buttons for its units; a layer wider than SHOWN units is paged.
// The last thumbnails and weights are kept, so a resize or a language switch redraws at once.

import { t, onLanguageChange } from '../i18n/i18n.js';
import { drawField, featureField } from '../charts/field.js';
import { POSITIVE, NEGATIVE } from '../charts/colors.js';
import { FEATURES, MAX_UNITS } from '../state/settings.js';
import { formatNumber, unitsText } from '../format.js';
import { el, svg, sizeCanvas } from './dom.js';
import { featureLabel, toggleFeature } from './features.js';
import { choiceLabel } from './controls.js';
import { createWeightEditor } from './weight-editor.js';

export const SHOWN = 8;        // units drawn per layer (one page of a wide layer)
export const THUMB_RES = 20;   // grid resolution of a neuron thumbnail
const NODE = 30;
const GAP = 10;
const LABEL_H = 30;            // two lines of column label
const INPUT_NAME = 40;         // room left of the input thumbnails for their names
const touchSized = () => window.matchMedia('(max-width: 1023px), (pointer: coarse)').matches;

// The range of values[offset .. offset + count).
function valueRange(values, offset, count) {
  let min = Infinity, max = -Infinity;
  for (let k = offset; k < offset + count; k++) { min = Math.min(min, values[k]); max = Math.max(max, values[k]); }
  return Number.isFinite(min) ? { min, max } : null;
}

// options: { tooltip, store, messages, onFocus(focus | null), setView(patch), setWeight(layer, row, col, value) }
// focus: { key, name, values, res, range, block?, unit? } (block/unit for network units, values row by row).
export function createNetworkView(container, runState, { tooltip, store, messages, onFocus, setView, setWeight }) {
  let layout = null;   // { columns, links }
  let weights = null;
  let neurons = null;
  let offsets = [];    // first unit shown per block (pages of wide layers)
  let focused = null;  // node key under the pointer or keyboard focus
  const editor = createWeightEditor({ store, messages, setWeight, focusUnit: (block, unit) => nodeOf(block, unit)?.button.focus() });
  container.after(editor.element);
  // A diagram wider than its panel (a deep net, a narrow course frame) scrolls sideways: the frame
  // around it fades the edge where more of it lies (main.css: .diagram-frame[data-more]), so the
  // layers past the edge do not go unnoticed.
  const frame = el('div', { class: 'diagram-frame' });
  container.replaceWith(frame);
  frame.append(container);
  // A few pixels past the edge (the output's label on a phone) are no hidden layer: the fade would
  // cover the output unit itself for them.
  const HIDDEN_PX = 16;
  function markMore() {
    const more = [];
    if (container.scrollLeft > HIDDEN_PX) more.push('left');
    if (container.scrollWidth - container.scrollLeft - container.clientWidth > HIDDEN_PX) more.push('right');
    const text = more.join(' ');
    if (frame.dataset.more !== text) frame.dataset.more = text;
  }
  container.addEventListener('scroll', markMore, { passive: true });

  const layerName = (block) => (runState.blocks[block]?.isHead ? t('builder.outputLayer') : t('builder.layer', { n: block + 1 }));

  function columnLabel(block) {
    const b = runState.blocks[block];
    const units = runState.spec.layers[b.dense].units;
    if (b.isHead) return t('network.output');
    return `${unitsText(t, units)}\n${choiceLabel('activation', runState.spec.layers[b.activation]?.fn)}`;
  }

  function build() {
    if (!runState.task) return;
    const touch = touchSized();
    const button = touch ? 44 : 24;
    const top = button + 4 + LABEL_H;
    const active = runState.spec.data.features;
    const columns = [{ kind: 'input', units: FEATURES.length, start: 0, shown: FEATURES.length }];
    runState.blocks.forEach((b, i) => {
      const units = runState.spec.layers[b.dense].units;
      offsets[i] = Math.min(offsets[i] ?? 0, Math.max(0, units - 1) - (Math.max(0, units - 1) % SHOWN));
      columns.push({ kind: b.isHead ? 'head' : 'hidden', block: i, units, start: offsets[i], shown: Math.min(SHOWN, units - offsets[i]) });
    });
    const paged = columns.some((c) => c.units > SHOWN);
    const available = Math.max(container.clientWidth || 500, 300);
    // Columns at least as far apart as the -/+ pair above them (2 x 44 px on touch screens).
    const step = Math.max(touch ? 2 * button + 2 : 64, Math.min(130, (available - INPUT_NAME - NODE - 6) / Math.max(1, columns.length - 1)));
    const maxShown = Math.max(...columns.map((c) => c.shown));
    const height = top + maxShown * (NODE + GAP) + (paged ? button + 22 : 0);
    const width = INPUT_NAME + step * (columns.length - 1) + NODE + 6;
    const linkLayer = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true' });
    const children = [linkLayer];
    const place = (node, x, y) => { node.style.left = `${x}px`; node.style.top = `${y}px`; children.push(node); return node; };

    columns.forEach((column, c) => {
      column.x = INPUT_NAME + c * step;
      const offsetY = top + ((maxShown - column.shown) * (NODE + GAP)) / 2;
      column.nodes = Array.from({ length: column.shown }, (_, i) => {
        const y = offsetY + i * (NODE + GAP);
        return column.kind === 'input' ? inputNode(column, FEATURES[i], active, y, place) : unitNode(column, column.start + i, y, place);
      });
      const label = place(el('div', { class: 'column-label' }, column.kind === 'input' ? t('network.input') : columnLabel(column.block)),
        column.x + NODE / 2, button + 4);
      label.setAttribute('aria-hidden', 'true');
      if (column.kind === 'hidden') unitButtons(column, button, place);
      if (column.units > SHOWN) pager(column, offsetY + column.shown * (NODE + GAP), button, place);
    });

    // Links between neighbouring columns: from each linked source to each shown unit.
    const links = [];
    for (let c = 1; c < columns.length; c++) {
      const from = columns[c - 1], to = columns[c];
      for (const target of to.nodes) {
        for (const source of from.nodes) {
          const col = from.kind === 'input' ? source.col : source.unit;
          if (col === undefined) continue;  // an input feature the network does not use
          const x1 = from.x + NODE, y1 = source.y + NODE / 2, x2 = to.x, y2 = target.y + NODE / 2;
          const mid = (x1 + x2) / 2;
          const d = `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
          const line = svg('path', { class: 'link', d, stroke: '#c7ced8', 'stroke-width': 1 });
          const hit = svg('path', { class: 'link-hit', d });
          for (const node of [line, hit]) Object.assign(node.dataset, { block: String(to.block), row: String(target.unit), col: String(col) });
          linkLayer.append(line, hit);
          links.push(line);
        }
      }
    }
    container.replaceChildren(...children);
    container.style.height = `${height}px`;
    layout = { columns, links };
    editor.relabel();
    draw();
    // At the next frame, whose layout the page makes anyway: read now, the new diagram's size forced
    // a layout of the whole page in the middle of a new run's views being built.
    requestAnimationFrame(markMore);
  }

  function inputNode(column, name, active, y, place) {
    const col = active.indexOf(name);
    const canvas = el('canvas');
    sizeCanvas(canvas, NODE, NODE);
    drawField(canvas.getContext('2d'), featureField(name, THUMB_RES), THUMB_RES, NODE);
    const label = featureLabel(name);
    const button = el('button', { type: 'button', class: 'node feature-node', 'data-feature': name, 'aria-pressed': String(col >= 0),
      'aria-label': t('network.feature', { name: label }), title: t('network.feature', { name: label }) },
    el('span', { class: 'feature-name', 'aria-hidden': 'true' }, label), canvas);
    place(button, column.x - INPUT_NAME, y);
    button.addEventListener('click', () => toggleFeature(name, store, messages));
    const values = featureField(name, THUMB_RES);
    const node = { y, button, canvas, col: col >= 0 ? col : undefined,
      focus: () => ({ key: `f:${name}`, name: label, feature: name, values, res: THUMB_RES, range: valueRange(values, 0, values.length) }) };
    watchFocus(node);
    return node;
  }

  function unitNode(column, unit, y, place) {
    const canvas = el('canvas');
    sizeCanvas(canvas, NODE, NODE);
    const button = el('button', { type: 'button', class: 'node', 'data-block': column.block, 'data-unit': unit }, canvas);
    place(button, column.x, y);
    button.addEventListener('click', () => editor.open(column.block, unit, null));
    const node = { y, button, canvas, unit, block: column.block, units: column.units,
      focus: () => ({ key: `u:${column.block}:${unit}`, name: unitName(column.block, unit, column.units), block: column.block, unit, ...thumbnail(column.block, unit) }) };
    watchFocus(node);
    return node;
  }

  const unitName = (block, unit, count) => t('network.unit', { layer: layerName(block), unit: unit + 1, count });

  // The unit's thumbnail values and their range, or nothing before the first grid arrives.
  function thumbnail(block, unit) {
    const cells = THUMB_RES * THUMB_RES;
    const values = neurons?.[block];
    const i = unit - offsets[block];
    if (!values || i < 0 || (i + 1) * cells > values.length) return { values: null, res: THUMB_RES, range: null };
    return { values: values.subarray(i * cells, (i + 1) * cells), res: THUMB_RES, range: valueRange(values, i * cells, cells) };
  }

  function watchFocus(node) {
    const enter = () => { focused = node.focus().key; onFocus(node.focus()); };
    const leave = () => {
      // Pointer left but the keyboard focus is still on a unit (or the other way round): show that one.
      const still = container.querySelector('.node:focus-visible') ?? container.querySelector('.node:hover');
      const other = still && nodeByButton(still);
      focused = other ? other.focus().key : null;
      onFocus(other ? other.focus() : null);
    };
    node.button.addEventListener('pointerenter', enter);
    node.button.addEventListener('focus', enter);
    node.button.addEventListener('pointerleave', leave);
    node.button.addEventListener('blur', () => setTimeout(leave, 0));
  }

  const allNodes = () => layout?.columns.flatMap((c) => c.nodes) ?? [];
  const nodeByButton = (button) => allNodes().find((n) => n.button === button);
  const nodeOf = (block, unit) => allNodes().find((n) => n.block === block && n.unit === unit);

  function unitButtons(column, size, place) {
    const layers = () => store.settings.layers.map((l) => ({ ...l }));
    const change = (delta) => {
      const next = layers();
      const layer = next[column.block];
      if (!layer) return;
      layer.units = Math.max(1, Math.min(MAX_UNITS, layer.units + delta));
      store.set({ layers: next });
    };
    const minus = el('button', { type: 'button', class: 'unit-button', 'data-units': '-1', 'aria-label': t('network.removeUnit', { layer: layerName(column.block) }),
      title: t('network.removeUnit', { layer: layerName(column.block) }) }, '−');
    const plus = el('button', { type: 'button', class: 'unit-button', 'data-units': '+1', 'aria-label': t('network.addUnit', { layer: layerName(column.block) }),
      title: t('network.addUnit', { layer: layerName(column.block) }) }, '+');
    minus.disabled = column.units <= 1;
    plus.disabled = column.units >= MAX_UNITS;
    minus.addEventListener('click', () => change(-1));
    plus.addEventListener('click', () => change(1));
    for (const [b, dx] of [[minus, -size], [plus, 0]]) {
      b.style.width = `${size}px`; b.style.height = `${size}px`;
      place(b, column.x + NODE / 2 + dx + (dx ? -1 : 1), 0);
    }
  }

  function pager(column, y, size, place) {
    const pages = Math.ceil(column.units / SHOWN);
    const page = Math.floor(column.start / SHOWN);
    const go = (delta) => {
      offsets[column.block] = Math.max(0, Math.min(pages - 1, page + delta)) * SHOWN;
      setView({ neuronOffsets: offsets.slice() });
      const keep = document.activeElement?.dataset?.page;
      build();
      if (keep) container.querySelector(`[data-block-pager="${column.block}"] [data-page="${keep}"]`)?.focus();
    };
    const layer = layerName(column.block);
    const prev = el('button', { type: 'button', class: 'unit-button', 'data-page': 'prev', 'aria-label': t('network.prevUnits', { layer }), title: t('network.prevUnits', { layer }) }, '▲');
    const next = el('button', { type: 'button', class: 'unit-button', 'data-page': 'next', 'aria-label': t('network.nextUnits', { layer }), title: t('network.nextUnits', { layer }) }, '▼');
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    prev.addEventListener('click', () => go(-1));
    next.addEventListener('click', () => go(1));
    for (const b of [prev, next]) { b.style.width = `${size}px`; b.style.height = `${size}px`; }
    const range = el('span', { class: 'page-range' }, t('network.unitRange', { from: column.start + 1, to: column.start + column.shown, n: column.units }));
    const box = el('div', { class: 'pager', 'data-block-pager': column.block, role: 'group', 'aria-label': layer }, prev, next, range);
    place(box, column.x + NODE / 2, y);
  }

  // Thumbnails, accessible names and link colours from the last data (also after a rebuild).
  function draw() {
    if (!layout) return;
    for (const column of layout.columns) {
      if (column.kind === 'input') continue;
      for (const node of column.nodes) {
        const { values, range } = thumbnail(column.block, node.unit);
        const ctx = node.canvas.getContext('2d');
        if (values) drawField(ctx, values, THUMB_RES, NODE);
        else { ctx.fillStyle = '#eef1f5'; ctx.fillRect(0, 0, NODE, NODE); }
        const name = unitName(column.block, node.unit, column.units);
        const output = range ? ` ${t('network.unitOutput', { min: formatNumber(range.min, 3), max: formatNumber(range.max, 3) })}` : '';
        node.button.setAttribute('aria-label', `${name}.${output} ${t('network.unitHint')}`);
        node.button.title = name;
      }
    }
    if (focused) {
      const node = allNodes().find((n) => n.focus().key === focused);
      if (node) onFocus(node.focus());
    }
    if (!weights) return;
    let peak = 1e-9;
    for (const w of weights) if (w) for (const v of w.values) peak = Math.max(peak, Math.abs(v));
    for (const path of layout.links) {
      const value = weightAt(Number(path.dataset.block), Number(path.dataset.row), Number(path.dataset.col));
      if (value === null) continue;
      const color = value >= 0 ? POSITIVE : NEGATIVE;
      path.dataset.weight = String(value);
      path.setAttribute('stroke', `rgb(${color.join(',')})`);
      path.setAttribute('stroke-width', (0.4 + 4 * Math.sqrt(Math.abs(value) / peak)).toFixed(2));
      path.setAttribute('stroke-opacity', (0.35 + 0.6 * Math.abs(value) / peak).toFixed(2));
    }
    editor.refresh();
  }

  // W[row][col] of block b, when the last weights window holds it.
  function weightAt(b, row, col) {
    const w = weights?.[b];
    if (!w) return null;
    const r = row - w.rowStart, c = col - w.colStart;
    if (r < 0 || c < 0 || r >= w.rows || c >= w.cols) return null;
    return w.values[r * w.cols + c];
  }

  // The sources of block b's units that the diagram shows: active inputs, or the previous page.
  function sources(b) {
    const from = layout?.columns[b];
    if (!from) return [];
    return from.nodes.filter((n) => n.col !== undefined || n.unit !== undefined).map((n) => {
      const col = from.kind === 'input' ? n.col : n.unit;
      return { col, name: from.kind === 'input' ? featureLabel(runState.spec.data.features[col]) : unitName(from.block, n.unit, from.units) };
    });
  }
  editor.connect({ sources, weightAt, unitName: (b, u) => unitName(b, u, runState.spec.layers[runState.blocks[b].dense].units), denseLayer: (b) => runState.blocks[b].dense });

  container.addEventListener('mousemove', (event) => {
    const path = event.target.closest?.('path.link-hit');
    const value = path && weightAt(Number(path.dataset.block), Number(path.dataset.row), Number(path.dataset.col));
    if (value === null || value === undefined) { tooltip.hidden = true; return; }
    const b = Number(path.dataset.block);
    const from = sources(b).find((s) => s.col === Number(path.dataset.col))?.name ?? '?';
    tooltip.textContent = t('network.weight', { from, to: unitName(b, Number(path.dataset.row), layout.columns[b + 1].units), value: formatNumber(value, 4) });
    tooltip.hidden = false;
    tooltip.style.left = `${event.clientX + 12}px`;
    tooltip.style.top = `${event.clientY + 12}px`;
  });
  container.addEventListener('mouseleave', () => { tooltip.hidden = true; });
  container.addEventListener('click', (event) => {
    const path = event.target.closest?.('path.link-hit');
    if (path) editor.open(Number(path.dataset.block), Number(path.dataset.row), Number(path.dataset.col));
  });
  onLanguageChange(() => build());

  return {
    // A new run: first pages, nothing in focus, no data yet.
    newRun() {
      offsets = runState.blocks.map(() => 0);
      neurons = null; weights = null; focused = null;
      editor.close(false);
      onFocus(null);
      build();
    },
    relayout: build,
    update(newNeurons, newWeights) {
      if (!newNeurons && !newWeights) return;  // a heatmap-only message: nothing in the diagram changed
      if (newNeurons) neurons = newNeurons;
      if (newWeights) weights = newWeights;
      draw();
    },
  };
}
