// The string tables are split by page: en.js / ko.js hold what both pages show, lab-en.js /
// lab-ko.js the lab's own 'lab.*' text (the sandbox never downloads it). Each pair has the same keys,
// so a page in Korean finds every key it finds in English in the table it loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import en from '../../web/js/i18n/en.js';
import ko from '../../web/js/i18n/ko.js';
import labEn from '../../web/js/i18n/lab-en.js';
import labKo from '../../web/js/i18n/lab-ko.js';

test('the shared tables have the same keys, and none of the lab\'s own', () => {
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
  assert.deepEqual(Object.keys(en).filter((key) => key.startsWith('lab.')), []);
});

test('the lab\'s tables have the same keys, all of them lab.*', () => {
  assert.deepEqual(Object.keys(labKo).sort(), Object.keys(labEn).sort());
  assert.deepEqual(Object.keys(labEn).filter((key) => !key.startsWith('lab.')), []);
  assert.ok(Object.keys(labEn).length > 200);
});
