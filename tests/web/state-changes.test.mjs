// Mid-run optimizer changes and their replay (web/js/state/changes.js): the run's log, the `chg`
// text of a link, the worker's replay schedule and what "Copy link" keeps. Plain node:test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CHANGES_URL, MAX_CHANGES, applyChanges, logChange, liveUpdate, endsLinkReplay, runStart, linkWithChanges, formatChanges, parseChanges,
} from '../../web/js/state/changes.js';
import { LIVE_KEYS, defaultSettings } from '../../web/js/state/settings.js';
import { optimizerSection } from '../../web/js/state/spec.js';

const defaults = defaultSettings();
const newLog = (settings = defaults) => runStart(settings).log;

describe('the run\'s change log', () => {
  it('starts with the live settings in force at step 0 and no change', () => {
    const log = newLog();
    assert.deepEqual(Object.keys(log.initial), LIVE_KEYS);
    assert.equal(log.initial.learningRate, defaults.learningRate);
    assert.equal('samples' in log.initial, false);
    assert.deepEqual(log.changes, []);
  });

  it('logs only the values that differ from those in force, at the worker\'s step', () => {
    const log = newLog();
    logChange(log, 120, { ...log.initial, learningRate: 0.01 });
    logChange(log, 300, { ...log.initial, learningRate: 0.01, l2: 0.001 });
    assert.deepEqual(log.changes, [{ step: 120, key: 'learningRate', value: 0.01 }, { step: 300, key: 'l2', value: 0.001 }]);
  });

  it('takes a change before the first step as the run\'s initial values', () => {
    const log = newLog();
    logChange(log, 0, { ...log.initial, learningRate: 0.2 });
    assert.equal(log.initial.learningRate, 0.2);
    assert.deepEqual(log.changes, []);
  });

  it('keeps one entry per key and step (a slider dragged while paused), but every switch of optimizer', () => {
    const log = newLog();
    for (const learningRate of [0.1, 0.2, 0.3]) logChange(log, 50, { ...log.initial, learningRate });
    logChange(log, 50, { ...log.initial, learningRate: 0.3, optimizer: 'sgd' });
    logChange(log, 50, { ...log.initial, learningRate: 0.3, optimizer: 'adam' });
    assert.deepEqual(log.changes, [
      { step: 50, key: 'learningRate', value: 0.3 }, { step: 50, key: 'optimizer', value: 'sgd' }, { step: 50, key: 'optimizer', value: 'adam' },
    ]);
  });

  it('drops a replayed link\'s changes not reached yet when the learner changes something', () => {
    const log = runStart(defaults, { settings: defaults, changes: [{ step: 100, key: 'learningRate', value: 0.1 }, { step: 400, key: 'learningRate', value: 0.5 }] }).log;
    logChange(log, 250, { ...applyChanges(log.initial, log.changes.slice(0, 1)), momentum: 0.5 });
    assert.deepEqual(log.changes, [{ step: 100, key: 'learningRate', value: 0.1 }, { step: 250, key: 'momentum', value: 0.5 }]);
  });
});

describe('a live change', () => {
  it('sends the optimizer section the run takes and every live value, for the log', () => {
    const settings = { ...defaults, optimizer: 'momentum', momentum: 0.8 };
    const { optimizer, values } = liveUpdate(settings);
    assert.deepEqual(optimizer, optimizerSection(settings));
    assert.equal(optimizer.momentum, 0.8);
    assert.deepEqual(Object.keys(values), LIVE_KEYS);
  });

  it('ends a link\'s pending replay only when a setting that shapes the run changed', () => {
    assert.ok(endsLinkReplay(['learningRate']));
    assert.ok(endsLinkReplay(['showTest', 'samples']));
    assert.ok(!endsLinkReplay(['showTest', 'lossLog', 'speed', 'lang']));
  });
});

describe('a replayed run', () => {
  const link = {
    settings: { ...defaults, learningRate: 0.02 },
    changes: [{ step: 120, key: 'learningRate', value: 0.005 }, { step: 120, key: 'optimizer', value: 'sgd' }, { step: 300, key: 'learningRate', value: 0.04 }],
  };

  it('starts from the link\'s step-0 values and gives the worker one optimizer section per change, each with all earlier changes', () => {
    const { start, changes, log } = runStart({ ...defaults, learningRate: 0.04, optimizer: 'sgd' }, link);
    assert.equal(start, link.settings);
    assert.deepEqual(changes.map((c) => [c.step, c.optimizer.kind, c.optimizer.learning_rate]), [[120, 'adam', 0.005], [120, 'sgd', 0.005], [300, 'sgd', 0.04]]);
    assert.equal('beta1' in changes[1].optimizer, false, 'only the keys SGD reads');
    assert.equal(log.initial.learningRate, 0.02);
    assert.deepEqual(log.changes, link.changes);
    assert.notEqual(log.changes[0], link.changes[0], 'the log is a copy');
  });

  it('without a link, starts from the current settings with nothing to replay', () => {
    const settings = { ...defaults, learningRate: 0.5 };
    const { start, changes, log } = runStart(settings);
    assert.equal(start, settings);
    assert.deepEqual(changes, []);
    assert.equal(log.initial.learningRate, 0.5);
  });
});

