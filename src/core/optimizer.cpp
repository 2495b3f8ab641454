#include "optimizer.h"

#include <cmath>
#include <limits>
#include <sstream>

#include "fast_math.h"

namespace nn {

namespace {

// Decaying optimizer state (velocities, moments) creeps through the float
// subnormal range on its way to 0 (0.999^t takes ~10^5 steps to get from
// 1e-38 to 0), and subnormal arithmetic is many times slower on x86 -- in
// wasm too, where flush-to-zero cannot be switched on. Measured: Adam on
// 784-128-64-10 ran at half the speed of SGD natively until this flush.
// Values below 1e-30 change no update in float (sqrt(1e-30) = 1e-15 vanishes
// beside epsilon; a step of lr * 1e-30 / epsilon is far below a weight's ulp).
constexpr Scalar kStateFlush = Scalar(1e-30);
template <typename State>
void flushTinyToZero(State&& state) {
  state = (state.abs() < kStateFlush).select(Scalar(0), state);
}

// One table per enum gives both directions of the name conversion.
template <typename Kind>
struct Named {
  Kind kind;
  const char* name;
};
constexpr Named<OptimizerKind> kOptimizerNames[] = {
    {OptimizerKind::Sgd, "sgd"},         {OptimizerKind::Momentum, "momentum"}, {OptimizerKind::Nesterov, "nesterov"},
    {OptimizerKind::AdaGrad, "adagrad"}, {OptimizerKind::RmsProp, "rmsprop"},   {OptimizerKind::Adam, "adam"},
    {OptimizerKind::AdamW, "adamw"},
};
constexpr Named<ScheduleKind> kScheduleNames[] = {
    {ScheduleKind::Constant, "constant"},
    {ScheduleKind::Step, "step"},
    {ScheduleKind::Exponential, "exponential"},
    {ScheduleKind::Cosine, "cosine"},
};

template <typename Kind, size_t N>
const char* nameIn(const Named<Kind> (&table)[N], Kind kind) {
  for (const auto& entry : table)
    if (entry.kind == kind) return entry.name;
  return "unknown";
}

// `what` names the enum in the message: "unknown optimizer 'adamax' (expected one of: sgd, ...)".
template <typename Kind, size_t N>
Expected<Kind> kindIn(const Named<Kind> (&table)[N], const std::string& name, const char* what) {
  std::string list;
  for (const auto& entry : table) {
    if (name == entry.name) return entry.kind;
    list += (list.empty() ? "" : ", ") + std::string(entry.name);
  }
  const std::string shown = name.size() > 40 ? name.substr(0, 40) + "..." : name;
  return Error{"", "unknown " + std::string(what) + " '" + shown + "' (expected one of: " + list + ")",
               ErrorCode::Choice, {{"got", shown}, {"allowed", list}}};
}

std::string show(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

// Which buffers a kind's update rule reads; kinds in the same family can take
// over each other's state.
enum class StateFamily { None, Velocity, SquaredSum, SquaredAverage, Moments };
StateFamily familyOf(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::Sgd: return StateFamily::None;
    case OptimizerKind::Momentum:
    case OptimizerKind::Nesterov: return StateFamily::Velocity;
    case OptimizerKind::AdaGrad: return StateFamily::SquaredSum;
    case OptimizerKind::RmsProp: return StateFamily::SquaredAverage;
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW: return StateFamily::Moments;
  }
  return StateFamily::None;
}

}  // namespace

const char* toString(OptimizerKind kind) { return nameIn(kOptimizerNames, kind); }
Expected<OptimizerKind> parseOptimizerKind(const std::string& name) { return kindIn(kOptimizerNames, name, "optimizer"); }
const char* toString(ScheduleKind kind) { return nameIn(kScheduleNames, kind); }
Expected<ScheduleKind> parseScheduleKind(const std::string& name) { return kindIn(kScheduleNames, name, "schedule"); }

double defaultWeightDecay(OptimizerKind kind) { return kind == OptimizerKind::AdamW ? 0.01 : 0.0; }

// The single place where the ranges of the hyper-parameters are decided; the
// spec reader only checks types and then calls this.
Status validate(const OptimizerConfig& c, const std::string& path) {
  auto field = [&](const char* key) { return path.empty() ? std::string(key) : path + "." + key; };
  // !(x >= lo) instead of x < lo so that NaN fails every check.
  if (!(std::isfinite(c.learningRate) && c.learningRate > 0 && c.learningRate <= 10))
    return Error{field("learning_rate"), "must be greater than 0 and at most 10 (got " + show(c.learningRate) + ")",
                 ErrorCode::PositiveRange, {{"max", 10}, {"got", c.learningRate}}};
  const struct {
    const char* key;
    double value;
  } fractions[] = {{"momentum", c.momentum}, {"rho", c.rho}, {"beta1", c.beta1}, {"beta2", c.beta2}};
  for (const auto& f : fractions)
    if (!(f.value >= 0 && f.value < 1))
      return Error{field(f.key), "must be at least 0 and less than 1 (got " + show(f.value) + ")", ErrorCode::Fraction,
                   {{"got", f.value}}};
  if (!(c.epsilon > 0 && c.epsilon <= 1))
    return Error{field("epsilon"), "must be greater than 0 and at most 1 (got " + show(c.epsilon) + ")",
                 ErrorCode::PositiveRange, {{"max", 1}, {"got", c.epsilon}}};
  const struct {
    const char* key;
    double value, max;
  } nonNegative[] = {{"l1", c.l1, 10}, {"l2", c.l2, 10}, {"weight_decay", c.weightDecay, 1}, {"clip_norm", c.clipNorm, 1e6}};
  for (const auto& f : nonNegative)
    if (!(f.value >= 0 && f.value <= f.max))
      return Error{field(f.key), "must be between 0 and " + show(f.max) + " (got " + show(f.value) + ")",
                   ErrorCode::Range, {{"min", 0}, {"max", f.max}, {"got", f.value}}};

  const ScheduleConfig& s = c.schedule;
  const std::string schedulePath = field("schedule");
  auto scheduleField = [&](const char* key) { return schedulePath + "." + key; };
  const int maxSteps = 100000000;
  const struct {
    const char* key;
    int value;
  } counts[] = {{"step_size", s.stepSize}, {"decay_steps", s.decaySteps}, {"total_steps", s.totalSteps}};
  for (const auto& f : counts)
    if (f.value < 1 || f.value > maxSteps)
      return Error{scheduleField(f.key),
                   "must be a whole number between 1 and " + std::to_string(maxSteps) + " (got " + std::to_string(f.value) + ")",
                   ErrorCode::IntegerRange, {{"min", 1}, {"max", maxSteps}, {"got", f.value}}};
  if (!(s.gamma > 0 && s.gamma <= 1))
    return Error{scheduleField("gamma"), "must be greater than 0 and at most 1 (got " + show(s.gamma) + ")",
                 ErrorCode::PositiveRange, {{"max", 1}, {"got", s.gamma}}};
  if (!(s.minLearningRate >= 0 && s.minLearningRate <= c.learningRate))
    return Error{scheduleField("min_learning_rate"),
                 "must be between 0 and the learning rate " + show(c.learningRate) + " (got " + show(s.minLearningRate) + ")",
                 ErrorCode::Range, {{"min", 0}, {"max", c.learningRate}, {"got", s.minLearningRate}}};
  return std::nullopt;
}

double scheduledLearningRate(const ScheduleConfig& schedule, double baseLearningRate, long long t) {
  const double steps = static_cast<double>(t < 0 ? 0 : t);
  switch (schedule.kind) {
    case ScheduleKind::Constant: return baseLearningRate;
    case ScheduleKind::Step:
      // lr * gamma^floor(t / stepSize)
      return baseLearningRate * std::pow(schedule.gamma, std::floor(steps / schedule.stepSize));
    case ScheduleKind::Exponential:
      // lr * gamma^(t / decaySteps)
      return baseLearningRate * std::pow(schedule.gamma, steps / schedule.decaySteps);
    case ScheduleKind::Cosine: {
      // min + (lr - min) * (1 + cos(pi * min(t, T) / T)) / 2: half a cosine from lr down to min, then flat
      const double T = schedule.totalSteps;
      const double progress = std::min(steps, T) / T;
      const double pi = 3.14159265358979323846;
      return schedule.minLearningRate +
             (baseLearningRate - schedule.minLearningRate) * (1.0 + std::cos(pi * progress)) / 2.0;
    }
  }
  return baseLearningRate;
}

Optimizer::Optimizer(OptimizerConfig config) : config_(config) {}

void Optimizer::bind(const std::vector<Parameter>& parameters) {
  parameters_ = parameters;
  t_ = 0;
  lastGradientNorm_ = 0.0;
  resetState();
}

void Optimizer::resetState() {
  const StateFamily family = familyOf(config_.kind);
  first_.clear();
  second_.clear();
  if (family != StateFamily::None)
    for (const Parameter& p : parameters_) first_.push_back(Matrix::Zero(p.value->rows(), p.value->cols()));
  if (family == StateFamily::Moments)
    for (const Parameter& p : parameters_) second_.push_back(Matrix::Zero(p.value->rows(), p.value->cols()));
  ruleStart_ = t_;
}

void Optimizer::setConfig(const OptimizerConfig& config) {
  const bool sameState = familyOf(config.kind) == familyOf(config_.kind);
  config_ = config;
  if (!sameState) resetState();
}

double Optimizer::currentLearningRate() const {
  return scheduledLearningRate(config_.schedule, config_.learningRate, t_);
}

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
  const StateFamily family = familyOf(config_.kind);
  const std::vector<Matrix>* squares = family == StateFamily::SquaredSum || family == StateFamily::SquaredAverage
                                           ? &first_
                                       : family == StateFamily::Moments ? &second_
                                                                        : nullptr;
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

