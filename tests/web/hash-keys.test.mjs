// Link keys that are names of Object's own properties (issue 8, item 7): "__proto__",
// "constructor", "toString", "hasOwnProperty" and "valueOf" used to find Object.prototype's
// members in the settings table and were reported as "undefined: unknown type". Both pages must
// report them as unknown keys, like any other unknown name, and keep the rest of the link.
// Plain node:test on the page's modules (no browser, no engine).
import assert from 'node:assert/strict';
import { it, describe } from 'node:test';
import { decodeHash, readLabHash } from '../../web/js/state/url.js';

const OBJECT_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf',
  '__defineGetter__', 'propertyIsEnumerable', 'toLocaleString'];

describe('the sandbox link', () => {
  for (const key of OBJECT_KEYS) {
    it(`reports "${key}" as an unknown key and keeps the other entries`, () => {
      const { settings, errors } = decodeHash(`#${key}=1&lr=0.3`);
      assert.deepEqual(errors, [{ url: key, error: { code: 'unknownKey' } }]);
      assert.equal(settings.learningRate, 0.3);
      assert.equal(Object.getPrototypeOf(settings), Object.prototype);
    });
  }
});

describe('the lab link', () => {
  const parse = (text) => (/^\d+$/.test(text) ? { value: Number(text) } : { error: { code: 'int', got: text } });
  const views = { overfit: { fields: [{ name: 'epochs', parse }] } };
  for (const key of OBJECT_KEYS) {
    it(`reports "${key}" as an unknown setting and as an unknown experiment`, () => {
      const setting = readLabHash(`#exp=overfit&${key}=1&epochs=7`, views);
      assert.deepEqual(setting.errors, [{ key: 'lab.link.unknownSetting', params: { name: key, exp: 'overfit' } }]);
      assert.deepEqual(setting.values.map((v) => v.value), [7]);
      const experiment = readLabHash(`#exp=${key}&epochs=7`, views);
      assert.equal(experiment.id, null);
      assert.deepEqual(experiment.errors, [{ key: 'lab.link.unknownExp', params: { got: key } }]);
    });
  }
});
