#include "run/run_memory.h"

#include <algorithm>

namespace nn {

namespace {

constexpr double kScalarBytes = sizeof(Scalar);

// Update-rule buffers per parameter (optimizer_registry.h): velocity, squared sums, or two moments.
int optimizerSlots(OptimizerKind kind) { return optimizerDefinition(kind).stateBuffers; }

struct NetworkShape {
  double parameters = 0;       // learned numbers
  double valuesPerColumn = 0;  // activation-sized buffers per example column (outputs, input gradients, caches)
};

NetworkShape shapeOf(const RunSpec& spec, int features) {
  NetworkShape shape;
  int size = features;
  for (const LayerSpec& layer : spec.layers) {
    const int in = size;
    if (layer.type == LayerType::Dense) size = layer.units;
    const int out = size;
    // Every layer keeps its output and its input gradient; batchnorm and dropout one more buffer.
    shape.valuesPerColumn += in + out;
    switch (layer.type) {
      case LayerType::Dense: shape.parameters += double(in) * out + out; break;
      case LayerType::BatchNorm:
        shape.parameters += 4.0 * out;  // gamma, beta, running mean and variance
        shape.valuesPerColumn += out;
        break;
      case LayerType::Dropout: shape.valuesPerColumn += out; break;
      case LayerType::Activation: shape.parameters += out; break;  // PReLU's alphas (at most)
    }
  }
  shape.valuesPerColumn += 2.0 * size + features;  // the loss's predictions and gradient; the input batch
  return shape;
}

}  // namespace

MemoryEstimate estimateRunMemory(const RunSpec& spec, int features, int targets, int examples, int train) {
  const NetworkShape shape = shapeOf(spec, features);
  const double batch = std::min(spec.training.batchSize, std::max(train, 1));
  // Training network: values + gradients + optimizer slots + the weights before the last update;
  // the evaluation network and the histogram sampler: values + gradients each.
  const double parameterCopies = 2 + optimizerSlots(spec.optimizer.kind) + 1 + 2 + 2;
  const double evalColumns = kEvalChunk + std::min(kEvalChunk, std::max(train, 1));  // evaluator + sampler
  // The data: all examples once while generating, then the splits; raw 2-D points and targets beside.
  const double data = 2.0 * double(examples) * (features + 2 + targets) + double(train);
  return {{
      {"parameters", "the parameters with their gradients and optimizer state",
       parameterCopies * shape.parameters * kScalarBytes},
      {"activations", "the activations of a training batch", batch * shape.valuesPerColumn * kScalarBytes},
      {"evaluation", "the evaluation buffers", evalColumns * shape.valuesPerColumn * kScalarBytes},
      {"data", "the data set", data * kScalarBytes},
  }};
}

}  // namespace nn
