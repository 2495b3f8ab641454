// The experiment menu and the lesson note. Choosing an experiment starts from the defaults and
// applies the preset (so it always gives the same run); the note says what to watch. Choosing adds
// a history entry (main.js, origin 'preset'), so Back returns to the network before.
//
// A closed <select> changes its value on every arrow key in most browsers (and fires 'change'
// each time in Chromium and Firefox): a learner reading the list would load every experiment on
// the way. And a list opened from the keyboard may commit whatever entry was highlighted when it
// closes, even on Escape (Chromium on Linux). So after any key on the menu, a change only shows
// the entry; Enter loads it, Escape or leaving the menu puts back the one in use. A choice made
// with the mouse or by touch (the list opened by a pointer) loads at once, as before.

import { PRESETS, PRESET_GROUPS } from '../lessons/presets.js';
import { presetSettings } from '../lessons/preset-settings.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { el } from './dom.js';


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
    if (event.key === 'Enter' && browsing) {
      event.preventDefault();   // Chromium would open the list on Enter
      choose();
    } else if (event.key === 'Escape' && browsing) {
      setBrowsing(false);
      select.value = store.settings.preset;
    } else if (!['Tab', 'Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) {
      // Arrows, Home/End, a letter, or Space / Alt+Down opening the list from the keyboard: what
      // follows is browsing, until Enter (or a pointer) chooses.
      browsing = true;
    }
  });
  select.addEventListener('pointerdown', () => setBrowsing(false));
  select.addEventListener('change', () => {
    if (browsing) { pending.hidden = select.value === store.settings.preset; return; }
    choose();
  });
  select.addEventListener('blur', () => { if (browsing) { setBrowsing(false); select.value = store.settings.preset; } });
  close.addEventListener('click', () => store.set({ preset: '' }));
  store.subscribe(refresh, ['preset']);
  onLanguageChange(() => { fill(); refresh(); });
  fill();
  refresh();
}
