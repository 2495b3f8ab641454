// Keeps the address bar and the experiments' settings in step: a link's settings are put into
// the fields on load (bad entries reported, never applied), and whichever experiment the learner
// last changed or ran is mirrored into the hash (replaceState: no history entry per keystroke).
// A link pasted into the same tab (a hash-only change) reloads, so it is read exactly as on load.

import { readLabHash, labHash } from '../state/url.js';
import { labLink, applyLabEmbed } from '../views/share.js';
import { t } from '../i18n/i18n.js';

// A link's problem in the current language; a refused value's reason is worded by its field.
function describeLinkError(e) {
  return t(e.key, e.error ? { ...e.params, reason: e.field.problem(e.error) } : e.params);
}

// views: every mounted experiment ({ element, fields }); messages: views/messages.js.
// Returns the experiment the link named (or null) and whether the page is embedded.
export function syncLabLink(views, messages) {
  const byId = Object.fromEntries(views.map((view) => [view.element.id, view]));
  const link = readLabHash(window.location.hash, byId);
  for (const { field, value } of link.values) field.set(value);
  if (link.errors.length) messages.show('warn', t('lab.link.problems'), 'link', link.errors.map(describeLinkError));
  const shown = link.id ? byId[link.id] : null;
  const embed = link.embed ? applyLabEmbed(views, shown) : null;
  if (embed) embed.setHref(labLink(shown));

  // An embedded page keeps its flags in the hash, so a reload inside the iframe stays embedded.
  const flags = { embed: link.embed, lang: link.lang };
  let written = window.location.hash;
  function mirror(view) {
    written = labHash(view.element.id, view.fields, flags);
    window.history.replaceState(null, '', written);
    embed?.setHref(labLink(view));
  }
  for (const view of views) {
    view.element.addEventListener('change', (event) => { if (event.target.closest('.lab-controls')) mirror(view); });
    // Run, and buttons that set fields themselves (random search's "Narrow"), after their own handlers.
    view.element.addEventListener('click', (event) => { if (event.target.closest('.lab-controls button')) mirror(view); });
  }
  window.addEventListener('hashchange', () => {
    if (window.location.hash !== written && window.location.hash.includes('=')) window.location.reload();
  });
  return { shown, embedded: Boolean(embed) };
}
