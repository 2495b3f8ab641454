// A small seeded random generator (mulberry32) so a random search can be repeated exactly:
// the same seed gives the same sampled hyper-parameters in every browser.

export function createRng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 10^U(lo, hi): a log-uniform sample between 10^lo and 10^hi.
export function logUniform(next, lo, hi) {
  return 10 ** (lo + (hi - lo) * next());
}
