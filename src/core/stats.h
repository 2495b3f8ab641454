// Per-layer statistics a learner watches while training: histograms,
// dead units, gradient and weight norms, update-to-weight ratio.
#pragma once
#include <limits>
#include <string>
#include <vector>
#include "network.h"

namespace nn {

// Fixed histogram ranges that float arithmetic can bin (validation enforces them): a narrower
// span makes bins/(high - low) overflow float; larger ends leave no finite bin edges.
constexpr double kMinHistogramSpan = 1e-30;
constexpr double kMaxHistogramMagnitude = 1e30;

// The spec's "stats" section: how histograms are binned.
struct StatsConfig {
  int histogramBins = 30;
  bool autoRange = true;
  double rangeLow = -1.0, rangeHigh = 1.0;  // when !autoRange
};

struct Histogram {
  double low = 0.0, high = 0.0;  // bin i covers [low + i*w, low + (i+1)*w), w = (high-low)/bins; the last bin includes high
  std::vector<float> counts;     // finite values per bin (values outside a fixed range are clamped into the end bins)
  float nonFinite = 0.0f;        // NaN and +-inf values: in no bin (after a divergence a layer can hold them)
};

struct Summary {
  double mean = 0.0, std = 0.0, min = 0.0, max = 0.0;
  Histogram histogram;
};

constexpr double kNotApplicable = std::numeric_limits<double>::quiet_NaN();

struct LayerStats {
  int index = 0;
  std::string type, name;
  int units = 0;
  Summary output;                            // this layer's output on the last training batch
  Summary input;                             // its input (for an activation layer: the pre-activation)
  double deadFraction = kNotApplicable;      // ReLU family: share of units whose activation derivative is exactly 0
                                             // for every example of the sample (they pass no gradient)
  double negativeFraction = kNotApplicable;  // ReLU family: share of units with input <= 0 for every example of the
                                             // sample ("in the negative regime"; leaky units there still learn)
  double inputGradNorm = 0.0;                // ||dLoss/dInput|| (Frobenius) on the last batch
  double weightNorm = kNotApplicable;        // dense: ||W||
  double weightGradNorm = kNotApplicable;    // dense: ||dLoss/dW||
  double updateRatio = kNotApplicable;       // dense: ||W_after - W_before|| / ||W_before|| of the last step
  bool hasWeights = false;
  Histogram weights;  // dense: histogram of W
  // Element-wise activation: f'(z), the factor backpropagation multiplies dL/da by to get dL/dz,
  // over the same examples as the dead-unit share (the sample when there is one). Its mean absolute
  // value is the layer's factor in the chain-rule view; the histogram shows where the factors lie
  // (sigmoid's pile up near 0 when its units saturate). Softmax mixes units, so it has none.
  double derivativeMean = kNotApplicable;  // mean |f'(z)|
  // sqrt(mean f'(z)^2): what multiplying by f'(z) does on average to the length of a gradient vector
  // (ReLU's f' is 0 or 1, so its root mean square, sqrt(open share), exceeds its mean, the open share).
  double derivativeRms = kNotApplicable;
  bool hasDerivative = false;
  Histogram derivative;  // binned from min(0, smallest f'(z)) to the largest, so 0 is always on the axis
};

// Histogram over every value of `values`; auto range uses the finite values' min..max.
// Never indexes out of its bins, whatever the values (NaN, inf) or the range.
Histogram makeHistogram(const Matrix& values, const StatsConfig& config);
Summary summarize(const Matrix& values, const StatsConfig& config);

// A forward pass over more examples than one batch, so that activation
// histograms are smooth even with a batch of 10: the network that ran it, its
// input, and how many of its columns are real examples (the rest is padding).
struct ActivationSample {
  const Network* network;
  const Matrix* input;
  int count;
};

// Statistics of every layer from the buffers of the last training step.
// `input` is the batch the network last saw; `weightsBefore[p]` is parameter p
// before the last update (aligned with network.parameters(); may be empty).
// With a sample, the output/input summaries and the dead-unit shares describe
// the sample instead of the batch; gradient and weight norms always describe the
// training batch.
std::vector<LayerStats> computeLayerStats(const Network& network, const Matrix& input,
                                          const std::vector<Matrix>& weightsBefore, const std::vector<Parameter>& parameters,
                                          const std::vector<int>& parameterLayer, const StatsConfig& config,
                                          const ActivationSample* sample = nullptr);

}  // namespace nn
