// The data panel: a picture button per data set, the data settings, the split readout and
// "Regenerate" (a new data seed: new points, same everything else).

import { DATASETS, controlKeys, groupKeys } from '../state/settings.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { CLASS_COLORS } from '../charts/colors.js';
import { el, sizeCanvas } from './dom.js';
import { choiceLabel, renderControls } from './controls.js';
import { formatPercent } from '../format.js';
import { whenIdle } from '../when-idle.js';

// Schematic icons of each set (fixed pseudo-random points; only a picture, not the real data).
function iconPoints(kind) {
  let seed = 7;
  const rand = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  const points = [];
  for (let i = 0; i < 90; i++) {
    const u = rand() * 2 - 1, v = rand() * 2 - 1, a = rand() * Math.PI * 2;
    switch (kind) {
      case 'xor': points.push([u, v, u * v > 0 ? 1 : 0]); break;
      case 'circles': { const inner = i % 2; const r = inner ? 0.35 * rand() : 0.65 + 0.25 * rand(); points.push([r * Math.cos(a), r * Math.sin(a), inner]); break; }
      case 'gaussians': { const c = i % 2; points.push([(c ? 0.45 : -0.45) + 0.25 * u, (c ? 0.45 : -0.45) + 0.25 * v, c]); break; }
      case 'spiral': { const c = i % 2; const r = rand() * 0.9; const th = r * 7 + c * Math.PI; points.push([r * Math.cos(th), r * Math.sin(th), c]); break; }
      case 'moons': { const c = i % 2; const th = rand() * Math.PI; points.push(c ? [0.5 - Math.cos(th) * 0.6, 0.15 - Math.sin(th) * 0.6, 1] : [-0.3 + Math.cos(th) * 0.6, -0.1 + Math.sin(th) * 0.6, 0]); break; }
      case 'blobs': { const c = i % 3; const cx = [-0.5, 0.5, 0][c], cy = [-0.4, -0.4, 0.5][c]; points.push([cx + 0.2 * u, cy + 0.2 * v, c]); break; }
      case 'plane': points.push([u, v, (u + v) / 2]); break;
      default: points.push([u, v, Math.exp(-4 * ((u - 0.4) ** 2 + (v - 0.3) ** 2)) - Math.exp(-4 * ((u + 0.4) ** 2 + (v + 0.4) ** 2))]);
    }
  }
  return points;
}

const ICON_SIZE = 54;

function drawIcon(canvas, kind) {
  const size = ICON_SIZE;
  const ctx = sizeCanvas(canvas, size, size);
  ctx.fillStyle = '#f3f5f8';
  ctx.fillRect(0, 0, size, size);
  const regression = kind === 'plane' || kind === 'gaussian_bumps';
  for (const [x, y, c] of iconPoints(kind)) {
    ctx.fillStyle = regression ? (c >= 0 ? `rgba(8,119,189,${0.3 + 0.7 * Math.min(1, c)})` : `rgba(245,147,34,${0.3 + 0.7 * Math.min(1, -c)})`) : CLASS_COLORS[c];
    ctx.beginPath();
    ctx.arc((x + 1) * size / 2, (1 - y) * size / 2, 1.8, 0, Math.PI * 2);
    ctx.fill();
  }
}

export function createDataPanel({ picker, controls, splitReadout, regenerate }, store, messages) {
  const buttons = DATASETS.map((kind) => {
    const canvas = el('canvas', { style: `width:${ICON_SIZE}px;height:${ICON_SIZE}px` });
    const label = el('span');
    const button = el('button', { type: 'button', 'data-dataset': kind }, canvas, label);
    button.addEventListener('click', () => store.set({ dataset: kind }));
    return { kind, canvas, button, label };
  });
  // The pictures are drawn once the page is idle: canvas work (20-40 ms on a cold page) that the
  // first run need not wait for. The buttons, their names and their size are there at once.
  whenIdle(() => { for (const b of buttons) drawIcon(b.canvas, b.kind); }, { timeout: 1000 });
  picker.replaceChildren(...buttons.map((b) => b.button));
  renderControls(controls, controlKeys('data'), store, { messages });
  regenerate.addEventListener('click', () => store.set({ dataSeed: (store.settings.dataSeed + 1) % 2147483647 }));

  const refresh = () => {
    const s = store.settings;
    for (const b of buttons) {
      b.button.setAttribute('aria-pressed', String(b.kind === s.dataset));
      b.label.textContent = choiceLabel('dataset', b.kind).replace(/ \(.*\)$/, '');
      b.button.title = choiceLabel('dataset', b.kind);
    }
    const test = Math.max(0, 1 - s.trainRatio - s.validationRatio);
    const n = s.samples;
    splitReadout.textContent = `${t('data.testShare', { pct: formatPercent(test, 0) })} · ${t('data.split', {
      train: Math.round(n * s.trainRatio), validation: Math.round(n * s.validationRatio), test: Math.round(n * test) })}`;
  };
  store.subscribe(refresh, groupKeys('data'));
  onLanguageChange(refresh);
  refresh();
}
