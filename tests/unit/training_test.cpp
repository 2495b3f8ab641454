// Whole-run behaviour: networks learn what the curriculum says they learn,
// runs are reproducible, and divergence stops training with an explanation.
#include <doctest/doctest.h>
#include <algorithm>
#include <cmath>
#include "core/activation_layer.h"
#include "core/dense.h"
#include "test_support.h"

using namespace nn;
using namespace nn::testing;

namespace {

double trainAndScore(const std::string& specJson, Dataset data, int steps) {
  auto run = Run::create(specFrom(specJson), std::move(data));
  REQUIRE(run.ok());
  (*run)->step(steps);
  REQUIRE_FALSE((*run)->divergence());
  return (*run)->metrics().train.accuracy;
}

}  // namespace

TEST_CASE("a 2-2-1 network learns XOR from most seeds and a network without a hidden layer never does") {
  // A 2-2-1 net has local minima on XOR, so some seeds get stuck at 75 %: count
  // successes over seeds instead of trusting a hand-picked one.
  auto accuracyWith = [](const std::string& layers, int seed) {
    return trainAndScore(R"({"layers": [)" + layers + R"(], "loss": "sigmoid_binary_cross_entropy",
        "optimizer": {"kind": "sgd", "learning_rate": 0.5},
        "training": {"batch_size": 4, "seed": )" +
                             std::to_string(seed) + "}}",
                         fourPointXor(), 3000);
  };
  const std::string hidden = R"({"type": "dense", "units": 2, "weight_init": {"kind": "normal", "std": 1}},
      {"type": "activation", "fn": "sigmoid"},
      {"type": "dense", "units": 1, "weight_init": {"kind": "normal", "std": 1}})";
  const std::string linear = R"({"type": "dense", "units": 1, "weight_init": {"kind": "normal", "std": 1}})";
  int solved = 0;
  for (int seed = 1; seed <= 20; ++seed) {
    if (accuracyWith(hidden, seed) == 1.0) ++solved;
    CHECK(accuracyWith(linear, seed) <= 0.75);
  }
  CHECK(solved >= 12);
}

TEST_CASE("a small MLP learns a 3-class spiral above 95% training accuracy") {
  auto run = runFrom(R"({
    "data": {"kind": "spiral", "samples": 300, "classes": 3, "noise": 0.05, "standardize": true},
    "layers": [{"type": "dense", "units": 32, "weight_init": {"kind": "he_normal"}},
               {"type": "activation", "fn": "relu"},
               {"type": "dense", "units": 32, "weight_init": {"kind": "he_normal"}},
               {"type": "activation", "fn": "relu"},
               {"type": "dense", "units": 3}],
    "optimizer": {"kind": "adam", "learning_rate": 0.01},
    "training": {"batch_size": 10, "seed": 1}})");
  // Adam at this learning rate has brief loss spikes, and where one falls moves with the last bit of
  // any float (a vectorised exp moved one onto step 3000): so most of the last checkpoints must be above.
  run->step(2500);
  int above = 0;
  for (int checkpoint = 0; checkpoint < 5; ++checkpoint) {
    run->step(100);
    if (run->metrics().train.accuracy > 0.95) ++above;
  }
  CHECK(above >= 3);
}

TEST_CASE("the same spec and seed give bit-identical results; another seed differs") {
  const std::string spec = R"({
    "data": {"kind": "circles", "samples": 200, "noise": 0.1},
    "layers": [{"type": "dense", "units": 8}, {"type": "batchnorm"}, {"type": "activation", "fn": "relu"},
               {"type": "dropout", "rate": 0.2}, {"type": "dense", "units": 2}],
    "optimizer": {"kind": "adam", "learning_rate": 0.01},
    "training": {"batch_size": 16, "seed": SEED}})";
  auto withSeed = [&](const char* seed) {
    std::string text = spec;
    text.replace(text.find("SEED"), 4, seed);
    auto run = runFrom(text);
    std::vector<double> losses;
    for (int i = 0; i < 20; ++i) {
      run->step(10);
      losses.push_back(run->lastBatchLoss());
    }
    losses.push_back(run->metrics().test.loss);
    return losses;
  };
  CHECK(withSeed("5") == withSeed("5"));
  CHECK(withSeed("5") != withSeed("6"));
}

