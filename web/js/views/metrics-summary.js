// A text alternative for the heatmap and the curves: the step, then loss and accuracy of each split
// (training, validation, test) as sentences in a polite live region that a screen reader reads
// out. While training, the text is rewritten at most once every SUMMARY_INTERVAL_MS, so the
// reader is not flooded with numbers; when the run stops (pause, step, reset, a new run) or the
// language changes, it is rewritten at once.

import { t } from '../i18n/i18n.js';
import { formatNumber, formatPercent, formatCount } from '../format.js';

export const SUMMARY_INTERVAL_MS = 5000;
const SPLITS = ['train', 'validation', 'test'];

export function summaryText(runState) {
  const m = runState.metrics;
  if (!runState.task) return '';
  // Step and epoch as the run bar shows them.
  const head = t('summary.step', { step: formatCount(runState.step), epoch: formatCount(m?.epoch ?? 0) });
  if (runState.diverged) return `${head} ${t('summary.diverged', { step: runState.diverged.step })}`;
  if (!m) return `${head} ${t('summary.notTrained')}`;
  const regression = runState.task.kind === 'regression';
  const parts = SPLITS.filter((split) => m[split]).map((split) => t(regression ? 'summary.splitRegression' : 'summary.splitClassification', {
    split: t(`metrics.${split}`), loss: formatNumber(m[split].loss ?? null, 4), accuracy: formatPercent(m[split].accuracy ?? null) }));
  return [head, ...parts].join(' ');
}

export function createMetricsSummary(node, runState) {
  let lastWrite = -Infinity;
  let timer = 0;

  function write() {
    clearTimeout(timer);
    timer = 0;
    lastWrite = performance.now();
    const text = summaryText(runState);
    // The same words again would be read out again: only real changes go into the live region.
    if (node.textContent !== text) node.textContent = text;
  }

  return {
    // now: write without waiting (language switch); otherwise throttled while training.
    update({ now = false } = {}) {
      if (now || !runState.playing) { write(); return; }
      const wait = lastWrite + SUMMARY_INTERVAL_MS - performance.now();
      if (wait <= 0) write();
      else if (!timer) timer = setTimeout(write, wait);
    },
  };
}
