// The page's one place for delayed work (web/js/scheduling.js) and the store's subscriptions by key
// (web/js/state/store.js). Plain node:test with mocked timers.
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { DELAY_MS, debounced } from '../../web/js/scheduling.js';
import { createStore } from '../../web/js/state/store.js';

describe('delayed work', () => {
  it('runs once, DELAY after the last of a burst of schedules', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const work = mock.fn();
    const later = debounced(DELAY_MS.newRun, work);
    later.schedule();
    t.mock.timers.tick(DELAY_MS.newRun - 1);
    later.schedule();
    assert.ok(later.pending);
    t.mock.timers.tick(DELAY_MS.newRun - 1);
    assert.equal(work.mock.callCount(), 0);
    t.mock.timers.tick(1);
    assert.equal(work.mock.callCount(), 1);
    assert.ok(!later.pending);
  });

  it('runs nothing once cancelled', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const work = mock.fn();
    const later = debounced(DELAY_MS.urlHash, work);
    later.schedule();
    later.cancel();
    assert.ok(!later.pending);
    t.mock.timers.tick(10 * DELAY_MS.urlHash);
    assert.equal(work.mock.callCount(), 0);
  });

  it('keeps the page\'s delays', () => {
    assert.deepEqual(DELAY_MS, { newRun: 150, pathsRequest: 120, urlHash: 200, relayout: 150 });
  });
});

describe('the store', () => {
  it('calls a listener with the keys that really changed and the origin', () => {
    const store = createStore({ a: 1, b: [1], c: 'x' });
    const calls = [];
    store.subscribe((keys, origin) => calls.push([keys, origin]));
    assert.deepEqual(store.set({ a: 1, b: [1] }), []);
    assert.deepEqual(store.set({ a: 2, b: [1, 2] }, 'hash'), ['a', 'b']);
    assert.deepEqual(calls, [[['a', 'b'], 'hash']]);
  });

  it('calls a listener that declares its keys only when one of them changed', () => {
    const store = createStore({ a: 1, b: 2, c: 3 });
    const calls = [];
    const stop = store.subscribe((keys) => calls.push(keys), ['b', 'c']);
    store.set({ a: 5 });
    store.set({ a: 6, c: 4 });
    stop();
    store.set({ b: 9 });
    assert.deepEqual(calls, [['a', 'c']]);
  });

  it('keeps its own copy of what it is given', () => {
    const initial = { list: [1] };
    const store = createStore(initial);
    initial.list.push(2);
    const next = [3];
    store.set({ list: next });
    next.push(4);
    assert.deepEqual(store.settings.list, [3]);
  });
});
