// The memory budget a run must fit in (issue 8, item 3), and the estimates checked against it
// before anything is allocated: what a whole run needs is estimated by run/run_memory.h, a single
// large allocation (image pixels) by its caller.
#pragma once
#include <string>
#include <vector>
#include "expected.h"

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

// An error (MemoryBudget, naming the largest term) when `estimate` is over the budget.
Status checkMemoryBudget(const MemoryEstimate& estimate);

// A single allocation of `bytes` for `term` (e.g. image pixels as floats), checked the same way.
Status checkMemoryBudget(const char* termId, const char* english, double bytes);

}  // namespace nn
