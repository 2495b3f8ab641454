// "Copy link" and "Copy embed code" in each experiment's heading. The link opens the Lab at that
// experiment with its current settings; the embed code is an iframe showing only that experiment.
// Whatever was copied also appears in a read-only box beside the buttons: the clipboard is refused
// in some iframes and insecure pages, and a teacher may want to read the code anyway.

import { el } from '../views/dom.js';
import { t, language } from '../i18n/i18n.js';
import { labHash } from './lab-url.js';
import { iframeCode, autoHeightScript, frameHeight } from '../embed-code.js';

// The page's own address (without its hash) followed by the experiment's link hash.
export function labLink(view, flags = {}) {
  return `${window.location.href.split('#')[0]}${labHash(view.element.id, view.fields, flags)}`;
}

// Heights (px) of each experiment embedded in a course column EMBED_WIDTH px wide, after a run
// with its default settings (a training's charts and tables appear only after Run, so the
// section's height before it would be too small). Measured at 760 px by tools/measure-lab-embeds.mjs.
const RESULT_HEIGHTS = {
  activations: 2791, softmax: 516, 'init-histograms': 2716, 'optimizer-mnist': 898,
  batchnorm: 1477, overfit: 1269, 'random-search': 1139, preprocessing: 981,
};
// Room for what a teacher's own settings add (a longer table, a wrapped line), in steps of 10 px.
const HEIGHT_SLACK = 30;

function embedHeight(element) {
  return frameHeight(RESULT_HEIGHTS[element.id] ?? 1000, HEIGHT_SLACK);
}

export function addShareTools(view) {
  const button = (key) => el('button', { type: 'button', class: 'button small lab-share-button', 'data-i18n': key }, t(key));
  const linkButton = button('lab.share.link');
  const embedButton = button('lab.share.embed');
  const scriptButton = button('lab.share.script');
  scriptButton.dataset.i18nTitle = 'lab.share.scriptHelp';
  scriptButton.title = t('lab.share.scriptHelp');
  const note = el('span', { class: 'lab-share-note', role: 'status', 'aria-live': 'polite' });
  const box = el('textarea', { class: 'lab-share-text', readonly: true, rows: 2, spellcheck: 'false', 'data-i18n-aria': 'lab.share.box', 'aria-label': t('lab.share.box'), hidden: true });
  const tools = el('div', { class: 'lab-share' }, linkButton, embedButton, scriptButton, note);
  view.element.querySelector('.lab-head').append(tools);
  view.element.querySelector('.lab-intro').before(box);

  async function copy(text, kind) {
    box.hidden = false;
    box.value = text;
    box.dataset.kind = kind;
    try {
      await navigator.clipboard.writeText(text);
      note.textContent = t('lab.share.copied');
    } catch {
      box.focus();
      box.select();
      note.textContent = t('lab.share.copyManual');
    }
  }

  linkButton.addEventListener('click', () => copy(labLink(view), 'link'));
  embedButton.addEventListener('click', () => {
    const title = `${t('lab.pageTitle')}: ${view.element.querySelector('.lab-title [data-i18n]').textContent}`;
    copy(iframeCode({ src: labLink(view, { embed: true, lang: language() }), title, lang: language(), height: embedHeight(view.element) }), 'embed');
  });
  scriptButton.addEventListener('click', () => copy(autoHeightScript(window.location.origin), 'script'));
}
