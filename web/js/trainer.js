// The page's handle on the training worker: starts it as a module worker and routes its
// messages (protocol.js) to handlers by type.
//
// The worker is started when this module is evaluated, before main.js builds the views, so the
// engine downloads and compiles meanwhile. Whatever it says before createTrainer is called is kept
// and handed over in order.

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
  for (const event of queued.splice(0)) (event.type === 'message' ? onMessage : onError)(event);
  return {
    send(type, payload = {}) { worker.postMessage({ type, ...payload }); },
  };
}
