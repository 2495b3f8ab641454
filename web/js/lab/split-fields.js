// Reads an image experiment's fields and checks the one rule no single field can: its training and
// test images must fit in the IMAGE_COUNT examples of the subset. Returns the values, or null after
// marking the test field and saying "fix the fields" in the bar.
import { t } from '../i18n/i18n.js';
import { readFields } from '../views/fields.js';
import { IMAGE_COUNT } from './specs.js';

export function readSplitFields(fields, { test, bar }) {
  const v = readFields(fields);
  if (v && v.train + v.test > IMAGE_COUNT) test.fail(t('field.integer', { min: 100, max: IMAGE_COUNT - v.train }));
  if (!v || v.train + v.test > IMAGE_COUNT) { bar.status(t('lab.fix'), 'error'); return null; }
  return v;
}
