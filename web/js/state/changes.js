// Mid-run optimizer changes, and their replay: everything the page knows about them is here.
// The learning rate, momentum, schedule, penalties ... (every "live" setting, see isLiveKey) can
// change while a run trains; the worker applies the change before the next step. A link holding
// only the final values would replay them from step 0 and its curve would part from the original
// at the first change, so the page keeps a change log per run:
//   { initial: { key: value },            the live settings in force at step 0
//     changes: [{ step, key, value }] }   in the order applied; step = the worker's step count then
// A link carries `initial` in the normal fields and the changes in `chg`
// ("120.lr.0.01~300.mom.0.5"); the current values are `initial` with every change applied.
//
// The life of a change: the page sends it (liveUpdate), the worker acknowledges it with its step
// count and the run's log records it (logChange); "Copy link" writes the log (linkWithChanges,
// formatChanges); the receiving page reads it back (parseChanges, applyChanges) and starts its first
// run from the step-0 values with the worker's schedule (runStart, replaySchedule); the worker
// (worker.js, applyDueChanges) applies each change once the run has done exactly its steps.

import { SETTING_BY_KEY, SETTING_BY_URL, LIVE_KEYS, isLiveKey, needsNewRun } from './settings.js';
import { parseValue, formatValue } from './validate.js';
import { optimizerSection } from './spec.js';

export const CHANGES_URL = 'chg';
export const MAX_CHANGES = 200;
// step.urlName.value; the value may itself hold dots (0.01, 1e-8), so it is everything after the second dot.
const ENTRY = /^(\d{1,7})\.([a-z0-9]{1,16})\.(.+)$/;

function liveValues(settings) {
  return Object.fromEntries(LIVE_KEYS.map((key) => [key, settings[key]]));
}

function createChangeLog(settings, changes = []) {
  return { initial: liveValues(settings), changes: changes.map((c) => ({ ...c })) };
}

// The message of a live change (TO_WORKER.SET_OPTIMIZER): the optimizer section the run takes, and
// every live value, which the worker echoes back for the log.
export function liveUpdate(settings) {
  return { optimizer: optimizerSection(settings), values: liveValues(settings) };
}

// A link's replay describes the settings it came with: any change of a setting that shapes the run
// (a new run, or a live change) before the first run exists makes it stale.
export function endsLinkReplay(keys) {
  return keys.some((key) => needsNewRun(key) || isLiveKey(key));
}

// A new run: `settings` are the current ones; `replay` ({ settings, changes }, a link's) when the
// run replays a link. Returns the settings the run starts from (the link's step-0 values), the
// worker's change schedule ([] without a replay) and the run's change log.
export function runStart(settings, replay = null) {
  const start = replay ? replay.settings : settings;
  return {
    start,
    changes: replay ? replaySchedule(start, replay.changes) : [],
    log: createChangeLog(start, replay?.changes),
  };
}

export function applyChanges(settings, changes) {
  const result = { ...settings };
  for (const c of changes) result[c.key] = c.value;
  return result;
}

// Logs what the worker applied at `step` (it acknowledges every setOptimizer with its step count);
// `values` are all live settings sent with it, so whatever differs from the log's values is logged.
export function logChange(log, step, values) {
  // A live change during a link's replay ends the replay: the worker drops the changes it had not
  // reached yet, and so does the log.
  log.changes = log.changes.filter((c) => c.step <= step);
  const inForce = applyChanges(log.initial, log.changes);
  if (step === 0) {
    // Nothing has trained yet: the new values simply are the run's initial values.
    log.initial = liveValues({ ...inForce, ...values });
    log.changes = [];
    return;
  }
  for (const key of LIVE_KEYS) {
    if (!(key in values) || values[key] === inForce[key]) continue;
    // No step runs between changes at the same step, so only a key's last value there matters
    // (a slider dragged while paused stays one entry). Not for the optimizer kind: every switch of
    // state family resets the optimizer state, so each switch must be replayed.
    const same = key !== 'optimizer' && log.changes.find((c) => c.step === step && c.key === key);
    if (same) same.value = values[key];
    else log.changes.push({ step, key, value: values[key] });
  }
}

// What the worker replays: one setOptimizer section per change (the same call a live change makes;
// changes at one step are applied one after the other, like the original separate calls).
function replaySchedule(settings, changes) {
  let current = settings;
  return changes.map((c) => {
    current = { ...current, [c.key]: c.value };
    return { step: c.step, optimizer: optimizerSection(current) };
  });
}

// What "Copy link" writes for a run at `step` with change log `log`: the settings with the step-0
// values, the step count, and the changes that fit (`fits(settings, changes)`, e.g. the hash length
// limit; at most MAX_CHANGES, which a receiving page accepts). The worker logs a change with its own
// step count, which the page's step readout may not have caught up with while training: the link's
// step is at least the last kept change's. `dropped` counts the changes left out (the last ones).
export function linkWithChanges(settings, log, step, fits) {
  const changes = log?.changes ?? [];
  if (changes.length === 0) return { settings, steps: step, changes, dropped: 0 };
  const initial = { ...settings, ...log.initial };
  const link = (kept) => ({ settings: initial, steps: Math.max(step, kept.length ? kept[kept.length - 1].step : 0), changes: kept });
  let kept = changes.slice(0, MAX_CHANGES);
  while (kept.length && !fits(link(kept))) kept = kept.slice(0, -1);
  return { ...link(kept), dropped: changes.length - kept.length };
}

export function formatChanges(changes) {
  return changes.map((c) => {
    const row = SETTING_BY_KEY[c.key];
    return `${c.step}.${row.url}.${formatValue(row, c.value)}`;
  }).join('~');
}

// Parses a link's `chg` text; `lastStep` is the link's step count (a change after it cannot have
// happened). Bad entries are reported ({ url, error }, like other hash fields) and skipped.
export function parseChanges(text, lastStep) {
  const changes = [];
  const errors = [];
  if (text === '') return { changes, errors };
  const entries = text.split('~');
  if (entries.length > MAX_CHANGES) {
    return { changes, errors: [{ url: CHANGES_URL, error: { code: 'tooManyChanges', max: MAX_CHANGES, got: entries.length } }] };
  }
  let previous = 0;
  for (const entry of entries) {
    const bad = (error) => errors.push({ url: CHANGES_URL, error });
    const match = ENTRY.exec(entry);
    if (!match) { bad({ code: 'changeFormat', got: entry }); continue; }
    const step = Number(match[1]);
    const row = Object.hasOwn(SETTING_BY_URL, match[2]) ? SETTING_BY_URL[match[2]] : null;
    if (!row || !isLiveKey(row.key)) { bad({ code: 'changeKey', got: match[2] }); continue; }
    if (step > lastStep) { bad({ code: 'changeAfterEnd', step, steps: lastStep }); continue; }
    if (step < previous) { bad({ code: 'changeOrder', step, previous }); continue; }
    const parsed = parseValue(row, match[3]);
    if (parsed.error) { errors.push({ url: `${CHANGES_URL} ${step}.${row.url}`, error: parsed.error }); continue; }
    changes.push({ step, key: row.key, value: parsed.value });
    previous = step;
  }
  return { changes, errors };
}
