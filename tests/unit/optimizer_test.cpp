// The optimizers, checked against values computed by hand from the formulas
// in optimizer.h, plus the invariants the lessons rely on.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "core/optimizer.h"

using namespace nn;

namespace {

// One 2-element weight W = (1, -2) with the same gradient g = (0.5, -1) at every step.
struct TwoWeights {
  Matrix W = Matrix(2, 1);  // (2, 1)
  Matrix g = Matrix(2, 1);  // (2, 1)
  Optimizer optimizer;
  explicit TwoWeights(const OptimizerConfig& config) : optimizer(config) {
    W << 1.0f, -2.0f;
    optimizer.bind({Parameter{&W, &g, "W", true}});
  }
  void step() {
    g << 0.5f, -1.0f;  // reset: penalties are added into the gradient buffer
    optimizer.step();
  }
};

constexpr double kW0[2] = {1.0, -2.0};
constexpr double kG[2] = {0.5, -1.0};

OptimizerConfig configFor(OptimizerKind kind, double lr) {
  OptimizerConfig config;
  config.kind = kind;
  config.learningRate = lr;
  return config;
}

// Runs two steps and compares both weights after each one with expected[step][i].
void checkTwoSteps(const OptimizerConfig& config, const double expected[2][2]) {
  TwoWeights p(config);
  for (int s = 0; s < 2; ++s) {
    p.step();
    CAPTURE(s);
    CHECK(p.W(0, 0) == doctest::Approx(expected[s][0]).epsilon(1e-5));
    CHECK(p.W(1, 0) == doctest::Approx(expected[s][1]).epsilon(1e-5));
  }
}

}  // namespace

