// Two lab sections run as the page runs them, each claim of their text checked against the engine:
// 4e dropout as an ensemble (lab.dropEns.intro3) and 4f grid against random search
// (lab.gridSearch.intro3). One build (SIMD, what the page uses where it can), as for 4c.
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { describeEachFlavor, engineFor, smallSpec, withRun, withTrainedLabRun } from './harness.mjs';
import { dropoutEnsembleSpec, DROPOUT_ENSEMBLE_DEFAULTS as DROP, GRID_SEARCH_DEFAULTS as GRID, imageData, searchTrialSpec } from '../../web/js/lab/specs.js';
import { thinnedSummary } from '../../web/js/lab/thinned-summary.js';
import { gridAndRandomTrials, distinctValues, bestTrial } from '../../web/js/lab/search-trials.js';
import { formatNumber, formatPercent } from '../../web/js/format.js';
import en from '../strings/en.mjs';
import ko from '../strings/ko.mjs';

const texts = (key) => [en[key], ko[key]];
function assertQuoted(key, figures) {
  for (const text of texts(key)) for (const figure of figures) assert.ok(text.includes(figure), `"${figure}" not in ${key}: ${text}`);
}

describeEachFlavor('run.thinnedEnsemble', (context) => {
  const withDropout = () => smallSpec({ layers: [{ type: 'dense', units: 16 }, { type: 'activation', fn: 'relu' }, { type: 'dropout', rate: 0.5 }, { type: 'dense', units: 3 }] });

  it('scores count thinned networks on the split it names', () => {
    withRun(context.engine, withDropout(), (run) => {
      run.step(50);
      const e = run.thinnedEnsemble(4, 7, 'validation');
      assert.equal(e.full.accuracy, run.metrics().validation.accuracy);
      for (const key of ['thinned', 'thinnedAgreement', 'thinnedGap', 'averageAccuracy', 'agreement', 'gap']) assert.equal(e[key].length, 4, key);
      assert.equal(e.averageAccuracy[0], e.thinned[0].accuracy, 'the average of one network is that network');
    });
  });

  it('refuses a bad count, seed or split, naming it', () => {
    withRun(context.engine, withDropout(), (run) => {
      for (const count of [0, 257]) assert.throws(() => run.thinnedEnsemble(count, 1), (error) => error.code === 'integer_range' && error.field === 'count');
      for (const seed of [-1, 1.5, 2 ** 53, NaN]) assert.throws(() => run.thinnedEnsemble(2, seed), (error) => error.code === 'integer_range' && error.field === 'seed');
      assert.throws(() => run.thinnedEnsemble(2, 1, 'tests'), /unknown split/);
      assert.equal(run.thinnedEnsemble(2, 2 ** 53 - 1).thinned.length, 2);
    });
  });
});

describe('4e dropout as an ensemble, as its text describes it', () => {
  let e, s, metrics, again, otherSeed;
  before(async () => {
    const engine = await engineFor('simd');
    withTrainedLabRun(engine, dropoutEnsembleSpec(DROP), DROP.epochs, (run) => {
      metrics = run.metrics();
      e = run.thinnedEnsemble(DROP.networks, DROP.maskSeed, 'test');
      again = run.thinnedEnsemble(DROP.networks, DROP.maskSeed, 'test');
      otherSeed = run.thinnedEnsemble(DROP.networks, DROP.maskSeed + 1, 'test');
    });
    s = thinnedSummary(e);
  });

  it('scores the whole network as metrics() does, and the same thinned networks for the same mask seed', () => {
    assert.equal(e.full.accuracy, metrics.test.accuracy);
    assert.equal(e.full.count, DROP.test);
    assert.equal(e.thinned.length, DROP.networks);
    assert.deepEqual(again, e);
    assert.notDeepEqual(otherSeed.thinned, e.thinned);
  });

  it('one thinned network is far worse than the whole network; the average of 20 matches it', () => {
    const text = JSON.stringify(s);
    assert.ok(s.thinnedMean < s.full - 0.05, `one network ${s.thinnedMean} vs whole ${s.full}`);
    assert.ok(s.thinnedMin < s.full - 0.15, text);
    assert.ok(s.thinnedMax <= s.full + 0.01, text);
    assert.ok(Math.abs(s.average - s.full) <= 0.01, `average ${s.average} vs whole ${s.full}`);
    assert.ok(s.averageAgreement > s.thinnedAgreement + 0.1 && s.averageAgreement >= 0.93, text);
    assert.ok(s.averageGap < s.thinnedGap * 0.7 && s.averageGap > 0.01, `not exactly equal: ${text}`);
  });

  it('the average climbs as k grows and levels off', () => {
    const acc = e.averageAccuracy;
    assert.ok(acc[0] < acc[4] - 0.05, `k=1 ${acc[0]}, k=5 ${acc[4]}`);
    const last = acc.slice(-10);
    assert.ok(Math.max(...last) - Math.min(...last) <= 0.01, `last ten: ${last}`);
    assert.ok(e.agreement[0] < e.agreement.at(-1) - 0.1);
  });

  it('quotes the run\'s figures in English and Korean', () => {
    assertQuoted('lab.dropEns.intro3', [s.thinnedMean, s.thinnedMin, s.thinnedMax, s.thinnedAgreement, s.average, s.averageAgreement, s.full].map((x) => formatPercent(x))
      .concat([formatNumber(s.averageGap, 2), formatNumber(s.thinnedGap, 2), String(DROP.networks)]));
  });
});

