// Experiment 4d: random search over learning rate and weight decay (both log-uniform, from a
// seeded generator), each trial a short training scored on a validation split; scatter plots,
// the best five, and "narrow the ranges" around them for a second, finer search.

import { el } from '../views/dom.js';
import { formatNumber, formatPercent } from '../format.js';
import { createSection } from './section.js';
import { numberField, readFields } from '../views/fields.js';
import { drawScatter } from '../charts/scatter-chart.js';
import { createTrainingBar } from './training-control.js';
import { createRng, logUniform } from './rng.js';
import { imageData, imageSpec, mlp, IMAGE_CLASSES, IMAGE_COUNT } from './specs.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { oncePerFrame } from '../scheduling.js';

const TOP = 5;
const COLORS = { normal: '#8e9aab', highlight: '#d62728' };
const LR_LIMITS = [-8, 1];
const DECAY_LIMITS = [-10, 0];

// The exponent span of the best trials, widened a little so the next search can still move.
export function narrowedRange(values, limits, margin = 0.2) {
  const exps = values.map(Math.log10);
  const lo = Math.max(limits[0], Math.floor((Math.min(...exps) - margin) * 10) / 10);
  const hi = Math.min(limits[1], Math.ceil((Math.max(...exps) + margin) * 10) / 10);
  return [lo, hi];
}

