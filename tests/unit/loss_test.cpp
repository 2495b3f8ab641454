// Loss values checked against hand-computed numbers, and their stability.
#include "core/loss.h"
#include <doctest/doctest.h>
#include <cmath>

using namespace nn;

TEST_CASE("softmax cross-entropy equals -log softmax of the target class") {
  Loss loss(LossKind::SoftmaxCrossEntropy);
  Matrix z(3, 1), t(1, 1);
  z << 1, 2, 3;
  t << 2;
  // log(e + e^2 + e^3) - 3 = 0.40760596
  CHECK(loss.forward(z, t) == doctest::Approx(0.40760596));
  loss.backward(t);
  CHECK(loss.dLogits()(2, 0) == doctest::Approx(0.66524096 - 1));  // y - t
}

TEST_CASE("sigmoid binary cross-entropy of logit 0 is log 2 for either target") {
  Loss loss(LossKind::SigmoidBinaryCrossEntropy);
  Matrix z(1, 2), t(1, 2);
  z << 0, 0;
  t << 0, 1;
  CHECK(loss.forward(z, t) == doctest::Approx(std::log(2.0)));
}

TEST_CASE("mean squared error is half the mean over examples of the squared error") {
  Loss loss(LossKind::MeanSquaredError);
  Matrix z(1, 2), t(1, 2);
  z << 1, 3;
  t << 0, 1;
  CHECK(loss.forward(z, t) == doctest::Approx((1 + 4) / 2.0 / 2.0));
}

// docs/spec.md says exactly this: summed over the outputs, averaged over the examples.
TEST_CASE("mean squared error with several outputs sums half the squared errors over outputs and averages over examples") {
  Loss loss(LossKind::MeanSquaredError);
  Matrix z(2, 2), t(2, 2);
  z << 1, 0, 3, 2;
  t.setZero();
  // ((1 + 9)/2 + (0 + 4)/2) / 2 examples = 3.5 (averaging over the 4 outputs too would give 1.75)
  CHECK(loss.forward(z, t) == doctest::Approx(3.5));
  loss.backward(t);
  CHECK(loss.dLogits()(1, 0) == doctest::Approx(3.0 / 2));  // (y - t) / B
  Matrix classes(1, 2);  // class indices become one-hot targets: class 1 for both examples
  classes << 1, 1;
  // ((1 + 4)/2 + (0 + 1)/2) / 2 = 1.5
  CHECK(loss.forward(z, classes) == doctest::Approx(1.5));
}

TEST_CASE("the fused losses stay finite for huge logits") {
  Matrix z(3, 1), t(1, 1);
  z << 1000, -1000, 0;
  t << 1;
  Loss softmax(LossKind::SoftmaxCrossEntropy);
  CHECK(softmax.forward(z, t) == doctest::Approx(2000));
  Loss sigmoid(LossKind::SigmoidBinaryCrossEntropy);
  Matrix z1(1, 1), t1(1, 1);
  z1 << -1000;
  t1 << 1;
  CHECK(sigmoid.forward(z1, t1) == doctest::Approx(1000));
}

TEST_CASE("padding columns beyond the count do not change the loss or the gradient") {
  Loss loss(LossKind::SoftmaxCrossEntropy);
  Matrix z(2, 3), t(1, 3);
  z << 1, 2, 50, 0, 1, -50;
  t << 0, 1, 1;
  const double twoColumns = loss.forward(z, t, 2);
  Matrix z2 = z.leftCols(2), t2 = t.leftCols(2);
  Loss reference(LossKind::SoftmaxCrossEntropy);
  CHECK(twoColumns == doctest::Approx(reference.forward(z2, t2)));
  loss.backward(t, 2);
  CHECK(loss.dLogits().col(2).isZero());
}

TEST_CASE("accuracy counts argmax for several outputs and a 0.5 threshold for one sigmoid output") {
  Loss softmax(LossKind::SoftmaxCrossEntropy);
  Matrix z(3, 3), t(1, 3);
  z << 5, 0, 0, 0, 5, 0, 0, 0, 5;
  t << 0, 1, 0;
  softmax.forward(z, t);
  CHECK(softmax.correctCount(t) == 2);
  Loss sigmoid(LossKind::SigmoidBinaryCrossEntropy);
  Matrix s(1, 3), st(1, 3);
  s << 2, -2, 0.1;
  st << 1, 0, 0;
  sigmoid.forward(s, st);
  CHECK(sigmoid.correctCount(st) == 2);
}
