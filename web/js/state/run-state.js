// What the page knows about the current run: everything arrives from the worker (info, data,
// metrics history, stats, diverged) and views only read it. A new run starts a fresh object state.
// The change log (state/changes.js) records the optimizer changes the worker applied to this run,
// so a copied link can replay them; a new run starts with the log it was created with.

import { logChange } from './changes.js';

export const HISTORY_FIELDS = ['step', 'epoch', 'learningRate', 'trainLoss', 'trainAcc', 'validationLoss', 'validationAcc', 'testLoss', 'testAcc', 'penalty'];

export function createRunState() {
  const state = {
    runId: 0, info: null, data: null, task: null, blocks: [], spec: null,
    metrics: null, diverged: null, playing: false, step: 0, stats: null,
    history: null,      // columns: { step: [], trainLoss: [], ... }
    gradHistory: null,  // { step: [], norms: [[...] per dense layer] }
    changeLog: null,    // { initial, changes }
    reset(created, task, blocks, changeLog) {
      Object.assign(state, {
        runId: created.runId, info: created.info, data: created.data, spec: created.spec, task, blocks, changeLog,
        metrics: null, diverged: null, playing: false, step: 0, stats: null,
        history: Object.fromEntries(HISTORY_FIELDS.map((f) => [f, []])),
        gradHistory: { step: [], norms: blocks.map(() => []) },
      });
    },
    appendHistory(points) {
      for (const point of points) {
        const steps = state.history.step;
        // A step may be recorded twice (e.g. a divergence right at a history step): keep the last.
        if (steps.length && steps[steps.length - 1] >= point.step) {
          while (steps.length && steps[steps.length - 1] >= point.step) for (const f of HISTORY_FIELDS) state.history[f].pop();
        }
        for (const f of HISTORY_FIELDS) state.history[f].push(point[f] ?? null);
      }
    },
    logOptimizerChange(step, values) { logChange(state.changeLog, step, values); },
    appendGradients(step, stats) {
      const g = state.gradHistory;
      if (g.step.length && g.step[g.step.length - 1] >= step) return;
      g.step.push(step);
      state.blocks.forEach((block, i) => {
        const layer = stats.layers.find((l) => l.index === block.dense);
        const norm = layer?.weightGradNorm;
        g.norms[i].push(Number.isFinite(norm) ? norm : null);  // an exact 0 stays 0: the chart shows it in its zero band
      });
    },
  };
  return state;
}
