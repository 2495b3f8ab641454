// How the lab spreads a batch job over its workers (web/js/worker-pool.js): how many workers, and
// which runs each trains. Pure functions; no browser, no worker.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { poolSize, shareRuns, MAX_WORKERS } from '../../web/js/worker-pool.js';

describe('poolSize', () => {
  it('uses the cores the browser reports, at least one and at most MAX_WORKERS', () => {
    assert.equal(poolSize(1), 1);
    assert.equal(poolSize(2), 2);
    assert.equal(poolSize(3), 3);
    assert.equal(poolSize(16), MAX_WORKERS);
    assert.equal(MAX_WORKERS, 4);
  });

  it('falls back to one worker when the browser does not say', () => {
    assert.equal(poolSize(undefined), 1);
    assert.equal(poolSize(0), 1);
    assert.equal(poolSize(Number.NaN), 1);
  });
});

describe('shareRuns', () => {
  const runs = (n) => Array.from({ length: n }, (_, i) => ({ epochs: 10 + i }));

  it('deals the runs round robin and numbers them by their place in the whole job', () => {
    const shares = shareRuns(runs(5), 2);
    assert.deepEqual(shares.map((share) => share.map((r) => r.index)), [[0, 2, 4], [1, 3]]);
    assert.deepEqual(shares[1].map((r) => r.epochs), [11, 13]);
  });

  it('starts no more shares than there are runs, and none for an empty job', () => {
    assert.deepEqual(shareRuns(runs(3), 4).map((share) => share.map((r) => r.index)), [[0], [1], [2]]);
    assert.deepEqual(shareRuns([], 4), []);
  });

  it('keeps every run exactly once and leaves the job untouched', () => {
    const job = runs(11);
    const shares = shareRuns(job, 4);
    assert.deepEqual(shares.flat().map((r) => r.index).sort((a, b) => a - b), [...job.keys()]);
    assert.equal(job[0].index, undefined);
  });
});