TEST_CASE("each optimizer's first two steps equal the values computed by hand from its formula") {
  const double lr = 0.1, mu = 0.9, rho = 0.9, b1 = 0.9, b2 = 0.999, eps = 1e-8;
  double expected[2][2];

  SUBCASE("SGD: W -= lr*g") {
    for (int i = 0; i < 2; ++i) {
      expected[0][i] = kW0[i] - lr * kG[i];
      expected[1][i] = expected[0][i] - lr * kG[i];
    }
    checkTwoSteps(configFor(OptimizerKind::Sgd, lr), expected);
  }
  SUBCASE("Momentum: v = mu*v - lr*g, W += v") {
    for (int i = 0; i < 2; ++i) {
      const double v1 = -lr * kG[i];
      const double v2 = mu * v1 - lr * kG[i];
      expected[0][i] = kW0[i] + v1;
      expected[1][i] = expected[0][i] + v2;
    }
    checkTwoSteps(configFor(OptimizerKind::Momentum, lr), expected);
  }
  SUBCASE("Nesterov: W += -mu*v_prev + (1+mu)*v") {
    for (int i = 0; i < 2; ++i) {
      const double v1 = -lr * kG[i];
      const double v2 = mu * v1 - lr * kG[i];
      expected[0][i] = kW0[i] - mu * 0.0 + (1 + mu) * v1;
      expected[1][i] = expected[0][i] - mu * v1 + (1 + mu) * v2;
    }
    checkTwoSteps(configFor(OptimizerKind::Nesterov, lr), expected);
  }
  SUBCASE("AdaGrad: h += g*g, W -= lr*g/(sqrt(h)+eps)") {
    for (int i = 0; i < 2; ++i) {
      const double h1 = kG[i] * kG[i];
      const double h2 = h1 + kG[i] * kG[i];
      expected[0][i] = kW0[i] - lr * kG[i] / (std::sqrt(h1) + eps);
      expected[1][i] = expected[0][i] - lr * kG[i] / (std::sqrt(h2) + eps);
    }
    checkTwoSteps(configFor(OptimizerKind::AdaGrad, lr), expected);
  }
  SUBCASE("RMSProp: h = rho*h + (1-rho)*g*g, W -= lr*g/(sqrt(h)+eps)") {
    for (int i = 0; i < 2; ++i) {
      const double h1 = (1 - rho) * kG[i] * kG[i];
      const double h2 = rho * h1 + (1 - rho) * kG[i] * kG[i];
      expected[0][i] = kW0[i] - lr * kG[i] / (std::sqrt(h1) + eps);
      expected[1][i] = expected[0][i] - lr * kG[i] / (std::sqrt(h2) + eps);
    }
    checkTwoSteps(configFor(OptimizerKind::RmsProp, lr), expected);
  }
  SUBCASE("Adam: bias-corrected moments, W -= lr*mhat/(sqrt(vhat)+eps)") {
    for (int i = 0; i < 2; ++i) {
      const double m1 = (1 - b1) * kG[i], v1 = (1 - b2) * kG[i] * kG[i];
      const double m2 = b1 * m1 + (1 - b1) * kG[i], v2 = b2 * v1 + (1 - b2) * kG[i] * kG[i];
      expected[0][i] = kW0[i] - lr * (m1 / (1 - b1)) / (std::sqrt(v1 / (1 - b2)) + eps);
      expected[1][i] = expected[0][i] - lr * (m2 / (1 - b1 * b1)) / (std::sqrt(v2 / (1 - b2 * b2)) + eps);
    }
    checkTwoSteps(configFor(OptimizerKind::Adam, lr), expected);
  }
  SUBCASE("Adamax: m as Adam's, u = max(b2*u, |g|), W -= lr*mhat/(u+eps)") {
    for (int i = 0; i < 2; ++i) {
      const double m1 = (1 - b1) * kG[i], u1 = std::abs(kG[i]);
      const double m2 = b1 * m1 + (1 - b1) * kG[i], u2 = std::max(b2 * u1, std::abs(kG[i]));
      expected[0][i] = kW0[i] - lr * (m1 / (1 - b1)) / (u1 + eps);
      expected[1][i] = expected[0][i] - lr * (m2 / (1 - b1 * b1)) / (u2 + eps);
    }
    checkTwoSteps(configFor(OptimizerKind::Adamax, lr), expected);
  }
  SUBCASE("AdamW: W -= lr*weight_decay*W, then the Adam update") {
    const double wd = 0.01;
    for (int i = 0; i < 2; ++i) {
      const double m1 = (1 - b1) * kG[i], v1 = (1 - b2) * kG[i] * kG[i];
      const double m2 = b1 * m1 + (1 - b1) * kG[i], v2 = b2 * v1 + (1 - b2) * kG[i] * kG[i];
      const double decayed0 = kW0[i] - lr * wd * kW0[i];
      expected[0][i] = decayed0 - lr * (m1 / (1 - b1)) / (std::sqrt(v1 / (1 - b2)) + eps);
      const double decayed1 = expected[0][i] - lr * wd * expected[0][i];
      expected[1][i] = decayed1 - lr * (m2 / (1 - b1 * b1)) / (std::sqrt(v2 / (1 - b2 * b2)) + eps);
    }
    OptimizerConfig config = configFor(OptimizerKind::AdamW, lr);
    config.weightDecay = wd;
    checkTwoSteps(config, expected);
  }
}

TEST_CASE("Adam's first step moves each weight by about the learning rate, whatever the gradient's size") {
  Matrix W = Matrix::Zero(4, 1);  // (4, 1)
  Matrix g(4, 1);                 // (4, 1)
  g << 1e-3f, 5.0f, -200.0f, -0.25f;
  Optimizer optimizer(configFor(OptimizerKind::Adam, 0.01));
  optimizer.bind({Parameter{&W, &g, "W", true}});
  optimizer.step();
  for (int i = 0; i < 4; ++i) {
    CAPTURE(i);
    CHECK(std::fabs(W(i, 0)) == doctest::Approx(0.01).epsilon(1e-4));
    CHECK((W(i, 0) > 0) == (g(i, 0) < 0));  // against the gradient
  }
}

TEST_CASE("turning bias correction off makes Adam's first step lr*(1-b1)/sqrt(1-b2) times the gradient's sign") {
  OptimizerConfig config = configFor(OptimizerKind::Adam, 0.01);
  config.biasCorrection = false;
  TwoWeights p(config);
  p.step();
  // mhat = m = (1-b1)*g, vhat = v = (1-b2)*g^2  ->  step = lr*(1-b1)*|g| / (sqrt(1-b2)*|g| + eps)
  for (int i = 0; i < 2; ++i) {
    const double step = 0.01 * 0.1 * std::fabs(kG[i]) / (std::sqrt(0.001) * std::fabs(kG[i]) + 1e-8);
    CHECK(p.W(i, 0) == doctest::Approx(kW0[i] - std::copysign(step, kG[i])).epsilon(1e-5));
  }
  CHECK(std::fabs(p.W(0, 0) - kW0[0]) == doctest::Approx(0.01 * 3.16227766).epsilon(1e-4));
}

