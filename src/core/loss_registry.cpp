// The losses, one entry each.
#include "loss_registry.h"

namespace nn {

namespace {

// In LossKind order (lossDefinition() indexes it by kind; a unit test checks the order).
const LossDefinition kLosses[] = {
    {LossKind::SoftmaxCrossEntropy, "softmax_cross_entropy", "L = \\log \\sum_k e^{z_k} - z_t", "softmax", true},
    {LossKind::SigmoidBinaryCrossEntropy, "sigmoid_binary_cross_entropy", "L = \\max(z, 0) - z\\,t + \\log(1 + e^{-|z|})",
     "sigmoid", true},
    {LossKind::MeanSquaredError, "mse", "L = \\tfrac12 \\sum_k (z_k - t_k)^2", "identity", false},
};

}  // namespace

Registry<LossDefinition> lossRegistry() { return kLosses; }
const LossDefinition& lossDefinition(LossKind kind) { return kLosses[static_cast<int>(kind)]; }

}  // namespace nn
