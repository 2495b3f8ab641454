// The optimizer playground: 2-D test functions, optimizer paths and contour grids.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachFlavor } from './harness.mjs';
import { PATH_DEFAULTS } from '../../web/js/lessons/path-defaults.js';
import { pathOutcome } from '../../web/js/views/path-outcome.js';
import { SETTING_BY_KEY, PATH_LR_KEY, PATH_OPTIMIZERS, TEST_FUNCTIONS } from '../../web/js/state/settings.js';

describeEachFlavor('the test functions', (context) => {
  it('are listed with a window that contains their minimum', () => {
    const functions = context.engine.testFunctions();
    assert.deepEqual(functions.map((f) => f.name), ['book', 'rosenbrock', 'beale', 'saddle', 'himmelblau']);
    for (const f of functions) {
      assert.equal(typeof f.formula, 'string');
      assert.ok(f.xmin < f.minimumX && f.minimumX < f.xmax, f.name);
      assert.ok(f.ymin < f.minimumY && f.minimumY < f.ymax, f.name);
    }
  });

  it('optimizerPath returns steps + 1 (x, y, value) triples starting at the start point', () => {
    const path = context.engine.optimizerPath('book', { kind: 'sgd', learning_rate: 0.1 }, [1, 1], 3);
    assert.ok(path instanceof Float64Array);
    assert.equal(path.length, 3 * 4);
    // book: f = x^2/20 + y^2, so f(1, 1) = 1.05 and one SGD step maps (x, y) to (0.99 x, 0.8 y)
    assert.deepEqual(Array.from(path.subarray(0, 3)), [1, 1, 1.05]);
    assert.ok(Math.abs(path[3] - 0.99) < 1e-6 && Math.abs(path[4] - 0.8) < 1e-6);
    for (let k = 1; k < 4; k++) assert.ok(path[3 * k + 2] < path[3 * k - 1], 'SGD with a small step goes downhill');
  });

  it('optimizerPath runs Adam towards the minimum of the Rosenbrock valley', () => {
    const path = context.engine.optimizerPath('rosenbrock', { kind: 'adam', learning_rate: 0.05 }, [-1.5, 2], 2000);
    const last = path.length - 3;
    assert.ok(path[last + 2] < path[2] / 100, 'the value falls by at least 100x');
  });

  it('functionGrid gives resolution^2 values, row by row from the top-left', () => {
    const book = context.engine.testFunctions()[0];
    const grid = context.engine.functionGrid('book', 3);
    assert.ok(grid instanceof Float32Array);
    assert.equal(grid.length, 9);
    const value = (x, y) => (x * x) / 20 + y * y;
    assert.equal(grid[0], value(book.xmin, book.ymax));
    assert.equal(grid[4], value(0, 0));
    assert.equal(grid[8], value(book.xmax, book.ymin));
  });

  it('marks the saddle\'s point as a saddle point and every other function\'s as a minimum', () => {
    for (const f of context.engine.testFunctions()) assert.equal(f.markedPoint, f.name === 'saddle' ? 'saddle_point' : 'minimum', f.name);
  });
});

describeEachFlavor('the optimizer races', (context) => {
  let functions = null;
  before(() => { functions = Object.fromEntries(context.engine.testFunctions().map((f) => [f.name, f])); });

  it('start from the book\'s race: (-7, 2), 30 steps, SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3', () => {
    const setting = (key) => SETTING_BY_KEY[key].default;
    assert.deepEqual([setting('pathFunction'), setting('pathStartX'), setting('pathStartY'), setting('pathSteps')], ['book', -7, 2, 30]);
    assert.deepEqual(['sgd', 'momentum', 'adagrad', 'adam'].map((o) => setting(PATH_LR_KEY[o])), [0.95, 0.1, 1.5, 0.3]);
  });

  // Every optimizer's default path on every function stays inside the plotted window, never
  // diverges and moves a visible distance (at least 5 % of the window's diagonal from its start).
  for (const name of TEST_FUNCTIONS) {
    it(`keeps every optimizer's default path on ${name} inside its window`, () => {
      const race = PATH_DEFAULTS[name];
      const f = functions[name];
      const diagonal = Math.hypot(f.xmax - f.xmin, f.ymax - f.ymin);
      for (const kind of PATH_OPTIMIZERS) {
        const points = context.engine.optimizerPath(name, { kind, learning_rate: race.learningRates[kind] }, race.start, race.steps);
        const outcome = pathOutcome(points, race.steps, f);
        assert.equal(outcome.divergedAt, null, `${name} ${kind} diverged`);
        assert.equal(outcome.leftAt, null, `${name} ${kind} left the window at step ${outcome.leftAt}`);
        const end = points.length - 3;
        const moved = Math.hypot(points[end] - points[0], points[end + 1] - points[1]);
        assert.ok(moved >= 0.05 * diagonal, `${name} ${kind} moved only ${moved}`);
        if (name !== 'saddle') assert.ok(outcome.final < points[2], `${name} ${kind} ends lower than it starts`);
      }
    });
  }

  it('reports a forced divergence with its step, and a path that leaves the plot with the step it left', () => {
    const rosenbrock = functions.rosenbrock;
    const exploded = context.engine.optimizerPath('rosenbrock', { kind: 'sgd', learning_rate: 1 }, [-1.2, 1], 30);
    const diverged = pathOutcome(exploded, 30, rosenbrock);
    assert.ok(diverged.divergedAt >= 1 && diverged.divergedAt <= 30, String(diverged.divergedAt));
    assert.equal(exploded.length / 3, diverged.divergedAt, 'the path ends at the last finite point before the divergence');
    assert.ok(Number.isFinite(diverged.final));
    // The book's rates on the saddle: the paths escape along y and leave the window.
    const saddle = functions.saddle;
    const escaped = pathOutcome(context.engine.optimizerPath('saddle', { kind: 'adam', learning_rate: 0.3 }, [-7, 2], 30), 30, saddle);
    assert.equal(escaped.leftAt, 0, 'the book\'s start (-7, 2) is outside the saddle\'s window');
  });
});
