#include "optimizer.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "fast_math.h"
#include "number_text.h"

namespace nn {

namespace {

// Whether a mid-run switch from one kind to another can keep the state (optimizer_registry.h).
bool sameStateFamily(OptimizerKind a, OptimizerKind b) {
  return std::strcmp(optimizerDefinition(a).stateFamily, optimizerDefinition(b).stateFamily) == 0;
}

// "must be greater than 0 and at most 10", "must be at least 0 and less than 1", "must be between 0 and 10":
// the range of a registry parameter, with the error code the page translates it by.
Status checkRange(const CatalogParameter& p, double value, const std::string& field) {
  const bool inside = (p.minExclusive ? value > p.min : value >= p.min) && (p.maxExclusive ? value < p.max : value <= p.max);
  if (inside) return std::nullopt;  // NaN is never inside
  if (std::strcmp(p.type, "integer") == 0) {
    const long long min = static_cast<long long>(p.min), max = static_cast<long long>(p.max);
    const long long got = static_cast<long long>(value);
    return Error{field,
                 "must be a whole number between " + std::to_string(min) + " and " + std::to_string(max) + " (got " +
                     std::to_string(got) + ")",
                 ErrorCode::IntegerRange,
                 {{"min", min}, {"max", max}, {"got", got}}};
  }
  if (p.minExclusive)
    return Error{field,
                 "must be greater than " + numberText(p.min) + " and at most " + numberText(p.max) + " (got " +
                     numberText(value) + ")",
                 ErrorCode::PositiveRange,
                 {{"max", p.max}, {"got", value}}};
  if (p.maxExclusive)
    return Error{field,
                 "must be at least " + numberText(p.min) + " and less than " + numberText(p.max) + " (got " +
                     numberText(value) + ")",
                 ErrorCode::Fraction,
                 {{"got", value}}};
  return Error{field,
               "must be between " + numberText(p.min) + " and " + numberText(p.max) + " (got " + numberText(value) + ")",
               ErrorCode::Range,
               {{"min", p.min}, {"max", p.max}, {"got", value}}};
}

// The configuration's value of a numeric hyper-parameter of the registry's table.
double valueOf(const OptimizerConfig& c, const std::string& name) {
  const struct {
    const char* name;
    double OptimizerConfig::*field;
  } fields[] = {{"learning_rate", &OptimizerConfig::learningRate},
                {"momentum", &OptimizerConfig::momentum},
                {"rho", &OptimizerConfig::rho},
                {"beta1", &OptimizerConfig::beta1},
                {"beta2", &OptimizerConfig::beta2},
                {"epsilon", &OptimizerConfig::epsilon},
                {"l1", &OptimizerConfig::l1},
                {"l2", &OptimizerConfig::l2},
                {"weight_decay", &OptimizerConfig::weightDecay},
                {"clip_norm", &OptimizerConfig::clipNorm}};
  for (const auto& f : fields)
    if (name == f.name) return c.*f.field;
  return std::numeric_limits<double>::quiet_NaN();  // a table entry without a field fails its check loudly
}

// The configuration's value of a parameter of the schedule registry's table.
double scheduleValueOf(const ScheduleConfig& s, const std::string& name) {
  if (name == "step_size") return s.stepSize;
  if (name == "decay_steps") return s.decaySteps;
  if (name == "total_steps") return s.totalSteps;
  if (name == "gamma") return s.gamma;
  if (name == "min_learning_rate") return s.minLearningRate;
  return std::numeric_limits<double>::quiet_NaN();  // a table entry without a field fails its check loudly
}

}  // namespace

const char* toString(OptimizerKind kind) { return optimizerDefinition(kind).name; }
Expected<OptimizerKind> parseOptimizerKind(const std::string& name) { return optimizerRegistry().kindOf(name, "optimizer"); }
const char* toString(ScheduleKind kind) { return scheduleDefinition(kind).name; }
Expected<ScheduleKind> parseScheduleKind(const std::string& name) { return scheduleRegistry().kindOf(name, "schedule"); }

double defaultWeightDecay(OptimizerKind kind) { return optimizerDefinition(kind).defaultWeightDecay; }

// The single place where the ranges of the hyper-parameters are decided; the
// spec reader only checks types and then calls this.
Status validate(const OptimizerConfig& c, const std::string& path) {
  auto field = [&](const char* key) { return path.empty() ? std::string(key) : path + "." + key; };
  for (const CatalogParameter& parameter : optimizerParameters()) {
    if (std::strcmp(parameter.type, "number") != 0) continue;  // bias_correction: any boolean
    if (Status error = checkRange(parameter, valueOf(c, parameter.name), field(parameter.name))) return error;
  }
  // The registry's learning_rate range is (0, 10]; infinity is outside it, so it needs no check of its own.

  const ScheduleConfig& s = c.schedule;
  const std::string schedulePath = field("schedule");
  for (const CatalogParameter& parameter : scheduleParameters()) {
    const std::string key = schedulePath + "." + parameter.name;
    if (std::strcmp(parameter.name, "min_learning_rate") == 0) {
      // The floor of the cosine schedule is at most the learning rate it starts from.
      if (!(s.minLearningRate >= parameter.min && s.minLearningRate <= c.learningRate))
        return Error{key,
                     "must be between 0 and the learning rate " + numberText(c.learningRate) + " (got " +
                         numberText(s.minLearningRate) + ")",
                     ErrorCode::Range,
                     {{"min", 0}, {"max", c.learningRate}, {"got", s.minLearningRate}}};
      continue;
    }
    if (Status error = checkRange(parameter, scheduleValueOf(s, parameter.name), key)) return error;
  }
  return std::nullopt;
}

double scheduledLearningRate(const ScheduleConfig& schedule, double baseLearningRate, long long t) {
  const double steps = static_cast<double>(t < 0 ? 0 : t);
  return scheduleDefinition(schedule.kind).learningRate(schedule, baseLearningRate, steps);
}

Optimizer::Optimizer(OptimizerConfig config) : config_(config) {}

bool Optimizer::correctsBias(const OptimizerConfig& config) {
  return config.biasCorrection && reads(optimizerDefinition(config.kind), "bias_correction");
}

void Optimizer::bind(const std::vector<Parameter>& parameters) {
  parameters_ = parameters;
  t_ = 0;
  lastGradientNorm_ = 0.0;
  resetState();
}

void Optimizer::resetState() {
  const int buffers = optimizerDefinition(config_.kind).stateBuffers;
  first_.clear();
  second_.clear();
  if (buffers >= 1)
    for (const Parameter& p : parameters_) first_.push_back(Matrix::Zero(p.value->rows(), p.value->cols()));
  if (buffers >= 2)
    for (const Parameter& p : parameters_) second_.push_back(Matrix::Zero(p.value->rows(), p.value->cols()));
  ruleStart_ = t_;
}

void Optimizer::setConfig(const OptimizerConfig& config) {
  const bool sameState = sameStateFamily(config.kind, config_.kind);
  config_ = config;
  biasCorrected_ = correctsBias(config);
  if (!sameState) resetState();
}

double Optimizer::currentLearningRate() const { return scheduledLearningRate(config_.schedule, config_.learningRate, t_); }

double Optimizer::gradientNorm() const {
  double squaredNorm = 0.0;
  for (const Parameter& p : parameters_) squaredNorm += static_cast<double>(p.gradient->squaredNorm());
  return std::sqrt(squaredNorm);
}

double Optimizer::lastGradientNorm() const {
  // NaN: step() did not need it. Unclipped gradients stay as step() saw them until the next backward pass.
  return std::isnan(lastGradientNorm_) ? gradientNorm() : lastGradientNorm_;
}

double Optimizer::penaltyLoss() const {
  double penalty = 0.0;
  for (const Parameter& p : parameters_) {
    if (!p.penalized) continue;
    // l1 * |W|_1 + l2/2 * |W|^2
    if (config_.l1 > 0) penalty += config_.l1 * static_cast<double>(p.value->cwiseAbs().sum());
    if (config_.l2 > 0) penalty += 0.5 * config_.l2 * static_cast<double>(p.value->squaredNorm());
  }
  return penalty;
}

std::optional<size_t> Optimizer::firstNonFiniteState() const {
  // Only the squared-gradient buffer can overflow while the gradients are finite: a velocity or
  // Adam's first moment is a bounded blend of finite gradients (and a huge one shows in the weights).
  // Checking that one buffer keeps this per-step scan off SGD, Momentum and half of Adam's state.
  const int buffer = optimizerDefinition(config_.kind).squaredGradientBuffer;
  const std::vector<Matrix>* squares = buffer == 1 ? &first_ : buffer == 2 ? &second_ : nullptr;
  if (!squares) return std::nullopt;
  for (size_t i = 0; i < squares->size(); ++i)
    if (!allFiniteArray((*squares)[i].data(), (*squares)[i].size())) return i;
  return std::nullopt;
}

void Optimizer::step() {
  const OptimizerConfig& c = config_;
  const Scalar l2 = static_cast<Scalar>(c.l2);

  // 1. The L2 penalty's gradient, written into the gradient buffers (backward() overwrites them next
  //    step): g += l2 * W. L1 is not a gradient term: it is applied after the update (5.).
  if (c.l2 > 0)
    for (const Parameter& p : parameters_)
      if (p.penalized) p.gradient->noalias() += l2 * (*p.value);

  // 2. Global-norm clipping: one norm over all gradients, so the direction of the whole update is kept.
  //    Without clipping nothing here needs the norm, and lastGradientNorm() computes it when asked.
  lastGradientNorm_ = c.clipNorm > 0 ? gradientNorm() : std::numeric_limits<double>::quiet_NaN();
  if (c.clipNorm > 0 && lastGradientNorm_ > c.clipNorm) {
    const Scalar scale = static_cast<Scalar>(c.clipNorm / lastGradientNorm_);
    for (const Parameter& p : parameters_) *p.gradient *= scale;
  }

  const double learningRate = currentLearningRate();
  const Scalar lr = static_cast<Scalar>(learningRate);

  // 3. Decoupled weight decay (not added to the gradient, so Adam's scaling does not touch it):
  //    W -= lr * weightDecay * W
  if (c.weightDecay > 0) {
    const Scalar shrink = static_cast<Scalar>(1.0 - learningRate * c.weightDecay);
    for (const Parameter& p : parameters_)
      if (p.penalized) *p.value *= shrink;
  }

  // 4. The update rule (optimizer_registry.cpp), and right after it, for penalized weights, L1 by its
  //    proximal step: W = sign(W) * max(|W| - l1 * step, 0), where step is the step size this weight's
  //    update just used (lr, or lr / (sqrt(h) + eps) for the adaptive rules: each rule applies its
  //    own). t counts from 1 at the first step of the current rule.
  const OptimizerDefinition& rule = optimizerDefinition(c.kind);
  const long long t = t_ - ruleStart_ + 1;
  UpdateFactors f;
  f.lr = lr;
  f.mu = static_cast<Scalar>(c.momentum);
  // Each decay factor and its complement 1 - beta are computed in double from the spec's value and
  // only then rounded: 1 - float(0.99999) would be 1.0014e-5, 0.14 % off, while the bias
  // correction below divides by the exact 1 - beta^t.
  f.rho = static_cast<Scalar>(c.rho);
  f.oneMinusRho = static_cast<Scalar>(1.0 - c.rho);
  f.b1 = static_cast<Scalar>(c.beta1);
  f.oneMinusB1 = static_cast<Scalar>(1.0 - c.beta1);
  f.b2 = static_cast<Scalar>(c.beta2);
  f.oneMinusB2 = static_cast<Scalar>(1.0 - c.beta2);
  f.eps = static_cast<Scalar>(c.epsilon);
  // Bias correction: mhat = m / (1 - b1^t), vhat = v / (1 - b2^t); off: mhat = m, vhat = v. Only the
  // rules that read it pay for the two pow calls.
  f.mhatScale = biasCorrected_ ? static_cast<Scalar>(1.0 / (1.0 - std::pow(c.beta1, double(t)))) : Scalar(1);
  f.vhatScale = biasCorrected_ ? static_cast<Scalar>(1.0 / (1.0 - std::pow(c.beta2, double(t)))) : Scalar(1);
  f.l1Step = static_cast<Scalar>(c.l1 * learningRate);
  const bool l1 = c.l1 > 0;

  for (size_t i = 0; i < parameters_.size(); ++i)
    rule.update(f, *parameters_[i].value, *parameters_[i].gradient, rule.stateBuffers >= 1 ? first_[i] : noState_,
                rule.stateBuffers >= 2 ? second_[i] : noState_, l1 && parameters_[i].penalized);
  ++t_;
}

}  // namespace nn
