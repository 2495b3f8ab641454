// The sandbox page's worker, started when this module is evaluated: index.html loads it as its own
// async module script, so that happens as soon as this file and the bridge arrive, while main.js's
// module graph is still loading (run-controller.js imports this same module instance later), and
// the engine downloads and compiles meanwhile.

import { startWorker } from './worker-bridge.js';

export const sandboxWorker = startWorker('sandbox');
