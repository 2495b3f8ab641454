// Curves of an activation function and its derivative, computed by the same
// code the layers use, for the activation gallery.
#pragma once
#include <string>
#include <vector>
#include "core/activation.h"
#include "core/expected.h"

namespace nn {

struct ActivationCurve {
  std::vector<float> x, value, derivative;  // `points` samples over [xmin, xmax]
};

// Elementwise activations only (softmax couples its inputs: use softmaxOf).
Expected<ActivationCurve> activationCurve(const std::string& name, double alpha, double xmin, double xmax, int points);

// Max-subtracted softmax of one vector (what the output layer computes).
std::vector<float> softmaxOf(const std::vector<float>& logits);

}  // namespace nn
