// Where each optimizer-path race starts, how long it runs and each optimizer's learning rate, per
// test function. The book's race (x²/20 + y² from (-7, 2), 30 steps, SGD 0.95, Momentum 0.1,
// AdaGrad 1.5, Adam 0.3) is the settings' default; on the other functions those numbers leave the
// plot or overflow within a few steps, so each has its own, chosen so that every optimizer's path
// stays inside the function's window and moves visibly (tests/wasm/lab-functions.test.mjs runs them all).
// Rates in the same race differ because the optimizers' step sizes mean different things: SGD and
// Momentum move by rate × gradient, the adaptive ones by about the rate itself.
// This module imports nothing, so the settings table can take the book's race as its defaults.

export const PATH_DEFAULTS = {
  book: { start: [-7, 2], steps: 30,
    learningRates: { sgd: 0.95, momentum: 0.1, nesterov: 0.1, adagrad: 1.5, rmsprop: 0.1, adam: 0.3, adamw: 0.3 } },
  // The classic start in the curved valley; its gradient reaches hundreds, so SGD needs tiny rates.
  rosenbrock: { start: [-1.2, 1], steps: 150,
    learningRates: { sgd: 0.002, momentum: 0.001, nesterov: 0.001, adagrad: 0.5, rmsprop: 0.02, adam: 0.1, adamw: 0.1 } },
  beale: { start: [1, 1.5], steps: 100,
    learningRates: { sgd: 0.01, momentum: 0.001, nesterov: 0.001, adagrad: 0.5, rmsprop: 0.05, adam: 0.2, adamw: 0.2 } },
  // Just off the x axis: the paths slide down towards the saddle point, then escape along y
  // (x² − y² has no minimum, so a longer race always leaves the plot).
  saddle: { start: [-2.5, 0.01], steps: 30,
    learningRates: { sgd: 0.08, momentum: 0.02, nesterov: 0.015, adagrad: 0.1, rmsprop: 0.02, adam: 0.05, adamw: 0.05 } },
  himmelblau: { start: [0, 0], steps: 30,
    learningRates: { sgd: 0.01, momentum: 0.002, nesterov: 0.002, adagrad: 1, rmsprop: 0.1, adam: 0.3, adamw: 0.3 } },
};
