// An engine error (web/js/engine-error.js, or its plain form from a worker) as a sentence in the
// learner's language: the text of "engine.<code>" filled with the error's parameters, after the
// field path. Parameters that are identifiers (a JSON type, what was being read, the largest
// memory term) are translated too. The English message is the fallback for a code without a text.

import { t, has } from './i18n.js';

// Parameters whose value is an id with its own text: "engine.<group>.<value>".
const TRANSLATED_PARAMS = { type: 'type', expected: 'type', what: 'what', term: 'term' };

export function describeEngineError(error) {
  if (!error || typeof error !== 'object') return String(error);
  const params = { message: error.message ?? '', ...(error.params || {}) };
  for (const [name, group] of Object.entries(TRANSLATED_PARAMS)) {
    const key = `engine.${group}.${params[name]}`;
    if (params[name] !== undefined && has(key)) params[name] = t(key);
  }
  const key = `engine.${error.code}`;
  const text = has(key) ? t(key, params) : (error.message ?? '');
  return error.field ? t('engine.atField', { field: error.field, text }) : text;
}
