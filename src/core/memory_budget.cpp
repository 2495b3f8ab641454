#include "memory_budget.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace nn {

namespace {

double budgetBytes = 1024.0 * 1024.0 * 1024.0;  // 1 GiB

constexpr double kScalarBytes = sizeof(Scalar);

double megabytes(double bytes) { return std::ceil(bytes / (1024.0 * 1024.0)); }

// Update-rule buffers per parameter (optimizer_registry.h): velocity, squared sums, or two moments.
int optimizerSlots(OptimizerKind kind) { return optimizerDefinition(kind).stateBuffers; }

struct NetworkShape {
  double parameters = 0;        // learned numbers
  double valuesPerColumn = 0;   // activation-sized buffers per example column (outputs, input gradients, caches)
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

double MemoryEstimate::total() const {
  double sum = 0;
  for (const MemoryTerm& term : terms) sum += term.bytes;
  return sum;
}

const MemoryTerm& MemoryEstimate::largest() const {
  return *std::max_element(terms.begin(), terms.end(),
                           [](const MemoryTerm& a, const MemoryTerm& b) { return a.bytes < b.bytes; });
}

double memoryBudget() { return budgetBytes; }
void setMemoryBudget(double bytes) { budgetBytes = bytes; }

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
      {"parameters", "the parameters with their gradients and optimizer state", parameterCopies * shape.parameters * kScalarBytes},
      {"activations", "the activations of a training batch", batch * shape.valuesPerColumn * kScalarBytes},
      {"evaluation", "the evaluation buffers", evalColumns * shape.valuesPerColumn * kScalarBytes},
      {"data", "the data set", data * kScalarBytes},
  }};
}

Status checkMemoryBudget(const MemoryEstimate& estimate) {
  const double need = estimate.total();
  if (need <= budgetBytes) return std::nullopt;
  const MemoryTerm& largest = estimate.largest();
  std::ostringstream message;
  message << "needs about " << megabytes(need) << " MB of memory, more than the budget of " << megabytes(budgetBytes)
          << " MB; the largest part is " << largest.english << " (" << megabytes(largest.bytes) << " MB)";
  return Error{"", message.str(), ErrorCode::MemoryBudget,
               {{"need_mb", megabytes(need)},
                {"budget_mb", megabytes(budgetBytes)},
                {"term", largest.id},
                {"term_mb", megabytes(largest.bytes)}}};
}

Status checkMemoryBudget(const char* termId, const char* english, double bytes) {
  return checkMemoryBudget(MemoryEstimate{{{termId, english, bytes}}});
}

}  // namespace nn
