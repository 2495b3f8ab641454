// Words for what tells runs apart (state/run-differences.js): the pinned curves' labels and compare
// mode's "what differs" line.

import { t } from '../i18n/i18n.js';
import { SETTING_BY_KEY } from '../state/settings.js';
import { choiceLabel } from './controls.js';
import { featureLabel } from './features.js';

export function settingName({ key, layerField }) {
  if (!layerField) return t(`setting.${key}`);
  const field = { units: t('builder.units'), initParam: `${t('builder.init')} ${t('builder.param.value')}` }[layerField] ?? t(`builder.${layerField}`);
  return `${t('setting.layers')} · ${field}`;
}

export function valueText({ key, value }) {
  return typeof value === 'boolean' ? (value ? '✓' : t('off'))
    : Array.isArray(value) ? value.map((v) => (key === 'features' ? featureLabel(v) : v)).join(', ')
    : SETTING_BY_KEY[key]?.type === 'choice' ? choiceLabel(key, value) : String(value);
}

// "name: value", one run's side of a difference.
export function differenceText(difference) {
  return `${settingName(difference)}: ${valueText(difference)}`;
}
