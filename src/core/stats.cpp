#include "stats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include "activation_layer.h"

namespace nn {

namespace {

// Bin indices in double, for what the vectorised float path cannot take: non-finite values
// (counted apart, in no bin) and spans too narrow or too wide for float arithmetic.
void countInDouble(const Matrix& values, double low, double high, Histogram& histogram) {
  const int bins = static_cast<int>(histogram.counts.size());
  const double span = high - low;  // > 0 and finite: makeHistogram guarantees it
  for (Eigen::Index k = 0; k < values.size(); ++k) {
    const double x = static_cast<double>(values.data()[k]);
    if (!std::isfinite(x)) {
      histogram.nonFinite += 1.0f;
      continue;
    }
    const double position = (std::clamp(x, low, high) - low) / span * bins;  // in [0, bins]
    histogram.counts[static_cast<size_t>(std::min(static_cast<int>(position), bins - 1))] += 1.0f;
  }
}

// The range to bin over: a fixed range if it is usable, otherwise the finite values' min..max,
// widened around the value when they are all equal (or there are none).
std::pair<double, double> binRange(const Matrix& values, const StatsConfig& config, bool allFinite) {
  if (!config.autoRange && std::isfinite(config.rangeLow) && std::isfinite(config.rangeHigh) &&
      config.rangeHigh > config.rangeLow)
    return {config.rangeLow, config.rangeHigh};
  double low = std::numeric_limits<double>::infinity(), high = -low;
  if (allFinite) {
    low = values.minCoeff();
    high = values.maxCoeff();
  } else {
    for (Eigen::Index k = 0; k < values.size(); ++k) {
      const double x = static_cast<double>(values.data()[k]);
      if (std::isfinite(x)) low = std::min(low, x), high = std::max(high, x);
    }
    if (low > high) low = high = 0.0;  // no finite value at all
  }
  if (high > low) return {low, high};
  // All equal: a unit-wide range centred on the value (wider for large values, so that both
  // ends differ from it), kept inside the Scalar range so the ends stay finite when reported.
  const double limit = static_cast<double>(std::numeric_limits<Scalar>::max());
  const double half = std::max(0.5, std::abs(low) * 1e-3);
  return {std::max(low - half, -limit), std::min(low + half, limit)};
}

}  // namespace

Histogram makeHistogram(const Matrix& values, const StatsConfig& config) {
  Histogram histogram;
  const int bins = config.histogramBins;
  histogram.counts.assign(static_cast<size_t>(bins), 0.0f);
  if (values.size() == 0) return histogram;
  // The vector min/max below are undefined for NaN. A finite sum proves every value finite (and a
  // sum that merely overflows only sends us down the slow, still correct, path); it vectorises, allFinite() does not.
  const bool finite = std::isfinite(values.sum());
  const auto [low, high] = binRange(values, config, finite);
  histogram.low = low;
  histogram.high = high;
  // Hot at 8 x 256 (half a million weights per call): bin indices are computed
  // vectorised for a chunk at a time (clamp, scale, truncate: truncation equals
  // floor for the non-negative offsets left after clamping), then counted.
  // In Scalar arithmetic that needs finite ends, a finite span and a finite scale: a span
  // below ~6e-37 makes bins/span overflow float, and inf * 0 would give a NaN index.
  const Scalar lowS = static_cast<Scalar>(low), highS = static_cast<Scalar>(high);
  const Scalar scale = static_cast<Scalar>(bins / (high - low));
  const bool scalarSafe = std::isfinite(lowS) && std::isfinite(highS) && highS > lowS && std::isfinite(highS - lowS) &&
                          std::isfinite(scale) && scale > 0;
  if (!finite || !scalarSafe) {
    countInDouble(values, low, high, histogram);
    return histogram;
  }
  float* counts = histogram.counts.data();
  constexpr Eigen::Index kChunk = 1024;
  int index[kChunk];
  for (Eigen::Index start = 0; start < values.size(); start += kChunk) {
    const Eigen::Index n = std::min(kChunk, values.size() - start);
    const Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>> chunk(values.data() + start, n);
    Eigen::Map<Eigen::Array<int, Eigen::Dynamic, 1>>(index, n) =
        // the last bin includes `high`: clamp to just below `bins` in float (integer min is not vectorised in SSE2)
        ((chunk.max(lowS).min(highS) - lowS) * scale).min(static_cast<Scalar>(bins) - Scalar(0.5)).template cast<int>();
    for (Eigen::Index k = 0; k < n; ++k) counts[index[k]] += 1.0f;
  }
  return histogram;
}

Summary summarize(const Matrix& values, const StatsConfig& config) {
  Summary summary;
  if (values.size() == 0) return summary;
  const double count = static_cast<double>(values.size());
  summary.mean = values.template cast<double>().sum() / count;
  summary.std =
      std::sqrt(std::max(0.0, values.template cast<double>().array().square().sum() / count - summary.mean * summary.mean));
  summary.min = values.minCoeff();
  summary.max = values.maxCoeff();
  summary.histogram = makeHistogram(values, config);
  return summary;
}

namespace {

// Share of units that pass no gradient for any example: the activation's derivative is 0 on every
// column of z. Below 0 the derivative is 0 for ReLU and alpha (Leaky ReLU, PReLU: per unit) or
// alpha e^z (ELU) for the others, so their units die only with alpha = 0; above 0 it is 1. The slope
// is taken from the definition, not from a float evaluation: ELU's alpha e^z underflows to 0 far
// below 0 while the unit still passes a (tiny) gradient. The weaker condition, input <= 0 on every
// example, is counted separately by negativeFraction.
double deadFraction(const ActivationLayer& layer, const Eigen::Ref<const Matrix>& z) {
  if (z.rows() == 0 || z.cols() == 0) return 0.0;
  const Matrix& alpha = layer.alpha();
  int dead = 0;
  for (Eigen::Index unit = 0; unit < z.rows(); ++unit) {
    // A ReLU-family kind without an alpha (ReLU) is flat below 0.
    const Scalar slopeBelowZero =
        !activationDefinition(layer.kind()).alpha ? Scalar(0) : alpha(alpha.rows() == z.rows() ? unit : 0, 0);
    if (slopeBelowZero == Scalar(0) && (z.row(unit).array() <= Scalar(0)).all()) ++dead;
  }
  return static_cast<double>(dead) / static_cast<double>(z.rows());
}

// Share of units whose input is <= 0 for every example ("in the negative regime").
double negativeFraction(const Eigen::Ref<const Matrix>& z) {
  if (z.rows() == 0 || z.cols() == 0) return 0.0;
  int negative = 0;
  for (Eigen::Index unit = 0; unit < z.rows(); ++unit)
    if ((z.row(unit).array() <= Scalar(0)).all()) ++negative;
  return static_cast<double>(negative) / static_cast<double>(z.rows());
}

// f'(z) element by element with the layer's own slopes (activation.h). Only for element-wise kinds.
Matrix layerDerivative(const ActivationLayer& layer, const Matrix& z, const Matrix& a) {
  Matrix derivative;
  activationDerivative(layer.kind(), layer.alpha().col(0), z, a, derivative);
  return derivative;
}

// The sample's first `count` columns (the rest is padding): the matrix itself when that is all of
// it, as it is for the run's statistics sample, else a copy into `scratch`.
const Matrix& firstColumns(const Matrix& values, int count, Matrix& scratch) {
  if (count >= values.cols()) return values;
  scratch = values.leftCols(count);
  return scratch;
}

// Bins f'(z) from min(0, smallest) to the largest value: a derivative's histogram always shows where
// 0 is, so sigmoid's factors (all in [0, 0.25]) read as "near zero" or not at a glance.
Histogram derivativeHistogram(const Matrix& derivative, const StatsConfig& config) {
  StatsConfig fromZero = config;
  const bool finite = derivative.size() > 0 && std::isfinite(derivative.sum());
  const double low = finite ? std::min(0.0, static_cast<double>(derivative.minCoeff())) : 0.0;
  const double high = finite ? static_cast<double>(derivative.maxCoeff()) : 0.0;
  fromZero.autoRange = !(high > low);  // all zero (a dead layer), or non-finite: the automatic range copes
  fromZero.rangeLow = low;
  fromZero.rangeHigh = high;
  return makeHistogram(derivative, fromZero);
}

// Vectorised in Scalar: a cast to double per element made these norms the slowest
// part of the statistics at 8 x 256; float's relative error (~1e-6) is far below what a chart shows.
template <typename Expression>
double norm(const Expression& m) {
  return std::sqrt(static_cast<double>(m.squaredNorm()));
}

}  // namespace

std::vector<LayerStats> computeLayerStats(const Network& network, const Matrix& input,
                                          const std::vector<Matrix>& weightsBefore, const std::vector<Parameter>& parameters,
                                          const std::vector<int>& parameterLayer, const StatsConfig& config,
                                          const ActivationSample* sample) {
  std::vector<LayerStats> all;
  const auto& layers = network.layers();
  const auto sampledInput = [sample](size_t i) -> const Matrix& {
    return i == 0 ? *sample->input : sample->network->layers()[i - 1]->output();
  };
  for (size_t i = 0; i < layers.size(); ++i) {
    const Layer& layer = *layers[i];
    const Matrix& layerInput = i == 0 ? input : layers[i - 1]->output();
    LayerStats stats;
    stats.index = static_cast<int>(i);
    stats.type = layer.type();
    stats.name = layer.name();
    stats.units = layer.outputSize();
    if (sample) {
      stats.output = summarize(sample->network->layers()[i]->output().leftCols(sample->count), config);
      stats.input = summarize(sampledInput(i).leftCols(sample->count), config);
    } else {
      stats.output = summarize(layer.output(), config);
      stats.input = summarize(layerInput, config);
    }
    stats.inputGradNorm = norm(layer.dInput());
    if (const auto* activation = dynamic_cast<const ActivationLayer*>(&layer)) {
      if (isReluFamily(activation->kind())) {
        // Over the sample (fixed examples, inference mode) when there is one, so the share does not
        // jump with the batch while no weight changes.
        // (a view, not a copy of the sample's or the batch's inputs)
        const Eigen::Ref<const Matrix> z = sample ? Eigen::Ref<const Matrix>(sampledInput(i).leftCols(sample->count))
                                                  : Eigen::Ref<const Matrix>(layerInput);
        stats.deadFraction = deadFraction(*activation, z);
        stats.negativeFraction = negativeFraction(z);
      }
      if (activationDefinition(activation->kind()).elementwise) {
        // (the sample's or the batch's own matrices, not copies of them)
        Matrix zScratch, aScratch;
        const Matrix& z = sample ? firstColumns(sampledInput(i), sample->count, zScratch) : layerInput;
        const Matrix& a =
            sample ? firstColumns(sample->network->layers()[i]->output(), sample->count, aScratch) : layer.output();
        const Matrix derivative = layerDerivative(*activation, z, a);
        stats.derivativeMean = derivative.size() ? derivative.cwiseAbs().template cast<double>().mean() : kNotApplicable;
        stats.derivativeRms =
            derivative.size() ? std::sqrt(derivative.template cast<double>().array().square().mean()) : kNotApplicable;
        stats.derivative = derivativeHistogram(derivative, config);
        stats.hasDerivative = true;
      }
    }
    for (size_t p = 0; p < parameters.size(); ++p) {
      if (parameterLayer[p] != static_cast<int>(i) || parameters[p].name != "W") continue;
      const Matrix& W = *parameters[p].value;
      stats.weightNorm = norm(W);
      stats.weightGradNorm = norm(*parameters[p].gradient);
      if (p < weightsBefore.size() && weightsBefore[p].size() == W.size()) {
        const double before = norm(weightsBefore[p]);
        stats.updateRatio = before > 0 ? norm(W - weightsBefore[p]) / before : kNotApplicable;
      }
      stats.hasWeights = true;
      stats.weights = makeHistogram(W, config);
    }
    all.push_back(std::move(stats));
  }
  return all;
}

}  // namespace nn
