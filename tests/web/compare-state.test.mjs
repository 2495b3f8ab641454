// Compare mode's state, without a browser: run B in links (state/compare-url.js), the settings
// panels' switch between A and B (state/switch-store.js) and the lockstep of the two runs
// (compare-lockstep.js) against fake run controllers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeCompareHash, splitCompareHash, decodeCompareB } from '../../web/js/state/compare-url.js';
import { decodeHash } from '../../web/js/state/url.js';
import { defaultSettings } from '../../web/js/state/settings.js';
import { createStore } from '../../web/js/state/store.js';
import { createSwitchStore } from '../../web/js/state/switch-store.js';
import { createLockstep } from '../../web/js/compare-lockstep.js';

const read = (hash) => {
  const split = splitCompareHash(hash);
  const a = decodeHash(split.a);
  return { a, b: decodeCompareB(split.b, a) };
};

test('a link holds B as the run settings that differ from A, under b.', () => {
  const a = { ...defaultSettings(), compare: true, learningRate: 0.1 };
  const b = { ...a, learningRate: 0.01, standardize: false, speed: 5 };
  const hash = encodeCompareHash(a, b);
  assert.match(hash, /&cmp=1/);
  assert.deepEqual(hash.split('&').filter((p) => p.startsWith('b.')), ['b.std=0', 'b.lr=0.01']);
  const { a: readA, b: readB } = read(hash);
  assert.deepEqual([...readA.errors, ...readB.errors], []);
  assert.equal(readA.settings.learningRate, 0.1);
  assert.equal(readB.settings.learningRate, 0.01);
  assert.equal(readB.settings.standardize, false);
  assert.equal(readB.settings.speed, readA.settings.speed, 'view settings are A\'s');
  // Outside compare mode no B is written.
  assert.doesNotMatch(encodeCompareHash({ ...a, compare: false }, b), /b\./);
});

test('B\'s mid-run changes travel as b.chg and bad B entries are reported with their prefix', () => {
  const a = { ...defaultSettings(), compare: true, steps: 200 };
  const hash = encodeCompareHash(a, { ...a }, [], [{ step: 120, key: 'learningRate', value: 0.005 }]);
  assert.match(hash, /&b\.chg=120\.lr\.0\.005$/);
  const { b } = read(hash);
  assert.deepEqual(b.changes, [{ step: 120, key: 'learningRate', value: 0.005 }]);
  assert.equal(b.initial.learningRate, a.learningRate);
  assert.equal(b.settings.learningRate, 0.005);
  const bad = read('#cmp=1&b.lr=-3&b.nope=1');
  assert.deepEqual(bad.b.errors.map((e) => e.url), ['b.lr', 'b.nope']);
});

test('the teacher\'s short link of a comparison preset gives B the preset\'s B; a link with compare off stays off', async () => {
  const { presetSettings, comparePresetSettings } = await import('../../web/js/lessons/preset-settings.js');
  const split = splitCompareHash('#preset=compare-sigmoid-relu');
  const a = decodeHash(split.a, presetSettings('compare-sigmoid-relu'));
  const b = decodeCompareB(split.b, a);
  assert.equal(a.settings.compare, true);
  assert.deepEqual(b.settings.layers, comparePresetSettings('compare-sigmoid-relu').layers);
  const off = { ...presetSettings('compare-sigmoid-relu'), compare: false };
  const hash = encodeCompareHash(off, null);
  assert.match(hash, /&cmp=0/);
  assert.equal(decodeHash(splitCompareHash(hash).a, presetSettings('compare-sigmoid-relu')).settings.compare, false);
});

