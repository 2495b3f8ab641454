// Metrics and layer statistics packed as flat number records: what the wasm module hands to
// web/js/engine.js at every refresh, cheaper than JSON. engine.js reads the field offsets from the
// module (engine.statsLayout(), src/wasm/bindings.cpp), so these enums are their only definition.
#pragma once
#include <vector>
#include "core/stats.h"
#include "run/run.h"

namespace nn {

// Metrics packed as doubles, in this order. Each split (from kMetricTrainLoss, kMetricValidationLoss
// and kMetricTestLoss) is these fields in this order:
enum SplitField { kSplitLoss, kSplitAccuracy, kSplitCount, kSplitFields };
enum MetricsField {
  kMetricStep,
  kMetricEpoch,
  kMetricLearningRate,
  kMetricBatchLoss,
  kMetricTrainLoss,
  kMetricTrainAccuracy,
  kMetricTrainCount,
  kMetricValidationLoss,
  kMetricValidationAccuracy,
  kMetricValidationCount,
  kMetricTestLoss,
  kMetricTestAccuracy,
  kMetricTestCount,
  kMetricPenalty,
  kMetricFieldCount
};
void packMetrics(const Metrics& metrics, std::vector<double>& out);

// Layer statistics packed as floats: one record per layer of
// kStatsHeaderFields numbers followed by kStatsHistograms histograms of `bins` counts
// (output, input, weights, activation derivative f'(z)). NaN marks "not applicable".
// The output and input summaries (from kStatOutMean and kStatInMean) are these fields in this order:
enum SummaryField { kSummaryMean, kSummaryStd, kSummaryMin, kSummaryMax, kSummaryLow, kSummaryHigh, kSummaryFields };
enum StatsField {
  kStatIndex,
  kStatUnits,
  kStatOutMean,
  kStatOutStd,
  kStatOutMin,
  kStatOutMax,
  kStatOutLow,
  kStatOutHigh,
  kStatInMean,
  kStatInStd,
  kStatInMin,
  kStatInMax,
  kStatInLow,
  kStatInHigh,
  kStatDeadFraction,
  kStatInputGradNorm,
  kStatWeightNorm,
  kStatWeightGradNorm,
  kStatUpdateRatio,
  kStatWeightLow,
  kStatWeightHigh,
  kStatNegativeFraction,
  kStatOutNonFinite,
  kStatInNonFinite,
  kStatWeightNonFinite,  // values in no bin: NaN, +-inf
  kStatDerivativeMean,   // element-wise activation: mean |f'(z)| over the sample
  kStatDerivativeRms,    // and sqrt(mean f'(z)^2)
  kStatDerivativeLow,
  kStatDerivativeHigh,
  kStatDerivativeNonFinite,
  kStatsHeaderFields
};
enum StatsHistogram { kHistogramOutput, kHistogramInput, kHistogramWeights, kHistogramDerivative, kStatsHistograms };
void packLayerStats(const std::vector<LayerStats>& stats, int bins, std::vector<float>& out);

}  // namespace nn
