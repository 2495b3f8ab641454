// Sharing, on both pages: links, embed codes, the clipboard, embed mode.
// Sandbox: "Copy link" and "Embed…": the link carries every setting plus the current step, so the
// receiver replays the same run to the same point. The embed code is an iframe with embed=1 and
// the panels the teacher chose to hide. Optimizer changes made during the run go along (`chg`, with
// the step-0 values in the normal fields), so the replayed curve matches after each change too.
// Lab: "Copy link", "Copy embed code" and "Auto-height script" in each experiment's heading
// (addLabShareTools); embed mode shows one experiment (applyLabEmbed).

import { HIDEABLE } from '../state/settings.js';
import { labHash, MAX_HASH } from '../state/url.js';
import { encodeCompareHash } from '../state/compare-url.js';
import { linkWithChanges } from '../state/changes.js';
import { t, onLanguageChange, language } from '../i18n/i18n.js';
import { el } from './dom.js';
import { iframeCode, autoHeightScript, frameHeight as roundedHeight } from '../embed-code.js';
import { contentHeight } from '../embed-height.js';
import { createEmbedMeasure } from './embed-measure.js';

// Room above the measured height for what grows while training (a divergence note, wider numbers).
const HEIGHT_SLACK = 24;
const frameHeight = (measured) => roundedHeight(measured, HEIGHT_SLACK);

// This page's own address (without its hash) followed by `hash` (with its '#').
function pageUrl(hash) {
  return `${window.location.href.split('#')[0]}${hash}`;
}

// b: compare mode's run B ({ settings, changes }), or null.
export function shareUrl(settings, extra = {}, changes = [], b = null) {
  return pageUrl(`#${encodeCompareHash({ ...settings, ...extra }, b?.settings ?? null, changes, b?.changes ?? [])}`);
}

// A link to the current run at its current step, with its mid-run changes (state/changes.js);
// in compare mode run B's too (compareLink(): { settings, changes } or null).
function runUrl(store, runState, messages, extra = {}, compareLink = () => null) {
  const b = compareLink();
  const urlOf = (link) => shareUrl(link.settings, { ...extra, steps: link.steps }, link.changes, b);
  const fits = (link) => { const url = urlOf(link); return url.length - url.indexOf('#') - 1 <= MAX_HASH; };
  const link = linkWithChanges(store.settings, runState.changeLog, runState.step, fits);
  if (link.dropped) {
    // More changes than a link may carry (the receiver would refuse them): it replays those that fit.
    const all = runState.changeLog.changes;
    messages.show('warn', t('share.tooManyChanges', { count: all.length, kept: link.changes.length, step: all[link.changes.length].step }), 'changes');
  }
  return urlOf(link);
}

// Clipboard access is refused in some iframes and insecure contexts: then the field holding the
// text (if any) is selected so the learner can copy it by hand. Returns whether the clipboard took it.
async function copyText(text, fallbackField = null) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (fallbackField) { fallbackField.focus(); fallbackField.select(); }
    return false;
  }
}

// The sandbox says how the copy went in its message area.
async function copyWithMessage(text, messages, fallbackField) {
  const copied = await copyText(text, fallbackField);
  if (copied) messages.show('info', t('share.copied'), 'copy', [], { timeout: 2500 });
  else messages.show('info', t('share.copyManual'), 'copy', fallbackField ? [] : [text]);
  return copied;
}

export function createShare({ linkButton, embedButton, dialog, options, code, copyButton, closeButton, openFull, heightNote, script, copyScriptButton },
  store, runState, messages, compareLink = () => null) {
  const chosen = new Set(['paths', 'export', 'presets']);
  const boxes = HIDEABLE.map((panel) => {
    const box = el('input', { type: 'checkbox', value: panel });
    box.addEventListener('change', () => { if (box.checked) chosen.add(panel); else chosen.delete(panel); renderCode(); });
    const label = el('span');
    options.append(el('label', {}, box, label));
    return { panel, box, label };
  });

  // The frame's height: measured in a hidden frame of the course-page width with the same panels;
  // until the first report, the height of this page (its header and footer make it generous).
  let measured = null;
  const measure = createEmbedMeasure((height) => { measured = height; renderCode(); });
  const hidden = () => HIDEABLE.filter((p) => chosen.has(p));
  const embedFlags = () => ({ embed: true, hide: hidden(), lang: language() });

  function embedCode() {
    const url = runUrl(store, runState, messages, embedFlags(), compareLink);
    const preset = store.settings.preset;
    const title = preset ? `${t('app.title')}: ${t(`preset.${preset}.title`)}` : t('app.title');
    return iframeCode({ src: url, title, lang: language(), height: frameHeight(measured ?? contentHeight()) });
  }
  function renderCode() {
    for (const b of boxes) { b.box.checked = chosen.has(b.panel); b.label.textContent = t(`hide.${b.panel}`); }
    code.value = embedCode();
    heightNote.textContent = measured === null ? t('share.embedMeasuring') : t('share.embedHeight', { height: frameHeight(measured) });
    dialog.dataset.measured = String(measured !== null);
    script.value = autoHeightScript(window.location.origin);
  }
  function remeasure() {
    measured = null;
    renderCode();
    // No replay for measuring: the layout does not depend on the step.
    measure.measure(shareUrl(store.settings, { ...embedFlags(), steps: 0 }, [], compareLink()));
  }

  linkButton.addEventListener('click', () => copyWithMessage(runUrl(store, runState, messages, {}, compareLink), messages));
  embedButton.addEventListener('click', () => { remeasure(); dialog.showModal(); });
  for (const b of boxes) b.box.addEventListener('change', () => { if (dialog.open) remeasure(); });
  copyButton.addEventListener('click', () => copyWithMessage(code.value, messages, code));
  copyScriptButton.addEventListener('click', () => copyWithMessage(script.value, messages, script));
  closeButton.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => measure.stop());
  onLanguageChange(() => { if (dialog.open) remeasure(); else renderCode(); });

  // In embed mode a small link opens the full page (same settings, no embed flags) in a new tab.
  const refreshOpenFull = () => { openFull.href = shareUrl(store.settings, { embed: false, hide: [], steps: 0 }, [], compareLink()); };
  store.subscribe(refreshOpenFull);
  refreshOpenFull();
}

