// Play / pause / step / reset, the speed slider and the step, epoch and learning-rate readouts.

import { t, onLanguageChange } from '../i18n/i18n.js';
import { formatNumber, formatCount } from '../format.js';

export function createRunbar({ play, step, reset, speed, speedLabel, stepOut, epochOut, lrOut, status }, store, runState, actions) {
  play.addEventListener('click', () => (runState.playing ? actions.pause() : actions.play()));
  step.addEventListener('click', () => actions.step());
  reset.addEventListener('click', () => actions.reset());
  speed.addEventListener('input', () => store.set({ speed: Number(speed.value) }));

  function refresh() {
    play.classList.toggle('playing', runState.playing);
    const key = runState.playing ? 'run.pause' : 'run.play';
    play.setAttribute('aria-label', t(key));
    play.title = t(key);
    play.disabled = Boolean(runState.diverged) || !runState.task;
    step.disabled = Boolean(runState.diverged) || !runState.task;
    speed.value = String(store.settings.speed);
    speedLabel.textContent = t(`speed.${store.settings.speed}`);
    stepOut.textContent = formatCount(runState.step);
    epochOut.textContent = runState.metrics ? formatCount(runState.metrics.epoch ?? 0) : '0';
    lrOut.textContent = formatNumber(runState.metrics?.learningRate ?? null, 3);
    const state = !runState.task ? 'loading' : runState.diverged ? 'diverged' : runState.playing ? 'training' : runState.step ? 'paused' : 'idle';
    status.dataset.state = state;
    status.textContent = runState.targetStep && runState.playing ? t('run.state.target', { step: runState.targetStep }) : t(`run.state.${state}`);
  }
  store.subscribe(refresh, ['speed']);
  onLanguageChange(refresh);
  refresh();
  return { refresh };
}
