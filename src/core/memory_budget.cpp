#include "memory_budget.h"

#include <algorithm>
#include <cmath>

#include "number_text.h"

namespace nn {

namespace {

double budgetBytes = 1024.0 * 1024.0 * 1024.0;  // 1 GiB

double megabytes(double bytes) { return std::ceil(bytes / (1024.0 * 1024.0)); }

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

Status checkMemoryBudget(const MemoryEstimate& estimate) {
  const double need = estimate.total();
  if (need <= budgetBytes) return std::nullopt;
  const MemoryTerm& largest = estimate.largest();
  return Error{"",
               "needs about " + numberText(megabytes(need)) + " MB of memory, more than the budget of " +
                   numberText(megabytes(budgetBytes)) + " MB; the largest part is " + largest.english + " (" +
                   numberText(megabytes(largest.bytes)) + " MB)",
               ErrorCode::MemoryBudget,
               {{"need_mb", megabytes(need)},
                {"budget_mb", megabytes(budgetBytes)},
                {"term", largest.id},
                {"term_mb", megabytes(largest.bytes)}}};
}

Status checkMemoryBudget(const char* termId, const char* english, double bytes) {
  return checkMemoryBudget(MemoryEstimate{{{termId, english, bytes}}});
}

}  // namespace nn
