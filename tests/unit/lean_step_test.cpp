// What a training step leaves out to save time, and why nothing a learner sees changes:
// the first layer's input gradient waits for the statistics, the gradient norm for whoever
// asks, and the finiteness checks look at the loss and the few values that could hide a
// NaN or infinity from it.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/dense.h"
#include "core/optimizer.h"
#include "test_support.h"

using namespace nn;
using namespace nn::testing;

namespace {

const char* kSmallNet = R"({"data": {"kind": "circles", "samples": 200, "seed": 2},
  "layers": [{"type": "dense", "units": 6}, {"type": "activation", "fn": "tanh"},
             {"type": "dense", "units": 5}, {"type": "activation", "fn": "relu"}, {"type": "dense", "units": 2}],
  "optimizer": {"kind": "sgd", "learning_rate": 0.5}, "training": {"batch_size": 16, "seed": 4}})";

// ||W^T dOutput|| of the first layer, where dOutput is what the layer above passed down in the last backward pass.
double firstInputGradientNorm(Run& run, const Matrix& weights) {
  const Matrix& dOutput = run.network().layers()[1]->dInput();
  return static_cast<double>((weights.transpose() * dOutput).norm());
}

Matrix firstWeights(Run& run) { return dynamic_cast<Dense&>(*run.network().layers()[0]).weights(); }

}  // namespace

TEST_CASE("a skipped first-layer input gradient, completed later, equals the one a full backward pass computes") {
  const RunSpec spec = specFrom(kSmallNet);
  Network full(spec.layers, spec.loss, 2, 16, 9), lean(spec.layers, spec.loss, 2, 16, 9);
  const Matrix input = Matrix::Random(2, 16);
  Matrix targets(1, 16);
  for (int b = 0; b < 16; ++b) targets(0, b) = b % 2;
  for (Network* network : {&full, &lean}) {
    network->forward(input, Mode::Training);
    network->loss(targets);
  }
  full.backward(input, targets);
  CHECK_FALSE(full.firstInputGradientPending());
  lean.backward(input, targets, -1, false);
  REQUIRE(lean.firstInputGradientPending());
  for (size_t p = 0; p < full.parameters().size(); ++p)
    CHECK(*lean.parameters()[p].gradient == *full.parameters()[p].gradient);
  lean.completeFirstInputGradient(*lean.parameters()[0].value);
  CHECK_FALSE(lean.firstInputGradientPending());
  CHECK(lean.layers()[0]->dInput() == full.layers()[0]->dInput());
}

TEST_CASE("statistics give the first layer's input gradient with the weights its step saw, not the updated ones") {
  SUBCASE("one step per call") {
    auto run = runFrom(kSmallNet);
    const Matrix before = firstWeights(*run);
    REQUIRE(run->step(1) == 1);
    const double expected = firstInputGradientNorm(*run, before);
    const double withUpdated = firstInputGradientNorm(*run, firstWeights(*run));
    REQUIRE(std::abs(expected - withUpdated) > 1e-4 * expected);  // the update moved W enough to tell them apart
    CHECK(run->stats()[0].inputGradNorm == doctest::Approx(expected).epsilon(1e-5));
  }
  SUBCASE("several steps per call: the weights before the last update") {
    auto reference = runFrom(kSmallNet);  // the same run, stopped one step earlier
    REQUIRE(reference->step(4) == 4);
    auto run = runFrom(kSmallNet);
    REQUIRE(run->step(5) == 5);
    CHECK(run->stats()[0].inputGradNorm ==
          doctest::Approx(firstInputGradientNorm(*run, firstWeights(*reference))).epsilon(1e-5));
  }
}

TEST_CASE("the gradient norm is computed only when clipping needs it, yet reported correctly when asked") {
  Matrix a = Matrix::Zero(2, 1), b = Matrix::Zero(2, 1), ga(2, 1), gb(2, 1);
  ga << 3.0f, 0.0f;
  gb << 0.0f, 4.0f;  // global norm 5
  OptimizerConfig config;
  config.learningRate = 0.1;
  Optimizer optimizer(config);  // plain SGD, no clipping
  optimizer.bind({Parameter{&a, &ga, "W", true}, Parameter{&b, &gb, "b", false}});
  optimizer.step();
  CHECK(optimizer.lastGradientNorm() == doctest::Approx(5.0));
  CHECK(a(0, 0) == doctest::Approx(-0.3));
}

TEST_CASE("an infinity that a sigmoid squashes to a finite value still stops the run at the layer that overflowed") {
  // Linear layers of constant weight 100 multiply the scale by 6400 each: the 10th overflows float to +-inf
  // (all units of an example share a sign, so no inf - inf NaN appears). The sigmoid turns that into 0 or 1,
  // so the loss stays finite and only the check of the sigmoid's input can tell.
  std::string layers;
  for (int i = 0; i < 12; ++i)
    layers += R"({"type": "dense", "units": 64, "weight_init": {"kind": "constant", "value": 100}},)";
  auto run = runFrom(R"({"data": {"kind": "circles", "samples": 100}, "layers": [)" + layers +
                     R"({"type": "activation", "fn": "sigmoid"}, {"type": "dense", "units": 2}]})");
  CHECK(run->step(3) == 0);
  REQUIRE(run->divergence());
  CHECK(run->divergence()->step == 1);
  CHECK(run->divergence()->quantity == "output");
  CHECK(run->divergence()->layer < 12);
  CHECK(run->network().layers()[static_cast<size_t>(run->divergence()->layer)]->type() == "dense");
}
