// Finite-difference gradient checks of the fused losses, and of a whole network end to end.
#include <doctest/doctest.h>
#include "core/loss.h"
#include "core/network.h"
#include "gradient_check.h"
#include "spec/run_spec_json.h"

using namespace nn;
using namespace nn::testing;

namespace {

void checkLossGradient(LossKind kind, Matrix logits, const Matrix& targets) {
  Loss loss(kind);
  loss.forward(logits, targets);
  loss.backward(targets);
  const Matrix analytic = loss.dLogits();
  Loss probe(kind);
  CHECK(maxRelativeError(logits, analytic, [&] { return probe.forward(logits, targets); }) < 1e-6);
}

}  // namespace

TEST_CASE("softmax cross-entropy's gradient is (softmax - one-hot) / batch, for index and one-hot targets") {
  Rng rng(1);
  Matrix indices(1, 5);
  indices << 0, 2, 1, 2, 0;
  checkLossGradient(LossKind::SoftmaxCrossEntropy, randomMatrix(3, 5, rng, 3.0), indices);
  Matrix oneHot = Matrix::Zero(3, 5);
  for (int b = 0; b < 5; ++b) oneHot(static_cast<int>(indices(0, b)), b) = 1;
  checkLossGradient(LossKind::SoftmaxCrossEntropy, randomMatrix(3, 5, rng, 3.0), oneHot);
}

TEST_CASE("sigmoid binary cross-entropy's gradient matches finite differences") {
  Rng rng(2);
  Matrix targets(1, 6);
  targets << 0, 1, 1, 0, 1, 0;
  checkLossGradient(LossKind::SigmoidBinaryCrossEntropy, randomMatrix(1, 6, rng, 3.0), targets);
}

TEST_CASE("mean squared error's gradient matches finite differences") {
  Rng rng(3);
  checkLossGradient(LossKind::MeanSquaredError, randomMatrix(2, 4, rng), randomMatrix(2, 4, rng));
}

TEST_CASE("a whole network's parameter gradients match finite differences of its loss") {
  auto spec = parseRunSpec(R"({
    "data": {"kind": "spiral", "classes": 3},
    "layers": [
      {"type": "dense", "units": 5, "weight_init": {"kind": "he_normal"}, "bias_init": {"kind": "normal", "std": 0.1}},
      {"type": "batchnorm"},
      {"type": "activation", "fn": "prelu"},
      {"type": "dense", "units": 4},
      {"type": "activation", "fn": "tanh"},
      {"type": "dropout", "rate": 0},
      {"type": "dense", "units": 3}
    ]})");
  REQUIRE(spec.ok());
  Network network(spec->layers, spec->loss, 2, 6, 42);
  Rng rng(8);
  const Matrix input = randomMatrix(2, 6, rng, 2.0);
  Matrix targets(1, 6);
  targets << 0, 1, 2, 2, 1, 0;
  auto loss = [&] {
    network.forward(input, Mode::Training);
    return network.loss(targets);
  };
  loss();
  network.backward(input, targets);
  for (Parameter& p : network.parameters()) {
    CAPTURE(p.name);
    const Matrix analytic = *p.gradient;
    CHECK(maxRelativeError(*p.value, analytic, loss) < 1e-5);
  }
}
