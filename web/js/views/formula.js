// Typesets our own TeX strings with the vendored KaTeX into a fresh element (katex.render builds
// the DOM itself; no innerHTML on our side). Explanations = formula + a one-line note.

import katex from '../../vendor/katex/katex.mjs';
import { el } from './dom.js';
import { t } from '../i18n/i18n.js';

export function formulaElement(tex) {
  const node = el('div', { class: 'formula' });
  try {
    katex.render(tex, node, { throwOnError: false, displayMode: false, output: 'html', strict: 'ignore' });
  } catch {
    node.textContent = tex;  // never leave an empty box
  }
  return node;
}

// One explanation block: a heading, the formula, the note from i18n.
export function explainItem(heading, tex, noteKey) {
  const item = el('div', { class: 'explain-item' }, el('h3', {}, heading));
  if (tex) item.append(formulaElement(tex));
  const note = t(noteKey);
  if (note && note !== noteKey) item.append(el('p', { class: 'note' }, note));
  return item;
}
