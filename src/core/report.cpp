#include "report.h"

#include <cmath>

namespace nn {

namespace {

// JSON has no NaN: "not applicable" becomes null.
Json number(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

Json toJson(const Histogram& histogram) {
  return {{"lo", histogram.low}, {"hi", histogram.high}, {"counts", histogram.counts},
          {"non_finite", histogram.nonFinite}};
}

Json toJson(const Summary& summary) {
  return {{"mean", number(summary.mean)},
          {"std", number(summary.std)},
          {"min", number(summary.min)},
          {"max", number(summary.max)},
          {"histogram", toJson(summary.histogram)}};
}

Json toJson(const SplitMetrics& split) {
  return {{"loss", split.count ? number(split.loss) : Json(nullptr)},
          {"accuracy", number(split.accuracy)},
          {"count", split.count}};
}

}  // namespace

Json toJson(const Metrics& metrics) {
  return {{"step", metrics.step},
          {"epoch", metrics.epoch},
          {"learning_rate", metrics.learningRate},
          {"batch_loss", number(metrics.batchLoss)},
          {"train", toJson(metrics.train)},
          {"validation", toJson(metrics.validation)},
          {"test", toJson(metrics.test)},
          {"penalty", number(metrics.penalty)}};
}

Json toJson(const LayerStats& stats) {
  Json json = {{"index", stats.index},
               {"type", stats.type},
               {"name", stats.name},
               {"units", stats.units},
               {"output", toJson(stats.output)},
               {"input", toJson(stats.input)},
               {"dead_fraction", number(stats.deadFraction)},
               {"negative_fraction", number(stats.negativeFraction)},
               {"input_grad_norm", number(stats.inputGradNorm)},
               {"weight_norm", number(stats.weightNorm)},
               {"weight_grad_norm", number(stats.weightGradNorm)},
               {"update_ratio", number(stats.updateRatio)}};
  json["weights"] = stats.hasWeights ? toJson(stats.weights) : Json(nullptr);
  return json;
}

Json toJson(const Divergence& divergence) {
  return {{"step", divergence.step},
          {"layer", divergence.layer},
          {"layer_name", divergence.layerName},
          {"quantity", divergence.quantity},
          {"message", divergence.message}};
}

Json describeNetwork(Trainer& trainer) {
  const Dataset& data = trainer.dataset();
  Json layers = Json::array();
  const auto& specLayers = trainer.spec().layers;
  auto& networkLayers = trainer.network().layers();
  for (size_t i = 0; i < networkLayers.size(); ++i) {
    const Layer& layer = *networkLayers[i];
    Json entry = {{"index", i},
                  {"type", layer.type()},
                  {"name", layer.name()},
                  {"units", layer.outputSize()},
                  {"inputs", layer.inputSize()},
                  {"outputs", layer.outputSize()}};
    if (specLayers[i].type == LayerType::Activation) entry["fn"] = toString(specLayers[i].activation);
    layers.push_back(entry);
  }
  return {{"task", data.task == TaskKind::Regression ? "regression" : "classification"},
          {"classes", data.classes},
          {"features", data.featureNames},
          {"two_dimensional", data.raw2dAvailable},
          {"layers", layers},
          {"loss", toString(trainer.spec().loss)},
          {"batch_size", trainer.batchSize()},
          {"parameter_count", trainer.network().parameterCount()}};
}

void packMetrics(const Metrics& m, std::vector<double>& out) {
  out.assign(kMetricFieldCount, std::nan(""));
  out[kMetricStep] = static_cast<double>(m.step);
  out[kMetricEpoch] = m.epoch;
  out[kMetricLearningRate] = m.learningRate;
  out[kMetricBatchLoss] = m.batchLoss;
  out[kMetricPenalty] = m.penalty;
  const SplitMetrics* splits[] = {&m.train, &m.validation, &m.test};
  for (int s = 0; s < 3; ++s) {
    const int base = kMetricTrainLoss + 3 * s;
    out[base] = splits[s]->count ? splits[s]->loss : std::nan("");
    out[base + 1] = splits[s]->accuracy;
    out[base + 2] = splits[s]->count;
  }
}

void packLayerStats(const std::vector<LayerStats>& stats, int bins, std::vector<float>& out) {
  const size_t record = kStatsHeaderFields + 3 * static_cast<size_t>(bins);
  out.assign(record * stats.size(), std::nanf(""));
  for (size_t l = 0; l < stats.size(); ++l) {
    const LayerStats& s = stats[l];
    float* r = out.data() + l * record;
    r[kStatIndex] = static_cast<float>(s.index);
    r[kStatUnits] = static_cast<float>(s.units);
    const Summary* summaries[] = {&s.output, &s.input};
    for (int k = 0; k < 2; ++k) {
      float* f = r + (k == 0 ? kStatOutMean : kStatInMean);
      f[0] = static_cast<float>(summaries[k]->mean);
      f[1] = static_cast<float>(summaries[k]->std);
      f[2] = static_cast<float>(summaries[k]->min);
      f[3] = static_cast<float>(summaries[k]->max);
      f[4] = static_cast<float>(summaries[k]->histogram.low);
      f[5] = static_cast<float>(summaries[k]->histogram.high);
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
    float* histograms = r + kStatsHeaderFields;
    const std::vector<float>* counts[] = {&s.output.histogram.counts, &s.input.histogram.counts,
                                          s.hasWeights ? &s.weights.counts : nullptr};
    for (int h = 0; h < 3; ++h)
      for (int b = 0; b < bins; ++b)
        histograms[h * bins + b] =
            counts[h] && static_cast<size_t>(b) < counts[h]->size() ? (*counts[h])[static_cast<size_t>(b)] : 0.0f;
  }
}

}  // namespace nn
