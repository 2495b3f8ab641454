// The run spec: everything a learner sets for one training run (docs/spec.md). Reading and
// writing it as JSON is src/spec/run_spec_json.h's job.
#pragma once
#include <cstdint>
#include <vector>
#include "core/expected.h"
#include "core/layer_spec.h"
#include "core/loss.h"
#include "core/optimizer.h"
#include "core/stats.h"
#include "data/dataset.h"

namespace nn {

// Caps that keep every allowed spec within memory and time on a learner's laptop.
constexpr int kMaxLayers = 32;
constexpr int kMaxUnits = 4096;
constexpr int kMaxBatch = 4096;

struct TrainingConfig {
  int batchSize = 10;
  int epochs = 100;
  uint64_t seed = 1;
};

struct RunSpec {
  DataConfig data;
  std::vector<LayerSpec> layers;
  LossKind loss = LossKind::SoftmaxCrossEntropy;
  OptimizerConfig optimizer;
  TrainingConfig training;
  StatsConfig stats;
};

// The network's shape must fit the data: the last layer is dense with as many
// units as the loss needs, and the loss fits the task.
Status checkAgainstData(const RunSpec& spec, TaskKind task, int classes);

// Units each layer outputs, given the number of input features.
std::vector<int> layerOutputSizes(const RunSpec& spec, int inputSize);

}  // namespace nn
