// "Copy link" and "Embed…": the link carries every setting plus the current step, so the receiver
// replays the same run to the same point. The embed code is an iframe with embed=1 and the
// panels the teacher chose to hide. Optimizer changes made during the run go along (`chg`, with
// the step-0 values in the normal fields), so the replayed curve matches after each change too.

import { HIDEABLE } from '../state/settings.js';
import { encodeHash, MAX_HASH } from '../state/url.js';
import { linkWithChanges } from '../state/changes.js';
import { t, onLanguageChange, language } from '../i18n/i18n.js';
import { el } from './dom.js';
import { iframeCode, autoHeightScript, frameHeight as roundedHeight } from '../embed-code.js';
import { contentHeight } from '../embed-height.js';
import { createEmbedMeasure } from './embed-measure.js';

// Room above the measured height for what grows while training (a divergence note, wider numbers).
const HEIGHT_SLACK = 24;
const frameHeight = (measured) => roundedHeight(measured, HEIGHT_SLACK);

export function shareUrl(settings, extra = {}, changes = []) {
  const base = window.location.href.split('#')[0];
  return `${base}#${encodeHash({ ...settings, ...extra }, changes)}`;
}

// A link to the current run at its current step, with its mid-run changes (state/changes.js).
function runUrl(store, runState, messages, extra = {}) {
  const urlOf = (link) => shareUrl(link.settings, { ...extra, steps: link.steps }, link.changes);
  const fits = (link) => { const url = urlOf(link); return url.length - url.indexOf('#') - 1 <= MAX_HASH; };
  const link = linkWithChanges(store.settings, runState.changeLog, runState.step, fits);
  if (link.dropped) {
    // More changes than a link may carry (the receiver would refuse them): it replays those that fit.
    const all = runState.changeLog.changes;
    messages.show('warn', t('share.tooManyChanges', { count: all.length, kept: link.changes.length, step: all[link.changes.length].step }), 'changes');
  }
  return urlOf(link);
}

// Clipboard access is refused in some iframes and insecure contexts: fall back to selecting the
// text so the learner can copy it by hand, and say so.
async function copyText(text, messages, fallbackField) {
  try {
    await navigator.clipboard.writeText(text);
    messages.show('info', t('share.copied'), 'copy', [], { timeout: 2500 });
    return true;
  } catch {
    if (fallbackField) { fallbackField.focus(); fallbackField.select(); }
    messages.show('info', t('share.copyManual'), 'copy', fallbackField ? [] : [text]);
    return false;
  }
}

export function createShare({ linkButton, embedButton, dialog, options, code, copyButton, closeButton, openFull, heightNote, script, copyScriptButton },
  store, runState, messages) {
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
    const url = runUrl(store, runState, messages, embedFlags());
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
    measure.measure(shareUrl(store.settings, { ...embedFlags(), steps: 0 }));
  }

  linkButton.addEventListener('click', () => copyText(runUrl(store, runState, messages), messages));
  embedButton.addEventListener('click', () => { remeasure(); dialog.showModal(); });
  for (const b of boxes) b.box.addEventListener('change', () => { if (dialog.open) remeasure(); });
  copyButton.addEventListener('click', () => copyText(code.value, messages, code));
  copyScriptButton.addEventListener('click', () => copyText(script.value, messages, script));
  closeButton.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => measure.stop());
  onLanguageChange(() => { if (dialog.open) remeasure(); else renderCode(); });

  // In embed mode a small link opens the full page (same settings, no embed flags) in a new tab.
  const refreshOpenFull = () => { openFull.href = shareUrl(store.settings, { embed: false, hide: [], steps: 0 }); };
  store.subscribe(refreshOpenFull);
  refreshOpenFull();
}

// Hides the page chrome and the teacher-chosen panels in embed mode.
export function applyEmbed(settings) {
  document.body.classList.toggle('embed', settings.embed);
  for (const node of document.querySelectorAll('[data-panel]')) {
    node.hidden = settings.embed && settings.hide.includes(node.dataset.panel);
  }
}