TEST_CASE("all-zero weights leave every unit of a layer identical after training (symmetry is never broken)") {
  auto run = runFrom(R"({
    "data": {"kind": "gaussians", "samples": 100},
    "layers": [{"type": "dense", "units": 4, "weight_init": {"kind": "zeros"}},
               {"type": "activation", "fn": "sigmoid"},
               {"type": "dense", "units": 3, "weight_init": {"kind": "zeros"}},
               {"type": "activation", "fn": "sigmoid"},
               {"type": "dense", "units": 2, "weight_init": {"kind": "zeros"}}],
    "optimizer": {"kind": "sgd", "learning_rate": 0.5}})");
  run->step(50);
  auto& first = dynamic_cast<Dense&>(*run->network().layers()[0]);
  auto& second = dynamic_cast<Dense&>(*run->network().layers()[2]);
  CHECK_FALSE(first.weights().isZero());  // it did learn something...
  for (int unit = 1; unit < 4; ++unit) CHECK(first.weights().row(unit).isApprox(first.weights().row(0)));
  for (int unit = 1; unit < 3; ++unit) CHECK(second.weights().row(unit).isApprox(second.weights().row(0)));
}

TEST_CASE("a diverging run stops at the first non-finite value and says where and why") {
  auto run = runFrom(R"({
    "data": {"kind": "plane", "samples": 100, "noise": 0},
    "layers": [{"type": "dense", "units": 8, "weight_init": {"kind": "normal", "std": 3}},
               {"type": "activation", "fn": "relu"},
               {"type": "dense", "units": 1, "weight_init": {"kind": "normal", "std": 3}}],
    "optimizer": {"kind": "sgd", "learning_rate": 10},
    "training": {"batch_size": 10}})");
  const int done = run->step(1000);
  REQUIRE(run->divergence());
  CHECK(done < 1000);
  const Divergence& d = *run->divergence();
  CHECK(d.step == run->stepCount());
  CHECK(d.message.find("learning rate") != std::string::npos);
  CHECK(d.message.find("step " + std::to_string(d.step)) != std::string::npos);
  CHECK(run->step(10) == 0);  // stays stopped
}

// AdaGrad's h += g*g overflows to infinity once |g| > 1.8e19 while the weights, the loss and the
// gradients stay finite: the affected weights would then freeze (lr * g / sqrt(inf) = 0) with no
// warning, and the state could not be saved in a model file. Found by the run-spec fuzzer.
TEST_CASE("optimizer state that overflows stops the run like any divergence, naming the layer") {
  auto run = runFrom(R"({
    "data": {"kind": "plane", "samples": 40, "noise": 0, "standardize": false, "feature_scale": [1000000, 1000000]},
    "layers": [{"type": "dense", "units": 4, "weight_init": {"kind": "constant", "value": 100}},
               {"type": "dense", "units": 4, "weight_init": {"kind": "constant", "value": 100}},
               {"type": "dense", "units": 1, "weight_init": {"kind": "constant", "value": 100}}],
    "loss": "mse", "optimizer": {"kind": "adagrad", "learning_rate": 0.01}, "training": {"batch_size": 10}})");
  CHECK(run->step(5) == 1);
  REQUIRE(run->divergence());
  const Divergence& d = *run->divergence();
  CHECK(d.quantity == "optimizer_state");
  CHECK(d.step == 1);
  CHECK(d.layer >= 0);
  CHECK(d.message.find("overflowed") != std::string::npos);
  CHECK(std::isfinite(run->metrics().batchLoss));  // nothing else was non-finite
  CHECK(run->step(5) == 0);                        // stays stopped
}

