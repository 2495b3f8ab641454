// Parses and checks one value against its row of the settings table.
// Used by the URL codec (text from a link) and by the controls (text a learner typed), so both
// refuse the same things with the same message. Never throws: returns { value } or { error }.
// An error is data ({ code, ...details }); i18n turns it into a sentence in the current language.

import { LAYER_FIELDS, MAX_LAYERS } from './settings.js';

// Plain decimal or scientific notation only: no hex, no "Infinity", no whitespace tricks.
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const MAX_TEXT = 4000;  // a hash longer than this is not something the page wrote

export function parseNumber(text) {
  if (typeof text === 'number') return Number.isFinite(text) ? text : NaN;
  if (typeof text !== 'string' || !NUMBER_TEXT.test(text.trim())) return NaN;
  return Number(text.trim());
}

function checkRange(row, value, text) {
  if (row.min !== undefined && value < row.min) return { error: { code: 'range', min: row.min, max: row.max, got: text } };
  if (row.max !== undefined && value > row.max) return { error: { code: 'range', min: row.min, max: row.max, got: text } };
  return { value };
}

export function parseValue(row, text) {
  if (typeof text === 'string' && text.length > MAX_TEXT) return { error: { code: 'tooLong' } };
  switch (row.type) {
    case 'int': {
      const value = parseNumber(text);
      if (!Number.isInteger(value)) return { error: { code: 'int', got: text } };
      return checkRange(row, value, text);
    }
    case 'number': {
      const value = parseNumber(text);
      if (!Number.isFinite(value)) return { error: { code: 'number', got: text } };
      return checkRange(row, value, text);
    }
    case 'bool':
      if (text === true || text === '1' || text === 'true') return { value: true };
      if (text === false || text === '0' || text === 'false') return { value: false };
      return { error: { code: 'bool', got: text } };
    case 'choice':
      if (row.choices && !row.choices.includes(text)) return { error: { code: 'choice', got: text, choices: row.choices } };
      return { value: text };
    case 'set': {
      const items = Array.isArray(text) ? text : (text === '' ? [] : String(text).split(','));
      for (const item of items) {
        if (!row.choices.includes(item)) return { error: { code: 'choice', got: item, choices: row.choices } };
      }
      const unique = row.choices.filter((c) => items.includes(c));  // table order, no duplicates
      if (unique.length < (row.minItems ?? 0)) return { error: { code: 'minItems', min: row.minItems } };
      return { value: unique };
    }
    case 'layers':
      return parseLayers(text, row.maxItems ?? MAX_LAYERS);
    default:
      return { error: { code: 'unknownType' } };
  }
}

// "units:activation:init:initParam:norm:dropout:bias" per layer, layers separated by ",".
// Trailing fields may be left out (they take their defaults). An empty text is a net with no hidden layer.
export function parseLayers(text, maxItems = MAX_LAYERS) {
  if (Array.isArray(text)) return checkLayerObjects(text, maxItems);
  if (typeof text !== 'string') return { error: { code: 'layers', got: String(text) } };
  if (text === '') return { value: [] };
  const parts = text.split(',');
  if (parts.length > maxItems) return { error: { code: 'tooManyLayers', max: maxItems } };
  const layers = [];
  for (let i = 0; i < parts.length; i++) {
    const fields = parts[i].split(':');
    if (fields.length > LAYER_FIELDS.length) return { error: { code: 'layerFields', layer: i + 1, got: parts[i] } };
    const layer = {};
    for (let f = 0; f < LAYER_FIELDS.length; f++) {
      const row = LAYER_FIELDS[f];
      if (f >= fields.length || fields[f] === '') { layer[row.key] = row.default; continue; }
      const parsed = parseValue(row, fields[f]);
      if (parsed.error) return { error: { ...parsed.error, code: 'layerField', inner: parsed.error.code, layer: i + 1, field: row.key } };
      layer[row.key] = parsed.value;
    }
    layers.push(layer);
  }
  return { value: layers };
}

function checkLayerObjects(list, maxItems) {
  if (list.length > maxItems) return { error: { code: 'tooManyLayers', max: maxItems } };
  const text = list.map(formatLayer).join(',');
  return parseLayers(text, maxItems);
}

export function formatLayer(layer) {
  return LAYER_FIELDS.map((row) => formatValue(row, layer[row.key])).join(':');
}

export function formatValue(row, value) {
  switch (row.type) {
    case 'bool': return value ? '1' : '0';
    case 'set': return value.join(',');
    case 'layers': return value.map(formatLayer).join(',');
    default: return String(value);
  }
}

// Checks that span several settings; returns a list of errors (empty when fine).
export function crossCheck(settings) {
  const errors = [];
  if (settings.trainRatio + settings.validationRatio > 1 + 1e-9) {
    errors.push({ key: 'validationRatio', error: { code: 'splitSum' } });
  }
  return errors;
}
