#include "run/packed_records.h"

#include <cmath>

namespace nn {

static_assert(kMetricValidationLoss - kMetricTrainLoss == kSplitFields &&
                  kMetricTestLoss - kMetricValidationLoss == kSplitFields,
              "each split of a metrics record takes kSplitFields fields");
static_assert(kStatInMean - kStatOutMean == kSummaryFields && kStatDeadFraction - kStatInMean == kSummaryFields,
              "each summary of a stats record takes kSummaryFields fields");

void packMetrics(const Metrics& m, std::vector<double>& out) {
  out.assign(kMetricFieldCount, std::nan(""));
  out[kMetricStep] = static_cast<double>(m.step);
  out[kMetricEpoch] = m.epoch;
  out[kMetricLearningRate] = m.learningRate;
  out[kMetricBatchLoss] = m.batchLoss;
  out[kMetricPenalty] = m.penalty;
  const SplitMetrics* splits[] = {&m.train, &m.validation, &m.test};
  for (int s = 0; s < 3; ++s) {
    const int base = kMetricTrainLoss + kSplitFields * s;
    out[base + kSplitLoss] = splits[s]->count ? splits[s]->loss : std::nan("");
    out[base + kSplitAccuracy] = splits[s]->accuracy;
    out[base + kSplitCount] = splits[s]->count;
  }
}

void packLayerStats(const std::vector<LayerStats>& stats, int bins, std::vector<float>& out) {
  const size_t record = kStatsHeaderFields + kStatsHistograms * static_cast<size_t>(bins);
  out.assign(record * stats.size(), std::nanf(""));
  for (size_t l = 0; l < stats.size(); ++l) {
    const LayerStats& s = stats[l];
    float* r = out.data() + l * record;
    r[kStatIndex] = static_cast<float>(s.index);
    r[kStatUnits] = static_cast<float>(s.units);
    const Summary* summaries[] = {&s.output, &s.input};
    for (int k = 0; k < 2; ++k) {
      float* f = r + (k == 0 ? kStatOutMean : kStatInMean);
      f[kSummaryMean] = static_cast<float>(summaries[k]->mean);
      f[kSummaryStd] = static_cast<float>(summaries[k]->std);
      f[kSummaryMin] = static_cast<float>(summaries[k]->min);
      f[kSummaryMax] = static_cast<float>(summaries[k]->max);
      f[kSummaryLow] = static_cast<float>(summaries[k]->histogram.low);
      f[kSummaryHigh] = static_cast<float>(summaries[k]->histogram.high);
    }
    r[kStatDeadFraction] = static_cast<float>(s.deadFraction);
    r[kStatNegativeFraction] = static_cast<float>(s.negativeFraction);
    r[kStatInputGradNorm] = static_cast<float>(s.inputGradNorm);
    r[kStatWeightNorm] = static_cast<float>(s.weightNorm);
    r[kStatWeightGradNorm] = static_cast<float>(s.weightGradNorm);
    r[kStatUpdateRatio] = static_cast<float>(s.updateRatio);
    if (s.hasWeights) {
      r[kStatWeightLow] = static_cast<float>(s.weights.low);
      r[kStatWeightHigh] = static_cast<float>(s.weights.high);
    }
    r[kStatOutNonFinite] = s.output.histogram.nonFinite;
    r[kStatInNonFinite] = s.input.histogram.nonFinite;
    r[kStatWeightNonFinite] = s.hasWeights ? s.weights.nonFinite : 0.0f;
    r[kStatDerivativeMean] = static_cast<float>(s.derivativeMean);
    r[kStatDerivativeRms] = static_cast<float>(s.derivativeRms);
    if (s.hasDerivative) {
      r[kStatDerivativeLow] = static_cast<float>(s.derivative.low);
      r[kStatDerivativeHigh] = static_cast<float>(s.derivative.high);
      r[kStatDerivativeNonFinite] = s.derivative.nonFinite;
    }
    float* histograms = r + kStatsHeaderFields;
    const std::vector<float>* counts[kStatsHistograms] = {};
    counts[kHistogramOutput] = &s.output.histogram.counts;
    counts[kHistogramInput] = &s.input.histogram.counts;
    counts[kHistogramWeights] = s.hasWeights ? &s.weights.counts : nullptr;
    counts[kHistogramDerivative] = s.hasDerivative ? &s.derivative.counts : nullptr;
    for (int h = 0; h < kStatsHistograms; ++h)
      for (int b = 0; b < bins; ++b)
        histograms[h * bins + b] =
            counts[h] && static_cast<size_t>(b) < counts[h]->size() ? (*counts[h])[static_cast<size_t>(b)] : 0.0f;
  }
}

}  // namespace nn
