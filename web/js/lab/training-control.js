// Connects one experiment's Run/Stop bar to a worker job: busy state, progress bar, elapsed time,
// and how the job ended (finished, stopped by the learner, replaced by another experiment, failed).

import { t } from '../i18n/i18n.js';
import { createRunBar } from './section.js';
import { describeEngineError } from '../i18n/engine-errors.js';

export function createTrainingControl(worker, bar, element) {
  let current = null;  // { handle, stopRequested, start }

  function elapsed(start) {
    return ((performance.now() - start) / 1000).toFixed(1);
  }

  return {
    get running() { return Boolean(current); },
    // job: see train() in ../worker-pool.js; handlers: { onProgress, onRunDone, onDone }
    start(job, handlers = {}) {
      const me = { stopRequested: false, start: performance.now() };
      current = me;
      bar.busy(true);
      element.dataset.state = 'running';
      bar.progress(0);
      bar.status(t('lab.starting'));
      me.handle = worker.train(job, {
        onProgress(m) {
          if (current !== me) return;
          bar.progress(m.fraction);
          bar.status(t('lab.progress', { percent: Math.round(m.fraction * 100), seconds: elapsed(me.start) }));
          handlers.onProgress?.(m);
        },
        onRunDone(m) {
          if (current !== me) return;
          bar.progress(m.fraction);
          handlers.onRunDone?.(m);
        },
        onDone(m) {
          if (current !== me) return;  // cannot happen while Run is disabled during a job; guards anyway
          current = null;
          bar.busy(false);
          const seconds = (m.elapsedMs / 1000).toFixed(1);
          if (m.error) bar.status(t('lab.failed', { detail: describeEngineError(m.error) }), 'error');
          else if (m.stopped) bar.status(t(me.stopRequested ? 'lab.stopped' : 'lab.replaced', { seconds }), 'stopped');
          else { bar.progress(1); bar.status(t('lab.done', { seconds }), 'done'); }
          handlers.onDone?.(m);
          // Set last, after the views drew their final state: tests and learners read it as "finished".
          element.dataset.state = m.stopped || m.error ? 'stopped' : 'done';
        },
      });
    },
    stop() {
      if (!current) return;
      current.stopRequested = true;
      current.handle.stop();
    },
  };
}

// The Run/Stop bar of a training experiment wired to its control; `element` (the section) carries
// data-state = running | done | stopped. Until the first run its status line says that the charts
// below fill in on Run: they are empty boxes before.
export function createTrainingBar(worker, element, onRun) {
  let training = null;
  const bar = createRunBar({ stoppable: true, onRun, onStop: () => training.stop(), idleKey: 'lab.pressRun' });
  training = createTrainingControl(worker, bar, element);
  return { bar, training };
}