describe('4f grid against random search, as its text describes it', () => {
  let search;
  before(async () => {
    const engine = await engineFor('simd');
    const v = { ...GRID, ranges: { lr: [GRID.lrFrom, GRID.lrTo], decay: [GRID.decayFrom, GRID.decayTo] } };
    search = gridAndRandomTrials(v);
    const data = imageData(v);
    for (const trial of [...search.grid, ...search.random]) {
      withTrainedLabRun(engine, searchTrialSpec(data, trial), v.epochs, (run) => {
        trial.accuracy = run.divergence() ? null : run.metrics(['validation']).validation.accuracy;
      });
    }
  });

  it('spends the same budget: the grid on 3 learning rates, random search on 9', () => {
    assert.equal(search.grid.length, GRID.side ** 2);
    assert.equal(search.random.length, GRID.side ** 2);
    assert.deepEqual(distinctValues(search.grid, 'lr').map((x) => formatNumber(x, 3)), ['0.001', '0.0316', '1']);
    assert.equal(distinctValues(search.random, 'lr').length, 9);
    assertQuoted('lab.gridSearch.intro3', ['0.001, 0.0316', 'n = 3']);
  });

  it('the weight decay barely matters, the learning rate does', () => {
    const byLr = new Map();
    for (const trial of search.grid) byLr.set(trial.lr, [...(byLr.get(trial.lr) ?? []), trial.accuracy]);
    const [small, middle, large] = [...byLr.values()];
    // "change nothing at the first two (19.0 % and 65.0 % with every decay)"
    for (const accuracies of [small, middle]) assert.equal(new Set(accuracies).size, 1, `decays at one learning rate: ${accuracies}`);
    // "and only add noise at 1 (15.0 % to 23.0 %)"
    assertQuoted('lab.gridSearch.intro3', [formatPercent(small[0]), formatPercent(middle[0]), formatPercent(Math.min(...large)), formatPercent(Math.max(...large))]);
    assert.ok(middle[0] - small[0] >= 0.3 && middle[0] - Math.max(...large) >= 0.3, 'the learning rate moves accuracy by 30 points or more');
  });

  it('random search finds a better learning rate between two of the grid\'s columns', () => {
    const grid = bestTrial(search.grid);
    const random = bestTrial(search.random);
    assert.ok(random.accuracy >= grid.accuracy + 0.05, `grid ${grid.accuracy}, random ${random.accuracy}`);
    const columns = distinctValues(search.grid, 'lr');
    assert.ok(!columns.includes(random.lr) && random.lr > columns[1] && random.lr < columns[2], `best random lr ${random.lr}`);
    assertQuoted('lab.gridSearch.intro3', [formatPercent(grid.accuracy), formatNumber(random.lr, 3), formatPercent(random.accuracy)]);
  });
});
