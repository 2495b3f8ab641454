// "Backprop, one step at a time", in the spirit of micrograd: for one training example the learner
// steps forward through the network (z and a per unit), then backward (dL/dz per unit, dL/dW on
// every edge), then applies one plain SGD step and sees the weights change. Every number is the
// engine's (run.traceExample through the worker): the view only decides how much of the trace to
// show. Small nets only (MAX_SHAPE), without BatchNorm or dropout, whose one-example pass differs.

import { t, onLanguageChange } from '../i18n/i18n.js';
import { el, svg } from './dom.js';
import { formatNumber } from '../format.js';
import { POSITIVE, NEGATIVE } from '../charts/colors.js';

export const MAX_SHAPE = { inputs: 4, hidden: 2, units: 4, outputs: 3 };

const fmt = (x) => formatNumber(x, 3);
const rgb = (c) => `rgb(${c.join(',')})`;

// Why the stepper cannot trace this network, as an i18n key with params; null when it can.
export function stepperRefusal(info) {
  if (!info) return { key: 'backprop.noRun' };
  const types = info.layers.map((l) => l.type);
  if (types.some((type) => type !== 'dense' && type !== 'activation')) return { key: 'backprop.onlyDense' };
  const dense = info.layers.filter((l) => l.type === 'dense');
  const shape = [info.features.length, ...dense.map((l) => l.units)].join('-');
  const hidden = dense.slice(0, -1);
  if (info.features.length > MAX_SHAPE.inputs || hidden.length > MAX_SHAPE.hidden
    || hidden.some((l) => l.units > MAX_SHAPE.units) || dense[dense.length - 1].units > MAX_SHAPE.outputs) {
    return { key: 'backprop.tooBig', params: { shape } };
  }
  return null;
}

// The stages a learner steps through, from one trace: forward per engine layer, the loss, the
// loss gradient, backward per engine layer from the top, the update.
function stagesOf(trace) {
  const stages = [{ kind: 'start' }];
  trace.layers.forEach((layer) => stages.push({ kind: 'forward', layer: layer.index }));
  stages.push({ kind: 'loss' });
  stages.push({ kind: 'lossGradient' });
  for (let i = trace.layers.length - 1; i >= 0; i--) stages.push({ kind: 'backward', layer: i });
  stages.push({ kind: 'update' });
  return stages;
}

