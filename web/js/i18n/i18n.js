// Language switch: t(key, params) looks a string up in the current dictionary; elements with
// data-i18n="key" (textContent), data-i18n-title / data-i18n-aria / data-i18n-placeholder are
// refreshed by applyTranslations(). Views that build text themselves listen with onLanguageChange.
//
// English is the fallback of every key and comes with this module; another language's table is
// fetched only when a page first switches to it (21 KB gzip of Korean that an English visit never
// needs, before its first training step or after), so setLanguage() returns a promise.

import en from './en.js';
import { readStored, writeStored } from '../state/storage.js';

// The tables of the other languages, each loaded once, on first use; a page's own strings
// (addStrings) come with them.
const LOADERS = { ko: [() => import('./ko.js')] };
const dictionaries = { en };

// A page's own strings on top of the shared tables (the lab's 'lab.*' keys: the sandbox never
// downloads them): English at once, another language with its table. Call it before the first
// setLanguage().
export function addStrings(english, loaders) {
  Object.assign(en, english);
  for (const [lang, load] of Object.entries(loaders)) LOADERS[lang].push(load);
}
export const LANGUAGES = ['en', 'ko'];
const STORAGE_KEY = 'nnsandbox.lang';

let current = 'en';
let requested = 'en';
const listeners = new Set();

export function t(key, params) {
  return fillIn(dictionaries[current][key] ?? en[key] ?? key, params);
}

// "{name}" placeholders replaced by params.name; unknown ones are left as they are.
export function fillIn(text, params) {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (params[name] === undefined ? whole : String(params[name])));
}

export function has(key) { return key in en; }
export function language() { return current; }

// The URL may force a language (an embed for a Korean class); otherwise the stored choice,
// otherwise the browser's preference.
export function initialLanguage(fromUrl) {
  if (LANGUAGES.includes(fromUrl)) return fromUrl;
  const stored = readStored(STORAGE_KEY);
  if (LANGUAGES.includes(stored)) return stored;
  const browser = (navigator.language || 'en').slice(0, 2);
  return LANGUAGES.includes(browser) ? browser : 'en';
}

// Switches the page to `lang` once its table is here: at once (the promise is already settled) when it
// was loaded before, else when it arrives. Of several quick switches the last one wins. A table that
// cannot be loaded (offline before the service worker kept a copy) leaves the page in its language.
export function setLanguage(lang, { remember = true } = {}) {
  if (!LANGUAGES.includes(lang)) return Promise.resolve();
  requested = lang;
  if (remember) writeStored(STORAGE_KEY, lang);
  if (dictionaries[lang]) {
    apply(lang);
    return Promise.resolve();
  }
  return Promise.all(LOADERS[lang].map((load) => load())).then(
    (modules) => {
      dictionaries[lang] = Object.assign({}, ...modules.map((module) => module.default));
      if (requested === lang) apply(lang);
    },
    () => {});
}

function apply(lang) {
  current = lang;
  document.documentElement.lang = lang;
  applyTranslations(document);
  for (const listener of listeners) listener(lang);
}

export function onLanguageChange(listener) { listeners.add(listener); }

export function applyTranslations(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
}

// A validation error ({ code, ...details }) as a sentence in the current language.
export function describeError(error) {
  const params = { ...error };
  if (error.code === 'layerField') {
    params.inner = t(`err.${error.inner}`, error);
    params.field = t(`builder.${error.field}`) === `builder.${error.field}` ? error.field : t(`builder.${error.field}`);
  }
  return t(`err.${error.code}`, params);
}
