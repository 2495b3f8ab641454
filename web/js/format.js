// Number formatting shared by readouts, tooltips and chart axes: a few significant digits,
// scientific notation only for very small or very large values, never "NaN" shown raw.

export function formatNumber(value, digits = 3) {
  if (value === null || value === undefined) return '–';
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : (value > 0 ? '∞' : '−∞');
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e5)) return value.toExponential(Math.max(0, digits - 1)).replace(/\.?0+e/, 'e');
  return Number(value.toPrecision(digits)).toString();
}

export function formatPercent(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${(value * 100).toFixed(digits)} %`;
}

// A whole number with thousands separators, "12,345" (what toLocaleString('en-US') writes). Not
// toLocaleString itself: a page's first call loads the browser's number-format data, 15-20 ms
// spent before the first training step (the run bar shows the step count at once).
export function formatCount(value) {
  if (!Number.isFinite(value)) return formatNumber(value);
  const whole = Math.round(value);
  const digits = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return whole < 0 ? `-${digits}` : digits;
}

// "1 unit" / "12 units" in the current language (t is passed in to keep this module DOM-free).
export function unitsText(t, n) {
  return n === 1 ? t('unitOne') : t('unitCount', { n });
}
