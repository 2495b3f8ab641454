// format.js: the numbers the page shows. formatCount writes what toLocaleString('en-US') writes,
// without calling it (its first call loads the browser's number data before the first step).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCount, formatNumber, formatPercent } from '../../web/js/format.js';

test('formatCount groups thousands as en-US does, rounding to a whole number', () => {
  for (const value of [0, 5, 999, 1000, 12345, 999999.4, 1234567, -1234.6, -2.5, 0.5, 1e15, 2 ** 53]) {
    assert.equal(formatCount(value), Math.round(value).toLocaleString('en-US'), String(value));
  }
  assert.equal(formatCount(-0.4), '0', 'no "-0"');
  assert.equal(formatCount(NaN), 'NaN');
  assert.equal(formatCount(Infinity), '∞');
});

test('formatNumber and formatPercent: a few significant digits, never a raw NaN', () => {
  assert.equal(formatNumber(0.123456), '0.123');
  assert.equal(formatNumber(123456), '1.23e+5');
  assert.equal(formatNumber(0.0001234, 2), '1.2e-4');
  assert.equal(formatNumber(null), '–');
  assert.equal(formatNumber(-Infinity), '−∞');
  assert.equal(formatPercent(0.9876), '98.8 %');
  assert.equal(formatPercent(NaN), '–');
});
