// The diagram's weight editor: the weights into one unit, one labelled field per link the diagram
// shows. Clicking a link opens it on that weight; Enter on a unit's thumbnail opens it on the first.
// Enter in a field sets the weight in the running network (through the worker's run.setParameter);
// Esc closes and gives the focus back to the unit. A bad number turns the field red with a message
// and changes nothing.

import { t, describeError } from '../i18n/i18n.js';
import { parseValue } from '../state/validate.js';
import { formatNumber } from '../format.js';
import { el } from './dom.js';

// Weights a learner may type: wide enough to break a network on purpose, never non-finite.
const WEIGHT_ROW = { key: 'weight', type: 'number', min: -100, max: 100 };

export function createWeightEditor({ messages, setWeight, focusUnit }) {
  let diagram = null;  // { sources(b), weightAt(b, row, col), unitName(b, unit), denseLayer(b) }
  let target = null;   // { block, unit }
  let fields = [];     // [{ col, input }]
  const title = el('h3', { id: 'weight-editor-title' });
  const list = el('div', { class: 'weight-rows' });
  const help = el('p', { class: 'hint' });
  const close = el('button', { type: 'button', class: 'button small ghost' });
  const element = el('div', { class: 'weight-editor', id: 'weight-editor', role: 'group', 'aria-labelledby': 'weight-editor-title', hidden: true },
    title, list, help, close);
  close.addEventListener('click', () => hide(true));

  function commit(col, input) {
    // A field's change event can come after Esc closed the editor, or repeat the Enter just handled.
    if (!target || input.dataset.sent === input.value) return;
    const parsed = parseValue(WEIGHT_ROW, input.value.trim());
    input.classList.toggle('invalid', Boolean(parsed.error));
    const id = 'weight-edit';
    if (parsed.error) {
      messages.show('warn', t('msg.inputProblem', { field: input.getAttribute('aria-label'), detail: describeError(parsed.error) }), id);
      return;
    }
    messages.clear(id);
    input.dataset.sent = input.value;
    setWeight(diagram.denseLayer(target.block), target.unit, col, parsed.value);
  }

  function render() {
    if (!target || !diagram) return;
    const into = diagram.unitName(target.block, target.unit);
    title.textContent = t('network.editorTitle', { unit: into });
    help.textContent = t('network.editorHelp');
    close.textContent = t('share.close');
    fields = diagram.sources(target.block).map(({ col, name }) => {
      const label = t('network.editorFrom', { name });
      const input = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', 'data-col': col, 'aria-label': `${into} · ${label}` });
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') { event.preventDefault(); commit(col, input); }
        if (event.key === 'Escape') { event.preventDefault(); hide(true); }
      });
      input.addEventListener('input', () => { delete input.dataset.sent; });
      input.addEventListener('change', () => commit(col, input));
      return { col, input, row: el('label', {}, el('span', {}, label), input) };
    });
    list.replaceChildren(...fields.map((f) => f.row));
    refresh();
  }

  // Fields show the network's current values, except the one being typed in.
  function refresh() {
    if (!target || !diagram) return;
    for (const { col, input } of fields) {
      if (document.activeElement === input || input.classList.contains('invalid')) continue;
      const value = diagram.weightAt(target.block, target.unit, col);
      input.value = value === null ? '' : formatNumber(value, 4);
    }
  }

  function hide(returnFocus) {
    if (!target) return;
    const { block, unit } = target;
    target = null;
    element.hidden = true;
    messages.clear('weight-edit');
    if (returnFocus) focusUnit(block, unit);
  }

  return {
    element,
    connect(helpers) { diagram = helpers; },
    open(block, unit, col) {
      target = { block, unit };
      element.hidden = false;
      render();
      const field = fields.find((f) => f.col === col) ?? fields[0];
      field?.input.focus();
      field?.input.select();
    },
    close: hide,
    refresh,
    relabel: render,
  };
}
