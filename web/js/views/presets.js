// The experiment menu and the lesson note. Choosing an experiment starts from the defaults and
// applies the preset (so it always gives the same run); the note says what to watch.

import { defaultSettings, defaultLayer } from '../state/settings.js';
import { PRESETS, PRESET_GROUPS, PRESET_BY_ID } from '../lessons/presets.js';
import { t, onLanguageChange } from '../i18n/i18n.js';
import { el } from './dom.js';

// The settings of a preset on top of `keep` (language and embed choices survive a preset).
export function presetSettings(id, keep = {}) {
  const preset = PRESET_BY_ID[id];
  const base = defaultSettings();
  if (!preset) return base;
  const settings = { ...base, ...structuredClone(preset.settings), preset: id };
  if (preset.settings.layers) settings.layers = preset.settings.layers.map((l) => defaultLayer(l));
  for (const key of ['lang', 'embed', 'hide', 'speed']) if (key in keep) settings[key] = keep[key];
  return settings;
}

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
