// What a run will need in memory, computed from the spec and the data's shape before anything
// is allocated, and the budget it must fit in (issue 8, item 3). Without it the largest spec that
// validates (2-D data, 32 layers of 4096 units, Adam) asked for ~18.5 GB: natively Eigen's
// std::bad_alloc aborted the process, in wasm createRun aborted after seconds of growing memory.
//
// The estimate follows the buffers the trainer really holds (trainer.h, network.h, the layers):
// the training network (parameters, gradients, optimizer slots, the weights before the last
// update, activations for one batch), the evaluation network (its own parameters and
// activations for kEvalChunk examples), the histogram sampler, and the data splits.
#pragma once
#include <string>
#include <vector>
#include "expected.h"
#include "spec.h"

namespace nn {

struct MemoryTerm {
  const char* id;       // "parameters", "activations", "evaluation", "grid", "data" (translated by the page)
  const char* english;  // for the CLI's message
  double bytes;
};

struct MemoryEstimate {
  std::vector<MemoryTerm> terms;
  double total() const;
  const MemoryTerm& largest() const;
};

// The process-wide budget in bytes: 1 GiB by default (wasm), set by the CLI's --memory-budget.
double memoryBudget();
void setMemoryBudget(double bytes);

// Columns of the evaluation network (also used by the trainer).
constexpr int kEvalChunk = 256;

// A run of `spec` on data with `features` inputs, `targets` target rows and `examples` examples
// in all (`train` of them for training).
MemoryEstimate estimateRunMemory(const RunSpec& spec, int features, int targets, int examples, int train);

// An error (MemoryBudget, naming the largest term) when `estimate` is over the budget.
Status checkMemoryBudget(const MemoryEstimate& estimate);

// A single allocation of `bytes` for `term` (e.g. image pixels as floats), checked the same way.
Status checkMemoryBudget(const char* termId, const char* english, double bytes);

}  // namespace nn
