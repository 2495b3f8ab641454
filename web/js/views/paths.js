// The optimizer-paths view: several optimizers race on a 2-D test function from the same start.
// Preset to the book's race (x²/20 + y² from (-7, 2), 30 steps, SGD 0.95, Momentum 0.1,
// AdaGrad 1.5, Adam 0.3). The engine computes the paths (engine.optimizerPath) in the worker.

import { PATH_OPTIMIZERS, PATH_LR_KEY, SETTING_BY_KEY, controlKeys, groupKeys } from '../state/settings.js';
import { parseValue } from '../state/validate.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { OPTIMIZER_COLORS } from '../charts/colors.js';
import { drawContour } from '../charts/contour.js';
import { formatNumber } from '../format.js';
import { el } from './dom.js';
import { choiceLabel, renderControls } from './controls.js';
import { PATH_DEFAULTS } from '../lessons/path-defaults.js';
import { pathOutcome } from './path-outcome.js';
import { DELAY_MS, debounced } from '../scheduling.js';

const PATH_KEYS = groupKeys('paths');  // the race: function, start, steps, optimizers and their rates
const RESOLUTION = 160;

export function createPathsView({ canvas, controls, optimizerBox, bookButton, legend }, store, messages, send) {
  renderControls(controls, controlKeys('paths'), store, { messages });
  // Picking a function starts its own race (start, steps, rates): the book's numbers leave the plot
  // on the others. Only a learner's pick does this, so a link's own start and rates are kept.
  controls.addEventListener('change', (event) => {
    if (!event.target.closest('[data-setting="pathFunction"]')) return;
    const race = PATH_DEFAULTS[store.settings.pathFunction];
    const patch = { pathStartX: race.start[0], pathStartY: race.start[1], pathSteps: race.steps };
    for (const [optimizer, rate] of Object.entries(race.learningRates)) patch[PATH_LR_KEY[optimizer]] = rate;
    store.set(patch);
  });
  let last = null;

  const rows = PATH_OPTIMIZERS.map((name) => {
    const box = el('input', { type: 'checkbox', 'data-optimizer': name });
    const lr = el('input', { type: 'number', step: 'any', 'data-optimizer-lr': name });
    const label = el('label', { for: `path-${name}` });
    box.id = `path-${name}`;
    box.addEventListener('change', () => {
      const chosen = store.settings.pathOptimizers.filter((o) => o !== name);
      if (box.checked) chosen.push(name);
      store.set({ pathOptimizers: PATH_OPTIMIZERS.filter((o) => chosen.includes(o)) });
    });
    lr.addEventListener('change', () => {
      const parsed = parseValue(SETTING_BY_KEY[PATH_LR_KEY[name]], lr.value);
      lr.classList.toggle('invalid', Boolean(parsed.error));
      if (parsed.error) return;
      store.set({ [PATH_LR_KEY[name]]: parsed.value });
    });
    optimizerBox.append(box, label, lr);
    return { name, box, lr, label };
  });

  bookButton.addEventListener('click', () => {
    const patch = {};
    for (const key of PATH_KEYS) patch[key] = structuredClone(SETTING_BY_KEY[key].default);
    store.set(patch);
  });

  function refreshControls() {
    const s = store.settings;
    for (const row of rows) {
      row.box.checked = s.pathOptimizers.includes(row.name);
      row.label.replaceChildren(el('span', { class: 'swatch line', style: `background:${OPTIMIZER_COLORS[row.name]}` }), choiceLabel('optimizer', row.name));
      if (document.activeElement !== row.lr) row.lr.value = String(s[PATH_LR_KEY[row.name]]);
      row.lr.setAttribute('aria-label', `${choiceLabel('optimizer', row.name)} ${t('paths.lr')}`);
    }
  }

  function request() {
    const s = store.settings;
    send({
      function: s.pathFunction, start: [s.pathStartX, s.pathStartY], steps: s.pathSteps, resolution: RESOLUTION,
      runs: s.pathOptimizers.map((name) => ({ name, optimizer: { kind: name, learning_rate: s[PATH_LR_KEY[name]] } })),
    });
  }

  function draw() {
    if (!last) return;
    const width = Math.max(280, Math.min(560, canvas.parentElement.clientWidth || 560));
    const outcomes = last.paths.map((p) => pathOutcome(p.points, last.steps, last.function));
    drawContour(canvas, width, last.function, last.grid, last.resolution, last.paths, outcomes);
    legend.replaceChildren(...last.paths.map((p, i) => {
      const { final, divergedAt, leftAt } = outcomes[i];
      // A diverged or escaped path says so: a bare "final value 3e+73" would read as a result.
      const fate = divergedAt !== null ? t('paths.diverged', { step: divergedAt })
        : t('paths.final', { value: formatNumber(final, 3) }) + (leftAt !== null ? `, ${t('paths.left', { step: leftAt })}` : '');
      return el('span', { 'data-path': p.name, 'data-fate': divergedAt !== null ? 'diverged' : leftAt !== null ? 'left' : 'inside' },
        el('span', { class: 'swatch line', style: `background:${OPTIMIZER_COLORS[p.name]}` }),
        `${choiceLabel('optimizer', p.name)} (${t('paths.lr')} ${formatNumber(store.settings[PATH_LR_KEY[p.name]])}): ${fate}`);
    }), el('span', { class: 'hint', 'data-marked': last.function.markedPoint, 'data-function': last.function.name },
      `× ${t(last.function.markedPoint === 'saddle_point' ? 'paths.saddlePoint' : 'paths.minimum')}: ${last.function.formula ?? ''}`));
  }

  const requestLater = debounced(DELAY_MS.pathsRequest, request);
  store.subscribe(() => { refreshControls(); requestLater.schedule(); }, PATH_KEYS);
  onLanguageChange(() => { refreshControls(); draw(); });
  window.addEventListener('resize', draw);
  refreshControls();

  return {
    request,
    received(message) { last = message; draw(); },
  };
}