  // 4. The update rule. t counts from 1 at the first step of the current rule.
  const long long t = t_ - ruleStart_ + 1;
  const Scalar mu = static_cast<Scalar>(c.momentum);
  // Each decay factor and its complement 1 - beta are computed in double from the spec's value and
  // only then rounded: 1 - float(0.99999) would be 1.0014e-5, 0.14 % off, while the bias
  // correction below divides by the exact 1 - beta^t.
  const Scalar rho = static_cast<Scalar>(c.rho), oneMinusRho = static_cast<Scalar>(1.0 - c.rho);
  const Scalar b1 = static_cast<Scalar>(c.beta1), oneMinusB1 = static_cast<Scalar>(1.0 - c.beta1);
  const Scalar b2 = static_cast<Scalar>(c.beta2), oneMinusB2 = static_cast<Scalar>(1.0 - c.beta2);
  const Scalar eps = static_cast<Scalar>(c.epsilon);
  // Bias correction: mhat = m / (1 - b1^t), vhat = v / (1 - b2^t); off: mhat = m, vhat = v.
  // Only Adam's rules read them: two std::pow per step were a visible share of a tiny net's SGD step.
  const bool corrected = c.biasCorrection && familyOf(c.kind) == StateFamily::Moments;
  const Scalar mhatScale = corrected ? static_cast<Scalar>(1.0 / (1.0 - std::pow(c.beta1, double(t)))) : Scalar(1);
  const Scalar vhatScale = corrected ? static_cast<Scalar>(1.0 / (1.0 - std::pow(c.beta2, double(t)))) : Scalar(1);

