// Checking one value against its row of the settings table (web/js/state/validate.js): the same
// check for text from a link and text a learner typed. Plain node:test, no browser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNumber, parseValue, parseLayers, formatValue, crossCheck } from '../../web/js/state/validate.js';
import { SETTINGS, SETTING_BY_KEY, LAYER_FIELDS, MAX_LAYERS, defaultSettings } from '../../web/js/state/settings.js';

const row = (key) => SETTING_BY_KEY[key];

describe('numbers', () => {
  it('reads plain decimal and scientific notation only', () => {
    for (const [text, value] of [['1', 1], ['-2.5', -2.5], ['.5', 0.5], ['3.', 3], ['1e-3', 0.001], ['+4E2', 400], [' 7 ', 7]]) {
      assert.equal(parseNumber(text), value, text);
    }
    for (const text of ['0x10', 'Infinity', '-Infinity', 'NaN', '', '1,5', '1e', 'e5', '1 2', null, undefined, {}]) {
      assert.ok(Number.isNaN(parseNumber(text)), String(text));
    }
    assert.equal(parseNumber(2), 2);
    assert.ok(Number.isNaN(parseNumber(Infinity)));
  });

  it('refuses a fraction for a whole number, and values outside the row\'s range with its limits', () => {
    assert.deepEqual(parseValue(row('samples'), '150'), { value: 150 });
    assert.deepEqual(parseValue(row('samples'), '150.5'), { error: { code: 'int', got: '150.5' } });
    assert.deepEqual(parseValue(row('samples'), '5'), { error: { code: 'range', min: 20, max: 2000, got: '5' } });
    assert.deepEqual(parseValue(row('noise'), '0.7'), { error: { code: 'range', min: 0, max: 0.5, got: '0.7' } });
    assert.deepEqual(parseValue(row('noise'), 'lots'), { error: { code: 'number', got: 'lots' } });
    assert.deepEqual(parseValue(row('learningRate'), '1e-5'), { value: 1e-5 });
  });

  it('refuses text longer than any link the page writes', () => {
    assert.deepEqual(parseValue(row('noise'), '1'.repeat(4001)), { error: { code: 'tooLong' } });
  });
});

describe('choices, switches and sets', () => {
  it('accepts a switch as 1/0, true/false or a boolean', () => {
    for (const on of ['1', 'true', true]) assert.deepEqual(parseValue(row('standardize'), on), { value: true });
    for (const off of ['0', 'false', false]) assert.deepEqual(parseValue(row('standardize'), off), { value: false });
    assert.equal(parseValue(row('standardize'), 'yes').error.code, 'bool');
  });

  it('accepts only the listed choices', () => {
    assert.deepEqual(parseValue(row('optimizer'), 'rmsprop'), { value: 'rmsprop' });
    const { error } = parseValue(row('optimizer'), 'lbfgs');
    assert.equal(error.code, 'choice');
    assert.deepEqual(error.choices, row('optimizer').choices);
  });

  it('puts a set in table order without duplicates and checks its size', () => {
    assert.deepEqual(parseValue(row('features'), 'x2,x1,x2'), { value: ['x1', 'x2'] });
    assert.deepEqual(parseValue(row('features'), ['sin(x1)', 'x1^2']), { value: ['x1^2', 'sin(x1)'] });
    assert.deepEqual(parseValue(row('features'), ''), { error: { code: 'minItems', min: 1 } });
    assert.deepEqual(parseValue(row('hide'), ''), { value: [] });
    assert.deepEqual(parseValue(row('features'), 'x1,x3'), { error: { code: 'choice', got: 'x3', choices: row('features').choices } });
  });
});

describe('hidden layers', () => {
  it('reads "units:activation:init:initParam:norm:dropout:bias" per layer; left-out fields take their defaults', () => {
    const { value } = parseLayers('8:relu,3');
    assert.equal(value.length, 2);
    assert.deepEqual(value[0], { units: 8, activation: 'relu', init: 'xavier_uniform', initParam: 0.1, norm: 'off', dropout: 0, bias: 0 });
    assert.equal(value[1].units, 3);
    assert.equal(value[1].activation, 'tanh');
    assert.deepEqual(parseLayers('5::he_normal').value[0].init, 'he_normal');
    assert.deepEqual(parseLayers(''), { value: [] });
  });

  it('names the layer and field of a bad value', () => {
    assert.deepEqual(parseLayers('4,300'), { error: { code: 'layerField', inner: 'range', min: 1, max: 256, got: '300', layer: 2, field: 'units' } });
    assert.equal(parseLayers('4:swish').error.field, 'activation');
    assert.deepEqual(parseLayers('4:tanh:xavier_uniform:0.1:off:0:0:extra'), { error: { code: 'layerFields', layer: 1, got: '4:tanh:xavier_uniform:0.1:off:0:0:extra' } });
  });

  it('refuses more than MAX_LAYERS layers, as text or as objects', () => {
    assert.deepEqual(parseLayers(Array(MAX_LAYERS + 1).fill('2').join(',')), { error: { code: 'tooManyLayers', max: MAX_LAYERS } });
    assert.deepEqual(parseValue(row('layers'), Array(MAX_LAYERS + 1).fill(defaultSettings().layers[0])), { error: { code: 'tooManyLayers', max: MAX_LAYERS } });
  });
});

describe('every row', () => {
  it('reads back its own default as written for a link', () => {
    for (const r of [...SETTINGS, ...LAYER_FIELDS]) {
      assert.deepEqual(parseValue(r, formatValue(r, r.default)), { value: r.default }, r.key);
    }
  });

  it('has a type the checker knows', () => {
    for (const r of SETTINGS) assert.notEqual(parseValue(r, formatValue(r, r.default)).error?.code, 'unknownType', r.key);
    assert.deepEqual(parseValue({ key: 'x', type: 'colour' }, 'red'), { error: { code: 'unknownType' } });
  });
});

it('checks that the training and validation shares leave room for each other', () => {
  assert.deepEqual(crossCheck(defaultSettings()), []);
  assert.deepEqual(crossCheck({ ...defaultSettings(), trainRatio: 0.7, validationRatio: 0.3 }), []);
  assert.deepEqual(crossCheck({ ...defaultSettings(), trainRatio: 0.8, validationRatio: 0.3 }), [{ key: 'validationRatio', error: { code: 'splitSum' } }]);
});
