// The page's delayed work, in one place. A burst of changes (typing, dragging a slider, resizing the
// window) leads to one piece of work once the burst has paused for that work's delay.

export const DELAY_MS = {
  newRun: 150,        // a network or data change starts its new run (run-controller.js)
  pathsRequest: 120,  // the optimizer-paths view asks the worker for its paths again (views/paths.js)
  urlHash: 200,       // the URL hash is rewritten with the settings (main.js)
  relayout: 150,      // charts and the network diagram take the new window size (main.js)
};

// `work` runs `delayMs` after the last schedule(). cancel() drops a scheduled run; `pending` says
// whether one is waiting.
export function debounced(delayMs, work) {
  let timer = 0;
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => { timer = 0; work(); }, delayMs);
    },
    cancel() {
      clearTimeout(timer);
      timer = 0;
    },
    get pending() { return timer !== 0; },
  };
}
