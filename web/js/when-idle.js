// Runs `callback` when the page is idle (or after `timeout` ms at the latest), so deferred work such
// as loading KaTeX or uPlot never delays a training message. Browsers without requestIdleCallback
// run it on the next task.
export function whenIdle(callback, options) {
  if (globalThis.requestIdleCallback) globalThis.requestIdleCallback(callback, options);
  else setTimeout(callback, 0);
}