export function createBackpropStepper(container, { runState, store, request }) {
  const intro = el('p', { class: 'hint', 'data-backprop': 'intro' });
  const refusal = el('p', { class: 'hint', 'data-backprop': 'refusal', hidden: true });
  const exampleInput = el('input', { type: 'number', min: 0, step: 1, value: 0, id: 'backprop-example', class: 'backprop-example' });
  const traceButton = el('button', { type: 'button', class: 'button small', 'data-backprop': 'trace' });
  const exampleLabel = el('label', { for: 'backprop-example' });
  const exampleInfo = el('p', { class: 'backprop-example-info', 'data-backprop': 'example' });
  const back = el('button', { type: 'button', class: 'button small ghost', 'data-backprop': 'back' });
  const next = el('button', { type: 'button', class: 'button small', 'data-backprop': 'next' });
  const stageText = el('p', { class: 'backprop-stage', 'data-backprop': 'stage', 'aria-live': 'polite' });
  const diagram = svg('svg', { class: 'backprop-diagram', role: 'img', 'data-backprop': 'diagram' });
  const table = el('table', { class: 'chain-table backprop-table', 'data-backprop': 'edges' });
  const controls = el('div', { class: 'backprop-controls' }, exampleLabel, exampleInput, traceButton);
  const stepping = el('div', { class: 'backprop-stepping', hidden: true }, el('div', { class: 'button-row' }, back, next), stageText,
    el('div', { class: 'backprop-diagram-box' }, diagram), el('div', { class: 'table-scroll' }, table));
  container.replaceChildren(intro, refusal, controls, exampleInfo, stepping);

  let trace = null;      // the engine's trace being shown
  let traceStep = 0;     // the run's step when it was traced
  let stages = [];
  let stage = 0;

  function traceCount() { return runState.data?.train?.targets?.length ?? 0; }

  function requestTrace() {
    const count = traceCount();
    const example = Math.min(Math.max(0, Math.floor(Number(exampleInput.value) || 0)), Math.max(0, count - 1));
    exampleInput.value = String(example);
    request({ example, learningRate: store.settings.learningRate });
    // In the link (bp=k): a teacher's copied link opens the stepper on the same example.
    if (store.settings.backpropExample !== example) store.set({ backpropExample: example });
  }
  traceButton.addEventListener('click', requestTrace);
  exampleInput.addEventListener('keydown', (event) => { if (event.key === 'Enter') requestTrace(); });
  back.addEventListener('click', () => { stage = Math.max(0, stage - 1); render(); });
  next.addEventListener('click', () => { stage = Math.min(stages.length - 1, stage + 1); render(); });

  // How far the shown stage has come, for one engine layer: 0 not yet, 1 forward done, 2 backward done.
  const forwardDone = (layer) => stages.slice(1, stage + 1).some((s) => s.kind === 'forward' && s.layer === layer);
  const backwardDone = (layer) => stages.slice(1, stage + 1).some((s) => s.kind === 'backward' && s.layer === layer);
  const reached = (kind) => stages.slice(0, stage + 1).some((s) => s.kind === kind);

  function targetText() {
    const value = trace.target[0];
    return runState.task?.kind === 'regression' ? fmt(value) : t('backprop.classTarget', { n: value });
  }

  function renderExample() {
    const names = runState.info?.features ?? [];
    const xs = trace.input.map((v, i) => `${names[i] ?? `x${i + 1}`} = ${fmt(v)}`).join(', ');
    exampleInfo.textContent = t('backprop.exampleInfo', { n: trace.example, count: traceCount(), x: xs, target: targetText(), step: traceStep });
  }

  // Per column of the diagram: the units and the lines of numbers under each, for the stage shown.
  function columns() {
    const dense = trace.layers.filter((l) => l.type === 'dense');
    const cols = [{ units: trace.input.length, lines: trace.input.map((v, i) => [`${(runState.info?.features ?? [])[i] ?? `x${i + 1}`} = ${fmt(v)}`]) }];
    dense.forEach((d) => {
      const activation = trace.layers[d.index + 1]?.type === 'activation' ? trace.layers[d.index + 1] : null;
      const isHead = d.index === trace.layers.length - 1;
      const lines = d.output.map((z, u) => {
        const shown = [];
        if (forwardDone(d.index)) shown.push(`z = ${fmt(z)}`);
        if (activation && forwardDone(activation.index)) shown.push(`a = ${fmt(activation.output[u])}`);
        if (isHead && reached('loss')) shown.push(`y = ${fmt(trace.predictions[u])}`);
        // dL/da is known once the dense layer above has passed it down; dL/dz once f'(z) multiplied it.
        const above = activation ? trace.layers[activation.index + 1] : null;
        if (above && backwardDone(above.index)) shown.push(`∂L/∂a = ${fmt(activation.dOutput[u])}`);
        if (activation && backwardDone(activation.index)) shown.push(`∂L/∂z = ${fmt(activation.dInput[u])}`);
        if (isHead && reached('lossGradient')) shown.push(`∂L/∂z = ${fmt(d.dOutput[u])}`);
        return shown.slice(-3);
      });
      cols.push({ units: d.output.length, lines, dense: d });
    });
    return cols;
  }

  function edgeLabel(d, r, c) {
    if (reached('update')) return `w′ ${fmt(d.weightsAfter[r][c])}`;
    if (backwardDone(d.index)) return `∂ ${fmt(d.dWeights[r][c])}`;
    return `w ${fmt(d.weights[r][c])}`;
  }

  function drawDiagram() {
    const cols = columns();
    const maxUnits = Math.max(...cols.map((c) => c.units));
    // At least 560 px: narrower, the edges get steep enough to run through the units' numbers (a
    // phone scrolls the diagram sideways instead).
    const width = Math.max(560, Math.min(680, container.clientWidth || 600));
    const rowH = 74;
    const height = maxUnits * rowH + 24;
    diagram.setAttribute('viewBox', `0 0 ${width} ${height}`);
    diagram.setAttribute('width', width);
    diagram.setAttribute('height', height);
    diagram.setAttribute('aria-label', t('backprop.diagramLabel'));
    const x = (k) => 40 + (k * (width - 130)) / Math.max(1, cols.length - 1);
    const y = (k, u) => 16 + (height - 24 - cols[k].units * rowH) / 2 + u * rowH + 12;
    const nodes = [];
    const edges = [];
    cols.forEach((col, k) => {
      if (k === 0) return;
      const d = col.dense;
      for (let r = 0; r < col.units; r++) {
        for (let c = 0; c < cols[k - 1].units; c++) {
          const w = d.weights[r][c];
          const x1 = x(k - 1) + 12, y1 = y(k - 1, c), x2 = x(k) - 12, y2 = y(k, r);
          edges.push(svg('line', { x1, y1, x2, y2, stroke: rgb(w >= 0 ? POSITIVE : NEGATIVE), 'stroke-width': Math.min(5, 0.6 + 2 * Math.abs(w)), 'stroke-opacity': 0.55 }));
          // Near the unit it enters: there the edges into one unit fan apart in the order of their
          // sources, and the edges into different units are a row apart, so labels rarely collide.
          const f = 0.68;
          const label = svg('text', { x: x1 + f * (x2 - x1), y: y1 + f * (y2 - y1) - 3, 'text-anchor': 'middle', class: 'edge-label', 'data-edge': `${d.index}:${r}:${c}` });
          label.textContent = edgeLabel(d, r, c);
          edges.push(label);
        }
      }
    });
    cols.forEach((col, k) => {
      for (let u = 0; u < col.units; u++) {
        nodes.push(svg('circle', { cx: x(k), cy: y(k, u), r: 11, class: 'backprop-node' }));
        col.lines[u].forEach((line, i) => {
          const text = svg('text', { x: x(k) + (k === 0 ? -30 : -34), y: y(k, u) + 24 + i * 12, class: 'node-label' });
          text.textContent = line;
          nodes.push(text);
        });
      }
    });
    diagram.replaceChildren(...edges, ...nodes);
  }

  // Every weight and bias as a row: value, gradient (once its layer's backward is shown), value after.
  function drawTable() {
    const head = el('tr', {}, ...['edge', 'value', 'gradient', 'after'].map((key) => el('th', { scope: 'col' }, t(`backprop.col.${key}`))));
    const rows = [];
    const denseLayers = trace.layers.filter((l) => l.type === 'dense');
    denseLayers.forEach((d, n) => {
      const name = n === denseLayers.length - 1 ? t('insides.head') : t('insides.layer', { n: n + 1 });
      const row = (label, key, value, gradient, after) => el('tr', { 'data-param': key },
        el('th', { scope: 'row' }, label),
        el('td', { 'data-value': value }, fmt(value)),
        el('td', { 'data-gradient': backwardDone(d.index) ? gradient : null }, backwardDone(d.index) ? fmt(gradient) : '·'),
        el('td', { 'data-after': reached('update') ? after : null }, reached('update') ? fmt(after) : '·'));
      d.weights.forEach((weightsRow, r) => weightsRow.forEach((w, c) => {
        rows.push(row(`${name}: w[${r + 1}←${c + 1}]`, `W:${d.index}:${r}:${c}`, w, d.dWeights[r][c], d.weightsAfter[r][c]));
      }));
      d.bias.forEach((b, r) => rows.push(row(`${name}: b[${r + 1}]`, `b:${d.index}:${r}`, b, d.dBias[r], d.biasAfter[r])));
    });
    table.replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  }

  // The builder's name of the block an engine layer belongs to ("layer 2", "output").
  function layerName(index) {
    const b = runState.blocks.findIndex((block) => block.dense === index || block.activation === index);
    return runState.blocks[b]?.isHead ? t('insides.head') : t('insides.layer', { n: b + 1 });
  }

  function stageDescription() {
    const s = stages[stage];
    const layer = s.layer !== undefined ? trace.layers[s.layer] : null;
    const position = t('backprop.position', { n: stage + 1, count: stages.length });
    const fn = layer?.type === 'activation' ? runState.info?.layers?.[layer.index]?.fn : null;
    const lossKind = runState.info?.loss;
    const texts = {
      start: () => t('backprop.stage.start'),
      forward: () => (layer.type === 'dense'
        ? t('backprop.stage.forwardDense', { layer: layerName(layer.index) })
        : t('backprop.stage.forwardActivation', { layer: layerName(layer.index), fn })),
      loss: () => t(lossKind === 'mse' ? 'backprop.stage.lossMse' : 'backprop.stage.loss', {
        y: trace.predictions.map(fmt).join(', '), target: targetText(), loss: fmt(trace.loss) }),
      lossGradient: () => t(lossKind === 'mse' ? 'backprop.stage.lossGradientMse' : 'backprop.stage.lossGradient', {
        values: trace.layers[trace.layers.length - 1].dOutput.map(fmt).join(', ') }),
      backward: () => (layer.type === 'dense'
        ? t(layer.index === 0 ? 'backprop.stage.backwardFirstDense' : 'backprop.stage.backwardDense', { layer: layerName(layer.index) })
        : t('backprop.stage.backwardActivation', { layer: layerName(layer.index), fn })),
      update: () => t('backprop.stage.update', { lr: fmt(trace.learningRate), before: fmt(trace.loss), after: fmt(trace.lossAfter) }),
    };
    return `${position} ${texts[s.kind]()}`;
  }

  function render() {
    intro.textContent = t('backprop.intro');
    exampleLabel.textContent = t('backprop.example', { count: traceCount() });
    traceButton.textContent = t('backprop.trace');
    back.textContent = t('backprop.back');
    next.textContent = t('backprop.next');
    exampleInput.max = String(Math.max(0, traceCount() - 1));
    const why = stepperRefusal(runState.info);
    refusal.hidden = !why;
    refusal.textContent = why ? t(why.key, why.params) : '';
    controls.hidden = Boolean(why);
    if (why || !trace) {
      stepping.hidden = true;
      exampleInfo.textContent = why ? '' : t('backprop.pick');
      return;
    }
    stepping.hidden = false;
    renderExample();
    back.disabled = stage === 0;
    next.disabled = stage === stages.length - 1;
    stageText.textContent = stageDescription();
    drawDiagram();
    drawTable();
  }

  onLanguageChange(render);
  return {
    newRun() {
      trace = null;
      stages = [];
      stage = 0;
      render();
      // A link's bp=k (or the example last traced): trace it again on the new run's weights.
      if (store.settings.backpropExample >= 0 && !stepperRefusal(runState.info)) {
        exampleInput.value = String(store.settings.backpropExample);
        requestTrace();
      }
    },
    received(message) {
      trace = message.trace;
      traceStep = message.step;
      stages = stagesOf(trace);
      stage = 0;
      render();
    },
    resize() { if (trace) render(); },
  };
}
