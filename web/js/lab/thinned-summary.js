// What the dropout-as-an-ensemble section (4e) reports of Run.thinnedEnsemble's result: the whole
// network, the thinned networks one by one (mean, worst, best), and the average of all of them. No
// DOM here, so the page's table and the tests read the same numbers.

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

// e: { full, thinned: [{ accuracy }], thinnedAgreement, thinnedGap, averageAccuracy, agreement, gap } (engine-api.md)
export function thinnedSummary(e) {
  const accuracies = e.thinned.map((x) => x.accuracy);
  return {
    networks: accuracies.length,
    full: e.full.accuracy,
    thinnedMean: mean(accuracies), thinnedMin: Math.min(...accuracies), thinnedMax: Math.max(...accuracies),
    average: e.averageAccuracy.at(-1),
    thinnedAgreement: mean(e.thinnedAgreement), averageAgreement: e.agreement.at(-1),
    thinnedGap: mean(e.thinnedGap), averageGap: e.gap.at(-1),  // mean |p - p(whole)|: one network alone, the average of all
  };
}
