// Starts the sandbox page's worker the moment index.html has this file. It is an async module
// script with no imports, so it waits for no chunk and for no other script: bundled, a shared
// chunk would make it wait for main.js's chunks, and in practice for main.js's whole evaluation
// (about 130 ms of building views), before the engine even began to download in the worker.
// worker-bridge.js's startWorker('sandbox') takes this worker over with the messages it sent
// meanwhile; nothing imports this file. The hand-over is one global (EARLY_WORKER, also named in
// worker-bridge.js): set to the started worker here, to null once a page's bridge has looked, so a
// late copy of this script (after the page started its own worker) does not start a second one.

const EARLY_WORKER = 'nnsandboxEarlyWorker';

if (globalThis[EARLY_WORKER] === undefined) {
  // Relative to this module like worker-bridge.js's: bundled both sit in web/dist/ beside worker.js.
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'sandbox' });
  const queued = [];
  const keep = (event) => queued.push(event);
  worker.addEventListener('message', keep);
  worker.addEventListener('error', keep);
  globalThis[EARLY_WORKER] = { kind: 'sandbox', worker, queued, keep };
}
