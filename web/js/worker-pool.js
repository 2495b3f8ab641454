// The lab's workers (worker.js serving the lab's handlers, through worker-bridge.js): one answers
// the small computations; a batch job's runs are spread over up to `size` of them, so independent
// runs train in parallel. A run is deterministic (its spec holds its seed), so a run gives the same
// numbers in whichever worker it trains: only the wall time changes.
//
// The image data set is read once (loadImages) and sent once to each worker that trains image
// runs. Without cross-origin isolation a page cannot share memory with its workers, so each gets its
// own copy (structured clone; 3 MB for the Fashion-MNIST subset).

import { startWorker } from './worker-bridge.js';
import { TO_WORKER, FROM_WORKER } from './protocol.js';
import { errorPayload } from './engine-error.js';

export const MAX_WORKERS = 4;  // each holds an engine and its runs; more rarely pays on a laptop

// The parallel workers this device has room for.
export function poolSize(cores = globalThis.navigator?.hardwareConcurrency) {
  return Math.max(1, Math.min(MAX_WORKERS, Math.floor(cores) || 1));
}

// The runs each of `count` workers trains: round robin, so runs that are compared side by side
// (neighbours in the job) train at the same time on different workers.
export function shareRuns(runs, count) {
  const shares = Array.from({ length: Math.min(count, runs.length) }, () => []);
  runs.forEach((run, index) => shares[index % shares.length].push({ ...run, index }));
  return shares;
}

// options: { size, onReady(flavor), onFatal(message), loadImages() -> Promise<{ images, labels }> }
export function createWorkerPool({ size = poolSize(), onReady, onFatal, loadImages }) {
  const members = [];  // { bridge, hasImages, failed }
  let current = null;   // the job in progress: { stop(), memberFailed(member, message) }
  function member(i) {
    while (members.length <= i) {
      const m = { bridge: null, hasImages: false, failed: null };
      // Only the first worker's READY stands for the page's engine; the others start on demand.
      const handlers = members.length === 0 ? { [FROM_WORKER.READY]: (r) => onReady?.(r.flavor) } : {};
      m.bridge = startWorker('lab').connect({ ...handlers, [FROM_WORKER.FATAL]: (f) => {
        m.failed = f.message;
        onFatal?.(f.message);
        current?.memberFailed(m);  // its share of the job would never end
      } });
      members.push(m);
    }
    return members[i];
  }
  member(0);

  async function sendImages(used) {
    const missing = used.filter((m) => !m.hasImages);
    if (missing.length === 0) return;
    const { images, labels } = await loadImages();
    for (const m of missing) {
      if (m.hasImages) continue;
      m.bridge.send(TO_WORKER.IMAGES, { images, labels });
      m.hasImages = true;
    }
  }

  return {
    size,
    // One engine computation (COMPUTE): a promise of its result.
    compute(what, args) {
      return member(0).bridge.request(TO_WORKER.COMPUTE, { what, args });
    },

    // job: { runs: [{ spec, epochs, images }], concurrent, record, inputStats, inputGradients } (see
    // TRAIN_JOB in protocol.js; `concurrent` applies within each worker's share).
    // handlers: { onProgress, onRunDone, onDone }, called as if one worker trained the whole job:
    // runs are named by their index in job.runs and `fraction` is the whole job's.
    // A new job replaces the one in progress, which ends as stopped. Returns { stop() }.
    train(job, handlers) {
      current?.stop();
      const shares = shareRuns(job.runs, size);
      const epochsOf = (runs) => runs.reduce((sum, r) => sum + r.epochs, 0);
      const total = epochsOf(job.runs);
      const parts = shares.map((runs, w) => ({ member: member(w), runs, epochs: epochsOf(runs), fraction: 0, id: 0, done: null }));
      const start = performance.now();
      const me = { stopped: false, finished: false };
      const fraction = () => (total > 0 ? parts.reduce((sum, p) => sum + p.fraction * p.epochs, 0) / total : 1);
      const finish = (outcome) => {
        if (me.finished) return;
        me.finished = true;
        if (current === me) current = null;
        handlers.onDone?.({ stopped: outcome.stopped, error: outcome.error ?? null, elapsedMs: performance.now() - start });
      };
      me.stop = () => {
        me.stopped = true;
        const running = parts.filter((p) => p.id && !p.done);
        for (const p of running) p.member.bridge.send(TO_WORKER.STOP_JOB, { id: p.id });
        if (running.length === 0) finish({ stopped: true });  // nothing sent yet (the images were loading)
      };
      current = me;

      // A worker whose engine failed to start never answers: its share fails the job.
      const startFailure = (message) => ({ code: 'invalid', field: '', params: {}, message });
      me.memberFailed = (failed) => {
        for (const part of parts) if (part.member === failed && part.id && !part.done) partDone(part, { error: startFailure(failed.failed) });
      };

      function partDone(part, m) {
        part.done = m;
        if (m.error && !me.stopped) me.stop();  // one failed share fails the job, as in one worker
        if (parts.some((p) => !p.done)) return;
        const failed = parts.find((p) => p.done.error);
        finish({ stopped: !failed && parts.some((p) => p.done.stopped), error: failed?.done.error });
      }

      function send() {
        if (me.stopped) { finish({ stopped: true }); return; }
        const broken = parts.find((p) => p.member.failed);
        if (broken) { finish({ stopped: false, error: startFailure(broken.member.failed) }); return; }
        if (parts.length === 0) { finish({ stopped: false }); return; }
        for (const part of parts) {
          part.id = part.member.bridge.job(TO_WORKER.TRAIN_JOB, { ...job, runs: part.runs }, {
            [FROM_WORKER.JOB_PROGRESS]: (m) => { part.fraction = m.fraction; if (!me.finished) handlers.onProgress?.({ ...m, fraction: fraction() }); },
            [FROM_WORKER.RUN_DONE]: (m) => { part.fraction = m.fraction; if (!me.finished) handlers.onRunDone?.({ ...m, fraction: fraction() }); },
            [FROM_WORKER.JOB_DONE]: (m) => partDone(part, m),
          });
        }
      }

      if (job.runs.some((r) => r.images)) {
        sendImages(parts.filter((p) => p.runs.some((r) => r.images)).map((p) => p.member)).then(send,
          (error) => finish({ stopped: false, error: { ...errorPayload(error), field: 'image data' } }));
      } else {
        send();
      }
      return { stop: () => me.stop() };
    },
  };
}
