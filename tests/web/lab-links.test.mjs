// The lab's links (web/js/state/url.js: labHash writes, readLabHash reads): round trips, flags,
// and every kind of bad input, each reported as a code for the page to word (never thrown, never
// applied). The fields are the lab's own validation (views/fields.js: rows judged by
// state/validate.js) without their DOM part. Plain node:test: no browser, no engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labHash, readLabHash, MAX_HASH } from '../../web/js/state/url.js';
import { parseValue } from '../../web/js/state/validate.js';
import { fieldProblem } from '../../web/js/views/fields.js';

// A field as views/fields.js makes it, holding `value` as its current text.
function field(name, row, value) {
  return { name, row, value, parse: (text) => parseValue(row, text), problem: (error) => fieldProblem(row, error), linkText: () => String(value) };
}

function overfitFields() {
  return [
    field('use-plain', { type: 'bool' }, '1'),
    field('lambda', { type: 'number', min: 0, max: 10 }, '0.1'),
    field('epochs', { type: 'int', min: 1, max: 500 }, '200'),
    field('activation', { type: 'choice', choices: ['relu', 'tanh', 'leaky_relu'] }, 'leaky_relu'),
  ];
}

const views = () => ({ overfit: { fields: overfitFields() }, softmax: { fields: [] } });
const valuesOf = (link) => Object.fromEntries(link.values.map(({ field: f, value }) => [f.name, value]));

describe('labHash and readLabHash round trip', () => {
  it('write every field of the experiment and read them back as values', () => {
    const hash = labHash('overfit', overfitFields());
    assert.equal(hash, '#exp=overfit&use-plain=1&lambda=0.1&epochs=200&activation=leaky_relu');
    const link = readLabHash(hash, views());
    assert.equal(link.id, 'overfit');
    assert.deepEqual(link.errors, []);
    assert.deepEqual(valuesOf(link), { 'use-plain': true, lambda: 0.1, epochs: 200, activation: 'leaky_relu' });
    assert.equal(link.embed, false);
    assert.equal(link.lang, null);
  });

  it('carry the embed and language flags', () => {
    const hash = labHash('overfit', overfitFields(), { embed: true, lang: 'ko' });
    assert.match(hash, /&embed=1&lang=ko$/);
    const link = readLabHash(hash, views());
    assert.equal(link.embed, true);
    assert.equal(link.lang, 'ko');
    assert.deepEqual(link.errors, []);
  });

  it('encode what needs encoding and keep commas readable', () => {
    const scores = { name: 'scores', parse: (text) => ({ value: text }), linkText: () => '1000, 1010 & 990' };
    const hash = labHash('softmax', [scores]);
    assert.equal(hash, '#exp=softmax&scores=1000,%201010%20%26%20990');
    const link = readLabHash(hash, { softmax: { fields: [scores] } });
    assert.deepEqual(link.values.map((v) => v.value), ['1000, 1010 & 990']);
  });

  it('leave out a field whose text is not valid (the receiver gets its default)', () => {
    const fields = [field('epochs', { type: 'int', min: 1, max: 500 }, '20')];
    fields[0].linkText = () => null;
    assert.equal(labHash('overfit', fields), '#exp=overfit');
  });

  it('treat a hash without "=" as a jump to a section, not a link', () => {
    for (const hash of ['', '#', '#overfit']) assert.deepEqual(readLabHash(hash, views()), { id: null, values: [], embed: false, lang: null, errors: [] });
  });
});

describe('readLabHash with bad input', () => {
  const keys = (link) => link.errors.map((e) => e.key);

  it('ignores a link longer than any the lab writes', () => {
    const link = readLabHash(`#exp=overfit&epochs=${'1'.repeat(MAX_HASH)}`, views());
    assert.deepEqual(keys(link), ['lab.link.tooLong']);
    assert.equal(link.id, null);
  });

  it('reports broken percent-encoding and keeps the other entries', () => {
    const link = readLabHash('#exp=overfit&epochs=%E0%A4%A&lambda=0.5', views());
    assert.deepEqual(link.errors, [{ key: 'lab.link.encoding', params: { got: 'epochs=%E0%A4%A' } }]);
    assert.deepEqual(valuesOf(link), { lambda: 0.5 });
  });

  it('reports an unknown experiment and applies nothing', () => {
    const link = readLabHash('#exp=nope&epochs=5', views());
    assert.equal(link.id, null);
    assert.deepEqual(link.errors, [{ key: 'lab.link.unknownExp', params: { got: 'nope' } }]);
    assert.deepEqual(link.values, []);
  });

  it('reports settings without an experiment', () => {
    const link = readLabHash('#epochs=5', views());
    assert.deepEqual(link.errors, [{ key: 'lab.link.noExp', params: { name: 'epochs' } }]);
  });

  it('reports bad flags; embed without a known experiment is off', () => {
    const link = readLabHash('#exp=overfit&embed=yes&lang=fr', views());
    assert.deepEqual(keys(link), ['lab.link.badFlag', 'lab.link.badFlag']);
    assert.deepEqual(link.errors[0].params, { name: 'embed', got: 'yes', allowed: '0, 1' });
    assert.deepEqual(link.errors[1].params, { name: 'lang', got: 'fr', allowed: 'en, ko' });
    assert.equal(link.embed, false);
    assert.equal(link.lang, null);
    assert.equal(readLabHash('#exp=nope&embed=1', views()).embed, false);
  });

  it('reports unknown settings and clips long text', () => {
    const name = 'x'.repeat(100);
    const link = readLabHash(`#exp=overfit&${name}=1`, views());
    assert.deepEqual(link.errors, [{ key: 'lab.link.unknownSetting', params: { name: `${'x'.repeat(37)}...`, exp: 'overfit' } }]);
  });

  it('refuses bad values with a code; the field words the reason', () => {
    const link = readLabHash('#exp=overfit&epochs=2.5&lambda=abc&use-plain=2&activation=soft&epochs=9999', views());
    assert.deepEqual(valuesOf(link), {});
    assert.deepEqual(link.errors.map((e) => [e.params.name, e.params.got, e.error.code]),
      [['epochs', '2.5', 'int'], ['lambda', 'abc', 'number'], ['use-plain', '2', 'bool'], ['activation', 'soft', 'choice'], ['epochs', '9999', 'range']]);
    assert.deepEqual(link.errors.map((e) => e.field.problem(e.error)), [
      'A whole number from 1 to 500.', 'Enter a number.', 'Must be 1 (on) or 0 (off).',
      'Must be one of: relu, tanh, leaky_relu.', 'A whole number from 1 to 500.']);
  });

  it('never reads a value as hex, Infinity or an overflowing number', () => {
    for (const text of ['0x10', 'Infinity', '1e999', '-']) {
      const link = readLabHash(`#exp=overfit&lambda=${text}`, views());
      assert.deepEqual(link.values, [], text);
      assert.equal(link.errors.length, 1, text);
    }
  });
});
