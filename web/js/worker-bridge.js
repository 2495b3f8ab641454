// The page's side of the worker (worker.js): starts it as a module worker and routes its typed
// messages (protocol.js). Both pages use it: the sandbox sends commands and handles replies by
// type; the lab also makes requests (a promise of one RESULT) and jobs (replies routed to the
// job's own handlers until JOB_DONE), both told apart by an id the bridge chooses.
//
// The sandbox's worker is started before any of this loads (sandbox-worker.js, index.html's first
// script), so the engine downloads and compiles while the page's modules load; startWorker takes
// it over. Whatever a worker says before connect() is kept and handed over in order.

import { TO_WORKER, FROM_WORKER } from './protocol.js';

const COMMANDS = new Set(Object.values(TO_WORKER));
const EARLY_WORKER = 'nnsandboxEarlyWorker';  // sandbox-worker.js's hand-over

// The worker sandbox-worker.js started, if it is of this kind and not yet taken. Once a page of that
// kind has looked, a copy of that script that runs later starts none (another kind leaves it be).
function takeEarlyWorker(kind) {
  const early = globalThis[EARLY_WORKER];
  if (early && early.kind !== kind) return null;
  globalThis[EARLY_WORKER] = null;
  return early ?? null;
}

// kind: 'sandbox' | 'lab', the handlers the worker serves (worker.js).
export function startWorker(kind) {
  const early = takeEarlyWorker(kind);
  if (early) return keptUntilConnected(early);
  // Relative to this module, not the site (site-url.js): bundled, this code sits in a chunk of
  // web/dist/ beside the bundled worker (tools/bundle.mjs), unbundled in web/js/ beside worker.js.
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: kind });
  const queued = [];
  const keep = (event) => queued.push(event);
  worker.addEventListener('message', keep);
  worker.addEventListener('error', keep);
  return keptUntilConnected({ worker, queued, keep });
}

// { worker, queued: events so far, keep: the listener queueing them } -> { connect }
function keptUntilConnected({ worker, queued, keep }) {
  return {
    // handlers: { [FROM_WORKER type]: (message) => void } for every reply that is not a request's or
    // a job's; a worker that fails to start is reported to handlers[FROM_WORKER.FATAL].
    connect(handlers) {
      worker.removeEventListener('message', keep);
      worker.removeEventListener('error', keep);
      return connectWorker(worker, handlers, queued.splice(0));
    },
  };
}

function connectWorker(worker, handlers, queued) {
  const requests = new Map();  // id -> { resolve, reject } of request()
  const jobs = new Map();      // id -> handlers of job()
  let nextId = 1;

  function route(m) {
    const request = requests.get(m.id);
    if (request && (m.type === FROM_WORKER.RESULT || m.type === FROM_WORKER.ERROR)) {
      requests.delete(m.id);
      // The rejection carries the engine's error (code, field, params) for describeEngineError.
      if (m.type === FROM_WORKER.ERROR) request.reject(Object.assign(new Error(m.error.message), { engine: m.error }));
      else request.resolve(m.result);
      return;
    }
    const job = jobs.get(m.id);
    if (job) {
      if (m.type === FROM_WORKER.JOB_DONE) jobs.delete(m.id);
      job[m.type]?.(m);
      return;
    }
    handlers[m.type]?.(m);
  }
  const onMessage = (event) => route(event.data ?? {});
  const onError = (event) => handlers[FROM_WORKER.FATAL]?.({ message: event.message || 'worker failed to start' });
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  // After connect() has returned: a handler may use what its caller assigns from the result
  // (messages that arrive later are dispatched as tasks, after this microtask, so the order holds).
  queueMicrotask(() => {
    for (const event of queued) (event.type === 'message' ? onMessage : onError)(event);
  });

  function send(type, payload = {}, transfer = []) {
    if (!COMMANDS.has(type)) throw new Error(`not a worker command: "${type}" (protocol.js)`);
    worker.postMessage({ type, ...payload }, transfer);
  }

  return {
    send,
    // A promise of the RESULT's `result`; rejected with the engine's error on ERROR.
    request(type, payload = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        requests.set(id, { resolve, reject });
        send(type, { ...payload, id });
      });
    },
    // jobHandlers: { [FROM_WORKER type]: (message) => void } for the replies carrying this job's id;
    // the last is JOB_DONE. Returns the id (for STOP_JOB).
    job(type, payload, jobHandlers) {
      const id = nextId++;
      jobs.set(id, jobHandlers);
      send(type, { ...payload, id });
      return id;
    },
  };
}
