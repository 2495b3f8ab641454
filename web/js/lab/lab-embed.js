// Embed mode (#exp=<id>&embed=1): only that experiment, without the page chrome (header, footer,
// introduction, table of contents, the other sections), for an iframe on a course page. A small
// link opens the full Lab at the same experiment in a new tab. Nothing here touches window.top or
// the host page: the iframe is usually on another origin.

import { el } from '../views/dom.js';
import { t } from '../i18n/i18n.js';

// views: every mounted experiment; shown: the one to keep. Returns { setHref(url) }.
export function applyEmbed(views, shown) {
  // main.css hides .chrome under body.embed; lab.css narrows the layout under .lab-embed.
  document.body.classList.add('embed', 'lab-embed');
  document.querySelector('.lab-hero').hidden = true;
  for (const view of views) view.element.hidden = view !== shown;
  const open = el('a', { class: 'open-full lab-open-full', target: '_blank', rel: 'noopener', 'data-i18n': 'lab.openFull' }, t('lab.openFull'));
  shown.element.querySelector('.lab-head').append(open);
  return { setHref(url) { open.href = url; } };
}
