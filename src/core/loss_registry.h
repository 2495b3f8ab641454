// The registry of losses: which output heads exist, their names and their formulas in TeX. The
// spec reader looks names up here and engine.catalog() hands the entries to the page. The math of
// each head (fused with its output function so it stays finite) is in loss.cpp.
#pragma once
#include "registry.h"

namespace nn {

enum class LossKind { SoftmaxCrossEntropy, SigmoidBinaryCrossEntropy, MeanSquaredError };

struct LossDefinition {
  LossKind kind;
  const char* name;     // spec name, and the page's key for its label
  const char* tex;      // the loss of one example, z = logits, t = target
  const char* output;   // the output function fused into it: "softmax", "sigmoid" or "identity"
  bool classification;  // false: regression targets
};

// Every loss, in LossKind order.
Registry<LossDefinition> lossRegistry();
const LossDefinition& lossDefinition(LossKind kind);

}  // namespace nn
