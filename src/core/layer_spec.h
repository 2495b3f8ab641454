// A layer description: what the network builds for one entry of a spec's "layers" list.
#pragma once
#include "activation.h"
#include "init.h"

namespace nn {

enum class LayerType { Dense, Activation, BatchNorm, Dropout };

// The share of units a dropout layer drops when the spec does not say (docs/spec.md).
constexpr double kDefaultDropoutRate = 0.5;

struct LayerSpec {
  LayerType type = LayerType::Dense;
  int units = 0;                                     // dense
  InitConfig weightInit;                             // dense (default xavier_uniform)
  InitConfig biasInit{InitKind::Zeros};              // dense
  ActivationKind activation = ActivationKind::Relu;  // activation
  double alpha = 0.0;                                // activation: leaky/ELU slope, PReLU initial slope
  double momentum = 0.9;                             // batchnorm
  double eps = 1e-5;                                 // batchnorm
  double rate = kDefaultDropoutRate;                 // dropout: share of units dropped in training
};

const char* toString(LayerType type);  // "dense", "activation", "batchnorm", "dropout"

}  // namespace nn
