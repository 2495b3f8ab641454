// Typesets our own TeX strings with the vendored KaTeX into a fresh element (katex.render builds
// the DOM itself; no innerHTML on our side). Explanations = formula + a one-line note.
//
// KaTeX with its stylesheet and fonts is about 190 KB gzipped, a third of what the sandbox needs,
// so it is imported when the first formula is made, and on the sandbox page only once its first
// run exists (holdFormulas / releaseFormulas): the first training step never waits for it.
// Until then a formula box shows its TeX source.

import { el } from './dom.js';
import { t } from '../i18n/i18n.js';
import { whenIdle } from '../when-idle.js';
import { siteUrl } from '../site-url.js';

const source = new WeakMap();  // formula element -> its TeX
let katexLoading = null;
let held = false;
const waiting = new Set();     // made while held: typeset on release

function loadKatex() {
  if (!katexLoading) {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = siteUrl('vendor/katex/katex.min.css').href;
    document.head.append(style);
    katexLoading = import(siteUrl('vendor/katex/katex.mjs').href).then((module) => module.default);
  }
  return katexLoading;
}

function typeset(node) {
  loadKatex().then((katex) => {
    try {
      node.replaceChildren();
      katex.render(source.get(node), node, { throwOnError: false, displayMode: false, output: 'html', strict: 'ignore' });
      node.classList.remove('formula-pending');
    } catch {
      node.textContent = source.get(node);  // never leave an empty box
    }
  }, () => {});  // KaTeX missing: the TeX source stays
}

// The sandbox holds formulas back while it starts (at most `limitMs`, should the engine never
// start); lab pages never hold them.
export function holdFormulas(limitMs = 4000) {
  held = true;
  setTimeout(releaseFormulas, limitMs);
}

export function releaseFormulas() {
  if (!held) return;
  held = false;
  // A second later, when the page is idle: the first steps of the run come first.
  setTimeout(() => whenIdle(() => {
    for (const node of waiting) typeset(node);
    waiting.clear();
  }, { timeout: 1000 }), 1000);
}

export function formulaElement(tex) {
  const node = el('div', { class: 'formula formula-pending' });
  node.textContent = tex;
  source.set(node, tex);
  if (held) waiting.add(node); else typeset(node);
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