describe('the link of a run', () => {
  const current = { ...defaults, learningRate: 0.04 };
  const always = () => true;

  it('without changes holds the current settings and step', () => {
    assert.deepEqual(linkWithChanges(current, newLog(current), 80, always), { settings: current, steps: 80, changes: [], dropped: 0 });
    assert.deepEqual(linkWithChanges(current, null, 0, always), { settings: current, steps: 0, changes: [], dropped: 0 });
  });

  it('with changes holds the step-0 values and a step count at least the last change\'s', () => {
    const log = newLog({ ...defaults, learningRate: 0.02 });
    logChange(log, 130, { ...log.initial, learningRate: 0.04 });
    const link = linkWithChanges(current, log, 120, always);
    assert.equal(link.settings.learningRate, 0.02);
    assert.equal(link.steps, 130);
    assert.deepEqual(link.changes, [{ step: 130, key: 'learningRate', value: 0.04 }]);
    assert.equal(link.dropped, 0);
  });

  it('keeps at most MAX_CHANGES changes, and the first ones that fit', () => {
    const log = newLog();
    for (let step = 1; step <= MAX_CHANGES + 5; step++) logChange(log, step, { ...applyChanges(log.initial, log.changes), learningRate: step / 1000 });
    const capped = linkWithChanges(current, log, 500, always);
    assert.equal(capped.changes.length, MAX_CHANGES);
    assert.equal(capped.dropped, 5);
    assert.equal(capped.steps, 500);
    const short = linkWithChanges(current, log, 10, (link) => link.changes.length <= 3);
    assert.deepEqual(short.changes.map((c) => c.step), [1, 2, 3]);
    assert.equal(short.steps, 10);
    assert.equal(short.dropped, MAX_CHANGES + 2);
  });
});

describe('the chg text of a link', () => {
  const changes = [{ step: 120, key: 'learningRate', value: 0.005 }, { step: 300, key: 'biasCorrection', value: false }, { step: 300, key: 'schedule', value: 'cosine' }, { step: 310, key: 'epsilon', value: 1e-7 }];

  it('writes step.urlName.value entries joined by ~ and reads them back', () => {
    const text = formatChanges(changes);
    assert.equal(text, '120.lr.0.005~300.bc.0~300.sched.cosine~310.eps.1e-7');
    assert.deepEqual(parseChanges(text, 400), { changes, errors: [] });
    assert.deepEqual(parseChanges('', 400), { changes: [], errors: [] });
  });

  it('reports and skips a bad entry and keeps the others', () => {
    const bad = (text, steps = 400) => parseChanges(text, steps).errors.map((e) => [e.url, e.error.code]);
    assert.deepEqual(bad('120-lr-0.1'), [[CHANGES_URL, 'changeFormat']]);
    assert.deepEqual(bad('120.n.50'), [[CHANGES_URL, 'changeKey']], 'the number of points needs a new run');
    assert.deepEqual(bad('120.zzz.1'), [[CHANGES_URL, 'changeKey']]);
    assert.deepEqual(bad('500.lr.0.1'), [[CHANGES_URL, 'changeAfterEnd']]);
    assert.deepEqual(bad('200.lr.0.1~100.lr.0.2'), [[CHANGES_URL, 'changeOrder']]);
    assert.deepEqual(bad('100.lr.50'), [[`${CHANGES_URL} 100.lr`, 'range']]);
    const mixed = parseChanges('100.lr.0.1~oops~200.mom.0.5', 400);
    assert.deepEqual(mixed.changes, [{ step: 100, key: 'learningRate', value: 0.1 }, { step: 200, key: 'momentum', value: 0.5 }]);
  });

  it('refuses more than MAX_CHANGES entries at once', () => {
    const text = Array.from({ length: MAX_CHANGES + 1 }, (_, i) => `${i}.lr.0.1`).join('~');
    assert.deepEqual(parseChanges(text, 1000), { changes: [], errors: [{ url: CHANGES_URL, error: { code: 'tooManyChanges', max: MAX_CHANGES, got: MAX_CHANGES + 1 } }] });
  });

  it('gives the current values as the initial ones with every change applied in order', () => {
    assert.deepEqual(applyChanges({ learningRate: 0.1, momentum: 0.9 }, [{ key: 'learningRate', value: 0.2 }, { key: 'learningRate', value: 0.3 }]), { learningRate: 0.3, momentum: 0.9 });
  });
});
