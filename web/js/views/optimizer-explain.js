// The formula and one-line note of the chosen optimizer, under the training controls.

import { optimizerTex } from '../catalog.js';
import { onLanguageChange } from '../i18n/i18n.js';
import { explainItem } from './formula.js';
import { choiceLabel } from './controls.js';

export function createOptimizerExplain(container, store) {
  const render = () => {
    const kind = store.settings.optimizer;
    container.replaceChildren(explainItem(choiceLabel('optimizer', kind), optimizerTex(kind), `note.optimizer.${kind}`));
  };
  store.subscribe(render, ['optimizer']);
  onLanguageChange(render);
  render();
}
