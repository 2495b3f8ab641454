// Curriculum experiment "init-histograms": random inputs pushed forward through
// a deep stack of Dense + activation layers, recording each layer's activation
// distribution. Shows how the weight scale decides whether activations
// saturate, collapse or stay spread (sigmoid with N(0,1) vs N(0,0.01) vs Xavier;
// ReLU with 0.01 vs Xavier vs He).
#pragma once
#include <string>
#include <vector>
#include "core/activation.h"
#include "core/init.h"
#include "core/stats.h"

namespace nn {

struct InitHistogramsConfig {
  ActivationKind activation = ActivationKind::Sigmoid;
  InitConfig weightInit{InitKind::Normal, 0.0, 0.0, 1.0, 0.05};
  int layers = 5;                // hidden layers, 1..20
  int units = 100;               // per layer and input features, 1..1024
  int samples = 1000;            // random inputs, 1..10000
  int bins = 30;                 // histogram bins over a fixed range
  double low = 0.0, high = 1.0;  // histogram range (sigmoid: [0,1]; tanh: [-1,1]; ReLU: [0, a few])
  uint64_t seed = 1;
};

struct InitHistogramsLayer {
  Summary activations;             // over all units and samples of this layer
  double saturatedFraction = 0.0;  // sigmoid/tanh: share within 0.01 of the asymptotes; ReLU family: share <= 0
};

Status validate(const InitHistogramsConfig& config);

// Inputs ~ N(0, 1), shape (units, samples); biases 0; forward only.
Expected<std::vector<InitHistogramsLayer>> runInitHistograms(const InitHistogramsConfig& config);

}  // namespace nn
