// Dropout as an ensemble (Run::thinnedEnsemble, the lab's "dropout as an ensemble"): thinned
// networks are the trained network with fixed dropout masks; their average approaches the whole
// network, which inverted dropout already scaled in training.
#include <doctest/doctest.h>
#include <cmath>
#include "core/dropout.h"
#include "test_support.h"

using namespace nn;
using namespace nn::testing;

namespace {

// A circles net with dropout `rate` after each of its two hidden layers, trained for 1200 steps (with
// rate 0.5: 99.5 % of the training points, 97.8 % of the test points).
std::unique_ptr<Run> trainedCircles(double rate) {
  const std::string dropout = R"({"type": "dropout", "rate": )" + std::to_string(rate) + "},";
  auto run = runFrom(R"({
    "data": {"kind": "circles", "samples": 300, "noise": 0.05, "standardize": true,
             "split": {"train": 0.7, "validation": 0, "test": 0.3}},
    "layers": [{"type": "dense", "units": 64, "weight_init": {"kind": "he_normal"}},
               {"type": "activation", "fn": "relu"}, )" +
                     dropout + R"(
               {"type": "dense", "units": 64, "weight_init": {"kind": "he_normal"}},
               {"type": "activation", "fn": "relu"}, )" +
                     dropout + R"(
               {"type": "dense", "units": 2}],
    "optimizer": {"kind": "adam", "learning_rate": 0.01},
    "training": {"batch_size": 10, "seed": 1}})");
  run->step(1200);
  REQUIRE_FALSE(run->divergence());
  return run;
}

ThinnedEnsemble ensembleOf(Run& run, int count, uint64_t seed) {
  auto ensemble = run.thinnedEnsemble(count, seed, Run::kTestSplit);
  if (!ensemble) FAIL(ensemble.error().describe());
  return *ensemble;
}

}  // namespace

TEST_CASE("a thinned network applies one dropout mask to every example") {
  Rng layerRng(1), maskRng(7);
  Dropout dropout(40, 0.5, &layerRng);
  dropout.resize(6);
  dropout.drawUnitMask(maskRng);
  dropout.forward(Matrix::Ones(40, 6), Mode::Thinned);
  const Matrix& out = dropout.output();
  int kept = 0;
  for (Eigen::Index unit = 0; unit < 40; ++unit) {
    CHECK((out(unit, 0) == 0.0f || out(unit, 0) == 2.0f));  // dropped, or kept and scaled by 1 / (1 - 0.5)
    for (Eigen::Index column = 1; column < 6; ++column) CHECK(out(unit, column) == out(unit, 0));
    kept += out(unit, 0) != 0.0f;
  }
  CHECK(kept > 0);
  CHECK(kept < 40);
  dropout.forward(Matrix::Ones(40, 6), Mode::Inference);  // the whole network ignores the mask
  CHECK(dropout.output() == Matrix::Ones(40, 6));
}

TEST_CASE("with dropout rate 0 every thinned network is the whole network") {
  auto run = trainedCircles(0.0);
  const ThinnedEnsemble e = ensembleOf(*run, 5, 1);
  REQUIRE(e.thinned.size() == 5);
  REQUIRE(e.gap.size() == 5);
  CHECK(e.full.accuracy == doctest::Approx(run->metrics().test.accuracy));
  for (size_t k = 0; k < 5; ++k) {
    CHECK(e.thinned[k].loss == e.full.loss);
    CHECK(e.thinned[k].accuracy == e.full.accuracy);
    CHECK(e.averageAccuracy[k] == e.full.accuracy);
    CHECK(e.agreement[k] == 1.0);
    CHECK(e.gap[k] < 1e-6);
  }
}

