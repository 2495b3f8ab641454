// describeEngineError (web/js/i18n/engine-errors.js), used by both pages: an engine error in the
// current language from its code and parameters, with the field path; ids among the parameters
// translated; the English message when a code has no text. Plain node:test with a stub document.
import assert from 'node:assert/strict';
import { it, describe, before, after } from 'node:test';

globalThis.document ??= { documentElement: {}, querySelectorAll: () => [] };
const { setLanguage } = await import('../../web/js/i18n/i18n.js');
const { describeEngineError } = await import('../../web/js/i18n/engine-errors.js');
const { EngineError, errorPayload } = await import('../../web/js/engine-error.js');

const RANGE = { code: 'integer_range', field: 'layers[0].units', params: { min: '1', max: '4096', got: '0' }, message: 'must be a whole number between 1 and 4096 (got 0)' };
const TYPE = { code: 'type', field: 'training.batch_size', params: { expected: 'number', type: 'string' }, message: 'must be a number (got a string)' };
const PARSE = { code: 'parse', field: '', params: { what: 'model', line: '3', column: '7' }, message: 'the model file is not valid JSON (line 3, column 7)' };

describe('engine errors in Korean', () => {
  before(() => setLanguage('ko', { remember: false }));
  after(() => setLanguage('en', { remember: false }));
  it('words a range error with its field and numbers', () => {
    assert.equal(describeEngineError(RANGE), 'layers[0].units: 1 이상 4096 이하의 정수여야 합니다 (받은 값: 0)');
  });
  it('translates type ids and what was read', () => {
    assert.equal(describeEngineError(TYPE), 'training.batch_size: 숫자 형식이어야 합니다 (받은 것: 문자열)');
    assert.equal(describeEngineError(PARSE), '모델 파일: 올바른 JSON이 아닙니다 (3행 7열)');
  });
  it('works on a thrown EngineError and on its plain form from a worker', () => {
    const error = new EngineError(RANGE);
    assert.equal(describeEngineError(error), describeEngineError(errorPayload(error)));
    assert.equal(error.message, 'layers[0].units: must be a whole number between 1 and 4096 (got 0)');
  });
  it('falls back to the English message for a code without a text', () => {
    assert.equal(describeEngineError({ code: 'from_a_newer_engine', field: 'x', params: {}, message: 'something new' }), 'x: something new');
    assert.equal(describeEngineError(errorPayload(new Error('HTTP 404'))), 'HTTP 404');
  });
});

describe('engine errors in English', () => {
  it('match the core\'s own English message', () => {
    for (const error of [RANGE, TYPE]) assert.equal(describeEngineError(error), `${error.field}: ${error.message}`);
    assert.equal(describeEngineError(PARSE), 'the model file is not valid JSON (line 3, column 7)');
  });
});
