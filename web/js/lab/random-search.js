// Experiment 4d: random search over learning rate and weight decay (both log-uniform, from a
// seeded generator), each trial a short training scored on a validation split; scatter plots,
// the best five, and "narrow the ranges" around them for a second, finer search.

import { el } from '../views/dom.js';
import { formatNumber, formatPercent } from '../format.js';
import { createSection } from './section.js';
import { numberField } from '../views/fields.js';
import { searchFields, trialHandlers, LR_LIMITS, DECAY_LIMITS } from './search-fields.js';
import { drawScatter } from '../charts/scatter-chart.js';
import { createTrainingBar } from './training-control.js';
import { randomTrials } from './search-trials.js';
import { imageData, searchTrialSpec } from './specs.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { oncePerFrame } from '../scheduling.js';

const TOP = 5;
const COLORS = { normal: '#8e9aab', highlight: '#d62728' };

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
  const shared = searchFields({ epochs: 10, train: 400, validation: 100, lrFrom: -6, lrTo: -2, decayFrom: -8, decayTo: -4, seed: 1 }, [trials]);
  const { fields, lrFrom, lrTo, decayFrom, decayTo } = shared;
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
    const v = shared.read(bar);
    if (!v) return;
    const { ranges } = v;
    search = { ranges, trials: randomTrials(v.trials, v.seed, ranges) };
    narrowed = null;
    const data = imageData({ train: v.train, validation: v.validation });
    draw();
    training.start({
      runs: search.trials.map((trial) => ({ images: true, epochs: v.epochs, spec: searchTrialSpec(data, trial) })),
      concurrent: 1, record: 'end',
    }, trialHandlers(search.trials, { bar, draw, drawSoon }));
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
