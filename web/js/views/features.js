// Input features as clickable tiles (like the TensorFlow Playground): each tile shows the feature
// over the plane; pressing it adds or removes it from the network's inputs (at least one stays).

import { FEATURES } from '../state/settings.js';
import { t } from '../i18n/i18n.js';
import { featureField, drawField } from '../charts/field.js';
import { el, sizeCanvas } from './dom.js';
import { whenIdle } from '../when-idle.js';

const LABELS = { x1: 'X₁', x2: 'X₂', 'x1^2': 'X₁²', 'x2^2': 'X₂²', 'x1*x2': 'X₁X₂', 'sin(x1)': 'sin(X₁)', 'sin(x2)': 'sin(X₂)' };
export const featureLabel = (name) => LABELS[name] ?? name;

// Adds or removes one input feature (the tiles and the diagram's input column share this); the
// last feature stays, with a message saying why.
export function toggleFeature(name, store, messages) {
  const current = store.settings.features;
  const next = current.includes(name) ? current.filter((f) => f !== name) : [...current, name];
  if (next.length === 0) { messages.show('warn', `${t('setting.features')}: ${t('err.minItems', { min: 1 })}`, 'features'); return; }
  messages.clear('features');
  store.set({ features: FEATURES.filter((f) => next.includes(f)) });
}

const TILE_SIZE = 48;
const TILE_RES = 24;

export function createFeatureToggles(container, store, messages) {
  const tiles = FEATURES.map((name) => {
    const canvas = el('canvas', { style: `width:${TILE_SIZE}px;height:${TILE_SIZE}px` });
    const tile = el('button', { type: 'button', class: 'feature-toggle', 'data-feature': name }, canvas, el('span', {}, featureLabel(name)));
    tile.addEventListener('click', () => toggleFeature(name, store, messages));
    return { name, canvas, tile };
  });
  // Drawn once the page is idle, like the data sets' pictures (data-panel.js).
  whenIdle(() => {
    for (const { name, canvas } of tiles) drawField(sizeCanvas(canvas, TILE_SIZE, TILE_SIZE), featureField(name, TILE_RES), TILE_RES, TILE_SIZE);
  }, { timeout: 1000 });
  container.replaceChildren(...tiles.map((x) => x.tile));
  const refresh = () => {
    for (const { name, tile } of tiles) tile.setAttribute('aria-pressed', String(store.settings.features.includes(name)));
  };
  store.subscribe(refresh, ['features']);
  refresh();
}
