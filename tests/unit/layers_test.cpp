// Behavioural invariants of the layers: hand-computed dense output, dropout's
// expectation, batch normalisation's statistics, initializer scales.
#include <doctest/doctest.h>
#include <cmath>
#include "core/batch_norm.h"
#include "core/dense.h"
#include "core/dropout.h"
#include "core/init.h"

using namespace nn;

TEST_CASE("a dense layer computes W x + b") {
  Dense dense(2, 2);
  dense.weights() << 1, 2, 3, 4;
  dense.bias() << 0.5, -1;
  Matrix x(2, 2);
  x << 1, 0, 1, 2;
  dense.resize(2);
  dense.forward(x, Mode::Training);
  Matrix expected(2, 2);
  expected << 3.5, 4.5, 6, 7;
  CHECK(dense.output().isApprox(expected));
}

TEST_CASE("dropout is the identity at rate 0 and at inference") {
  Rng rng(1);
  Matrix x = Matrix::Random(4, 8);
  Dropout none(4, 0.0, &rng);
  none.resize(8);
  none.forward(x, Mode::Training);
  CHECK(none.output() == x);
  Dropout half(4, 0.5, &rng);
  half.resize(8);
  half.forward(x, Mode::Inference);
  CHECK(half.output() == x);
}

TEST_CASE("inverted dropout keeps units with probability 1 - rate and keeps the expected mean") {
  Rng rng(2);
  const double rate = 0.3;
  Dropout dropout(100, rate, &rng);
  dropout.resize(1000);
  const Matrix ones = Matrix::Ones(100, 1000);
  dropout.forward(ones, Mode::Training);
  const double kept = (dropout.output().array() > 0).cast<double>().mean();
  CHECK(kept == doctest::Approx(1 - rate).epsilon(0.02));
  CHECK(dropout.output().cast<double>().mean() == doctest::Approx(1.0).epsilon(0.02));
  // kept units are scaled by 1/(1-rate), not by the rate
  CHECK(dropout.output().maxCoeff() == doctest::Approx(1 / (1 - rate)));
}

TEST_CASE("batch normalisation's training output has mean 0 and variance 1 per unit") {
  BatchNorm bn(3, 0.9, 1e-7);
  Matrix x = (Matrix::Random(3, 50).array() * 5 + 3).matrix();
  bn.resize(50);
  bn.forward(x, Mode::Training);
  for (int unit = 0; unit < 3; ++unit) {
    const auto row = bn.output().row(unit).cast<double>();
    const double mean = row.mean();
    const double variance = (row.array() - mean).square().mean();
    CHECK(std::abs(mean) < 1e-5);
    CHECK(variance == doctest::Approx(1.0).epsilon(1e-4));
  }
}

TEST_CASE("batch normalisation uses its running statistics at inference") {
  BatchNorm bn(1, 0.0, 1e-7);  // momentum 0: running stats = last batch's
  Matrix x(1, 4);
  x << 1, 2, 3, 4;  // mean 2.5, biased variance 1.25
  bn.resize(4);
  bn.forward(x, Mode::Training);
  CHECK(bn.runningMean()(0, 0) == doctest::Approx(2.5));
  CHECK(bn.runningVar()(0, 0) == doctest::Approx(1.25));
  Matrix probe(1, 4);
  probe << 2.5, 2.5, 2.5 + std::sqrt(1.25), 0;
  bn.forward(probe, Mode::Inference);
  CHECK(bn.output()(0, 0) == doctest::Approx(0.0).epsilon(1e-5));
  CHECK(bn.output()(0, 2) == doctest::Approx(1.0).epsilon(1e-4));
}

TEST_CASE("initializers draw with the documented scale") {
  Rng rng(3);
  Matrix w(200, 100);
  auto stdOf = [&](const Matrix& m) {
    const double mean = m.cast<double>().mean();
    return std::sqrt((m.cast<double>().array() - mean).square().mean());
  };
  InitConfig he{InitKind::HeNormal};
  initialize(w, he, 100, 200, rng);
  CHECK(stdOf(w) == doctest::Approx(std::sqrt(2.0 / 100)).epsilon(0.03));
  InitConfig xavier{InitKind::XavierNormal};
  initialize(w, xavier, 100, 200, rng);
  CHECK(stdOf(w) == doctest::Approx(std::sqrt(2.0 / 300)).epsilon(0.03));
  InitConfig lecun{InitKind::LecunNormal};
  initialize(w, lecun, 100, 200, rng);
  CHECK(stdOf(w) == doctest::Approx(std::sqrt(1.0 / 100)).epsilon(0.03));
  InitConfig heUniform{InitKind::HeUniform};
  initialize(w, heUniform, 100, 200, rng);
  CHECK(w.cwiseAbs().maxCoeff() <= std::sqrt(6.0 / 100));
  CHECK(stdOf(w) == doctest::Approx(std::sqrt(2.0 / 100)).epsilon(0.03));  // U(+-l) has std l/sqrt(3)
  InitConfig normal{InitKind::Normal};
  normal.std = 0.01;
  initialize(w, normal, 100, 200, rng);
  CHECK(stdOf(w) == doctest::Approx(0.01).epsilon(0.03));
  InitConfig constant{InitKind::Constant};
  constant.value = 0.7;
  initialize(w, constant, 100, 200, rng);
  CHECK((w.array() == Scalar(0.7)).all());
  InitConfig zeros{InitKind::Zeros};
  initialize(w, zeros, 100, 200, rng);
  CHECK(w.isZero());
}
