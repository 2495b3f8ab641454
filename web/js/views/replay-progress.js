// A link's replay to its step count (steps=N): how far it got, an estimate of the time left from
// the speed so far, and Cancel. A link with steps=1000000 on a big network used to replay for
// days with no sign of it (issue 8, item 8). Cancel pauses the run at the step reached: it stays
// a normal run (Play goes on from there, Copy link records that step).

import { t, onLanguageChange } from '../i18n/i18n.js';
import { formatCount, formatPercent } from '../format.js';

// Seconds as "45 s", "3 min 20 s", "2 h 5 min", "4 d 3 h" in the current language.
export function formatDuration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('replay.seconds', { s });
  if (s < 3600) return t('replay.minutes', { m: Math.floor(s / 60), s: s % 60 });
  if (s < 86400) return t('replay.hours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
  return t('replay.days', { d: Math.floor(s / 86400), h: Math.floor((s % 86400) / 3600) });
}

// The estimate waits for this much replay, so the first slices (and compiling) don't skew it.
const ESTIMATE_AFTER_MS = 1000;

export function createReplayProgress({ box, bar, text, cancel }, runState, actions) {
  let start = null;  // { step, time, target } when this replay was first seen
  cancel.addEventListener('click', () => actions.pause());

  function refresh() {
    const replaying = Boolean(runState.targetStep && runState.playing);
    box.hidden = !replaying;
    if (!replaying) { start = null; return; }
    const now = performance.now();
    if (!start || start.target !== runState.targetStep) start = { step: runState.step, time: now, target: runState.targetStep };
    const target = runState.targetStep;
    bar.max = target;
    bar.value = Math.min(runState.step, target);
    const elapsed = now - start.time;
    const done = runState.step - start.step;
    const params = { step: formatCount(runState.step), target: formatCount(target), percent: formatPercent(runState.step / target) };
    if (elapsed < ESTIMATE_AFTER_MS || done <= 0) {
      text.textContent = t('replay.estimating', params);
    } else {
      const left = ((target - runState.step) / done) * (elapsed / 1000);
      text.textContent = t('replay.progress', { ...params, left: formatDuration(left) });
    }
  }
  onLanguageChange(refresh);
  refresh();
  return { refresh };
}
