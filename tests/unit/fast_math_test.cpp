// The vectorised exp family of src/core/fast_math.h against the std:: functions, the
// vectorised activations against their reference formulas, and the finiteness test.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "core/activation.h"
#include "core/fast_math.h"

using namespace nn;

namespace {

// Distance in representable floats (ulp) between a result and the correctly rounded reference.
int64_t orderedBits(float x) {
  int32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits < 0 ? -static_cast<int64_t>(bits & 0x7fffffff) : bits;
}
int64_t ulpDistance(float result, double reference) {
  const int64_t d = orderedBits(result) - orderedBits(static_cast<float>(reference));
  return d < 0 ? -d : d;
}

float lane0(simd::Float4 v) { return v[0]; }

// Every `stride`-th float from `low` to `high` (walking the bit patterns, so every binade is visited).
template <typename Visit>
void everyFloat(float low, float high, int stride, Visit visit) {
  for (int64_t o = orderedBits(low); o < orderedBits(high); o += stride) {
    const int32_t bits = o < 0 ? static_cast<int32_t>((-o) | INT64_C(0x80000000)) : static_cast<int32_t>(o);
    float x;
    std::memcpy(&x, &bits, sizeof x);
    visit(x);
  }
}

struct Worst {
  int64_t ulp = 0;
  double relative = 0;
  float at = 0;
  void add(float x, float result, double reference) {
    const int64_t u = ulpDistance(result, reference);
    if (u > ulp) ulp = u, at = x;
    if (reference != 0) relative = std::max(relative, std::fabs((result - reference) / reference));
  }
};

}  // namespace

TEST_CASE("exp is within 2 ulp of the double exp over every float range training can produce") {
  Worst worst;
  // Normal results: x in [-87.3, 88.7]; every 97th float, about 23 million values.
  everyFloat(-87.3f, 88.7f, 97, [&](float x) { worst.add(x, lane0(simd::exp4(simd::splat(x))), std::exp(double(x))); });
  INFO("worst at x = " << worst.at);
  CHECK(worst.ulp <= 2);
  CHECK(worst.relative < 1e-6);
  // Subnormal results keep their (coarser) precision: within one subnormal step.
  Worst subnormal;
  everyFloat(-103.9f, -87.4f, 97,
             [&](float x) { subnormal.add(x, lane0(simd::exp4(simd::splat(x))), std::exp(double(x))); });
  CHECK(subnormal.ulp <= 1);
}

TEST_CASE("exp, expm1, sigmoid and tanh give the limits at the ends and keep NaN") {
  const float inf = std::numeric_limits<float>::infinity(), nan = std::numeric_limits<float>::quiet_NaN();
  auto exp1 = [](float x) { return lane0(simd::exp4(simd::splat(x))); };
  auto expm1 = [](float x) { return lane0(simd::expm14(simd::splat(x))); };
  auto sigmoid1 = [](float x) { return lane0(simd::sigmoid4(simd::splat(x))); };
  auto tanh1 = [](float x) { return lane0(simd::tanh4(simd::splat(x))); };
  CHECK(exp1(0.0f) == 1.0f);
  CHECK(exp1(89.0f) == inf);
  CHECK(exp1(inf) == inf);
  CHECK(exp1(-104.0f) == 0.0f);
  CHECK(exp1(-inf) == 0.0f);
  CHECK(expm1(-inf) == -1.0f);
  CHECK(expm1(1e-10f) == 1e-10f);  // no cancellation near 0
  CHECK(sigmoid1(-1000.0f) == 0.0f);
  CHECK(sigmoid1(1000.0f) == 1.0f);
  CHECK(tanh1(inf) == 1.0f);
  CHECK(tanh1(-inf) == -1.0f);
  CHECK(tanh1(1e-10f) == 1e-10f);
  CHECK_FALSE(std::signbit(tanh1(0.0f)));
  using Function = float (*)(float);
  for (Function f : {Function(exp1), Function(expm1), Function(sigmoid1), Function(tanh1)}) CHECK(std::isnan(f(nan)));
}

TEST_CASE("expm1, sigmoid and tanh are within 1e-6 relative of their double references") {
  Worst expm1, sigmoid, tanh;
  everyFloat(-30.0f, 30.0f, 997, [&](float x) {
    const simd::Float4 v = simd::splat(x);
    expm1.add(x, lane0(simd::expm14(v)), std::expm1(double(x)));
    sigmoid.add(x, lane0(simd::sigmoid4(v)), 1.0 / (1.0 + std::exp(-double(x))));
    tanh.add(x, lane0(simd::tanh4(v)), std::tanh(double(x)));
  });
  CHECK(expm1.relative < 1e-6);
  CHECK(sigmoid.relative < 1e-6);
  CHECK(tanh.relative < 1e-6);
}

