// The experiment menu and the lesson note. Choosing an experiment starts from the defaults and
// applies the preset (so it always gives the same run); the note says what to watch. Choosing adds
// a history entry (main.js, origin 'preset'), so Back returns to the network before.
//
// A closed <select> changes its value on every arrow key in most browsers (and fires 'change'
// each time in Chromium and Firefox): a learner reading the list would load every experiment on
// the way. So a change that follows a browsing key only shows the entry; Enter loads it, Escape or
// leaving the menu puts back the one in use. A choice with the mouse or touch (or from the open
// list) loads at once, as before.

import { PRESETS, PRESET_GROUPS } from '../lessons/presets.js';
import { presetSettings } from '../lessons/preset-settings.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { el } from './dom.js';

const BROWSING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

export function createPresetMenu({ select, note, title, text, close, pending }, store) {
  let browsing = false;
  const setBrowsing = (on) => { browsing = on; pending.hidden = !on; };
  function choose() {
    setBrowsing(false);
    if (!select.value) { select.value = store.settings.preset; return; }
    store.set(presetSettings(select.value, store.settings), 'preset');
  }

  function fill() {
    const groups = PRESET_GROUPS.map((group) => el('optgroup', { label: t(`presetGroup.${group}`) },
      ...PRESETS.filter((p) => p.group === group).map((p) => el('option', { value: p.id }, t(`preset.${p.id}.title`)))));
    select.replaceChildren(el('option', { value: '' }, t('menu.presetNone')), ...groups);
    select.value = store.settings.preset;
  }
  function refresh() {
    const id = store.settings.preset;
    select.value = id;
    note.hidden = !id;
    if (id) { title.textContent = t(`preset.${id}.title`); text.textContent = t(`preset.${id}.note`); }
  }
  select.addEventListener('keydown', (event) => {
    if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) return;   // opens the list
    // Typing a letter jumps to an entry, like an arrow key.
    if (BROWSING_KEYS.has(event.key) || (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey)) {
      browsing = true;
    } else if (event.key === 'Enter' && browsing) {
      choose();
    } else if (event.key === 'Escape' && browsing) {
      setBrowsing(false);
      select.value = store.settings.preset;
    }
  });
  select.addEventListener('pointerdown', () => setBrowsing(false));
  select.addEventListener('change', () => {
    if (browsing) { pending.hidden = select.value === store.settings.preset; return; }
    choose();
  });
  select.addEventListener('blur', () => { if (browsing) { setBrowsing(false); select.value = store.settings.preset; } });
  close.addEventListener('click', () => store.set({ preset: '' }));
  store.subscribe((keys) => { if (keys.includes('preset')) refresh(); });
  onLanguageChange(() => { fill(); refresh(); });
  fill();
  refresh();
}
