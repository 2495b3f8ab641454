// Reads an image experiment's fields and checks the one rule no single field can: its training and
// test images must fit in the IMAGE_COUNT examples of the subset. Returns the values, or null after
// marking the test field and saying "fix the fields" in the bar.
import { t } from '../i18n/i18n.js';
import { numberField, readFields } from '../views/fields.js';
import { IMAGE_COUNT } from './specs.js';

export function readSplitFields(fields, { test, bar }) {
  const v = readFields(fields);
  if (v && v.train + v.test > IMAGE_COUNT) test.fail(t('field.integer', { min: 100, max: IMAGE_COUNT - v.train }));
  if (!v || v.train + v.test > IMAGE_COUNT) { bar.status(t('lab.fix'), 'error'); return null; }
  return v;
}

// The fields of an experiment that trains one kind of net on images (3b initializers, 4e dropout as an
// ensemble): training and test images, epochs, hidden layers of `units` each, learning rate and batch.
// defaults: { train, test, epochs, hidden, units, lr, batch }; maxHidden: the most hidden layers.
export function imageNetFields(defaults, { maxHidden = 10 } = {}) {
  const D = defaults;
  return {
    train: numberField({ key: 'lab.trainImages', name: 'train', value: D.train, min: 100, max: IMAGE_COUNT - 100, integer: true }),
    test: numberField({ key: 'lab.testImages', name: 'test', value: D.test, min: 100, max: IMAGE_COUNT - 100, integer: true }),
    epochs: numberField({ key: 'lab.epochs', name: 'epochs', value: D.epochs, min: 1, max: 100, integer: true }),
    hidden: numberField({ key: 'lab.hiddenLayers', name: 'hidden', value: D.hidden, min: 1, max: maxHidden, integer: true }),
    units: numberField({ key: 'lab.units', name: 'units', value: D.units, min: 10, max: 300, integer: true }),
    lr: numberField({ key: 'lab.lr', name: 'lr', value: D.lr, min: 1e-5, max: 1 }),
    batch: numberField({ key: 'lab.batch', name: 'batch', value: D.batch, min: 10, max: 500, integer: true }),
  };
}
