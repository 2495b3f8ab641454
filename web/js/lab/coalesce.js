// Redraws at most once per animation frame: a training posts a message per epoch (hundreds a
// second on small splits), and redrawing charts for each would take main-thread time the
// learner's scrolling needs. The wrapped function runs with no arguments on the next frame.

export function oncePerFrame(fn) {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; fn(); });
  };
}
