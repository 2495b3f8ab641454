// The URL hash codec (web/js/state/url.js): what a link holds and how a bad link is read.
// Plain node:test on the page's modules (no browser, no engine).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeHash, decodeHash, MAX_HASH } from '../../web/js/state/url.js';
import { defaultSettings, defaultLayer } from '../../web/js/state/settings.js';
import { PRESETS } from '../../web/js/lessons/presets.js';
import { presetSettings } from '../../web/js/lessons/preset-settings.js';

const entries = (hash) => new Map(hash.split('&').map((part) => part.split('=')));

describe('writing a link', () => {
  it('always writes what shapes the run, so a later change of a default cannot change an old link', () => {
    const written = entries(encodeHash(defaultSettings()));
    for (const name of ['data', 'noise', 'n', 'train', 'val', 'std', 'dseed', 'feat', 'layers', 'opt', 'lr', 'b1', 'b2', 'eps', 'bs', 'sched', 'seed']) {
      assert.ok(written.has(name), `${name} is written`);
    }
    assert.equal(written.get('lr'), '0.03');
    assert.equal(written.get('layers'), '4:tanh:xavier_uniform:0.1:off:0:0,2:tanh:xavier_uniform:0.1:off:0:0');
  });

  it('leaves out run settings that do not apply (momentum under Adam, the step schedule\'s step size under a constant rate)', () => {
    const written = entries(encodeHash(defaultSettings()));
    for (const name of ['mom', 'rho', 'ss', 'gamma', 'ds', 'ts', 'minlr', 'k']) assert.ok(!written.has(name), name);
    const momentum = entries(encodeHash({ ...defaultSettings(), optimizer: 'momentum', schedule: 'step' }));
    for (const name of ['mom', 'ss', 'gamma']) assert.ok(momentum.has(name), name);
    for (const name of ['b1', 'b2', 'eps', 'bc']) assert.ok(!momentum.has(name), name);
  });

  it('writes view and embed settings only when they differ from their default', () => {
    const plain = entries(encodeHash(defaultSettings()));
    for (const name of ['showtest', 'disc', 'losslog', 'embed', 'hide', 'lang', 'speed', 'steps', 'preset']) assert.ok(!plain.has(name), name);
    const framed = entries(encodeHash({ ...defaultSettings(), showTest: false, embed: true, hide: ['paths', 'export'], steps: 250 }));
    assert.equal(framed.get('showtest'), '0');
    assert.equal(framed.get('embed'), '1');
    assert.equal(framed.get('hide'), 'paths,export');
    assert.equal(framed.get('steps'), '250');
  });

  it('reads back to the same settings: defaults, every preset, and odd layers', () => {
    const cases = [defaultSettings(), ...PRESETS.map((p) => presetSettings(p.id)),
      { ...defaultSettings(), layers: [] },
      { ...defaultSettings(), layers: [defaultLayer({ units: 7, activation: 'elu', init: 'normal', initParam: 0.25, norm: 'after', dropout: 0.3, bias: -1.5 })] },
      { ...defaultSettings(), features: ['x1^2', 'sin(x2)'], dataset: 'spiral', classes: 5, learningRate: 1e-5 }];
    for (const settings of cases) {
      const { settings: read, errors } = decodeHash(`#${encodeHash(settings)}`);
      assert.deepEqual(errors, []);
      assert.deepEqual(read, settings);
    }
  });
});

describe('reading a link', () => {
  it('reads an empty hash, with or without "#", as the base settings', () => {
    for (const hash of ['', '#']) assert.deepEqual(decodeHash(hash), { settings: defaultSettings(), initial: defaultSettings(), changes: [], errors: [] });
    const base = { ...defaultSettings(), learningRate: 0.5 };
    assert.equal(decodeHash('n=50', base).settings.learningRate, 0.5);
  });

  it('skips and reports each bad entry and applies the good ones', () => {
    const { settings, errors } = decodeHash('#lr=abc&n=50&opt=lbfgs&bs=0&mystery=1&std=maybe');
    assert.equal(settings.samples, 50);
    assert.equal(settings.learningRate, defaultSettings().learningRate);
    assert.equal(settings.optimizer, 'adam');
    assert.deepEqual(errors.map((e) => [e.url, e.error.code]), [['lr', 'number'], ['opt', 'choice'], ['bs', 'range'], ['mystery', 'unknownKey'], ['std', 'bool']]);
    assert.equal(errors[0].error.got, 'abc');
  });

  it('reports a broken percent-encoding and a too long hash', () => {
    const broken = decodeHash('#lr=%E0%A4%A&n=40');
    assert.deepEqual(broken.errors, [{ url: 'lr', error: { code: 'encoding' } }]);
    assert.equal(broken.settings.samples, 40);
    const long = decodeHash(`#n=40&x=${'a'.repeat(MAX_HASH)}`);
    assert.deepEqual(long.errors, [{ url: '#', error: { code: 'tooLong' } }]);
    assert.deepEqual(long.settings, defaultSettings());
  });

  it('clips a long bad value in its report (it is shown back to the learner)', () => {
    const { errors } = decodeHash(`#opt=${'x'.repeat(100)}`);
    assert.equal(errors[0].error.got.length, 60);
    assert.ok(errors[0].error.got.endsWith('...'));
  });

  it('refuses training and validation shares above 1 together and keeps the base split', () => {
    const { settings, errors } = decodeHash('#train=0.9&val=0.5&n=60');
    assert.deepEqual(errors, [{ url: 'val', error: { code: 'splitSum' } }]);
    assert.equal(settings.trainRatio, 0.6);
    assert.equal(settings.validationRatio, 0.2);
    assert.equal(settings.samples, 60);
  });

  it('applies mid-run changes on top of the step-0 values, which stay readable for the replay', () => {
    const { settings, initial, changes, errors } = decodeHash('#lr=0.02&steps=400&chg=120.lr.0.005~300.lr.0.04');
    assert.deepEqual(errors, []);
    assert.equal(initial.learningRate, 0.02);
    assert.equal(settings.learningRate, 0.04);
    assert.deepEqual(changes, [{ step: 120, key: 'learningRate', value: 0.005 }, { step: 300, key: 'learningRate', value: 0.04 }]);
  });

  it('checks a change against the link\'s step count even when steps comes after chg', () => {
    const { changes, errors } = decodeHash('#chg=500.lr.0.1&steps=400');
    assert.deepEqual(changes, []);
    assert.deepEqual(errors.map((e) => [e.url, e.error.code, e.error.step, e.error.steps]), [['chg', 'changeAfterEnd', 500, 400]]);
  });
});
