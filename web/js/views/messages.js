// The message area: problems with links, typed values, uploaded files, the engine.
// Each message has an optional id so a repeated problem replaces its old message instead of
// piling up, and can be cleared once fixed. Text goes in through textContent only.

import { el } from './dom.js';
import { t } from '../i18n/i18n.js';

export function createMessages(container) {
  const byId = new Map();
  function clear(id) {
    byId.get(id)?.remove();
    byId.delete(id);
  }
  // kind: 'warn' | 'error' | 'info'; lines: extra bullet points (e.g. one per bad URL entry).
  function show(kind, text, id = null, lines = [], { timeout = 0 } = {}) {
    if (id) clear(id);
    const close = el('button', { type: 'button', class: 'icon-button', 'aria-label': t('msg.dismiss') }, '×');
    const body = el('div', { class: 'text' }, text);
    if (lines.length) body.append(el('ul', {}, ...lines.map((line) => el('li', {}, line))));
    const node = el('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-id': id || '' }, body, close);
    close.addEventListener('click', () => { node.remove(); if (id) byId.delete(id); });
    container.append(node);
    if (id) byId.set(id, node);
    if (timeout) setTimeout(() => { if (node.isConnected) node.remove(); if (id && byId.get(id) === node) byId.delete(id); }, timeout);
    return node;
  }
  return { show, clear };
}
