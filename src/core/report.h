// Metrics and statistics in the two shapes the outside world reads:
// JSON (command line, model files) and packed float records (wasm -> JS).
#pragma once
#include <vector>
#include "json_reader.h"
#include "stats.h"
#include "trainer.h"

namespace nn {

Json toJson(const Metrics& metrics);
Json toJson(const LayerStats& stats);
Json toJson(const Divergence& divergence);
Json describeNetwork(Trainer& trainer);  // task, classes, features, layers [{index,type,name,units,inputs,outputs,fn}], parameterCount

// Metrics packed as doubles, in this order (engine.js decodes the same order):
enum MetricsField {
  kMetricStep, kMetricEpoch, kMetricLearningRate, kMetricBatchLoss,
  kMetricTrainLoss, kMetricTrainAccuracy, kMetricTrainCount,
  kMetricValidationLoss, kMetricValidationAccuracy, kMetricValidationCount,
  kMetricTestLoss, kMetricTestAccuracy, kMetricTestCount,
  kMetricPenalty,
  kMetricFieldCount
};
void packMetrics(const Metrics& metrics, std::vector<double>& out);

// Layer statistics packed as floats: one record per layer of
// kStatsHeaderFields numbers followed by three histograms of `bins` counts
// (output, input, weights). NaN marks "not applicable".
enum StatsField {
  kStatIndex, kStatUnits,
  kStatOutMean, kStatOutStd, kStatOutMin, kStatOutMax, kStatOutLow, kStatOutHigh,
  kStatInMean, kStatInStd, kStatInMin, kStatInMax, kStatInLow, kStatInHigh,
  kStatDeadFraction, kStatInputGradNorm, kStatWeightNorm, kStatWeightGradNorm, kStatUpdateRatio,
  kStatWeightLow, kStatWeightHigh, kStatNegativeFraction,
  kStatOutNonFinite, kStatInNonFinite, kStatWeightNonFinite,  // values in no bin: NaN, +-inf
  kStatsHeaderFields
};
void packLayerStats(const std::vector<LayerStats>& stats, int bins, std::vector<float>& out);

}  // namespace nn
