// The network builder: one card per hidden layer (units, activation, initializer and its
// parameter, BatchNorm place, dropout, bias init), add / remove / move up / move down.
// Cards are rebuilt only when the list changes shape; a value change updates in place so
// the focused field keeps its focus.

import { LAYER_FIELDS, ACTIVATIONS, INITIALIZERS, NORM_PLACES, INIT_PARAM, INIT_PARAM_DEFAULT,
  MAX_LAYERS, SETTING_BY_KEY, defaultLayer } from '../state/settings.js';
import { parseValue } from '../state/validate.js';
import { taskOf } from '../state/spec.js';
import { NORM_TEX } from '../lessons/formulas.js';
import { activationTex, initTex } from '../catalog.js';
import { unitsText } from '../format.js';
import { t, describeError, onLanguageChange } from '../i18n/i18n.js';
import { el } from './dom.js';
import { choiceLabel } from './controls.js';
import { explainItem } from './formula.js';

const FIELD = Object.fromEntries(LAYER_FIELDS.map((f) => [f.key, f]));

export function createBuilder(container, explainBox, store, messages) {
  let cards = [];
  let shape = '';
  let explainIndex = 0;

  const setLayers = (layers) => store.set({ layers });
  const layersCopy = () => store.settings.layers.map((l) => ({ ...l }));

  function change(index, key, value) {
    const layers = layersCopy();
    layers[index][key] = value;
    if (key === 'init' && INIT_PARAM[value]) layers[index].initParam = INIT_PARAM_DEFAULT[value];
    explainIndex = index;
    setLayers(layers);
  }

  function move(index, delta) {
    const layers = layersCopy();
    const [layer] = layers.splice(index, 1);
    layers.splice(index + delta, 0, layer);
    explainIndex = index + delta;
    shape = '';
    setLayers(layers);
    container.querySelectorAll('.layer-card')[index + delta]?.querySelector(delta < 0 ? '.up' : '.down')?.focus();
  }

  // A typed number judged by its settings row: a bad value turns the field red with a message
  // naming it (place() gives "Hidden layer 2 · units"), and the last good value is kept.
  function validatedInput(key, row, place, messageId, commit) {
    const input = el('input', { type: 'text', inputmode: 'decimal', 'data-field': key, autocomplete: 'off' });
    input.addEventListener('change', () => {
      const parsed = parseValue(row, input.value);
      input.classList.toggle('invalid', Boolean(parsed.error));
      if (parsed.error) {
        messages.show('warn', t('msg.inputProblem', { field: place(), detail: describeError(parsed.error) }), messageId);
        return;
      }
      messages.clear(messageId);
      commit(parsed.value);
    });
    return input;
  }

  function numberInput(index, key, label) {
    return validatedInput(key, FIELD[key], () => `${t('builder.layer', { n: index + 1 })} · ${label()}`, `layer-${index}-${key}`,
      (value) => change(index, key, value));
  }

  // ariaLabel: for a select without a visible label of its own ("Hidden layer 2 · Activation").
  function select(index, key, choices, labelKey, ariaLabel) {
    const node = el('select', { 'data-field': key, 'aria-label': ariaLabel && `${t('builder.layer', { n: index + 1 })} · ${ariaLabel}` });
    node.replaceChildren(...choices.map((value) => el('option', { value }, choiceLabel(labelKey, value))));
    node.addEventListener('change', () => change(index, key, node.value));
    node.addEventListener('focus', () => { explainIndex = index; renderExplain(); });
    return node;
  }

  function card(index) {
    const units = numberInput(index, 'units', () => t('builder.units'));
    const initParam = numberInput(index, 'initParam', () => t('builder.param.std'));
    const dropout = numberInput(index, 'dropout', () => t('builder.dropout'));
    const bias = numberInput(index, 'bias', () => t('builder.bias'));
    const activation = select(index, 'activation', ACTIVATIONS, 'activation', t('builder.activation'));
    const init = select(index, 'init', INITIALIZERS, 'init');
    const norm = select(index, 'norm', NORM_PLACES, 'norm', t('builder.norm'));
    const paramLabel = el('span');
    const paramWrap = el('label', {}, paramLabel, initParam);
    const button = (cls, text, aria, onClick) => {
      const b = el('button', { type: 'button', class: `icon-button ${cls}`, 'aria-label': aria, title: aria }, text);
      b.addEventListener('click', onClick);
      return b;
    };
    const count = store.settings.layers.length;
    const up = button('up', '↑', t('builder.moveUp', { n: index + 1 }), () => move(index, -1));
    const down = button('down', '↓', t('builder.moveDown', { n: index + 1 }), () => move(index, 1));
    up.disabled = index === 0;
    down.disabled = index === count - 1;
    const remove = button('remove', '×', t('builder.removeLayer', { n: index + 1 }), () => {
      const layers = layersCopy();
      layers.splice(index, 1);
      explainIndex = Math.max(0, Math.min(explainIndex, layers.length - 1));
      setLayers(layers);
      // The removed button is gone: keyboard focus goes to the next layer's remove button (now at
      // this index), or to the add button after the last layer, instead of falling to the page.
      const next = list.querySelectorAll('.layer-card')[index]?.querySelector('.remove');
      (next ?? addButton).focus();
    });
    const node = el('div', { class: 'layer-card', 'data-layer': index },
      el('div', { class: 'row' },
        el('span', { class: 'title' }, t('builder.layer', { n: index + 1 })),
        el('label', {}, units, el('span', {}, t('builder.units'))),
        activation,
        el('span', { class: 'actions' }, up, down, remove)),
      el('div', { class: 'row' },
        el('label', {}, el('span', {}, t('builder.init')), init), paramWrap),
      el('div', { class: 'row' },
        norm,
        el('label', {}, el('span', {}, t('builder.dropout')), dropout),
        el('label', {}, el('span', {}, t('builder.bias')), bias)));
    node.addEventListener('focusin', () => { if (explainIndex !== index) { explainIndex = index; renderExplain(); } });
    return {
      node,
      update(layer) {
        const set = (input, value) => { if (document.activeElement !== input && !input.classList.contains('invalid')) input.value = String(value); };
        set(units, layer.units); set(dropout, layer.dropout); set(bias, layer.bias); set(initParam, layer.initParam);
        activation.value = layer.activation; init.value = layer.init; norm.value = layer.norm;
        const paramKey = INIT_PARAM[layer.init];
        paramWrap.hidden = !paramKey;
        if (paramKey) paramLabel.textContent = t(`builder.param.${paramKey}`);
      },
    };
  }

  const inputLine = el('div', { class: 'builder-io' });
  const list = el('div', { class: 'builder' });
  // The output layer: its size, output function and loss follow the task; its weight init is the
  // learner's (equal weights in the hidden layers *and* here keep a layer's units copies of each
  // other, the symmetry lesson).
  const outputText = el('span', { class: 'builder-head-text' });
  const headInit = el('select', { 'data-field': 'headInit' });
  headInit.addEventListener('change', () => {
    const patch = { headInit: headInit.value };
    if (INIT_PARAM[headInit.value]) patch.headInitParam = INIT_PARAM_DEFAULT[headInit.value];
    store.set(patch);
  });
  const headInitLabel = el('span');
  const headParamLabel = el('span');
  const headParam = validatedInput('headInitParam', SETTING_BY_KEY.headInitParam, () => `${t('builder.outputLayer')} · ${headParamLabel.textContent}`,
    'head-init-param', (value) => store.set({ headInitParam: value }));
  const headParamWrap = el('label', {}, headParamLabel, headParam);
  const outputLine = el('div', { class: 'builder-io builder-head' }, outputText,
    el('span', { class: 'row' }, el('label', {}, headInitLabel, headInit), headParamWrap));
  const addButton = el('button', { type: 'button', class: 'button small add-layer' });
  addButton.addEventListener('click', () => {
    const layers = layersCopy();
    if (layers.length >= MAX_LAYERS) { messages.show('warn', t('builder.maxLayers', { n: MAX_LAYERS }), 'max-layers'); return; }
    const last = layers[layers.length - 1];
    layers.push(last ? { ...last } : defaultLayer());
    explainIndex = layers.length - 1;
    setLayers(layers);
  });
  container.replaceChildren(inputLine, list, addButton, outputLine);

  function renderExplain() {
    const layer = store.settings.layers[explainIndex];
    if (!layer) { explainBox.replaceChildren(); return; }
    const items = [
      explainItem(`${t('builder.activation')}: ${choiceLabel('activation', layer.activation)}`, activationTex(layer.activation), `note.activation.${layer.activation}`),
      explainItem(`${t('builder.init')}: ${choiceLabel('init', layer.init)}`, initTex(layer.init), `note.init.${layer.init}`),
    ];
    if (layer.norm !== 'off') items.push(explainItem(choiceLabel('norm', layer.norm), NORM_TEX[layer.norm], `note.norm.${layer.norm}`));
    explainBox.replaceChildren(el('h2', {}, `${t('panel.explain')} · ${t('builder.layer', { n: explainIndex + 1 })}`), ...items);
  }

  function render(force = false) {
    const s = store.settings;
    // Values update in place (the focused field keeps focus); a new count rebuilds the cards.
    // A move keeps the count, so move() rebuilds explicitly to put titles and buttons in order.
    const newShape = `${s.layers.length}`;
    if (force || newShape !== shape) {
      shape = newShape;
      cards = s.layers.map((_, i) => card(i));
      list.replaceChildren(...cards.map((c) => c.node));
    }
    s.layers.forEach((layer, i) => cards[i].update(layer));
    if (s.layers.length === 0) list.replaceChildren(el('p', { class: 'hint' }, t('builder.noHidden')));
    addButton.textContent = `+ ${t('builder.addLayer')}`;
    addButton.disabled = s.layers.length >= MAX_LAYERS;
    inputLine.textContent = t('builder.inputs', { n: s.features.length });
    const task = taskOf(s);
    outputText.textContent = t('builder.output', { units: unitsText(t, task.outputs), loss: t(`loss.${task.loss}`) });
    if (force) {
      headInitLabel.textContent = t('builder.init');
      headInit.replaceChildren(...INITIALIZERS.map((value) => el('option', { value }, choiceLabel('init', value))));
    }
    headInit.value = s.headInit;
    const paramKey = INIT_PARAM[s.headInit];
    headParamWrap.hidden = !paramKey;
    if (paramKey) headParamLabel.textContent = t(`builder.param.${paramKey}`);
    if (document.activeElement !== headParam && !headParam.classList.contains('invalid')) headParam.value = String(s.headInitParam);
    renderExplain();
  }

  store.subscribe(() => render(), ['layers', 'features', 'dataset', 'classes', 'binaryHead', 'headInit', 'headInitParam']);
  onLanguageChange(() => render(true));
  render(true);
}