test('the switch store edits A or B and tells its listeners what differs when the side changes', () => {
  const a = createStore({ lr: 1, seed: 1 });
  const b = createStore({ lr: 2, seed: 1 });
  const edit = createSwitchStore({ a, b });
  const heard = [];
  edit.subscribe((keys, origin) => heard.push([keys, origin]), ['lr']);
  edit.set({ lr: 3 });
  assert.equal(a.settings.lr, 3);
  edit.setSide('b');
  assert.equal(edit.settings.lr, 2);
  edit.set({ lr: 4 });
  assert.equal(b.settings.lr, 4);
  assert.equal(a.settings.lr, 3);
  a.set({ lr: 5 });   // a change on the side not being edited is not the panels' business
  assert.deepEqual(heard, [[['lr'], 'ui'], [['lr'], 'side'], [['lr'], 'ui']]);
});

// A fake run controller: play trains to the limit at once and reports, as a worker in lockstep does.
function fakeSide(rate) {
  const side = { runState: { step: 0, diverged: null, task: {} }, sent: [], limit: null, playing: false };
  side.controller = {
    limit: (step) => { side.limit = step; side.sent.push(['limit', step]); },
    play: () => { side.playing = true; side.sent.push(['play']); },
    pause: () => { side.playing = false; side.sent.push(['pause']); },
    step: () => { side.runState.step += 1; },
    reset: () => { side.runState.step = 0; side.sent.push(['reset']); },
  };
  side.advance = () => { if (side.playing) side.runState.step = Math.min(side.limit, side.runState.step + rate); };
  return side;
}

test('the lockstep moves the limit on only when both runs have reached it, on history steps, and pauses both at one step', () => {
  const a = fakeSide(1000);
  const b = fakeSide(7);   // B is slower
  const lockstep = createLockstep([a, b], () => 5);
  lockstep.play();
  assert.equal(a.limit, 200);
  a.advance(); lockstep.sync();
  assert.equal(a.limit, 200, 'A waits for B');
  while (b.runState.step < 200) { b.advance(); lockstep.sync(); }
  assert.equal(a.limit, 400);
  a.advance(); b.advance(); lockstep.sync();
  lockstep.pause();
  assert.equal(a.playing, true, 'both finish the chunk first');
  while (b.runState.step < 400) { b.advance(); lockstep.sync(); }
  assert.equal(a.playing, false);
  assert.equal(b.playing, false);
  assert.equal(a.runState.step, b.runState.step);
  // At speed 3 a limit past step 100 is rounded up to a history step (every 10th).
  const slow = createLockstep([a, b], () => 3);
  a.runState.step = 103; b.runState.step = 103;
  slow.play();
  assert.equal(a.limit, 120);
});

test('a new run on one side restarts the other, so both count from the same start', () => {
  const a = fakeSide(1000);
  const b = fakeSide(1000);
  const lockstep = createLockstep([a, b], () => 5);
  a.runState.step = 0; b.runState.step = 300;   // A's network changed: its new run is at 0
  lockstep.newRun(a);
  assert.deepEqual(b.sent.filter(([what]) => what === 'reset').length, 1);
  assert.equal(a.limit, 0);
  lockstep.newRun(b);   // B's new run arrives: nothing more to restart
  assert.deepEqual(a.sent.filter(([what]) => what === 'reset').length, 0);
});

test('a reset of both builds each run once: the first new run to arrive does not restart the other again', () => {
  const a = fakeSide(1000);
  const b = fakeSide(1000);
  // As in the page: a run's step goes back to 0 only when its new run arrives from the worker.
  for (const side of [a, b]) side.controller.reset = () => { side.sent.push(['reset']); };
  const lockstep = createLockstep([a, b], () => 5);
  a.runState.step = 300; b.runState.step = 300;
  lockstep.reset();
  a.runState.step = 0; lockstep.newRun(a);   // A's new run arrives first
  b.runState.step = 0; lockstep.newRun(b);
  assert.equal(a.sent.filter(([what]) => what === 'reset').length, 1);
  assert.equal(b.sent.filter(([what]) => what === 'reset').length, 1);
  // Playing after that moves both on together from 0.
  lockstep.play();
  assert.equal(a.limit, 200);
  assert.equal(b.limit, 200);
});
