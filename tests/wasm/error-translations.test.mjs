// Every error the engine can produce can be worded in both languages (issue 7, item 15): each
// code of engine.errorCodes() has an "engine.<code>" text in en.js and ko.js with the same
// placeholders, and so does every id a parameter carries (JSON types, what was read, memory terms).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import path from 'node:path';
import { describeEachFlavor, ROOT, smallSpec } from './harness.mjs';

const { default: en } = await import(path.join(ROOT, 'web/js/i18n/en.js'));
const { default: ko } = await import(path.join(ROOT, 'web/js/i18n/ko.js'));

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Ids the engine puts in parameters named type/expected, what and term (spec/json_reader.cpp, idx.cpp,
// spec/model_file.cpp, run/run_memory.cpp).
const PARAMETER_IDS = {
  type: ['null', 'boolean', 'number', 'whole_number', 'string', 'string_array', 'array', 'object', 'unsupported'],
  what: ['spec', 'model', 'optimizer', 'experiment', 'json', 'file', 'image', 'label'],
  term: ['parameters', 'activations', 'evaluation', 'grid', 'data'],
};

describeEachFlavor('error translations', (context) => {
  it('every error code has an English and a Korean text with the same placeholders', () => {
    const codes = context.engine.errorCodes();
    assert.ok(codes.length > 40 && codes.includes('range') && codes.includes('memory_budget'));
    for (const code of codes) {
      const key = `engine.${code}`;
      assert.ok(typeof en[key] === 'string', `en.js has no ${key}`);
      assert.ok(typeof ko[key] === 'string', `ko.js has no ${key}`);
      assert.deepEqual(placeholders(ko[key]), placeholders(en[key]), key);
    }
  });

  it('every id a parameter carries has both texts', () => {
    for (const [group, ids] of Object.entries(PARAMETER_IDS)) {
      for (const id of ids) {
        assert.ok(en[`engine.${group}.${id}`] && ko[`engine.${group}.${id}`], `engine.${group}.${id}`);
      }
    }
  });

  it('errors of real calls carry a known code, their field and their parameters', () => {
    const codes = new Set(context.engine.errorCodes());
    const cases = [
      [() => context.engine.createRun(smallSpec({ layers: [{ type: 'dense', units: 0 }] })), 'integer_range', 'layers[0].units'],
      [() => context.engine.createRun({ ...smallSpec(), extra: 1 }), 'unknown_key', 'extra'],
      [() => context.engine.createRun(smallSpec({ optimizer: { kind: 'lbfgs' } })), 'choice', 'optimizer.kind'],
      [() => context.engine.createRun(smallSpec({ training: { batch_size: 'ten' } })), 'type', 'training.batch_size'],
      [() => context.engine.importModel('{"format": '), 'parse', ''],
      [() => context.engine.activationCurve('softmax', 0, -1, 1, 10), 'softmax_curve', 'activation'],
      [() => context.engine.functionGrid('book', 1), 'integer_range', 'resolution'],
    ];
    for (const [call, code, field] of cases) {
      assert.throws(call, (error) => {
        assert.equal(error.code, code, error.message);
        assert.ok(codes.has(error.code));
        assert.equal(error.field, field);
        assert.equal(typeof error.params, 'object');
        return true;
      });
    }
  });
});
