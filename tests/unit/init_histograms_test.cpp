// The "init-histograms" experiment reproduces the textbook's observations.
#include "lab/init_histograms.h"
#include <doctest/doctest.h>
#include "spec/experiment_json.h"

using namespace nn;

namespace {
std::vector<InitHistogramsLayer> run(ActivationKind activation, InitConfig init, double low, double high) {
  InitHistogramsConfig config;
  config.activation = activation;
  config.weightInit = init;
  config.low = low;
  config.high = high;
  auto result = runInitHistograms(config);
  REQUIRE(result.ok());
  REQUIRE(result->size() == 5);
  return *result;
}
InitConfig normal(double std) {
  InitConfig init{InitKind::Normal};
  init.std = std;
  return init;
}
}  // namespace

TEST_CASE("sigmoid with N(0, 1) weights piles activations up at 0 and 1") {
  auto layers = run(ActivationKind::Sigmoid, normal(1.0), 0, 1);
  for (const auto& layer : layers) CHECK(layer.saturatedFraction > 0.3);
  // the end bins hold far more than the middle ones
  const auto& counts = layers[4].activations.histogram.counts;
  CHECK(counts.front() + counts.back() > 10 * counts[counts.size() / 2]);
}

TEST_CASE("sigmoid with N(0, 0.01) weights squeezes every activation near 0.5") {
  auto layers = run(ActivationKind::Sigmoid, normal(0.01), 0, 1);
  for (const auto& layer : layers) {
    CHECK(layer.activations.mean == doctest::Approx(0.5).epsilon(0.02));
    CHECK(layer.activations.std < 0.03);
  }
}

TEST_CASE("sigmoid with Xavier weights keeps activations spread and unsaturated") {
  auto layers = run(ActivationKind::Sigmoid, InitConfig{InitKind::XavierNormal}, 0, 1);
  for (const auto& layer : layers) {
    CHECK(layer.activations.std > 0.1);
    CHECK(layer.saturatedFraction < 0.05);
  }
}

TEST_CASE("ReLU activations shrink with depth under Xavier and stay even under He") {
  auto xavier = run(ActivationKind::Relu, InitConfig{InitKind::XavierNormal}, 0, 5);
  auto he = run(ActivationKind::Relu, InitConfig{InitKind::HeNormal}, 0, 5);
  CHECK(xavier[4].activations.std < 0.4 * xavier[0].activations.std);
  CHECK(he[4].activations.std == doctest::Approx(he[0].activations.std).epsilon(0.35));
  auto tiny = run(ActivationKind::Relu, normal(0.01), 0, 1);
  CHECK(tiny[4].activations.max < 1e-4);
}

TEST_CASE("bad experiment settings are rejected") {
  CHECK_FALSE(readInitHistogramsConfig(Json::parse(R"({"layers": 0})")).ok());
  CHECK_FALSE(readInitHistogramsConfig(Json::parse(R"({"activation": "step"})")).ok());
  CHECK_FALSE(readInitHistogramsConfig(Json::parse(R"({"low": 1, "high": 0})")).ok());
  CHECK(readInitHistogramsConfig(Json::parse(R"({"activation": "tanh", "weight_init": {"kind": "xavier_normal"}})")).ok());
}
