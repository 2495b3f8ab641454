// The experiment menu and the lesson note. Choosing an experiment starts from the defaults and
// applies the preset (so it always gives the same run); the note says what to watch.

import { PRESETS, PRESET_GROUPS } from '../lessons/presets.js';
import { presetSettings } from '../lessons/preset-settings.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { el } from './dom.js';

export function createPresetMenu({ select, note, title, text, close }, store) {
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
  select.addEventListener('change', () => {
    if (!select.value) return;
    store.set(presetSettings(select.value, store.settings));
  });
  close.addEventListener('click', () => store.set({ preset: '' }));
  store.subscribe((keys) => { if (keys.includes('preset')) refresh(); });
  onLanguageChange(() => { fill(); refresh(); });
  fill();
  refresh();
}