TEST_CASE("changing the optimizer between steps keeps the weights and the step count") {
  auto run = runFrom(R"({"data": {"kind": "moons"},
    "layers": [{"type": "dense", "units": 8}, {"type": "activation", "fn": "tanh"}, {"type": "dense", "units": 2}],
    "optimizer": {"kind": "adam", "learning_rate": 0.01}})");
  run->step(30);
  const Matrix weights = dynamic_cast<Dense&>(*run->network().layers()[0]).weights();
  OptimizerConfig faster = run->spec().optimizer;
  faster.learningRate = 0.1;
  REQUIRE_FALSE(run->setOptimizer(faster));
  CHECK(run->stepCount() == 30);
  CHECK(run->metrics().learningRate == doctest::Approx(0.1));
  CHECK(dynamic_cast<Dense&>(*run->network().layers()[0]).weights() == weights);
  faster.learningRate = -1;
  CHECK(run->setOptimizer(faster).has_value());
}

TEST_CASE("layer statistics describe the last batch: dead ReLUs, norms, histograms") {
  auto run = runFrom(R"({"data": {"kind": "circles"},
    "layers": [{"type": "dense", "units": 6, "bias_init": {"kind": "constant", "value": -100}},
               {"type": "activation", "fn": "relu"},
               {"type": "dense", "units": 2}],
    "training": {"batch_size": 20},
    "stats": {"histogram_bins": 12}})");
  run->step(1);
  const auto& stats = run->stats();
  REQUIRE(stats.size() == 3);
  CHECK(stats[1].deadFraction == 1.0);  // every unit's input is about -100 on every example
  CHECK(std::isnan(stats[0].deadFraction));
  CHECK(stats[0].hasWeights);
  CHECK(stats[0].weightNorm > 0);
  CHECK(stats[0].updateRatio >= 0);
  CHECK(stats[1].output.histogram.counts.size() == 12);
  float total = 0;
  for (float c : stats[1].output.histogram.counts) total += c;
  CHECK(total == 6 * run->dataset().train.size());  // histograms cover up to 256 training examples
  CHECK(stats[1].inputGradNorm == 0.0);             // dead units pass no gradient
}

TEST_CASE("dead units pass no gradient on any sample example: the leaky family is never dead") {
  // Every unit's input is about -100 on every example. A ReLU unit then outputs 0 and passes no
  // gradient (dead); Leaky ReLU, PReLU and ELU keep a slope below 0, so their units still learn:
  // they are "in the negative regime", not dead.
  for (const std::string fn : {"relu", "leaky_relu", "prelu", "elu"}) {
    CAPTURE(fn);
    auto run = runFrom(R"({"data": {"kind": "circles"},
      "layers": [{"type": "dense", "units": 6, "bias_init": {"kind": "constant", "value": -100}},
                 {"type": "activation", "fn": ")" +
                       fn + R"("}, {"type": "dense", "units": 2}]})");
    run->step(3);
    const LayerStats& activation = run->stats()[1];
    CHECK(activation.deadFraction == (fn == "relu" ? 1.0 : 0.0));
    CHECK(activation.negativeFraction == 1.0);
  }
  // Leaky ReLU with slope 0 is ReLU: its units die.
  auto flat = runFrom(R"({"data": {"kind": "circles"},
    "layers": [{"type": "dense", "units": 6, "bias_init": {"kind": "constant", "value": -100}},
               {"type": "activation", "fn": "leaky_relu", "alpha": 0}, {"type": "dense", "units": 2}]})");
  flat->step(1);
  CHECK(flat->stats()[1].deadFraction == 1.0);
}

