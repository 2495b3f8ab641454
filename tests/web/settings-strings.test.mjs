// A setting is one row of settings.js plus its strings: a row that gets a generic control must
// have its label in both languages, or the page would show the key instead.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SETTINGS } from '../../web/js/state/settings.js';
import en from '../strings/en.mjs';
import ko from '../strings/ko.mjs';

it('every row with a control or a place in the spec has its label in English and Korean', () => {
  for (const row of SETTINGS.filter((r) => r.control || r.spec)) {
    for (const [language, strings] of [['en', en], ['ko', ko]]) {
      assert.equal(typeof strings[`setting.${row.key}`], 'string', `${language}: setting.${row.key}`);
    }
  }
});
