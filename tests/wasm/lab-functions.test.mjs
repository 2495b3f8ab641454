// The optimizer playground: 2-D test functions, optimizer paths and contour grids.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachFlavor } from './harness.mjs';

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
});