TEST_CASE("the dead-unit share is taken over the statistics sample, so it holds still while no weight changes") {
  // Biases of -1 leave some ReLU units off for a batch of 10 but on for some of the 256 sample
  // examples. A learning rate of 1e-30 changes no float weight, so the share must not move.
  auto run = runFrom(R"({"data": {"kind": "circles", "samples": 400},
    "layers": [{"type": "dense", "units": 16, "bias_init": {"kind": "constant", "value": -1}},
               {"type": "activation", "fn": "relu"}, {"type": "dense", "units": 2}],
    "optimizer": {"kind": "sgd", "learning_rate": 1e-30}})");
  const Matrix weights = dynamic_cast<Dense&>(*run->network().layers()[0]).weights();
  run->step(1);
  const double first = run->stats()[1].deadFraction;
  for (int step = 0; step < 20; ++step) {
    run->step(1);
    CHECK(run->stats()[1].deadFraction == first);
  }
  REQUIRE(dynamic_cast<Dense&>(*run->network().layers()[0]).weights() == weights);
}

TEST_CASE("the activation derivative statistic: sigmoid at z = 0 passes exactly a quarter of the gradient") {
  // Zero weights and biases put every unit's input at z = 0, where sigmoid'(0) = 0.25 (its maximum).
  auto run = runFrom(R"({"data": {"kind": "circles"},
    "layers": [{"type": "dense", "units": 5, "weight_init": {"kind": "zeros"}, "bias_init": {"kind": "zeros"}},
               {"type": "activation", "fn": "sigmoid"}, {"type": "dense", "units": 2}],
    "optimizer": {"kind": "sgd", "learning_rate": 1e-30}, "stats": {"histogram_bins": 10}})");
  run->step(1);
  const auto& stats = run->stats();
  CHECK(stats[1].derivativeMean == doctest::Approx(0.25));
  CHECK(stats[1].derivativeRms == doctest::Approx(0.25));
  REQUIRE(stats[1].hasDerivative);
  // Binned from 0 to the largest value: every f'(z) = 0.25 sits in the last bin.
  CHECK(stats[1].derivative.low == 0.0);
  CHECK(stats[1].derivative.high == doctest::Approx(0.25));
  const int sample = std::min(256, run->dataset().train.size());
  CHECK(stats[1].derivative.counts.back() == 5 * sample);
  CHECK(stats[1].derivative.nonFinite == 0);
  // Dense layers have no activation derivative.
  CHECK(std::isnan(stats[0].derivativeMean));
  CHECK_FALSE(stats[0].hasDerivative);
}

TEST_CASE(
    "mean |f'(z)| over the sample matches a hand computation: ReLU's share of open units, sigmoid's finite differences") {
  for (const std::string fn : {"relu", "sigmoid", "tanh"}) {
    CAPTURE(fn);
    auto run = runFrom(R"({"data": {"kind": "circles", "samples": 400},
      "layers": [{"type": "dense", "units": 7, "bias_init": {"kind": "constant", "value": -0.3}},
                 {"type": "activation", "fn": ")" +
                       fn + R"("}, {"type": "dense", "units": 2}]})");
    run->step(4);
    const auto& stats = run->stats();
    // z = W x + b over the statistics sample (the first 256 training examples), from the weights.
    Dense& dense = dynamic_cast<Dense&>(*run->network().layers()[0]);
    const Matrix x = run->dataset().train.inputs.leftCols(std::min(256, run->dataset().train.size()));
    const Matrix z = (dense.weights() * x).colwise() + dense.bias().col(0);
    double expected = 0.0, squares = 0.0;
    for (Eigen::Index k = 0; k < z.size(); ++k) {
      const double v = z(k);
      double slope = 0.0;
      if (fn == "relu") {
        slope = v > 0 ? 1.0 : 0.0;  // the mean is the share of (unit, example) pairs that pass the gradient
      } else {
        const double h = 1e-4;  // central difference of the activation itself, in double
        const auto f = [&](double u) { return fn == "sigmoid" ? 1.0 / (1.0 + std::exp(-u)) : std::tanh(u); };
        slope = (f(v + h) - f(v - h)) / (2 * h);
      }
      expected += std::abs(slope);
      squares += slope * slope;
    }
    expected /= static_cast<double>(z.size());
    CHECK(stats[1].derivativeMean == doctest::Approx(expected).epsilon(1e-4));
    CHECK(stats[1].derivativeRms == doctest::Approx(std::sqrt(squares / static_cast<double>(z.size()))).epsilon(1e-4));
    if (fn == "relu") CHECK(stats[1].derivativeRms == doctest::Approx(std::sqrt(stats[1].derivativeMean)));
    float binned = 0;
    for (float c : stats[1].derivative.counts) binned += c;
    CHECK(binned == z.size());
    CHECK(stats[1].derivative.low <= 0.0);
  }
}

