#include "spec/report_json.h"

#include <cmath>

namespace nn {

namespace {

// JSON has no NaN: "not applicable" becomes null.
Json number(double x) { return std::isfinite(x) ? Json(x) : Json(nullptr); }

Json toJson(const Histogram& histogram) {
  return {{"lo", histogram.low}, {"hi", histogram.high}, {"counts", histogram.counts}, {"non_finite", histogram.nonFinite}};
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

// A matrix as rows of numbers (non-finite values as null): [[m(0,0), m(0,1), ...], ...].
Json rowsOf(const Matrix& m) {
  Json rows = Json::array();
  for (Eigen::Index r = 0; r < m.rows(); ++r) {
    Json row = Json::array();
    for (Eigen::Index c = 0; c < m.cols(); ++c) row.push_back(number(m(r, c)));
    rows.push_back(std::move(row));
  }
  return rows;
}

// A one-column matrix (a vector of units) as a flat list.
Json columnOf(const Matrix& m) {
  Json values = Json::array();
  for (Eigen::Index k = 0; k < m.size(); ++k) values.push_back(number(m(k)));
  return values;
}

}  // namespace

Json toJson(const BackpropTrace& trace) {
  Json layers = Json::array();
  for (const LayerTrace& t : trace.layers) {
    Json layer = {{"index", t.index},
                  {"type", t.type},
                  {"input", columnOf(t.input)},
                  {"output", columnOf(t.output)},
                  {"d_input", columnOf(t.dInput)},
                  {"d_output", columnOf(t.dOutput)}};
    if (t.type == "dense") {
      layer["weights"] = rowsOf(t.weights);
      layer["bias"] = columnOf(t.bias);
      layer["d_weights"] = rowsOf(t.dWeights);
      layer["d_bias"] = columnOf(t.dBias);
      layer["weights_after"] = rowsOf(t.weightsAfter);
      layer["bias_after"] = columnOf(t.biasAfter);
    }
    layers.push_back(std::move(layer));
  }
  return {{"example", trace.example},
          {"input", columnOf(trace.input)},
          {"target", columnOf(trace.target)},
          {"predictions", columnOf(trace.predictions)},
          {"loss", number(trace.loss)},
          {"loss_after", number(trace.lossAfter)},
          {"learning_rate", trace.learningRate},
          {"layers", layers}};
}

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
  json["derivative_mean"] = number(stats.derivativeMean);  // element-wise activations: mean |f'(z)|
  json["derivative_rms"] = number(stats.derivativeRms);    // and sqrt(mean f'(z)^2)
  json["derivative"] = stats.hasDerivative ? toJson(stats.derivative) : Json(nullptr);
  return json;
}

Json toJson(const ThinnedEnsemble& ensemble) {
  Json thinned = Json::array();
  for (const SplitMetrics& split : ensemble.thinned) thinned.push_back(toJson(split));
  const auto numbers = [](const std::vector<double>& values) {
    Json list = Json::array();
    for (double x : values) list.push_back(number(x));
    return list;
  };
  return {{"full", toJson(ensemble.full)},
          {"thinned", thinned},
          {"thinned_agreement", numbers(ensemble.thinnedAgreement)},
          {"thinned_gap", numbers(ensemble.thinnedGap)},
          {"average_accuracy", numbers(ensemble.averageAccuracy)},
          {"agreement", numbers(ensemble.agreement)},
          {"gap", numbers(ensemble.gap)}};
}

Json toJson(const Divergence& divergence) {
  return {{"step", divergence.step},
          {"layer", divergence.layer},
          {"layer_name", divergence.layerName},
          {"quantity", divergence.quantity},
          {"message", divergence.message}};
}

Json describeNetwork(Run& run) {
  const Dataset& data = run.dataset();
  Json layers = Json::array();
  const auto& specLayers = run.spec().layers;
  auto& networkLayers = run.network().layers();
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
          {"loss", toString(run.spec().loss)},
          {"batch_size", run.batchSize()},
          {"parameter_count", run.network().parameterCount()}};
}

}  // namespace nn