TEST_CASE("array forms give every element the same result wherever it sits, tail included") {
  for (int n : {1, 3, 4, 5, 7, 8, 13}) {
    std::vector<float> in(n), out(n);
    for (int i = 0; i < n; ++i) in[i] = -3.0f + 0.7f * i;
    expArray(in.data(), out.data(), n);
    for (int i = 0; i < n; ++i) CHECK(out[i] == lane0(simd::exp4(simd::splat(in[i]))));
    expArray(in.data(), in.data(), n);  // in place
    CHECK(in == out);
  }
}

TEST_CASE("the vectorised activations match their reference formulas") {
  const int n = 203;  // not a multiple of 4
  Matrix z(7, 29), a, dZ;
  for (int i = 0; i < n; ++i) z(i) = -12.0f + 24.0f * i / (n - 1);
  const Matrix dA = Matrix::Constant(7, 29, 0.5f);
  const Scalar alpha = 0.7f;
  Vector alphas = Vector::Constant(1, alpha);
  const double k = 0.7978845608028654, c = 0.044715;
  struct Case {
    ActivationKind kind;
    double (*value)(double, double);
    double (*slope)(double, double);
  };
  const Case cases[] = {
      {ActivationKind::Sigmoid, [](double x, double) { return 1 / (1 + std::exp(-x)); },
       [](double x, double) {
         const double s = 1 / (1 + std::exp(-x));
         return s * (1 - s);
       }},
      {ActivationKind::Tanh, [](double x, double) { return std::tanh(x); },
       [](double x, double) { return 1 - std::tanh(x) * std::tanh(x); }},
      {ActivationKind::Elu, [](double x, double a) { return x > 0 ? x : a * std::expm1(x); },
       [](double x, double a) { return x > 0 ? 1 : a * std::exp(x); }},
      {ActivationKind::Silu, [](double x, double) { return x / (1 + std::exp(-x)); },
       [](double x, double) {
         const double s = 1 / (1 + std::exp(-x));
         return s * (1 + x * (1 - s));
       }},
  };
  for (const Case& test : cases) {
    CAPTURE(toString(test.kind));
    activate(test.kind, alphas, z, a);
    activationBackward(test.kind, alphas, z, a, dA, dZ);
    for (int i = 0; i < n; ++i) {
      CHECK(a(i) == doctest::Approx(test.value(z(i), alpha)).epsilon(2e-6).scale(1e-30));
      CHECK(dZ(i) == doctest::Approx(0.5 * test.slope(z(i), alpha)).epsilon(1e-6).scale(1));  // absolute: 1 - a^2 rounds
    }
  }
  activate(ActivationKind::Gelu, alphas, z, a);
  activationBackward(ActivationKind::Gelu, alphas, z, a, dA, dZ);
  for (int i = 0; i < n; ++i) {
    const double x = z(i), u = k * (x + c * x * x * x), t = std::tanh(u);
    // z/2 (1 + tanh u) = z / (1 + e^(-2u)): the second form keeps the tail's precision even in double.
    // In the tail the result is e^(2u), so float's rounding of u (in float code, any formula's) counts 2|u| times.
    CHECK(a(i) == doctest::Approx(x / (1 + std::exp(-2 * u))).epsilon(2e-6 * (1 + 2 * std::abs(u))).scale(1e-30));
    CHECK(dZ(i) ==
          doctest::Approx(0.5 * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * k * (1 + 3 * c * x * x))).epsilon(1e-6).scale(1));
  }
}

TEST_CASE("allFiniteArray finds a NaN or infinity anywhere and is not fooled by a sum that overflows") {
  const float big = 3e38f;  // two of these overflow a sum, yet every value is finite
  for (int n : {1, 5, 16, 17, 40}) {
    std::vector<float> values(n, big);
    CHECK(allFiniteArray(values.data(), n));
    for (int i = 0; i < n; ++i) {
      for (float bad : {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                        -std::numeric_limits<float>::infinity()}) {
        values[i] = bad;
        CHECK_FALSE(allFiniteArray(values.data(), n));
      }
      values[i] = big;
    }
  }
  CHECK(allFiniteArray(static_cast<const float*>(nullptr), 0));
}