TEST_CASE("softmax mixes its units, so it has no per-unit derivative statistic") {
  auto run = runFrom(R"({"data": {"kind": "circles"},
    "layers": [{"type": "dense", "units": 4}, {"type": "activation", "fn": "softmax"}, {"type": "dense", "units": 2}]})");
  run->step(1);
  CHECK(std::isnan(run->stats()[1].derivativeMean));
  CHECK_FALSE(run->stats()[1].hasDerivative);
}

TEST_CASE("a 9-layer sigmoid network's gradient shrinks towards the input (vanishing gradient)") {
  std::string layers;
  for (int i = 0; i < 9; ++i)
    layers += R"({"type": "dense", "units": 16, "weight_init": {"kind": "normal", "std": 0.5}},
                 {"type": "activation", "fn": "sigmoid"},)";
  auto run = runFrom(R"({"data": {"kind": "spiral", "standardize": true}, "layers": [)" + layers +
                     R"({"type": "dense", "units": 2}], "training": {"batch_size": 32}})");
  run->step(5);
  const auto& stats = run->stats();
  const double nearOutput = stats[16].inputGradNorm, nearInput = stats[0].inputGradNorm;
  CHECK(nearInput < nearOutput / 100);
}

TEST_CASE("the decision grid covers the bounds row by row and gives probabilities") {
  auto run = runFrom(R"({"data": {"kind": "blobs", "classes": 4},
    "layers": [{"type": "dense", "units": 5}, {"type": "activation", "fn": "tanh"}, {"type": "dense", "units": 4}]})");
  Matrix outputs;
  std::vector<Matrix> neurons;
  REQUIRE_FALSE(run->evaluateGrid(7, GridBounds{}, outputs, &neurons));
  CHECK(outputs.rows() == 4);
  CHECK(outputs.cols() == 49);
  for (int k = 0; k < 49; ++k) CHECK(outputs.col(k).sum() == doctest::Approx(1.0));
  CHECK(neurons.size() == 3);
  CHECK(neurons[0].rows() == 5);
  CHECK(run->evaluateGrid(1, GridBounds{}, outputs, nullptr).has_value());
  REQUIRE_FALSE(run->evaluateGrid(7, GridBounds{}, outputs, &neurons, 2));  // thumbnails of 2 units per layer
  CHECK(neurons[0].rows() == 2);
  CHECK(neurons[2].rows() == 2);
}

TEST_CASE("a run that overflows before any update blames the initialisation, not the learning rate") {
  std::string layers;
  for (int i = 0; i < 15; ++i)
    layers += R"({"type": "dense", "units": 64, "weight_init": {"kind": "normal", "std": 100}},
                 {"type": "activation", "fn": "relu"},)";
  auto run = runFrom(R"({"data": {"kind": "circles"}, "layers": [)" + layers +
                     R"({"type": "dense", "units": 2}], "optimizer": {"learning_rate": 0.01}})");
  run->step(5);
  REQUIRE(run->divergence());
  CHECK(run->divergence()->step == 1);
  CHECK(run->divergence()->message.find("initialisation") != std::string::npos);
  CHECK(run->divergence()->message.find("learning rate (") == std::string::npos);
}

