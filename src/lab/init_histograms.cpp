#include "init_histograms.h"

#include <cmath>
#include "core/activation_layer.h"
#include "core/dense.h"

namespace nn {

Status validate(const InitHistogramsConfig& config) {
  if (config.layers < 1 || config.layers > 20) return rangeError("layers", 1, 20, config.layers);
  if (config.units < 1 || config.units > 1024) return rangeError("units", 1, 1024, config.units);
  if (config.samples < 1 || config.samples > 10000) return rangeError("samples", 1, 10000, config.samples);
  if (config.bins < 2 || config.bins > 200) return rangeError("bins", 2, 200, config.bins);
  if (!(config.high > config.low)) return Error{"range", "needs low < high", ErrorCode::RangeOrder, {}};
  return std::nullopt;
}

Expected<std::vector<InitHistogramsLayer>> runInitHistograms(const InitHistogramsConfig& config) {
  if (auto error = validate(config)) return *error;
  Rng rng(config.seed);
  Matrix input(config.units, config.samples);  // (units, samples)
  for (Eigen::Index i = 0; i < input.size(); ++i) input(i) = static_cast<Scalar>(rng.normal());
  StatsConfig histogramRange;
  histogramRange.histogramBins = config.bins;
  histogramRange.autoRange = false;
  histogramRange.rangeLow = config.low;
  histogramRange.rangeHigh = config.high;

  std::vector<InitHistogramsLayer> result;
  const InitConfig zeros{InitKind::Zeros};
  Matrix current = input;
  for (int l = 0; l < config.layers; ++l) {
    Dense dense(config.units, config.units);
    dense.initializeParameters(config.weightInit, zeros, rng);
    dense.resize(config.samples);
    dense.forward(current, Mode::Inference);
    ActivationLayer activation(config.units, config.activation, defaultAlpha(config.activation));
    activation.resize(config.samples);
    activation.forward(dense.output(), Mode::Inference);
    current = activation.output();

    InitHistogramsLayer layer;
    layer.activations = summarize(current, histogramRange);
    const bool squashing = config.activation == ActivationKind::Sigmoid || config.activation == ActivationKind::Tanh;
    const Scalar lowEnd = config.activation == ActivationKind::Tanh ? Scalar(-1) : Scalar(0);
    double saturated = 0;
    for (Eigen::Index i = 0; i < current.size(); ++i) {
      const Scalar a = current(i);
      if (squashing ? (a - lowEnd < Scalar(0.01) || Scalar(1) - a < Scalar(0.01)) : a <= Scalar(0)) saturated += 1;
    }
    layer.saturatedFraction = saturated / static_cast<double>(current.size());
    result.push_back(std::move(layer));
  }
  return result;
}

}  // namespace nn