TEST_CASE("the step counter advances once per step, not once per parameter") {
  Matrix a = Matrix::Zero(2, 2), b = Matrix::Zero(3, 1), c = Matrix::Zero(1, 1);
  Matrix ga = Matrix::Constant(2, 2, 0.3f), gb = Matrix::Constant(3, 1, -4.0f), gc = Matrix::Constant(1, 1, 20.0f);
  Optimizer optimizer(configFor(OptimizerKind::Adam, 0.05));
  optimizer.bind({Parameter{&a, &ga, "W", true}, Parameter{&b, &gb, "b", false}, Parameter{&c, &gc, "W", true}});
  CHECK(optimizer.stepCount() == 0);

  optimizer.step();
  CHECK(optimizer.stepCount() == 1);
  // With t = 1 for every parameter, each of them moves by about lr on the first step.
  CHECK(std::fabs(a(0, 0)) == doctest::Approx(0.05).epsilon(1e-4));
  CHECK(std::fabs(b(2, 0)) == doctest::Approx(0.05).epsilon(1e-4));
  CHECK(std::fabs(c(0, 0)) == doctest::Approx(0.05).epsilon(1e-4));

  for (int s = 0; s < 4; ++s) optimizer.step();
  CHECK(optimizer.stepCount() == 5);
  // A constant gradient keeps Adam's bias-corrected step at lr at every t.
  CHECK(std::fabs(c(0, 0)) == doctest::Approx(5 * 0.05).epsilon(1e-4));

  SUBCASE("bind resets the counter") {
    optimizer.bind({Parameter{&a, &ga, "W", true}});
    CHECK(optimizer.stepCount() == 0);
  }
}

TEST_CASE("decoupled weight decay shrinks penalized weights by lr*weight_decay and leaves the rest") {
  Matrix W(2, 1), b(2, 1);  // (2, 1) each
  W << 2.0f, -4.0f;
  b << 2.0f, -4.0f;
  Matrix gW = Matrix::Zero(2, 1), gb = Matrix::Zero(2, 1);
  OptimizerConfig config = configFor(OptimizerKind::AdamW, 0.1);
  config.weightDecay = 0.5;
  Optimizer optimizer(config);
  optimizer.bind({Parameter{&W, &gW, "W", true}, Parameter{&b, &gb, "b", false}});
  optimizer.step();  // zero gradient: Adam's own update is 0, only the decay acts
  CHECK(W(0, 0) == doctest::Approx(2.0 * (1 - 0.1 * 0.5)));
  CHECK(W(1, 0) == doctest::Approx(-4.0 * (1 - 0.1 * 0.5)));
  CHECK(b(0, 0) == doctest::Approx(2.0));
  CHECK(b(1, 0) == doctest::Approx(-4.0));

  SUBCASE("AdamW's default weight decay is 0.01") { CHECK(defaultWeightDecay(OptimizerKind::AdamW) == 0.01); }
  SUBCASE("the other kinds default to no weight decay") { CHECK(defaultWeightDecay(OptimizerKind::Adam) == 0.0); }
}

TEST_CASE("with SGD, L1 and L2 move penalized weights that stay clear of 0 by lr*(l1*sign(W) + l2*W), biases not") {
  Matrix W(2, 1), b(2, 1);
  W << 1.0f, -2.0f;
  b << 1.0f, -2.0f;
  Matrix gW(2, 1), gb(2, 1);
  gW << 0.5f, -1.0f;
  gb << 0.5f, -1.0f;
  OptimizerConfig config = configFor(OptimizerKind::Sgd, 0.1);
  config.l1 = 0.2;
  config.l2 = 0.5;
  Optimizer optimizer(config);
  optimizer.bind({Parameter{&W, &gW, "W", true}, Parameter{&b, &gb, "b", false}});

  // penalty = l1*|W|_1 + l2/2*|W|^2 = 0.2*3 + 0.25*5 (the bias is not penalized)
  CHECK(optimizer.penaltyLoss() == doctest::Approx(0.2 * 3 + 0.25 * 5));
  optimizer.step();
  for (int i = 0; i < 2; ++i) {
    const double penalized = kG[i] + 0.5 * kW0[i] + 0.2 * (kW0[i] > 0 ? 1 : -1);
    CHECK(W(i, 0) == doctest::Approx(kW0[i] - 0.1 * penalized));
    CHECK(b(i, 0) == doctest::Approx(kW0[i] - 0.1 * kG[i]));
  }
}