  // 5. (in the loop, right after each update) L1 by its proximal step (soft thresholding), so weights reach exactly 0 and stay there while
  //    their data gradient is smaller than l1 (a subgradient l1 * sign(W) only makes them hover):
  //    W = sign(W) * max(|W| - l1 * step, 0), where step is the step size this weight's update just
  //    used: lr for SGD, Momentum and Nesterov, lr / (sqrt(h) + eps) for AdaGrad and RMSProp,
  //    lr / (sqrt(vhat) + eps) for Adam and AdamW.
  const Scalar l1Step = static_cast<Scalar>(c.l1 * learningRate);
  auto softThreshold = [](auto&& W, auto&& threshold) { W = W.sign() * (W.abs() - threshold).max(Scalar(0)); };
  const bool l1 = c.l1 > 0;

  for (size_t i = 0; i < parameters_.size(); ++i) {
    auto W = parameters_[i].value->array();
    auto g = parameters_[i].gradient->array();
    const bool proximal = l1 && parameters_[i].penalized;
    switch (c.kind) {
      case OptimizerKind::Sgd:
        // W -= lr * g
        W -= lr * g;
        if (proximal) softThreshold(W, l1Step);
        break;
      case OptimizerKind::Momentum: {
        // v = mu * v - lr * g;  W += v
        auto v = first_[i].array();
        v = mu * v - lr * g;
        flushTinyToZero(v);
        W += v;
        if (proximal) softThreshold(W, l1Step);
        break;
      }
      case OptimizerKind::Nesterov: {
        // v_prev = v;  v = mu * v - lr * g;  W += -mu * v_prev + (1 + mu) * v
        // (done in two passes over W so that no v_prev buffer is needed)
        auto v = first_[i].array();
        W -= mu * v;
        v = mu * v - lr * g;
        flushTinyToZero(v);
        W += (1 + mu) * v;
        if (proximal) softThreshold(W, l1Step);
        break;
      }
      case OptimizerKind::AdaGrad: {
        // h += g * g;  W -= lr * g / (sqrt(h) + eps)
        auto h = first_[i].array();
        h += g * g;
        W -= lr * g / (h.sqrt() + eps);
        if (proximal) softThreshold(W, l1Step / (h.sqrt() + eps));
        break;
      }
      case OptimizerKind::RmsProp: {
        // h = rho * h + (1 - rho) * g * g;  W -= lr * g / (sqrt(h) + eps)
        auto h = first_[i].array();
        h = rho * h + oneMinusRho * g * g;
        flushTinyToZero(h);
        W -= lr * g / (h.sqrt() + eps);
        if (proximal) softThreshold(W, l1Step / (h.sqrt() + eps));
        break;
      }
      case OptimizerKind::Adam:
      case OptimizerKind::AdamW: {
        // m = b1 * m + (1 - b1) * g;  v = b2 * v + (1 - b2) * g * g
        // W -= lr * mhat / (sqrt(vhat) + eps)
        auto m = first_[i].array();
        auto v = second_[i].array();
        m = b1 * m + oneMinusB1 * g;
        v = b2 * v + oneMinusB2 * g * g;
        flushTinyToZero(m);
        flushTinyToZero(v);
        W -= lr * (m * mhatScale) / ((v * vhatScale).sqrt() + eps);
        if (proximal) softThreshold(W, l1Step / ((v * vhatScale).sqrt() + eps));
        break;
      }
    }
  }
  ++t_;
}

}  // namespace nn
