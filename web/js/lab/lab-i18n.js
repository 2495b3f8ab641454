// The Lab's texts on top of the page-wide language mechanism (../i18n/i18n.js): the language
// choice, its localStorage key and <html lang> are the main page's, so switching on one page
// carries over to the other. The Lab's own strings live in strings-en.js / strings-ko.js, so the
// main dictionaries stay untouched; elements carry data-lt="key" (textContent), data-lt-title
// and data-lt-aria, refreshed on every language change.

import { t, fillIn, language, onLanguageChange } from '../i18n/i18n.js';
import en from './strings-en.js';
import ko from './strings-ko.js';

const LAB = { en, ko };

// Lab key first, then the main dictionary (shared labels such as 'lang.label').
export function lt(key, params) {
  return fillIn(LAB[language()]?.[key] ?? en[key] ?? t(key), params);
}

export function applyLab(root = document) {
  for (const el of root.querySelectorAll('[data-lt]')) el.textContent = lt(el.dataset.lt);
  for (const el of root.querySelectorAll('[data-lt-title]')) el.title = lt(el.dataset.ltTitle);
  for (const el of root.querySelectorAll('[data-lt-aria]')) el.setAttribute('aria-label', lt(el.dataset.ltAria));
}

// Views that build text themselves (tables, chart titles) re-render here.
export function onLabLanguage(listener) {
  onLanguageChange(() => listener(language()));
}
