// The page's handle on the training worker: starts it as a module worker and routes its
// messages (protocol.js) to handlers by type.
//
// The worker is started when this module is evaluated: index.html loads it as its own async module
// script, so that happens as soon as this file arrives, while main.js's module graph is still loading
// (main.js imports this same module instance later), and the engine downloads and compiles
// meanwhile. So this module imports nothing. Whatever the worker says before createTrainer is
// called is kept and handed over in order.

const early = (() => {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const queued = [];
  const keep = (event) => queued.push(event);
  worker.addEventListener('message', keep);
  worker.addEventListener('error', keep);
  return { worker, queued, keep };
})();

export function createTrainer(handlers) {
  const { worker, queued, keep } = early;
  const onMessage = (event) => handlers[event.data?.type]?.(event.data);
  const onError = (event) => handlers.fatal?.({ message: event.message || 'worker failed to start' });
  worker.removeEventListener('message', keep);
  worker.removeEventListener('error', keep);
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  // After createTrainer has returned: a handler may use what its caller assigns from the result
  // (messages that arrive later are dispatched as tasks, after this microtask, so the order holds).
  queueMicrotask(() => {
    for (const event of queued.splice(0)) (event.type === 'message' ? onMessage : onError)(event);
  });
  return {
    send(type, payload = {}) { worker.postMessage({ type, ...payload }); },
  };
}
