// Histogram binning never leaves its bins: NaN and +-inf are counted apart, and spans too narrow
// or too wide for float arithmetic are binned correctly (they used to give NaN bin indices: a
// segfault natively, values piled into bin 0 in wasm).
#include <doctest/doctest.h>
#include <cmath>
#include <limits>
#include <numeric>
#include "core/stats.h"
#include "test_support.h"

using namespace nn;
using nn::testing::rejection;
using nn::testing::runFrom;

namespace {

Matrix row(std::initializer_list<Scalar> values) {
  Matrix m(1, static_cast<Eigen::Index>(values.size()));
  Eigen::Index i = 0;
  for (Scalar v : values) m(0, i++) = v;
  return m;
}

StatsConfig autoRange(int bins) {
  StatsConfig config;
  config.histogramBins = bins;
  return config;
}

StatsConfig fixedRange(int bins, double low, double high) {
  StatsConfig config = autoRange(bins);
  config.autoRange = false;
  config.rangeLow = low;
  config.rangeHigh = high;
  return config;
}

float binned(const Histogram& histogram) { return std::accumulate(histogram.counts.begin(), histogram.counts.end(), 0.0f); }

constexpr Scalar kInf = std::numeric_limits<Scalar>::infinity();
const Scalar kNaN = std::numeric_limits<Scalar>::quiet_NaN();

}  // namespace

TEST_CASE("an automatic range spans the finite values; NaN and +-inf are counted in no bin") {
  const Histogram h = makeHistogram(row({-1, kInf, 0, kNaN, 1, -kInf, 0.5f}), autoRange(4));
  CHECK(h.low == -1.0);
  CHECK(h.high == 1.0);
  CHECK(h.nonFinite == 3.0f);
  CHECK(h.counts == std::vector<float>{1, 0, 1, 2});
}

TEST_CASE("a fixed range clamps finite values into the end bins but still leaves +-inf out") {
  const Histogram h = makeHistogram(row({-5, kInf, 0.1f, 5, -kInf}), fixedRange(2, 0, 1));
  CHECK(h.nonFinite == 2.0f);
  CHECK(h.counts == std::vector<float>{2, 1});
}

TEST_CASE("a layer with no finite value gets an empty histogram with a finite range") {
  const Histogram h = makeHistogram(row({kNaN, kInf, -kInf}), autoRange(5));
  CHECK(h.nonFinite == 3.0f);
  CHECK(binned(h) == 0.0f);
  CHECK(std::isfinite(h.low));
  CHECK(h.high > h.low);
}

TEST_CASE("values spanning less than float can scale (1e-40) still land in their own bins") {
  const Scalar tiny = static_cast<Scalar>(1e-40);  // a float denormal
  const Histogram h = makeHistogram(row({0, tiny, 0, tiny, tiny}), autoRange(10));
  CHECK(h.nonFinite == 0.0f);
  CHECK(h.counts.front() == 2.0f);
  CHECK(h.counts.back() == 3.0f);
  const Histogram fixed = makeHistogram(row({0, tiny, 1}), fixedRange(10, 0, 1e-40));
  CHECK(binned(fixed) == 3.0f);
  CHECK(fixed.counts.front() == 1.0f);
  CHECK(fixed.counts.back() == 2.0f);
}

TEST_CASE("equal values, however large, give a finite range around them and one full bin") {
  for (Scalar value : {Scalar(0), Scalar(3), std::numeric_limits<Scalar>::max(), -std::numeric_limits<Scalar>::max()}) {
    CAPTURE(value);
    const Histogram h = makeHistogram(row({value, value, value}), autoRange(3));
    CHECK(std::isfinite(static_cast<Scalar>(h.low)));
    CHECK(std::isfinite(static_cast<Scalar>(h.high)));
    CHECK(h.high > h.low);
    CHECK(binned(h) == 3.0f);
  }
}

TEST_CASE("values spanning the whole float range are binned without overflow") {
  const Scalar big = std::numeric_limits<Scalar>::max();
  const Histogram h = makeHistogram(row({-big, 0, big}), autoRange(3));
  CHECK(h.counts == std::vector<float>{1, 1, 1});
}

TEST_CASE("validation rejects histogram ranges float cannot bin, with a message") {
  const auto withRange = [](const char* range) {
    return std::string(R"({"layers": [{"type": "dense", "units": 2}], "stats": {"histogram_range": )") + range + "}}";
  };
  const std::string narrow = rejection(withRange("[0, 1e-40]"));
  CHECK(narrow.find("stats.histogram_range") != std::string::npos);
  CHECK(narrow.find("too narrow") != std::string::npos);
  const std::string large = rejection(withRange("[-1e31, 0]"));
  CHECK(large.find("stats.histogram_range") != std::string::npos);
  CHECK(large.find("too large") != std::string::npos);
  CHECK(rejection(withRange("[-1e30, 1e30]")) == "(accepted)");
  CHECK(rejection(withRange("[0, 1e-30]")) == "(accepted)");
}

TEST_CASE("statistics after a divergence keep finite histogram ranges") {
  auto run = runFrom(R"({"data": {"kind": "plane", "noise": 0},
    "layers": [{"type": "dense", "units": 8, "weight_init": {"kind": "normal", "std": 3}},
               {"type": "activation", "fn": "relu"}, {"type": "dense", "units": 1}],
    "optimizer": {"learning_rate": 10}})");
  run->step(1000);
  REQUIRE(run->divergence());
  for (const LayerStats& layer : run->stats()) {
    for (const Histogram* h : {&layer.output.histogram, &layer.input.histogram}) {
      CHECK(std::isfinite(h->low));
      CHECK(h->high > h->low);
    }
  }
}

TEST_CASE("an infinite weight shows as non-finite values in the weight and output histograms") {
  auto run = runFrom(R"({"data": {"kind": "circles", "samples": 40},
    "layers": [{"type": "dense", "units": 4}, {"type": "activation", "fn": "tanh"}, {"type": "dense", "units": 2}]})");
  run->step(1);
  Parameter& weights = run->network().parameters().front();
  REQUIRE(weights.name == "W");
  (*weights.value)(0, 0) = kInf;
  run->parametersChanged();
  const auto& stats = run->stats();
  REQUIRE(stats.size() == 3);
  CHECK(stats[0].weights.nonFinite == 1.0f);
  CHECK(binned(stats[0].weights) == static_cast<float>(weights.value->size() - 1));
  CHECK(stats[0].output.histogram.nonFinite > 0);
  CHECK(std::isfinite(stats[0].output.histogram.low));
}
