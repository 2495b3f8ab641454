// The fields a hyper-parameter search over learning rate and weight decay shares (4d random search,
// 4f grid against random): epochs, training and validation images, the two exponent ranges and the
// seed, with the checks no single field can make (the images fit the subset, each range is ordered).

import { t } from '../i18n/i18n.js';
import { numberField, readFields } from '../views/fields.js';
import { IMAGE_COUNT } from './specs.js';

export const LR_LIMITS = [-8, 1];
export const DECAY_LIMITS = [-10, 0];

// defaults: { epochs, train, validation, lrFrom, lrTo, decayFrom, decayTo, seed }. `before`: the
// method's own fields (trials, grid side), listed first and read with the others.
export function searchFields(defaults, before = []) {
  const epochs = numberField({ key: 'lab.epochs', name: 'epochs', value: defaults.epochs, min: 1, max: 50, integer: true });
  const train = numberField({ key: 'lab.trainImages', name: 'train', value: defaults.train, min: 50, max: IMAGE_COUNT - 50, integer: true });
  const validation = numberField({ key: 'lab.validationImages', name: 'validation', value: defaults.validation, min: 20, max: IMAGE_COUNT - 50, integer: true });
  const lrFrom = numberField({ key: 'lab.rs.lrFrom', name: 'lrFrom', value: defaults.lrFrom, min: LR_LIMITS[0], max: LR_LIMITS[1] });
  const lrTo = numberField({ key: 'lab.rs.lrTo', name: 'lrTo', value: defaults.lrTo, min: LR_LIMITS[0], max: LR_LIMITS[1] });
  const decayFrom = numberField({ key: 'lab.rs.decayFrom', name: 'decayFrom', value: defaults.decayFrom, min: DECAY_LIMITS[0], max: DECAY_LIMITS[1] });
  const decayTo = numberField({ key: 'lab.rs.decayTo', name: 'decayTo', value: defaults.decayTo, min: DECAY_LIMITS[0], max: DECAY_LIMITS[1] });
  const seed = numberField({ key: 'lab.rs.seed', name: 'seed', value: defaults.seed, min: 0, max: 2 ** 31 - 1, integer: true });
  const fields = [...before, epochs, train, validation, lrFrom, lrTo, decayFrom, decayTo, seed];
  return {
    fields, lrFrom, lrTo, decayFrom, decayTo,
    // The values, with ranges: { lr: [a, b], decay: [c, d] }; or null after marking what needs fixing
    // and saying so in the Run bar.
    read(bar) {
      const v = readFields(fields);
      let ok = Boolean(v);
      if (v && v.train + v.validation > IMAGE_COUNT) { validation.fail(t('field.integer', { min: 20, max: IMAGE_COUNT - v.train })); ok = false; }
      if (v && v.lrFrom >= v.lrTo) { lrTo.fail(t('lab.rs.order')); ok = false; }
      if (v && v.decayFrom >= v.decayTo) { decayTo.fail(t('lab.rs.order')); ok = false; }
      if (!ok) { bar.status(t('lab.fix'), 'error'); return null; }
      return { ...v, ranges: { lr: [v.lrFrom, v.lrTo], decay: [v.decayFrom, v.decayTo] } };
    },
  };
}

// The job handlers of a search whose run i is trials[i]: each finished run gives its trial the
// validation accuracy (null when it diverged), and the Run bar counts the trials done.
export function trialHandlers(trials, { bar, draw, drawSoon }) {
  let done = 0;
  return {
    onRunDone(m) {
      const trial = trials[m.run];
      trial.diverged = Boolean(m.diverged);
      trial.accuracy = m.diverged ? null : m.metrics.validation.accuracy;
      done += 1;
      bar.status(t('lab.rs.count', { done, n: trials.length }));
      drawSoon();
    },
    onDone: draw,
  };
}