TEST_CASE("clipping rescales all gradients together to the global norm") {
  Matrix a = Matrix::Zero(2, 1), b = Matrix::Zero(2, 1);
  Matrix ga(2, 1), gb(2, 1);
  ga << 3.0f, 0.0f;
  gb << 0.0f, 4.0f;  // global norm sqrt(9 + 16) = 5
  OptimizerConfig config = configFor(OptimizerKind::Sgd, 1.0);
  config.clipNorm = 1.0;
  Optimizer optimizer(config);
  optimizer.bind({Parameter{&a, &ga, "W", true}, Parameter{&b, &gb, "b", false}});

  SUBCASE("a larger norm is scaled down to clip_norm, keeping the direction") {
    optimizer.step();
    CHECK(optimizer.lastGradientNorm() == doctest::Approx(5.0));
    CHECK(a(0, 0) == doctest::Approx(-0.6));
    CHECK(b(1, 0) == doctest::Approx(-0.8));
  }
  SUBCASE("a smaller norm is left alone") {
    config.clipNorm = 10.0;
    optimizer.setConfig(config);
    optimizer.step();
    CHECK(a(0, 0) == doctest::Approx(-3.0));
    CHECK(b(1, 0) == doctest::Approx(-4.0));
  }
}

TEST_CASE("each learning-rate schedule gives the formula's value at several steps") {
  ScheduleConfig schedule;
  SUBCASE("constant") {
    CHECK(scheduledLearningRate(schedule, 0.3, 0) == doctest::Approx(0.3));
    CHECK(scheduledLearningRate(schedule, 0.3, 12345) == doctest::Approx(0.3));
  }
  SUBCASE("step: lr*gamma^floor(t/step_size)") {
    schedule.kind = ScheduleKind::Step;
    schedule.stepSize = 10;
    schedule.gamma = 0.5;
    CHECK(scheduledLearningRate(schedule, 1.0, 0) == doctest::Approx(1.0));
    CHECK(scheduledLearningRate(schedule, 1.0, 9) == doctest::Approx(1.0));
    CHECK(scheduledLearningRate(schedule, 1.0, 10) == doctest::Approx(0.5));
    CHECK(scheduledLearningRate(schedule, 1.0, 25) == doctest::Approx(0.25));
  }
  SUBCASE("exponential: lr*gamma^(t/decay_steps)") {
    schedule.kind = ScheduleKind::Exponential;
    schedule.decaySteps = 10;
    schedule.gamma = 0.5;
    CHECK(scheduledLearningRate(schedule, 1.0, 0) == doctest::Approx(1.0));
    CHECK(scheduledLearningRate(schedule, 1.0, 5) == doctest::Approx(std::sqrt(0.5)));
    CHECK(scheduledLearningRate(schedule, 1.0, 20) == doctest::Approx(0.25));
  }
  SUBCASE("cosine: min + (lr-min)*(1+cos(pi*min(t,T)/T))/2, flat after T") {
    schedule.kind = ScheduleKind::Cosine;
    schedule.totalSteps = 100;
    schedule.minLearningRate = 0.1;
    CHECK(scheduledLearningRate(schedule, 1.0, 0) == doctest::Approx(1.0));
    CHECK(scheduledLearningRate(schedule, 1.0, 50) == doctest::Approx(0.55));
    CHECK(scheduledLearningRate(schedule, 1.0, 25) ==
          doctest::Approx(0.1 + 0.9 * (1 + std::cos(3.14159265358979323846 / 4)) / 2));
    CHECK(scheduledLearningRate(schedule, 1.0, 100) == doctest::Approx(0.1));
    CHECK(scheduledLearningRate(schedule, 1.0, 500) == doctest::Approx(0.1));
  }
  SUBCASE("the optimizer uses the scheduled rate of the steps it has taken") {
    OptimizerConfig config = configFor(OptimizerKind::Sgd, 1.0);
    config.schedule.kind = ScheduleKind::Step;
    config.schedule.stepSize = 2;
    config.schedule.gamma = 0.5;
    Matrix W = Matrix::Zero(1, 1), g = Matrix::Ones(1, 1);
    Optimizer optimizer(config);
    optimizer.bind({Parameter{&W, &g, "W", true}});
    CHECK(optimizer.currentLearningRate() == doctest::Approx(1.0));
    optimizer.step();
    optimizer.step();  // W = -1 - 1
    CHECK(optimizer.currentLearningRate() == doctest::Approx(0.5));
    optimizer.step();  // W -= 0.5
    CHECK(W(0, 0) == doctest::Approx(-2.5));
  }
}