// The l1-sparse preset's setting. With a subgradient no weight was ever exactly 0 (68 % hovered
// below 1e-3 after 2000 steps); the proximal step gives exact zeros: 62 % (issue 7, item 5).
TEST_CASE("an L1-penalised run ends with most weights exactly 0") {
  auto run = runFrom(R"json({"data": {"kind": "circles",
      "features": ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]},
    "layers": [{"type": "dense", "units": 16}, {"type": "activation", "fn": "tanh"},
               {"type": "dense", "units": 16}, {"type": "activation", "fn": "tanh"}, {"type": "dense", "units": 2}],
    "optimizer": {"kind": "sgd", "learning_rate": 0.1, "l1": 0.003}})json");
  run->step(2000);
  long zeros = 0, weights = 0;
  for (const Parameter& p : run->network().parameters()) {
    if (p.name != "W") continue;
    zeros += (p.value->array() == Scalar(0)).count();
    weights += p.value->size();
  }
  const double share = static_cast<double>(zeros) / static_cast<double>(weights);
  MESSAGE("share of weights exactly 0: " << share);
  CHECK(share >= 0.5);
  CHECK(run->metrics().train.accuracy >= 0.9);
}

// The split losses are data losses; before, the penalty was never reported anywhere (issue 7, item 4).
TEST_CASE("metrics report the L1/L2 penalty of the current weights beside the data losses") {
  auto run = runFrom(R"({"data": {"kind": "circles"},
    "layers": [{"type": "dense", "units": 8}, {"type": "activation", "fn": "tanh"}, {"type": "dense", "units": 2}],
    "optimizer": {"kind": "sgd", "learning_rate": 0.1, "l1": 0.002, "l2": 0.01}})");
  run->step(200);
  double expected = 0.0;
  for (const Parameter& p : run->network().parameters())
    if (p.name == "W")
      expected += 0.002 * p.value->cwiseAbs().sum() + 0.5 * 0.01 * static_cast<double>(p.value->squaredNorm());
  const Metrics metrics = run->metrics();
  CHECK(metrics.penalty == doctest::Approx(expected).epsilon(1e-6));
  CHECK(metrics.penalty > 0.02);
  auto unpenalized = runFrom(R"({"data": {"kind": "circles"},
    "layers": [{"type": "dense", "units": 2}], "optimizer": {"kind": "sgd"}})");
  CHECK(unpenalized->metrics().penalty == 0.0);
}

// The lab scores only the splits its charts read each epoch (issue 11, item 7): a split left out
// keeps its count, has no loss or accuracy, and the splits scored are exactly what metrics() gives.
TEST_CASE("metrics can score a subset of the splits") {
  auto run = runFrom(R"({"data": {"kind": "circles", "split": {"train": 0.6, "validation": 0.2, "test": 0.2}},
    "layers": [{"type": "dense", "units": 8}, {"type": "activation", "fn": "tanh"}, {"type": "dense", "units": 2}],
    "optimizer": {"kind": "sgd", "learning_rate": 0.1}})");
  run->step(50);
  const Metrics all = run->metrics();
  const Metrics some = run->metrics(Run::kTrainSplit | Run::kTestSplit);
  CHECK(some.train.loss == all.train.loss);
  CHECK(some.train.accuracy == all.train.accuracy);
  CHECK(some.test.loss == all.test.loss);
  CHECK(some.test.accuracy == all.test.accuracy);
  CHECK(std::isnan(some.validation.loss));
  CHECK(std::isnan(some.validation.accuracy));
  CHECK(some.validation.count == all.validation.count);
  CHECK(some.validation.count > 0);
  const Metrics none = run->metrics(0);
  CHECK(std::isnan(none.train.loss));
  CHECK(none.train.count == all.train.count);
  CHECK(none.step == all.step);
}