export function mountRandomSearch(parent, worker) {
  const section = createSection({
    id: 'random-search', number: '4d', titleKey: 'lab.rs.title', introKeys: ['lab.rs.intro1', 'lab.rs.intro2'],
    formulas: ['\\eta = 10^{u},\\; u \\sim U(a, b) \\qquad \\lambda = 10^{v},\\; v \\sim U(c, d)'],
  });
  const trials = numberField({ key: 'lab.rs.trials', name: 'trials', value: 100, min: 1, max: 300, integer: true });
  const epochs = numberField({ key: 'lab.epochs', name: 'epochs', value: 10, min: 1, max: 50, integer: true });
  const train = numberField({ key: 'lab.trainImages', name: 'train', value: 400, min: 50, max: IMAGE_COUNT - 50, integer: true });
  const validation = numberField({ key: 'lab.validationImages', name: 'validation', value: 100, min: 20, max: IMAGE_COUNT - 50, integer: true });
  const lrFrom = numberField({ key: 'lab.rs.lrFrom', name: 'lrFrom', value: -6, min: LR_LIMITS[0], max: LR_LIMITS[1] });
  const lrTo = numberField({ key: 'lab.rs.lrTo', name: 'lrTo', value: -2, min: LR_LIMITS[0], max: LR_LIMITS[1] });
  const decayFrom = numberField({ key: 'lab.rs.decayFrom', name: 'decayFrom', value: -8, min: DECAY_LIMITS[0], max: DECAY_LIMITS[1] });
  const decayTo = numberField({ key: 'lab.rs.decayTo', name: 'decayTo', value: -4, min: DECAY_LIMITS[0], max: DECAY_LIMITS[1] });
  const seed = numberField({ key: 'lab.rs.seed', name: 'seed', value: 1, min: 0, max: 2 ** 31 - 1, integer: true });
  const fields = [trials, epochs, train, validation, lrFrom, lrTo, decayFrom, decayTo, seed];
  const { bar, training } = createTrainingBar(worker, section.element, () => start());
  section.controls.append(...fields.map((f) => f.element), bar.element);

  const lrCanvas = el('canvas', {});
  const decayCanvas = el('canvas', {});
  const ranked = el('ol', { class: 'ranked' });
  const narrow = el('button', { type: 'button', class: 'button small', 'data-i18n': 'lab.rs.narrow', disabled: true }, t('lab.rs.narrow'));
  const narrowNote = el('p', { class: 'hint', role: 'status' });
  section.output.append(el('div', { class: 'lab-three rs-layout' },
    el('div', { class: 'scatter-box' }, lrCanvas), el('div', { class: 'scatter-box' }, decayCanvas),
    el('div', { class: 'rs-ranked' }, el('h3', { class: 'lab-subtitle', 'data-i18n': 'lab.rs.best' }, t('lab.rs.best')), ranked, narrow, narrowNote)));
  parent.append(section.element);

  let search = null;  // { trials: [{ lr, decay, accuracy, diverged }], ranges, done }
  let narrowed = null;

  function best() {
    return search.trials.filter((trial) => trial.accuracy !== null).sort((a, b) => b.accuracy - a.accuracy).slice(0, TOP);
  }

  function draw() {
    if (!search) return;
    const top = new Set(best());
    const points = (key) => search.trials.filter((trial) => trial.accuracy !== null).map((trial) => ({ x: trial[key], y: trial.accuracy, highlight: top.has(trial) }));
    drawScatter(lrCanvas, { title: t('lab.rs.byLr'), xLabel: t('lab.lr'), yLabel: t('lab.validation'), xExpRange: search.ranges.lr, points: points('lr'), colors: COLORS });
    drawScatter(decayCanvas, { title: t('lab.rs.byDecay'), xLabel: t('lab.rs.decay'), yLabel: t('lab.validation'), xExpRange: search.ranges.decay, points: points('decay'), colors: COLORS });
    ranked.replaceChildren(...[...top].map((trial, i) => el('li', { 'data-rank': i + 1, 'data-accuracy': String(trial.accuracy) },
      t('lab.rs.item', { acc: formatPercent(trial.accuracy), lr: formatNumber(trial.lr, 2), decay: formatNumber(trial.decay, 2) }))));
    narrow.disabled = top.size < 2 || training.running;
    narrowNote.textContent = narrowed ? t('lab.rs.narrowed', narrowed) : '';
  }

  const drawSoon = oncePerFrame(draw);

  function start() {
    const v = readFields(fields);
    let ok = Boolean(v);
    if (v && v.train + v.validation > IMAGE_COUNT) { validation.fail(t('field.integer', { min: 20, max: IMAGE_COUNT - v.train })); ok = false; }
    if (v && v.lrFrom >= v.lrTo) { lrTo.fail(t('lab.rs.order')); ok = false; }
    if (v && v.decayFrom >= v.decayTo) { decayTo.fail(t('lab.rs.order')); ok = false; }
    if (!ok) { bar.status(t('lab.fix'), 'error'); return; }
    const next = createRng(v.seed);
    search = {
      ranges: { lr: [v.lrFrom, v.lrTo], decay: [v.decayFrom, v.decayTo] },
      trials: Array.from({ length: v.trials }, () => ({ lr: logUniform(next, v.lrFrom, v.lrTo), decay: logUniform(next, v.decayFrom, v.decayTo), accuracy: null, diverged: false })),
    };
    narrowed = null;
    const data = imageData({ train: v.train, validation: v.validation });
    const layers = mlp({ hidden: [50, 50], outputs: IMAGE_CLASSES });
    draw();
    let done = 0;
    training.start({
      runs: search.trials.map((trial) => ({ images: true, epochs: v.epochs,
        spec: imageSpec({ data, layers, batch: 50, optimizer: { kind: 'sgd', learning_rate: trial.lr, l2: trial.decay } }) })),
      concurrent: 1, record: 'end',
    }, {
      onRunDone(m) {
        const trial = search.trials[m.run];
        trial.diverged = Boolean(m.diverged);
        trial.accuracy = m.diverged ? null : m.metrics.validation.accuracy;
        done += 1;
        bar.status(t('lab.rs.count', { done, n: search.trials.length }));
        drawSoon();
      },
      onDone: draw,
    });
  }

  narrow.addEventListener('click', () => {
    const top = best();
    if (top.length < 2) return;
    const [a, b] = narrowedRange(top.map((trial) => trial.lr), LR_LIMITS);
    const [c, d] = narrowedRange(top.map((trial) => trial.decay), DECAY_LIMITS);
    lrFrom.set(a); lrTo.set(b); decayFrom.set(c); decayTo.set(d);
    narrowed = { a, b, c, d };
    drawSoon();
  });

  onLanguageChange(draw);
  return { element: section.element, fields, resize: draw };
}
