// Optimizers, learning-rate schedules, penalties and gradient clipping.
//
// One Optimizer instance updates a fixed list of Parameters. Its state
// (velocity, first/second moments) is a vector aligned with that list and
// sized once in bind(); the step counter t advances once per step(), not per
// tensor. Hyper-parameters live in OptimizerConfig and may be replaced
// between steps with setConfig() without losing state. Which kinds exist, what
// each reads and its update rule: optimizer_registry.h (schedules: schedule_registry.h).
#pragma once
#include <optional>
#include <string>
#include <vector>
#include "expected.h"
#include "optimizer_registry.h"
#include "parameter.h"
#include "schedule_registry.h"
#include "types.h"

namespace nn {

struct ScheduleConfig {
  ScheduleKind kind = ScheduleKind::Constant;
  int stepSize = 100;            // Step: lr *= gamma every stepSize steps
  double gamma = 0.5;            // Step and Exponential factor
  int decaySteps = 100;          // Exponential: lr * gamma^(t / decaySteps)
  int totalSteps = 1000;         // Cosine: period of the half cosine
  double minLearningRate = 0.0;  // Cosine floor
};

struct OptimizerConfig {
  OptimizerKind kind = OptimizerKind::Sgd;
  double learningRate = 0.01;
  double momentum = 0.9;       // Momentum, Nesterov
  double rho = 0.9;            // RMSProp decay of the squared-gradient average
  double beta1 = 0.9;          // Adam, AdamW
  double beta2 = 0.999;        // Adam, AdamW
  double epsilon = 1e-8;       // AdaGrad, RMSProp, Adam, AdamW
  bool biasCorrection = true;  // Adam, AdamW
  double l1 = 0.0;             // loss += l1 * |W|_1 on penalized weights, by a proximal step after the update (step())
  double l2 = 0.0;             // adds l2 * W to penalized gradients (loss += l2/2 * |W|^2)
  double weightDecay = 0.0;    // decoupled: W -= lr_t * weightDecay * W before the update (AdamW's default 0.01)
  double clipNorm = 0.0;       // > 0: rescale all gradients so their global L2 norm is at most clipNorm
  ScheduleConfig schedule;
};

// Parsing helpers shared by the spec reader (src/spec/optimizer_json.h) and the CLI.
const char* toString(OptimizerKind kind);
Expected<OptimizerKind> parseOptimizerKind(const std::string& name);  // a name of the registry (optimizer_registry.h)
const char* toString(ScheduleKind kind);
Expected<ScheduleKind> parseScheduleKind(const std::string& name);  // a name of schedule_registry.h

// The weight decay a kind uses when the spec gives none (the registry's: 0.01 for AdamW, else 0).
double defaultWeightDecay(OptimizerKind kind);

// Checks ranges: the optimizer's hyper-parameters against the registry's table (lr > 0 and finite,
// 0 <= momentum < 1, 0 <= beta < 1, eps > 0, penalties >= 0, ...), then the schedule's.
// Field names in errors are prefixed with `path`.
Status validate(const OptimizerConfig& config, const std::string& path = "optimizer");

// Learning rate at step t (t = number of steps already taken, starting at 0).
double scheduledLearningRate(const ScheduleConfig& schedule, double baseLearningRate, long long t);

class Optimizer {
 public:
  explicit Optimizer(OptimizerConfig config = {});

  // Sizes the state for these parameters (zeroed) and resets t to 0.
  void bind(const std::vector<Parameter>& parameters);
  // Keeps state and t. Only when the new kind reads its buffers differently
  // (e.g. Momentum's velocity would be nonsense as Adam's m) is the state zeroed;
  // Momentum <-> Nesterov and Adam <-> AdamW keep it.
  void setConfig(const OptimizerConfig& config);
  const OptimizerConfig& config() const { return config_; }

  // Applies, in this order: the L2 gradient term (penalized parameters only),
  // global-norm clipping, decoupled weight decay, the update rule, and for L1
  // the soft threshold W = sign(W) * max(|W| - l1 * step, 0) with the step
  // size the update rule just used for that weight (lr, or lr / (sqrt(h) + eps)
  // for the adaptive rules). Advances t by one. Allocates nothing.
  void step();

  long long stepCount() const { return t_; }
  // The index of the first parameter whose squared-gradient state holds NaN or infinity, if any. It
  // can overflow while weights and gradients stay finite (AdaGrad's h += g*g with |g| > 1.8e19): the
  // affected weights then freeze silently, and the state could not be saved in a model file.
  std::optional<size_t> firstNonFiniteState() const;
  // For model files, so a loaded run continues exactly: the state buffers, aligned with the bound
  // parameters (first: velocity, m or h, empty for SGD; second: Adam's v, else empty), the step
  // counter (also the schedule's position) and the step at which the current rule's state started.
  std::vector<Matrix>& firstState() { return first_; }
  std::vector<Matrix>& secondState() { return second_; }
  long long ruleStart() const { return ruleStart_; }
  // Sets t and ruleStart (0 <= ruleStart <= steps, checked by the caller); the buffers are kept.
  void restoreSteps(long long steps, long long ruleStart) {
    t_ = steps;
    ruleStart_ = ruleStart;
  }
  double currentLearningRate() const;  // learning rate the next step() will use
  double lastGradientNorm() const;     // of the last step's gradients, before clipping
  // Penalty term to add to the reported loss: l1*|W|_1 + l2/2*|W|^2 over penalized parameters.
  double penaltyLoss() const;

 private:
  void resetState();            // sizes first_/second_ for config_.kind, zeroed; allocates, so never called by step()
  double gradientNorm() const;  // global L2 norm of the gradients as they are now

  // Whether the kind's rule reads bias_correction and the config turns it on: found when the config is
  // set, so that step() does not search the rule's parameter names every step.
  static bool correctsBias(const OptimizerConfig& config);

  OptimizerConfig config_;
  bool biasCorrected_ = correctsBias(config_);
  std::vector<Parameter> parameters_;
  // Aligned with parameters_, as many as the kind's stateBuffers (optimizer_registry.h): first_ is the
  // velocity, h or m, second_ Adam's v or Adamax's u; empty when the kind keeps fewer.
  std::vector<Matrix> first_;
  std::vector<Matrix> second_;
  Matrix noState_;  // what a rule with fewer state buffers gets for the ones it does not have (never read)
  long long t_ = 0;
  long long ruleStart_ =
      0;  // t when the current update rule's state was last zeroed (Adam's bias correction counts from here)
  double lastGradientNorm_ = 0.0;
};

}  // namespace nn
