// Labels for a logarithmic axis. uPlot puts a tick at every 1..9 x 10^k; labelling them all prints
// the minor ticks (2..9) over the decade labels next to them. Decades are labelled first, then a
// minor tick only where its label has room (minGap pixels from every label kept), so a short range
// (less than a decade) still gets a few numbers.

const isDecade = (v) => v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;

// splits: tick values; positions: their pixel positions along the axis; format(v) -> text.
// Returns one label per split, '' where none is printed.
export function logTickLabels(splits, positions, format, minGap = 14) {
  const labels = splits.map(() => '');
  const kept = [];
  const fits = (i) => kept.every((j) => Math.abs(positions[i] - positions[j]) >= minGap);
  const order = splits.map((v, i) => i).sort((a, b) => Number(isDecade(splits[b])) - Number(isDecade(splits[a])));
  for (const i of order) {
    if (!(splits[i] > 0) || !fits(i)) continue;
    // Between decades only the leading digits 2 and 5 are worth a label.
    if (!isDecade(splits[i])) {
      const lead = Math.round(splits[i] / 10 ** Math.floor(Math.log10(splits[i]) + 1e-9));
      if (lead !== 2 && lead !== 5) continue;
    }
    kept.push(i);
    labels[i] = format(splits[i]);
  }
  return labels;
}
