// Finite-difference gradient checks of every layer type and activation (double precision).
#include <doctest/doctest.h>
#include "core/activation_layer.h"
#include "core/batch_norm.h"
#include "core/dense.h"
#include "core/dropout.h"
#include "gradient_check.h"

using namespace nn;
using namespace nn::testing;

TEST_CASE("a dense layer's input, weight and bias gradients match finite differences") {
  Rng rng(11);
  Dense dense(4, 3);
  dense.weights() = randomMatrix(3, 4, rng);
  dense.bias() = randomMatrix(3, 1, rng);
  checkLayerGradients(dense, randomMatrix(4, 5, rng), rng);
}

TEST_CASE("every activation's gradient matches finite differences") {
  for (const ActivationDefinition& entry : activationRegistry()) {  // every entry, new ones included
    const ActivationKind kind = entry.kind;
    const std::string name = toString(kind);
    CAPTURE(name);
    Rng rng(21);
    ActivationLayer layer(4, kind, kind == ActivationKind::LeakyRelu ? 0.1 : defaultAlpha(kind));
    Matrix input = randomMatrix(4, 6, rng, 2.0);
    avoidKinks(input);
    checkLayerGradients(layer, input, rng);
  }
}

TEST_CASE("PReLU's learned slopes get the gradient of their negative inputs") {
  Rng rng(5);
  ActivationLayer prelu(3, ActivationKind::Prelu, 0.25);
  REQUIRE(prelu.parameters().size() == 1);
  CHECK(prelu.parameters()[0].name == "alpha");
  CHECK(prelu.parameters()[0].value->rows() == 3);
  // Give each unit its own slope so a mix-up between units would show.
  *prelu.parameters()[0].value << 0.1, 0.2, 0.3;
  Matrix input = randomMatrix(3, 8, rng);
  avoidKinks(input);
  checkLayerGradients(prelu, input, rng);
}

TEST_CASE("batch normalisation's gradients match finite differences in training mode") {
  Rng rng(7);
  BatchNorm bn(3, 0.9, 1e-5);
  // Non-trivial gamma and beta so their gradients are exercised.
  *bn.parameters()[0].value << 1.5, 0.5, -1.0;
  *bn.parameters()[1].value << 0.1, -0.2, 0.3;
  checkLayerGradients(
      bn, randomMatrix(3, 6, rng, 2.0), rng, Mode::Training, [] {}, 1e-5);
}

TEST_CASE("dropout's gradient matches finite differences for a fixed mask") {
  Rng dropoutRng(3), rng(4);
  Dropout dropout(5, 0.4, &dropoutRng);
  checkLayerGradients(dropout, randomMatrix(5, 7, rng), rng, Mode::Training, [&] { dropoutRng.reseed(99); });
}
