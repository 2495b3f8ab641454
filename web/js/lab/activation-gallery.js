// Experiment 1: every elementwise activation with its derivative, both from engine.activationCurve
// (the core's own code), the formula typeset with KaTeX, and figures read off the engine's curve
// (slope at the origin, saturation for |x| > 4, ...) filled into each note.

import { el } from '../views/dom.js';
import { formulaElement } from '../views/formula.js';
import { formatNumber } from '../format.js';
import { createLineChart } from '../charts/line-chart.js';
import { createSection, createRunBar } from './section.js';
import { numberField, readFields } from '../views/fields.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { describeEngineError } from '../i18n/engine-errors.js';
import { ACTIVATION_BY_NAME } from '../catalog.js';

const POINTS = 241;
const F_COLOR = '#0877bd';
const DF_COLOR = '#f59322';

// The gallery's activations, each with the lab field that sets its alpha; the formulas are the
// engine's (its catalogue, src/core/activation_registry.cpp).
const GALLERY = [
  { name: 'linear' }, { name: 'sigmoid' }, { name: 'tanh' }, { name: 'relu' },
  { name: 'leaky_relu', alpha: 'leakyAlpha' }, { name: 'prelu', alpha: 'preluAlpha' }, { name: 'elu', alpha: 'eluAlpha' },
  { name: 'gelu' }, { name: 'silu' },
];
export const ACTIVATIONS = GALLERY.map((entry) => {
  const { formula, derivative } = ACTIVATION_BY_NAME[entry.name];
  return { ...entry, tex: [formula, derivative] };
});

// Figures a note can quote, all read off the engine's sampled curve.
export function curveFacts(curve) {
  const { x, value, derivative } = curve;
  const nearest = (target) => {
    if (target < x[0] || target > x[x.length - 1]) return -1;
    let best = 0;
    for (let i = 1; i < x.length; i++) if (Math.abs(x[i] - target) < Math.abs(x[best] - target)) best = i;
    return best;
  };
  let argmax = 0, fmin = Infinity, fmax = -Infinity, tail = null;
  for (let i = 0; i < x.length; i++) {
    if (derivative[i] > derivative[argmax]) argmax = i;
    fmin = Math.min(fmin, value[i]);
    fmax = Math.max(fmax, value[i]);
    if (Math.abs(x[i]) >= 4) tail = Math.max(tail ?? 0, Math.abs(derivative[i]));
  }
  const at = (target, array) => { const i = nearest(target); return i < 0 ? null : array[i]; };
  return {
    f0: at(0, value), fmin, fmax, maxd: derivative[argmax], argmaxX: x[argmax], tail,
    dMinus4: at(-4, derivative), dPlus4: at(4, derivative), dneg: at(-1, derivative),
  };
}

export function mountActivationGallery(parent, worker) {
  const section = createSection({ id: 'activations', number: 1, titleKey: 'lab.gallery.title', introKeys: ['lab.gallery.intro1', 'lab.gallery.intro2'] });
  const fields = [
    numberField({ key: 'lab.gallery.xmin', name: 'xmin', value: -6, min: -50, max: 50 }),
    numberField({ key: 'lab.gallery.xmax', name: 'xmax', value: 6, min: -50, max: 50 }),
    numberField({ key: 'lab.gallery.leakyAlpha', name: 'leakyAlpha', value: 0.01, min: 0, max: 1 }),
    numberField({ key: 'lab.gallery.preluAlpha', name: 'preluAlpha', value: 0.25, min: 0, max: 1 }),
    numberField({ key: 'lab.gallery.eluAlpha', name: 'eluAlpha', value: 1, min: 0.01, max: 5 }),
  ];
  const bar = createRunBar({ runKey: 'lab.draw', onRun: () => draw() });
  section.controls.append(...fields.map((f) => f.element), bar.element);
  const grid = el('div', { class: 'gallery-grid' });
  section.output.append(grid);
  parent.append(section.element);

  const cards = ACTIVATIONS.map((entry) => {
    const chartBox = el('div', { class: 'chart gallery-chart' });
    const facts = el('dl', { class: 'gallery-facts' });
    const note = el('p', { class: 'note' });
    const title = el('h3', {});
    const card = el('article', { class: 'gallery-card', 'data-activation': entry.name },
      title, el('div', { class: 'formula-box' }, ...entry.tex.map(formulaElement)), chartBox, facts, note);
    grid.append(card);
    const chart = createLineChart(chartBox, { title: () => '', xLabel: () => 'x', yLabel: () => '' });
    return { entry, card, chart, facts, note, title, curve: null };
  });

  function describe(card) {
    card.title.textContent = t(`lab.act.${card.entry.name}.name`);
    if (!card.curve) return;
    const f = curveFacts(card.curve);
    const n = (v) => formatNumber(v, 3);
    const rows = [
      ['lab.gallery.f0', n(f.f0)],
      ['lab.gallery.span', `${n(f.fmin)} … ${n(f.fmax)}`],
      ['lab.gallery.maxd', t('lab.gallery.at', { value: n(f.maxd), x: n(f.argmaxX) })],
      ['lab.gallery.tails', `${n(f.dMinus4)}, ${n(f.dPlus4)}`],
    ];
    card.facts.replaceChildren(...rows.flatMap(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)]));
    card.note.textContent = t(`lab.act.${card.entry.name}.note`, {
      f0: n(f.f0), fmin: n(f.fmin), maxd: n(f.maxd), tail: n(f.tail), dneg: n(f.dneg),
    });
    card.card.dataset.maxDerivative = String(f.maxd);
  }

  async function draw() {
    const values = readFields(fields);
    if (values && values.xmin >= values.xmax) { fields[0].fail(t('lab.gallery.rangeOrder')); bar.status(t('lab.fix'), 'error'); return; }
    if (!values) { bar.status(t('lab.fix'), 'error'); return; }
    bar.status('');
    try {
      await Promise.all(cards.map(async (card) => {
        const alpha = card.entry.alpha ? values[card.entry.alpha] : 0;
        card.curve = await worker.compute('curve', { name: card.entry.name, alpha, xmin: values.xmin, xmax: values.xmax, points: POINTS });
        card.chart.set([
          { label: t('lab.gallery.f'), color: F_COLOR, width: 2 },
          { label: t('lab.gallery.df'), color: DF_COLOR, width: 2, dash: [5, 3] },
        ], [Array.from(card.curve.x), Array.from(card.curve.value), Array.from(card.curve.derivative)]);
        describe(card);
        card.card.dataset.drawn = 'true';
      }));
      section.element.dataset.ready = 'true';
    } catch (error) {
      bar.status(t('lab.failed', { detail: describeEngineError(error.engine ?? error) }), 'error');
    }
  }

  onLanguageChange(() => { for (const card of cards) { describe(card); card.chart.relabel(); } });
  return { element: section.element, fields, draw, resize: () => cards.forEach((c) => c.chart.resize()) };
}
