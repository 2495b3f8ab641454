// What a run will need in memory, computed from the spec and the data's shape before anything
// is allocated, to check against the budget of core/memory_budget.h (issue 8, item 3). Without
// it the largest spec that validates (2-D data, 32 layers of 4096 units, Adam) asked for
// ~18.5 GB: natively Eigen's std::bad_alloc aborted the process, in wasm createRun aborted after
// seconds of growing memory.
//
// The estimate follows the buffers the run really holds (run.h, network.h, the layers):
// the training network (parameters, gradients, optimizer slots, the weights before the last
// update, activations for one batch), the evaluation network (its own parameters and
// activations for kEvalChunk examples), the histogram sampler, and the data splits.
#pragma once
#include "core/memory_budget.h"
#include "run/run_spec.h"

namespace nn {

// Columns of the evaluation network (also used by the run).
constexpr int kEvalChunk = 256;

// A run of `spec` on data with `features` inputs, `targets` target rows and `examples` examples
// in all (`train` of them for training).
MemoryEstimate estimateRunMemory(const RunSpec& spec, int features, int targets, int examples, int train);

}  // namespace nn
