// The page's side of the Lab worker: compute() returns a promise of one engine result; train()
// starts a job and calls the handlers as its progress arrives. The worker runs one job at a time,
// so starting a job ends the previous one (its onDone sees stopped: true).

import { TO_LAB, FROM_LAB } from './lab-protocol.js';

export function createLabWorker({ onReady, onFatal }) {
  const worker = new Worker(new URL('./lab-worker.js', import.meta.url), { type: 'module' });
  const pending = new Map();  // id -> { resolve, reject } of compute()
  const jobs = new Map();     // id -> handlers of train()
  let nextId = 1;

  worker.onmessage = (event) => {
    const m = event.data;
    switch (m.type) {
      case FROM_LAB.READY: onReady?.(m.flavor); break;
      case FROM_LAB.FATAL: onFatal?.(m.message); break;
      case FROM_LAB.RESULT: {
        const p = pending.get(m.id);
        pending.delete(m.id);
        // The rejection carries the engine's error (code, field, params) for describeEngineError.
        if (m.error) p?.reject(Object.assign(new Error(m.error.message), { engine: m.error })); else p?.resolve(m.result);
        break;
      }
      case FROM_LAB.PROGRESS: jobs.get(m.id)?.onProgress?.(m); break;
      case FROM_LAB.RUN_DONE: jobs.get(m.id)?.onRunDone?.(m); break;
      case FROM_LAB.DONE: {
        const handlers = jobs.get(m.id);
        jobs.delete(m.id);
        handlers?.onDone?.(m);
        break;
      }
      default: break;
    }
  };
  worker.onerror = (event) => onFatal?.(event.message || 'worker error');

  return {
    compute(what, args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: TO_LAB.COMPUTE, id, what, args });
      });
    },
    // job: { runs, concurrent, record, inputStats }; handlers: { onProgress, onRunDone, onDone }
    train(job, handlers) {
      const id = nextId++;
      jobs.set(id, handlers);
      worker.postMessage({ type: TO_LAB.TRAIN, id, ...job });
      return { id, stop: () => worker.postMessage({ type: TO_LAB.STOP, id }) };
    },
  };
}
