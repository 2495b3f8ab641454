// The page's URL hash decoder (web/js/state/url.js and the modules it uses), property-based with
// fast-check: a link is text anyone can craft, so decodeHash must take any text without
// throwing, report each bad entry with a message the page can show, and leave only valid
// settings; and every link the page itself writes must read back to the same run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeHash, encodeHash } from '../../web/js/state/url.js';
import { SETTINGS, LAYER_FIELDS, LIVE_KEYS, SETTING_BY_KEY, defaultSettings, isRelevant } from '../../web/js/state/settings.js';
import { parseValue, formatValue } from '../../web/js/state/validate.js';
import EN from '../strings/en.mjs';

const RUNS = Number(process.env.FUZZ_URL_RUNS || 2000);

// ---- generators of valid values, from the settings table itself ------------------------------

function valueOf(row) {
  switch (row.type) {
    case 'int': return fc.integer({ min: row.min, max: row.max });
    // -0 is written as "0": it reads back as 0, the same number for the run
    case 'number': return fc.double({ min: row.min, max: row.max, noNaN: true }).map((x) => (x === 0 ? 0 : x));
    case 'bool': return fc.boolean();
    case 'choice': return fc.constantFrom(...row.choices);
    case 'set': return fc.subarray(row.choices, { minLength: row.minItems ?? 0 });
    case 'layers': return fc.array(layer, { maxLength: row.maxItems });
    default: throw new Error(`no generator for ${row.type}`);
  }
}
// plain objects, as the page builds them (fast-check's default records have no prototype)
const record = (entries) => fc.record(Object.fromEntries(entries), { noNullPrototype: true });
const layer = record(LAYER_FIELDS.map((field) => [field.key, valueOf(field)]));

const validSettings = record(SETTINGS.map((row) => [row.key, valueOf(row)]))
  .filter((s) => s.trainRatio + s.validationRatio <= 1);

// Mid-run changes in step order, none after the link's last step.
const changesFor = (settings) => fc.array(
  fc.tuple(fc.integer({ min: 0, max: settings.steps }), fc.constantFrom(...LIVE_KEYS))
    .chain(([step, key]) => valueOf(SETTING_BY_KEY[key]).map((value) => ({ step, key, value }))),
  { maxLength: 5 },
).map((list) => list.sort((a, b) => a.step - b.step));

// ---- generators of hostile text ---------------------------------------------------------------

const knownNames = SETTINGS.map((row) => row.url).concat(['chg']);
// Names an object lookup can trip on: inherited properties of a plain object.
const prototypeNames = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf'];
const name = fc.oneof(fc.constantFrom(...knownNames), fc.constantFrom(...prototypeNames), fc.string({ maxLength: 12 }));
const value = fc.oneof(
  fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }),
  fc.double().map(String), fc.integer().map(String), fc.constantFrom('', 'NaN', 'Infinity', '-0', '1e999', '0x10', ' 1', '1,2,,3'),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 8 }).map((parts) => parts.join(':')),
  fc.array(fc.string({ maxLength: 6 }), { maxLength: 8 }).map((parts) => parts.join(',')),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 6 }).map((parts) => parts.join('~')));
const encode = (text, raw) => (raw ? text : encodeURIComponent(text));
const entriesHash = fc.array(fc.tuple(name, value, fc.boolean()), { maxLength: 12 })
  .map((entries) => `#${entries.map(([n, v, raw]) => `${encode(n, raw)}=${encode(v, raw)}`).join('&')}`);
const anyHash = fc.oneof(entriesHash, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }).map((s) => `#${s}`));

// ---- properties -------------------------------------------------------------------------------

// Every setting of a decoded hash is one the page could have set itself.
function assertValidSettings(settings) {
  for (const row of SETTINGS) {
    const parsed = parseValue(row, formatValue(row, settings[row.key]));
    assert.equal(parsed.error, undefined, `${row.key} = ${JSON.stringify(settings[row.key])}`);
  }
  assert.ok(settings.trainRatio + settings.validationRatio <= 1 + 1e-9, 'the split fits');
}

// Every error names its entry and has a message in the page's language files.
function assertExplained(errors) {
  for (const { url, error } of errors) {
    assert.equal(typeof url, 'string', `error without an entry name: ${JSON.stringify(error)}`);
    assert.ok(Object.hasOwn(EN, `err.${error.code}`), `no message for error code ${error.code}`);
    assert.notEqual(error.code, 'unknownType', `entry "${url}" reached a row that is not a setting`);
  }
}

test('any text decodes without throwing: bad entries are reported, the settings stay valid', () => {
  fc.assert(fc.property(anyHash, (hash) => {
    const { settings, initial, errors } = decodeHash(hash);
    assertValidSettings(settings);
    assertValidSettings(initial);
    assertExplained(errors);
  }), { numRuns: RUNS });
});

test('a link the page writes reads back to the same settings and mid-run changes, with no error', () => {
  const withChanges = validSettings.chain((settings) => changesFor(settings).map((changes) => ({ settings, changes })));
  fc.assert(fc.property(withChanges, ({ settings, changes }) => {
    const decoded = decodeHash(`#${encodeHash(settings, changes)}`);
    assert.deepEqual(decoded.errors, []);
    assert.deepEqual(decoded.changes, changes);
    const defaults = defaultSettings();
    for (const row of SETTINGS) {
      // a setting that does not apply (momentum under Adam) is left out of the link
      const expected = isRelevant(row, settings) ? settings[row.key] : defaults[row.key];
      assert.deepEqual(decoded.initial[row.key], expected, row.key);
    }
  }), { numRuns: RUNS });
});

test('a written link decoded on top of other settings gives the same run', () => {
  fc.assert(fc.property(validSettings, validSettings, (settings, base) => {
    const once = decodeHash(`#${encodeHash(settings)}`).settings;
    const onTop = decodeHash(`#${encodeHash(settings)}`, base).settings;
    for (const row of SETTINGS) {
      if (['data', 'features', 'network', 'training', 'schedule', 'regularization'].includes(row.group) && isRelevant(row, settings))
        assert.deepEqual(onTop[row.key], once[row.key], row.key);
    }
  }), { numRuns: RUNS / 4 });
});
