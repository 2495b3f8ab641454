// The optimizers, one entry each, with their update rules beside them.
//
// Each rule is its own function rather than a case of one switch in Optimizer::step(): a run uses
// one rule, and V8 compiles a wasm function whole before running it fast, so a step() with every
// rule inlined makes a fresh run wait for code it never calls.
#include "optimizer_registry.h"

namespace nn {

namespace {

#define NN_RULE __attribute__((noinline))

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

// L1 by its proximal step (soft thresholding), right after each update, so weights reach exactly 0
// and stay there while their data gradient is smaller than l1 (a subgradient l1 * sign(W) only makes
// them hover): W = sign(W) * max(|W| - threshold, 0), the threshold being l1 times the step size the
// update just used for that weight.
template <typename Weights, typename Threshold>
void softThreshold(Weights&& W, Threshold&& threshold) {
  W = W.sign() * (W.abs() - threshold).max(Scalar(0));
}

// W -= lr * g
NN_RULE void sgdUpdate(const UpdateFactors& f, Matrix& weights, const Matrix& gradient, Matrix&, Matrix&, bool proximal) {
  auto W = weights.array();
  W -= f.lr * gradient.array();
  if (proximal) softThreshold(W, f.l1Step);
}

// v = mu * v - lr * g;  W += v
NN_RULE void momentumUpdate(const UpdateFactors& f, Matrix& weights, const Matrix& gradient, Matrix& velocity, Matrix&,
                            bool proximal) {
  auto W = weights.array();
  auto v = velocity.array();
  v = f.mu * v - f.lr * gradient.array();
  flushTinyToZero(v);
  W += v;
  if (proximal) softThreshold(W, f.l1Step);
}

// v_prev = v;  v = mu * v - lr * g;  W += -mu * v_prev + (1 + mu) * v
// (done in two passes over W so that no v_prev buffer is needed)
NN_RULE void nesterovUpdate(const UpdateFactors& f, Matrix& weights, const Matrix& gradient, Matrix& velocity, Matrix&,
                            bool proximal) {
  auto W = weights.array();
  auto v = velocity.array();
  W -= f.mu * v;
  v = f.mu * v - f.lr * gradient.array();
  flushTinyToZero(v);
  W += (1 + f.mu) * v;
  if (proximal) softThreshold(W, f.l1Step);
}

// h += g * g;  W -= lr * g / (sqrt(h) + eps)
NN_RULE void adaGradUpdate(const UpdateFactors& f, Matrix& weights, const Matrix& gradient, Matrix& squares, Matrix&,
                           bool proximal) {
  auto W = weights.array();
  auto g = gradient.array();
  auto h = squares.array();
  h += g * g;
  W -= f.lr * g / (h.sqrt() + f.eps);
  if (proximal) softThreshold(W, f.l1Step / (h.sqrt() + f.eps));
}

// h = rho * h + (1 - rho) * g * g;  W -= lr * g / (sqrt(h) + eps)
NN_RULE void rmsPropUpdate(const UpdateFactors& f, Matrix& weights, const Matrix& gradient, Matrix& squares, Matrix&,
                           bool proximal) {
  auto W = weights.array();
  auto g = gradient.array();
  auto h = squares.array();
  h = f.rho * h + f.oneMinusRho * g * g;
  flushTinyToZero(h);
  W -= f.lr * g / (h.sqrt() + f.eps);
  if (proximal) softThreshold(W, f.l1Step / (h.sqrt() + f.eps));
}

// m = b1 * m + (1 - b1) * g;  v = b2 * v + (1 - b2) * g * g;  W -= lr * mhat / (sqrt(vhat) + eps)
// (AdamW is the same rule; its decoupled weight decay is applied by step() before every rule.)
NN_RULE void adamUpdate(const UpdateFactors& f, Matrix& weights, const Matrix& gradient, Matrix& firstMoment,
                        Matrix& secondMoment, bool proximal) {
  auto W = weights.array();
  auto g = gradient.array();
  auto m = firstMoment.array();
  auto v = secondMoment.array();
  m = f.b1 * m + f.oneMinusB1 * g;
  v = f.b2 * v + f.oneMinusB2 * g * g;
  flushTinyToZero(m);
  flushTinyToZero(v);
  W -= f.lr * (m * f.mhatScale) / ((v * f.vhatScale).sqrt() + f.eps);
  if (proximal) softThreshold(W, f.l1Step / ((v * f.vhatScale).sqrt() + f.eps));
}

// m = b1 * m + (1 - b1) * g;  u = max(b2 * u, |g|);  W -= lr * mhat / (u + eps)
// (Adam with the infinity norm in place of the second moment: u needs no bias correction, since
// it is a maximum rather than an average started at 0; mhat is corrected as in Adam.)
NN_RULE void adamaxUpdate(const UpdateFactors& f, Matrix& weights, const Matrix& gradient, Matrix& firstMoment,
                          Matrix& infinityNorm, bool proximal) {
  auto W = weights.array();
  auto g = gradient.array();
  auto m = firstMoment.array();
  auto u = infinityNorm.array();
  m = f.b1 * m + f.oneMinusB1 * g;
  u = (f.b2 * u).max(g.abs());
  flushTinyToZero(m);
  flushTinyToZero(u);
  W -= f.lr * (m * f.mhatScale) / (u + f.eps);
  if (proximal) softThreshold(W, f.l1Step / (u + f.eps));
}

const char* const kAdamUpdateTex =
    "m \\leftarrow \\beta_1 m + (1-\\beta_1) g,\\; v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2,\\; "
    "W \\leftarrow W - \\eta\\, \\frac{\\hat m}{\\sqrt{\\hat v}+\\epsilon}";

// In OptimizerKind order (optimizerDefinition() indexes it by kind; a unit test checks the order).
const OptimizerDefinition kOptimizers[] = {
    {OptimizerKind::Sgd, "sgd", "W \\leftarrow W - \\eta\\, g", {nullptr}, 0, "none", 0, 0.0, sgdUpdate},
    {OptimizerKind::Momentum,
     "momentum",
     "v \\leftarrow \\mu v - \\eta\\, g,\\quad W \\leftarrow W + v",
     {"momentum", nullptr},
     1,
     "velocity",
     0,
     0.0,
     momentumUpdate},
    {OptimizerKind::Nesterov,
     "nesterov",
     "v \\leftarrow \\mu v - \\eta\\, \\nabla L(W + \\mu v),\\quad W \\leftarrow W + v",
     {"momentum", nullptr},
     1,
     "velocity",
     0,
     0.0,
     nesterovUpdate},
    {OptimizerKind::AdaGrad,
     "adagrad",
     "h \\leftarrow h + g \\odot g,\\quad W \\leftarrow W - \\frac{\\eta\\, g}{\\sqrt{h}+\\epsilon}",
     {"epsilon", nullptr},
     1,
     "squared_sum",
     1,
     0.0,
     adaGradUpdate},
    {OptimizerKind::RmsProp,
     "rmsprop",
     "h \\leftarrow \\rho h + (1-\\rho)\\, g \\odot g,\\quad W \\leftarrow W - \\frac{\\eta\\, g}{\\sqrt{h}+\\epsilon}",
     {"rho", "epsilon", nullptr},
     1,
     "squared_average",
     1,
     0.0,
     rmsPropUpdate},
    {OptimizerKind::Adam,
     "adam",
     kAdamUpdateTex,
     {"beta1", "beta2", "epsilon", "bias_correction", nullptr},
     2,
     "moments",
     2,
     0.0,
     adamUpdate},
    {OptimizerKind::AdamW,
     "adamw",
     "\\text{Adam step, then } W \\leftarrow W - \\eta\\,\\lambda\\, W \\text{ (decoupled decay)}",
     {"beta1", "beta2", "epsilon", "bias_correction", nullptr},
     2,
     "moments",
     2,
     0.01,
     adamUpdate},
    // u is a maximum of |g|, never larger than a gradient: it cannot overflow on its own.
    {OptimizerKind::Adamax,
     "adamax",
     "m \\leftarrow \\beta_1 m + (1-\\beta_1) g,\\; u \\leftarrow \\max(\\beta_2 u, |g|),\\; "
     "W \\leftarrow W - \\eta\\, \\frac{\\hat m}{u+\\epsilon}",
     {"beta1", "beta2", "epsilon", "bias_correction", nullptr},
     2,
     "moments_infinity_norm",
     0,
     0.0,
     adamaxUpdate},
};

// Ranges: a fraction is [0, 1) (a decay of 1 never forgets), a rate or epsilon (0, max].
const CatalogParameter kOptimizerParameters[] = {
    {"learning_rate", "number", 0.01, 0.0, 10.0, true, false},
    {"momentum", "number", 0.9, 0.0, 1.0, false, true},
    {"rho", "number", 0.9, 0.0, 1.0, false, true},
    {"beta1", "number", 0.9, 0.0, 1.0, false, true},
    {"beta2", "number", 0.999, 0.0, 1.0, false, true},
    {"epsilon", "number", 1e-8, 0.0, 1.0, true, false},
    {"bias_correction", "boolean", 1.0, 0.0, 1.0},
    {"l1", "number", 0.0, 0.0, 10.0},
    {"l2", "number", 0.0, 0.0, 10.0},
    {"weight_decay", "number", 0.0, 0.0, 1.0},
    {"clip_norm", "number", 0.0, 0.0, 1e6},
};

}  // namespace

Registry<OptimizerDefinition> optimizerRegistry() { return kOptimizers; }
const OptimizerDefinition& optimizerDefinition(OptimizerKind kind) { return kOptimizers[static_cast<int>(kind)]; }
Registry<CatalogParameter> optimizerParameters() { return kOptimizerParameters; }

}  // namespace nn