TEST_CASE("thinned networks differ by mask, repeat by seed, and leave the run alone") {
  auto run = trainedCircles(0.5);
  const Metrics before = run->metrics();
  const ThinnedEnsemble a = ensembleOf(*run, 4, 1);
  const ThinnedEnsemble again = ensembleOf(*run, 4, 1);
  const ThinnedEnsemble b = ensembleOf(*run, 4, 2);
  for (size_t k = 0; k < 4; ++k) {
    CHECK(a.thinned[k].loss == again.thinned[k].loss);
    CHECK(a.gap[k] == again.gap[k]);
    CHECK(a.thinned[k].loss != b.thinned[k].loss);  // other seed, other masks
    CHECK(a.thinned[k].loss != a.full.loss);
  }
  CHECK(a.thinned[0].loss != a.thinned[1].loss);  // each network its own mask
  const Metrics after = run->metrics();
  CHECK(after.test.loss == before.test.loss);
  CHECK(after.train.loss == before.train.loss);
}

TEST_CASE("the average of many thinned networks approaches the whole network") {
  auto run = trainedCircles(0.5);
  const ThinnedEnsemble e = ensembleOf(*run, 200, 1);
  // Measured (float core): the average of 200 differs from the whole network by 0.016 in mean
  // |p - p(whole)|, picks its class at every test point and scores its 97.8 %. Not exactly equal:
  // ReLU between the dropout layers makes the mean of the thinned networks differ a little from
  // the network of mean activations.
  double one = 0.0;  // one thinned network's miss, on average over the 200
  for (double gap : e.thinnedGap) one += gap / 200;
  MESSAGE("one network " << one << ", average of 200 " << e.gap[199] << "; agreement k=1 " << e.agreement[0] << ", k=200 "
                         << e.agreement[199] << "; accuracy average " << e.averageAccuracy[199] << ", full "
                         << e.full.accuracy);
  CHECK(e.gap[199] < 0.03);
  CHECK(e.agreement[199] >= 0.97);
  CHECK(std::abs(e.averageAccuracy[199] - e.full.accuracy) <= 0.02);
}

TEST_CASE("with dropout right before a linear output the average converges to the scaled whole network") {
  // y = W (m * h / (1 - p)) + b is linear in the mask, whose mean is 1 / (1 - p) * (1 - p) = 1: the
  // thinned networks' mean is exactly the whole network, and the average of k of them misses it by
  // about 1/sqrt(k) of one network's miss. Without the 1 / (1 - p) scaling it would converge to half.
  auto run = runFrom(R"({
    "data": {"kind": "gaussian_bumps", "samples": 300, "split": {"train": 0.7, "validation": 0, "test": 0.3}},
    "layers": [{"type": "dense", "units": 32, "weight_init": {"kind": "he_normal"}},
               {"type": "activation", "fn": "relu"}, {"type": "dropout", "rate": 0.5},
               {"type": "dense", "units": 1}],
    "loss": "mse", "optimizer": {"kind": "adam", "learning_rate": 0.01},
    "training": {"batch_size": 10, "seed": 1}})");
  run->step(300);
  REQUIRE_FALSE(run->divergence());
  const ThinnedEnsemble e = ensembleOf(*run, 256, 3);
  double one = 0.0;  // one thinned network's miss, on average over the 256
  for (double gap : e.thinnedGap) one += gap / 256;
  MESSAGE("one network " << one << "; average of 16 " << e.gap[15] << ", of 256 " << e.gap[255]);
  CHECK(one > 0.01);
  CHECK(e.gap[15] < one / 2);               // 1/4 expected
  CHECK(e.gap[255] < one / 10);             // 1/16 expected
  CHECK(std::isnan(e.averageAccuracy[0]));  // regression: no accuracy
}

TEST_CASE("the number of thinned networks is checked") {
  auto run = trainedCircles(0.5);
  for (int count : {0, kMaxThinnedNetworks + 1}) {
    auto e = run->thinnedEnsemble(count, 1, Run::kTestSplit);
    REQUIRE_FALSE(e);
    CHECK(e.error().code == ErrorCode::IntegerRange);
    CHECK(e.error().field == "count");
  }
}
