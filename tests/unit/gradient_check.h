// Finite-difference gradient checking, shared by the gradcheck_*.cpp tests
// (which are compiled against the double-precision core).
#pragma once
#include <doctest/doctest.h>
#include <functional>
#include "core/layer.h"
#include "core/rng.h"
#include "core/types.h"

namespace nn::testing {

inline Matrix randomMatrix(Eigen::Index rows, Eigen::Index cols, Rng& rng, double scale = 1.0) {
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m(i) = static_cast<Scalar>(rng.normal() * scale);
  return m;
}

// Moves values away from 0 so kinked functions (ReLU family) are differentiable
// within the finite-difference step.
inline void avoidKinks(Matrix& m, double margin = 0.05) {
  for (Eigen::Index i = 0; i < m.size(); ++i)
    if (std::abs(m(i)) < margin) m(i) = m(i) >= 0 ? margin + m(i) : m(i) - margin;
}

// Largest relative error between an analytic gradient and central differences
// of `loss` with respect to every element of `x` (x is perturbed in place and restored).
inline double maxRelativeError(Matrix& x, const Matrix& analytic, const std::function<double()>& loss, double h = 1e-5) {
  double worst = 0.0;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const Scalar saved = x(i);
    x(i) = saved + h;
    const double plus = loss();
    x(i) = saved - h;
    const double minus = loss();
    x(i) = saved;
    const double numeric = (plus - minus) / (2 * h);
    const double error = std::abs(numeric - analytic(i)) / std::max(1e-4, std::abs(numeric) + std::abs(analytic(i)));
    worst = std::max(worst, error);
  }
  return worst;
}

// Checks dInput and every parameter gradient of `layer` for L = sum(R .* output),
// where R is a fixed random "upstream gradient". `beforeForward` runs before each
// forward pass (e.g. to re-seed dropout so the mask is the same every time).
inline void checkLayerGradients(
    Layer& layer, Matrix input, Rng& rng, Mode mode = Mode::Training, const std::function<void()>& beforeForward = [] {},
    double tolerance = 1e-6) {
  layer.resize(static_cast<int>(input.cols()));
  const Matrix upstream = randomMatrix(layer.outputSize(), input.cols(), rng);
  auto loss = [&]() {
    beforeForward();
    layer.forward(input, mode);
    return static_cast<double>((layer.output().array() * upstream.array()).sum());
  };
  loss();
  layer.backward(input, upstream);
  const Matrix dInput = layer.dInput();
  std::vector<Matrix> gradients;
  for (const Parameter& p : layer.parameters()) gradients.push_back(*p.gradient);

  CHECK(maxRelativeError(input, dInput, loss) < tolerance);
  auto parameters = layer.parameters();
  for (size_t p = 0; p < parameters.size(); ++p) {
    CAPTURE(parameters[p].name);
    CHECK(maxRelativeError(*parameters[p].value, gradients[p], loss) < tolerance);
  }
}

}  // namespace nn::testing
