// Forward values of every activation checked against hand-computed numbers.
#include "core/activation.h"
#include <doctest/doctest.h>
#include <cmath>
#include "lab/activation_curves.h"

using namespace nn;

namespace {
Scalar apply(ActivationKind kind, Scalar x, Scalar alpha = 0) {
  Matrix z(1, 1), a;
  z << x;
  Vector alphas = Vector::Constant(1, alpha);
  activate(kind, alphas, z, a);
  return a(0, 0);
}
Scalar derivative(ActivationKind kind, Scalar x, Scalar alpha = 0) {
  Matrix z(1, 1), a, dA = Matrix::Ones(1, 1), dZ;
  z << x;
  Vector alphas = Vector::Constant(1, alpha);
  activate(kind, alphas, z, a);
  activationBackward(kind, alphas, z, a, dA, dZ);
  return dZ(0, 0);
}
}  // namespace

TEST_CASE("activations give the hand-computed values") {
  CHECK(apply(ActivationKind::Linear, -1.5f) == doctest::Approx(-1.5));
  CHECK(apply(ActivationKind::Sigmoid, 0.0f) == doctest::Approx(0.5));
  CHECK(apply(ActivationKind::Sigmoid, 2.0f) == doctest::Approx(0.880797));  // 1/(1+e^-2)
  CHECK(apply(ActivationKind::Tanh, 1.0f) == doctest::Approx(0.761594));
  CHECK(apply(ActivationKind::Relu, -2.0f) == 0.0f);
  CHECK(apply(ActivationKind::Relu, 3.0f) == 3.0f);
  CHECK(apply(ActivationKind::LeakyRelu, -2.0f, 0.01f) == doctest::Approx(-0.02));
  CHECK(apply(ActivationKind::Prelu, -2.0f, 0.25f) == doctest::Approx(-0.5));
  CHECK(apply(ActivationKind::Elu, -1.0f, 1.0f) == doctest::Approx(-0.632121));  // e^-1 - 1
  CHECK(apply(ActivationKind::Elu, 2.0f, 1.0f) == doctest::Approx(2.0));
  CHECK(apply(ActivationKind::Gelu, 1.0f) == doctest::Approx(0.841192));       // tanh approximation
  CHECK(apply(ActivationKind::Silu, 1.0f) == doctest::Approx(0.731059));       // 1 * sigmoid(1)
  CHECK(apply(ActivationKind::Softplus, 0.0f) == doctest::Approx(0.693147));   // ln 2
  CHECK(apply(ActivationKind::Softplus, 2.0f) == doctest::Approx(2.126928));   // ln(1 + e^2)
  CHECK(apply(ActivationKind::Softplus, -3.0f) == doctest::Approx(0.048587));  // ln(1 + e^-3)
  CHECK(apply(ActivationKind::Softplus, 100.0f) == doctest::Approx(100.0));    // no overflow of e^100 in float
  CHECK(apply(ActivationKind::Softplus, -100.0f) > 0.0f);
}

TEST_CASE("sigmoid's derivative peaks at 0.25 and vanishes when saturated") {
  CHECK(derivative(ActivationKind::Sigmoid, 0.0f) == doctest::Approx(0.25));
  CHECK(derivative(ActivationKind::Sigmoid, 6.0f) < 0.0025f);
  CHECK(derivative(ActivationKind::Tanh, 0.0f) == doctest::Approx(1.0));
  CHECK(derivative(ActivationKind::Relu, -1.0f) == 0.0f);
  CHECK(derivative(ActivationKind::LeakyRelu, -1.0f, 0.01f) == doctest::Approx(0.01));
}

TEST_CASE("sigmoid stays finite and exact at extreme inputs") {
  CHECK(apply(ActivationKind::Sigmoid, -1000.0f) == 0.0f);
  CHECK(apply(ActivationKind::Sigmoid, 1000.0f) == 1.0f);
}

TEST_CASE("softmax sums to 1 and is finite on [1000, 1010, 990] where the naive formula overflows") {
  Matrix z(3, 1), a;
  z << 1000, 1010, 990;
  activate(ActivationKind::Softmax, Vector::Zero(1), z, a);
  CHECK(a.allFinite());
  CHECK(a.sum() == doctest::Approx(1.0));
  CHECK(a(1, 0) == doctest::Approx(0.9999546));  // e^0 / (e^-10 + 1 + e^-20)
  CHECK(a(0, 0) == doctest::Approx(4.53979e-05).epsilon(1e-3));
  // The naive e^z / sum e^z overflows to inf/inf = NaN in float.
  const Matrix naive = z.array().exp().matrix() / z.array().exp().sum();
  CHECK_FALSE(naive.allFinite());
}

TEST_CASE("activation names parse and unknown names are rejected with the list") {
  CHECK((parseActivationKind("leaky_relu").value() == ActivationKind::LeakyRelu));
  auto bad = parseActivationKind("relu6");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message.find("expected one of") != std::string::npos);
}

TEST_CASE("the gallery's activation curves come from the layers' own code") {
  auto curve = activationCurve("sigmoid", 0, -6, 6, 13);
  REQUIRE(curve.ok());
  CHECK(curve->x.size() == 13);
  CHECK(curve->value[6] == doctest::Approx(0.5));
  CHECK(curve->derivative[6] == doctest::Approx(0.25));
  CHECK_FALSE(activationCurve("softmax", 0, -1, 1, 5).ok());
  CHECK_FALSE(activationCurve("relu", 0, 1, -1, 5).ok());
  const auto p = softmaxOf({1000, 1010, 990});
  CHECK(p[0] + p[1] + p[2] == doctest::Approx(1.0));
}

// The derivative for z <= 0 is alpha * e^z. Computed as a + alpha = alpha (e^z - 1) + alpha it
// cancels: 0.44 relative error at z = -17 and exactly 0 below about -17.4 (issue 7, item 3).
TEST_CASE("ELU's derivative for negative inputs matches alpha * e^z in double on [-30, 0]") {
  for (double alpha : {1.0, 0.5}) {
    double worst = 0.0, worstZ = 0.0;
    for (int k = 0; k <= 120; ++k) {
      const Scalar z = Scalar(-30.0 + 0.25 * k);
      const double reference = alpha * std::exp(static_cast<double>(z));
      const double relative = std::abs(derivative(ActivationKind::Elu, z, Scalar(alpha)) - reference) / reference;
      if (relative > worst) worst = relative, worstZ = z;
    }
    CAPTURE(alpha);
    CAPTURE(worstZ);
    CHECK(worst <= 1e-6);
  }
}

TEST_CASE("softplus's derivative is the sigmoid of its input, through the float kernels too") {
  CHECK(derivative(ActivationKind::Softplus, 0.0f) == doctest::Approx(0.5));
  CHECK(derivative(ActivationKind::Softplus, 2.0f) == doctest::Approx(0.880797));    // 1/(1+e^-2)
  CHECK(derivative(ActivationKind::Softplus, -3.0f) == doctest::Approx(0.0474259));  // 1/(1+e^3)
  for (int i = 0; i <= 80; ++i) {
    const double x = -20.0 + 0.5 * i;
    CAPTURE(x);
    CHECK(derivative(ActivationKind::Softplus, static_cast<Scalar>(x)) ==
          doctest::Approx(1.0 / (1.0 + std::exp(-x))).epsilon(1e-6).scale(1e-30));
  }
}