TEST_CASE("setConfig changes hyper-parameters but keeps the state and the step count") {
  OptimizerConfig config = configFor(OptimizerKind::Momentum, 0.1);
  TwoWeights p(config);
  p.step();
  config.learningRate = 0.05;
  p.optimizer.setConfig(config);
  CHECK(p.optimizer.stepCount() == 1);
  p.step();
  // v1 = -0.1*g; v2 = 0.9*v1 - 0.05*g: the velocity survived the change.
  for (int i = 0; i < 2; ++i) {
    const double v1 = -0.1 * kG[i];
    const double v2 = 0.9 * v1 - 0.05 * kG[i];
    CHECK(p.W(i, 0) == doctest::Approx(kW0[i] + v1 + v2));
  }

  SUBCASE("switching to Nesterov keeps the velocity (same state, same meaning)") {
    config.kind = OptimizerKind::Nesterov;
    p.optimizer.setConfig(config);
    const double before = p.W(0, 0);
    p.step();
    const double v2 = 0.9 * -0.1 * kG[0] - 0.05 * kG[0];
    const double v3 = 0.9 * v2 - 0.05 * kG[0];
    CHECK(p.W(0, 0) == doctest::Approx(before - 0.9 * v2 + 1.9 * v3));
  }
  SUBCASE("switching to Adam starts Adam's moments and bias correction afresh") {
    config.kind = OptimizerKind::Adam;
    p.optimizer.setConfig(config);
    const double before = p.W(0, 0);
    p.step();
    CHECK(std::fabs(p.W(0, 0) - before) == doctest::Approx(0.05).epsilon(1e-4));
    CHECK(p.optimizer.stepCount() == 3);
  }
}

TEST_CASE("optimizer and schedule names convert both ways") {
  for (const OptimizerDefinition& entry : optimizerRegistry()) {  // every entry, new ones included
    const OptimizerKind kind = entry.kind;
    auto parsed = parseOptimizerKind(toString(kind));
    REQUIRE(parsed.ok());
    CHECK((*parsed == kind));
  }
  for (const ScheduleDefinition& entry : scheduleRegistry()) {
    const ScheduleKind kind = entry.kind;
    auto parsed = parseScheduleKind(toString(kind));
    REQUIRE(parsed.ok());
    CHECK((*parsed == kind));
  }
  CHECK_FALSE(parseOptimizerKind("lbfgs").ok());
  CHECK(parseOptimizerKind("lbfgs").error().message.find("adamw") != std::string::npos);
  CHECK_FALSE(parseScheduleKind("linear").ok());
}

