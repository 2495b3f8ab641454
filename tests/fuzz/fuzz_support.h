// Helpers shared by the libFuzzer targets of tests/fuzz/.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>
#include "core/network.h"
#include "run/run.h"

namespace nn::fuzz {

// A property every input must keep: when it breaks, libFuzzer records the input as a crash.
inline void require(bool holds, const std::string& what) {
  if (holds) return;
  std::fprintf(stderr, "fuzz property broken: %s\n", what.c_str());
  std::abort();
}

// Every parameter and state tensor of a network, in order.
inline std::vector<Matrix> tensorsOf(Network& network) {
  std::vector<Matrix> tensors;
  for (auto& layer : network.layers()) {
    for (const Parameter& parameter : layer->parameters()) tensors.push_back(*parameter.value);
    for (const StateTensor& tensor : layer->state()) tensors.push_back(*tensor.value);
  }
  return tensors;
}

inline bool allFinite(const std::vector<Matrix>& tensors) {
  for (const Matrix& tensor : tensors)
    if (!tensor.allFinite()) return false;
  return true;
}

}  // namespace nn::fuzz