// Hides the page chrome and the teacher-chosen panels in embed mode.
// main.css hides .chrome under body.embed, on both pages.
export function applyEmbed(settings) {
  document.body.classList.toggle('embed', settings.embed);
  for (const node of document.querySelectorAll('[data-panel]')) {
    node.hidden = settings.embed && settings.hide.includes(node.dataset.panel);
  }
  placeOpenFull();
}

// The sandbox's "Open in NN Sandbox" sits at the end of the run bar's row; with the run bar hidden,
// on a line of its own above the panels. (A label fixed in the frame's corner covered the charts.)
function placeOpenFull() {
  const link = document.getElementById('open-full');
  const runbar = document.querySelector('[data-panel="runbar"]');
  if (!link || !runbar) return;
  if (runbar.hidden) runbar.before(link);
  else runbar.append(link);
}

// ---- The lab -------------------------------------------------------------------------------------

// A lab experiment's link: the lab page at that experiment with its current settings.
export function labLink(view, flags = {}) {
  return pageUrl(labHash(view.element.id, view.fields, flags));
}

// Heights (px) of each experiment embedded in a course column EMBED_WIDTH px wide, after a run
// with its default settings (a training's charts and tables appear only after Run, so the
// section's height before it would be too small). Measured at 760 px by tools/measure-lab-embeds.mjs.
const LAB_RESULT_HEIGHTS = {
  activations: 2791, softmax: 516, 'init-histograms': 2716, 'init-training': 878, 'optimizer-mnist': 898,
  batchnorm: 1477, overfit: 1806, 'random-search': 1139, 'dropout-ensemble': 1350, 'grid-search': 1804, preprocessing: 981,
  'loss-targets': 1206, history: 1781,
};
// Room for what a teacher's own settings add (a longer table, a wrapped line), in steps of 10 px.
const LAB_HEIGHT_SLACK = 30;

// "Copy link" and "Copy embed code" in an experiment's heading: the link opens the lab at that
// experiment with its current settings; the embed code is an iframe showing only that experiment.
// Whatever was copied also appears in a read-only box beside the buttons: the clipboard is refused
// in some iframes and insecure pages, and a teacher may want to read the code anyway.
export function addLabShareTools(view) {
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
    note.textContent = t(await copyText(text, box) ? 'lab.share.copied' : 'lab.share.copyManual');
  }

  linkButton.addEventListener('click', () => copy(labLink(view), 'link'));
  embedButton.addEventListener('click', () => {
    const title = `${t('lab.pageTitle')}: ${view.element.querySelector('.lab-title [data-i18n]').textContent}`;
    const height = roundedHeight(LAB_RESULT_HEIGHTS[view.element.id] ?? 1000, LAB_HEIGHT_SLACK);
    copy(iframeCode({ src: labLink(view, { embed: true, lang: language() }), title, lang: language(), height }), 'embed');
  });
  scriptButton.addEventListener('click', () => copy(autoHeightScript(window.location.origin), 'script'));
}

// Lab embed mode (#exp=<id>&embed=1): only that experiment, without the page chrome (header,
// footer, introduction, table of contents, the other sections), for an iframe on a course page. A
// small link opens the full lab at the same experiment in a new tab. Nothing here touches
// window.top or the host page: the iframe is usually on another origin.
// views: every mounted experiment; shown: the one to keep. Returns { setHref(url) }.
export function applyLabEmbed(views, shown) {
  // lab.css narrows the layout under .lab-embed.
  document.body.classList.add('embed', 'lab-embed');
  document.querySelector('.lab-hero').hidden = true;
  for (const view of views) view.element.hidden = view !== shown;
  const open = el('a', { class: 'open-full lab-open-full', target: '_blank', rel: 'noopener', 'data-i18n': 'lab.openFull' }, t('lab.openFull'));
  shown.element.querySelector('.lab-head').append(open);
  return { setHref(url) { open.href = url; } };
}