namespace {

// The gradient of weight i at step s: varied in sign and size, so v is not a constant's square.
double varyingGradient(int i, int s) { return std::sin(0.7 * i + 1.3 * s) * std::pow(10.0, (i % 3) - 1); }

// Adam (bias-corrected) or RMSProp in double from the formulas in optimizer.h, from W = 0.
// decay is beta2 for Adam, rho for RMSProp.
std::vector<double> referenceRun(OptimizerKind kind, double lr, double decay, int weights, int steps) {
  const double b1 = 0.9, eps = 1e-8;
  std::vector<double> W(weights, 0.0), m(weights, 0.0), v(weights, 0.0);
  for (int s = 0; s < steps; ++s) {
    const int t = s + 1;
    for (int i = 0; i < weights; ++i) {
      const double g = varyingGradient(i, s);
      v[i] = decay * v[i] + (1 - decay) * g * g;
      if (kind == OptimizerKind::RmsProp) {
        W[i] -= lr * g / (std::sqrt(v[i]) + eps);
      } else {
        m[i] = b1 * m[i] + (1 - b1) * g;
        const double mhat = m[i] / (1 - std::pow(b1, t)), vhat = v[i] / (1 - std::pow(decay, t));
        W[i] -= lr * mhat / (std::sqrt(vhat) + eps);
      }
    }
  }
  return W;
}

// The largest relative error of the float optimizer's weights against referenceRun after `steps` steps.
double relativeErrorAgainstDouble(OptimizerKind kind, double decay, int steps) {
  const int weights = 12;
  const double lr = 0.01;
  OptimizerConfig config = configFor(kind, lr);
  if (kind == OptimizerKind::RmsProp) config.rho = decay;
  else config.beta2 = decay;
  Matrix W = Matrix::Zero(weights, 1), g(weights, 1);
  Optimizer optimizer(config);
  optimizer.bind({Parameter{&W, &g, "W", true}});
  for (int s = 0; s < steps; ++s) {
    for (int i = 0; i < weights; ++i) g(i, 0) = static_cast<Scalar>(varyingGradient(i, s));
    optimizer.step();
  }
  const std::vector<double> reference = referenceRun(kind, lr, decay, weights, steps);
  double worst = 0.0;
  for (int i = 0; i < weights; ++i) worst = std::max(worst, std::abs(W(i, 0) - reference[i]) / std::abs(reference[i]));
  return worst;
}

}  // namespace

// 1 - beta must come from the spec's double beta: computed in float from the rounded float 0.99999 it
// is 1.0014e-5, 0.14 % too large, while the bias correction divides by the exact 1 - beta^t
// (issue 7, item 1: one step was 6.8e-4 off at beta2 = 0.99999).
TEST_CASE("Adam, AdamW and RMSProp with decay factors near 1 agree with a double reference after 20 steps") {
  for (double decay : {0.999, 0.9999, 0.99999}) {
    CAPTURE(decay);
    for (OptimizerKind kind : {OptimizerKind::Adam, OptimizerKind::AdamW, OptimizerKind::RmsProp}) {
      CAPTURE(toString(kind));
      const double error = relativeErrorAgainstDouble(kind, decay, 20);
      MESSAGE("relative error " << error);
      CHECK(error <= 1e-5);
    }
  }
}

// A plain subgradient l1 * sign(W) makes a weight jump across 0 at every step and never reach it
// (issue 7, item 5). The proximal step sets it to exactly 0 and keeps it there while the data
// gradient is smaller than l1 (for Momentum and Nesterov: while lr*|g|/(1-mu) < lr*l1).
TEST_CASE("L1 sets weights with small gradients to exactly 0 for every optimizer, and leaves the others and biases") {
  for (const OptimizerDefinition& entry : optimizerRegistry()) {  // every entry, new ones included
    const OptimizerKind kind = entry.kind;
    CAPTURE(toString(kind));
    OptimizerConfig config = configFor(kind, 0.1);
    config.l1 = 0.05;
    config.weightDecay = 0;
    Matrix W(3, 1), gW(3, 1), b(1, 1), gb(1, 1);
    W << 0.01f, -0.02f, 0.5f;
    b << 0.01f;
    Optimizer optimizer(config);
    optimizer.bind({Parameter{&W, &gW, "W", true}, Parameter{&b, &gb, "b", false}});
    for (int s = 0; s < 50; ++s) {
      gW << 0.001f, -0.002f, -1.0f;  // the last one's gradient is larger than l1
      gb << 0.001f;
      optimizer.step();
    }
    CHECK(W(0, 0) == 0.0f);
    CHECK(W(1, 0) == 0.0f);
    CHECK(W(2, 0) > 0.5f);   // pushed up by its gradient, not held at 0
    CHECK(b(0, 0) != 0.0f);  // biases are not penalized
  }
}
