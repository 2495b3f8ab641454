// The one worker both pages start (through worker-bridge.js): it loads the engine, says READY
// (or FATAL), and hands every message to the handler registered for its type (protocol.js).
// A handler that throws is answered with ERROR, the one error envelope, tagged so the page can
// tell which request failed; the worker itself keeps running.
//
// The page names the handlers it wants when it starts the worker (the worker's `name`):
//   'sandbox': one run trained and inspected live (run-handlers.js);
//   'lab':     the lab's computations and batch jobs of many runs (lab/batch-jobs.js).
// They are imported while the engine loads. Unbundled (the node tests), a page loads only its own;
// the bundled worker carries both, one file (tools/bundle.mjs says why).

import { loadEngine } from './engine.js';
import { errorReply } from './engine-error.js';
import { FROM_WORKER } from './protocol.js';

const HANDLER_MODULES = {
  sandbox: () => import('./run-handlers.js'),
  lab: () => import('./lab/batch-jobs.js'),
};

function post(type, payload = {}, transfer = []) {
  self.postMessage({ type, ...payload }, transfer);
}

// { handlers: { [type]: (message) => void }, tag(message) => fields every reply to it carries }
const ready = Promise.all([loadEngine(), (HANDLER_MODULES[self.name] ?? HANDLER_MODULES.sandbox)()])
  .then(([engine, module]) => {
    const served = module.createHandlers(engine, post);
    post(FROM_WORKER.READY, { flavor: engine.flavor, testFunctions: engine.testFunctions() });
    return served;
  })
  .catch((error) => { post(FROM_WORKER.FATAL, { message: String(error?.message || error) }); return null; });

self.onmessage = async (event) => {
  const message = event.data;
  const served = await ready;
  if (!served) return;
  try {
    const handler = served.handlers[message.type];
    if (!handler) throw new Error(`unknown message type "${message.type}"`);
    handler(message);
  } catch (error) {
    post(FROM_WORKER.ERROR, { ...served.tag(message), ...errorReply(message.type, error) });
  }
};
