// The frames a page draws while something runs: requestAnimationFrame counted for `ms` in the page.
// Returns { frames, worstGap (ms between two frames), elapsed (ms) }. Shared by the page benchmarks.
export function countFrames(page, ms) {
  return page.evaluate((duration) => new Promise((resolve) => {
    const start = performance.now(); let last = start; let worstGap = 0; let frames = 0;
    const tick = (now) => {
      worstGap = Math.max(worstGap, now - last); last = now; frames++;
      if (now - start < duration) requestAnimationFrame(tick);
      else resolve({ frames, worstGap, elapsed: now - start });
    };
    requestAnimationFrame(tick);
  }), ms);
}
