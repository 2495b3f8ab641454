// The registry of optimizers: the one place that says which update rules exist, what they are
// called, which hyper-parameters each reads, what state it keeps, how the page writes it (TeX) and
// the rule itself. Also the table of the hyper-parameters (type, range, default) that validate()
// checks a spec against.
//
// Optimizer::step() calls an entry's update function; the spec reader and the CLI look names up
// here; engine.catalog() hands the entries to the page (the select, the formula panel, which
// hyper-parameter controls are relevant, the ranges of their fields). Adding an optimizer is one
// enumerator below and one entry, with its update function, in optimizer_registry.cpp (plus its
// translated label and note in the page's string tables).
#pragma once
#include <string>
#include "catalog_parameter.h"
#include "registry.h"
#include "types.h"

namespace nn {

// The order of the registry's table (optimizer_registry.cpp), which is the order of the page's select.
enum class OptimizerKind { Sgd, Momentum, Nesterov, AdaGrad, RmsProp, Adam, AdamW, Adamax };

// The numbers every parameter's update in one step shares, computed once per step from the
// configuration (Optimizer::step). Each decay factor and its complement are rounded from double
// separately: 1 - float(0.99999) would be 0.14 % off.
struct UpdateFactors {
  Scalar lr;                    // the scheduled learning rate of this step
  Scalar mu;                    // momentum
  Scalar rho, oneMinusRho;      // RMSProp's decay
  Scalar b1, oneMinusB1;        // first-moment decay
  Scalar b2, oneMinusB2;        // second-moment decay
  Scalar eps;                   // epsilon
  Scalar mhatScale, vhatScale;  // bias correction 1 / (1 - beta^t), or 1 when it is off
  Scalar l1Step;                // l1 * lr: the soft threshold of the L1 proximal step, before the rule's own scaling
};

// One parameter's update: W from its gradient g and the kind's state (first/second: as many buffers
// as the entry's stateBuffers, the others are empty). With `proximal`, the rule ends with L1's soft
// threshold W = sign(W) max(|W| - l1Step * s, 0), s being the step size it just used for that weight.
using UpdateRule = void (*)(const UpdateFactors& f, Matrix& W, const Matrix& g, Matrix& first, Matrix& second,
                            bool proximal);

constexpr int kMaxOptimizerReads = 6;

struct OptimizerDefinition {
  OptimizerKind kind;
  const char* name;       // spec name, and the page's key for its label and note
  const char* updateTex;  // the update rule, as the page typesets it (g = dL/dW, eta = learning rate)
  // The hyper-parameters of optimizerParameters() the rule reads besides the ones every rule reads
  // (learning_rate, l1, l2, weight_decay, clip_norm and the schedule); nullptr-terminated.
  const char* reads[kMaxOptimizerReads];
  int stateBuffers;  // 0, 1 (first) or 2 (first and second), each shaped like its parameter
  // Kinds with the same family read their buffers the same way, so a mid-run switch between them
  // keeps the state (Momentum <-> Nesterov, Adam <-> AdamW); any other switch zeroes it.
  const char* stateFamily;
  // The buffer (1 = first, 2 = second, 0 = none) holding a running sum or average of g*g: it can
  // overflow while weights and gradients stay finite (Optimizer::firstNonFiniteState).
  int squaredGradientBuffer;
  double defaultWeightDecay;  // when the spec gives none (AdamW: decoupled decay 0.01)
  UpdateRule update;
};

// Every optimizer, in OptimizerKind order.
Registry<OptimizerDefinition> optimizerRegistry();
const OptimizerDefinition& optimizerDefinition(OptimizerKind kind);
inline bool reads(const OptimizerDefinition& optimizer, const char* hyperParameter) {
  return listsName(optimizer.reads, hyperParameter);
}

// The optimizer section's hyper-parameters (not the schedule's), in the order validate() checks
// them: ranges and defaults, shared by the engine and the page.
Registry<CatalogParameter> optimizerParameters();

}  // namespace nn
