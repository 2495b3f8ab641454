// The run spec: everything a learner sets for one training run (docs/spec.md).
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include "activation.h"
#include "data/dataset.h"
#include "expected.h"
#include "init.h"
#include "json_reader.h"
#include "loss.h"
#include "optimizer.h"

namespace nn {

// Caps that keep every allowed spec within memory and time on a learner's laptop.
constexpr int kMaxLayers = 32;
constexpr int kMaxUnits = 4096;
constexpr int kMaxBatch = 4096;

enum class LayerType { Dense, Activation, BatchNorm, Dropout };

struct LayerSpec {
  LayerType type = LayerType::Dense;
  int units = 0;                                   // dense
  InitConfig weightInit;                           // dense (default xavier_uniform)
  InitConfig biasInit{InitKind::Zeros};            // dense
  ActivationKind activation = ActivationKind::Relu;  // activation
  double alpha = 0.0;                              // activation: leaky/ELU slope, PReLU initial slope
  double momentum = 0.9;                           // batchnorm
  double eps = 1e-5;                               // batchnorm
  double rate = 0.0;                               // dropout
};

struct TrainingConfig {
  int batchSize = 10;
  int epochs = 100;
  uint64_t seed = 1;
};

// Fixed histogram ranges that float arithmetic can bin (validation enforces them): a narrower
// span makes bins/(high - low) overflow float; larger ends leave no finite bin edges.
constexpr double kMinHistogramSpan = 1e-30;
constexpr double kMaxHistogramMagnitude = 1e30;

struct StatsConfig {
  int histogramBins = 30;
  bool autoRange = true;
  double rangeLow = -1.0, rangeHigh = 1.0;  // when !autoRange
};

struct RunSpec {
  DataConfig data;
  std::vector<LayerSpec> layers;
  LossKind loss = LossKind::SoftmaxCrossEntropy;
  OptimizerConfig optimizer;
  TrainingConfig training;
  StatsConfig stats;
};

const char* toString(LayerType type);

// Reads and validates a spec (every field; unknown keys rejected). Checks that
// need the data (input size, output units vs classes) are done by checkAgainstData.
Expected<RunSpec> readRunSpec(const Json& json);
Expected<RunSpec> parseRunSpec(const std::string& text);  // JSON text -> spec
Json toJson(const RunSpec& spec);

// The network's shape must fit the data: the last layer is dense with as many
// units as the loss needs, and the loss fits the task.
Status checkAgainstData(const RunSpec& spec, TaskKind task, int classes);

// Units each layer outputs, given the number of input features.
std::vector<int> layerOutputSizes(const RunSpec& spec, int inputSize);

}  // namespace nn
