// The page's handle on the training worker: starts it as a module worker and routes its
// messages (protocol.js) to handlers by type.

export function createTrainer(handlers) {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (event) => handlers[event.data?.type]?.(event.data));
  worker.addEventListener('error', (event) => handlers.fatal?.({ message: event.message || 'worker failed to start' }));
  return {
    send(type, payload = {}) { worker.postMessage({ type, ...payload }); },
  };
}
