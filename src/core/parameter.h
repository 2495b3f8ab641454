// A trainable tensor as the optimizer sees it.
#pragma once
#include <string>
#include "types.h"

namespace nn {

// Layers own their parameter and gradient buffers; they hand the optimizer
// pointers to them once, when the network is built. The optimizer keeps its
// state (velocities, moments) in a list aligned with this one, so state is
// found by position, never by address.
struct Parameter {
  Matrix* value = nullptr;     // the tensor being learned, e.g. W (out, in)
  Matrix* gradient = nullptr;  // dLoss/dvalue, same shape, written by backward()
  std::string name;            // "W", "b", "gamma", "beta", "alpha": for stats and model files
  bool penalized = true;       // L1/L2 and weight decay apply (weights yes; biases, gamma, beta, alpha no)
};

}  // namespace nn
