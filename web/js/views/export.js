// Export and import: model JSON (run.exportModel / engine.importModel), heatmap and loss-chart
// PNGs, the metrics history as CSV. An uploaded file is checked here (JSON, format, version, a
// network the builder can show) and then by the engine; any failure leaves everything unchanged.

import { HISTORY_FIELDS } from '../state/run-state.js';
import { settingsFromSpec } from '../state/from-spec.js';
import { t } from '../i18n/i18n.js';
import { downloadBlob } from './dom.js';

const MAX_BYTES = 20 * 1024 * 1024;

export function historyCsv(history) {
  const lines = [HISTORY_FIELDS.join(',')];
  const n = history?.step.length ?? 0;
  for (let i = 0; i < n; i++) lines.push(HISTORY_FIELDS.map((f) => (history[f][i] === null ? '' : String(history[f][i]))).join(','));
  return `${lines.join('\n')}\n`;
}

function canvasPng(canvas, filename) {
  canvas?.toBlob((blob) => { if (blob) downloadBlob(blob, filename); }, 'image/png');
}

// Parses and checks an uploaded file; returns { model, settings } or throws Error(sentence).
export async function readModelFile(file, currentSettings) {
  if (file.size > MAX_BYTES) throw new Error(t('export.tooBig'));
  let model;
  try { model = JSON.parse(await file.text()); } catch { throw new Error(t('export.notJson')); }
  if (!model || typeof model !== 'object' || model.format !== 'nnsandbox-model' || ![1, 2].includes(model.version)) throw new Error(t('export.notModel'));
  let settings;
  try { settings = settingsFromSpec(model.spec, currentSettings); } catch (error) { throw new Error(t('export.notEditable', { detail: error.message })); }
  return { model, settings };
}

export function createExport({ downloadModel, upload, heatmapButton, lossButton, csvButton }, { store, runState, messages, requestModel, importModel, heatmapCanvas, lossCanvas }) {
  downloadModel.addEventListener('click', requestModel);
  upload.addEventListener('change', async () => {
    const file = upload.files?.[0];
    upload.value = '';  // choosing the same file again must fire 'change' again
    if (!file) return;
    try {
      const { model, settings } = await readModelFile(file, store.settings);
      importModel(model, settings, file.name);
    } catch (error) {
      messages.show('error', t('export.badFile', { detail: error.message }), 'upload');
    }
  });
  heatmapButton.addEventListener('click', () => canvasPng(heatmapCanvas(), `nnsandbox-boundary-step${runState.step}.png`));
  lossButton.addEventListener('click', () => canvasPng(lossCanvas(), `nnsandbox-loss-step${runState.step}.png`));
  csvButton.addEventListener('click', () => downloadBlob(new Blob([historyCsv(runState.history)], { type: 'text/csv' }), `nnsandbox-metrics-step${runState.step}.csv`));

  return {
    modelReceived(model) {
      const blob = new Blob([JSON.stringify(model)], { type: 'application/json' });
      downloadBlob(blob, `nnsandbox-model-step${runState.step}.json`);
    },
  };
}
