// data.feature_scale / data.feature_offset change the inputs' units, for the preprocessing lesson.
#include <doctest/doctest.h>
#include "data/dataset.h"
#include "spec/data_json.h"
#include "test_support.h"

using namespace nn;
using namespace nn::testing;

namespace {
DataConfig configFrom(const char* json) {
  auto config = readDataConfig(Json::parse(json));
  if (!config) FAIL(config.error().describe());
  return *config;
}
}  // namespace

TEST_CASE("feature scale and offset are applied after mapping and before standardisation") {
  const Dataset plain = *makeDataset(configFrom(R"({"kind": "circles", "samples": 100})"));
  const Dataset scaled = *makeDataset(
      configFrom(R"({"kind": "circles", "samples": 100, "feature_scale": [100, 0.5], "feature_offset": [500, -1]})"));
  CHECK(scaled.train.inputs.row(0).isApprox((plain.train.inputs.row(0).array() * 100 + 500).matrix()));
  CHECK(scaled.train.inputs.row(1).isApprox((plain.train.inputs.row(1).array() * 0.5f - 1).matrix()));
  CHECK(scaled.train.raw == plain.train.raw);  // the points themselves do not move

  const Dataset standardized = *makeDataset(configFrom(
      R"({"kind": "circles", "samples": 100, "feature_scale": [100, 0.5], "feature_offset": [500, -1], "standardize": true})"));
  CHECK(std::abs(standardized.train.inputs.row(0).mean()) < 1e-3);
}

TEST_CASE("grid points are prepared exactly like the training inputs") {
  const Dataset data = *makeDataset(configFrom(
      R"({"kind": "xor", "samples": 50, "features": ["x1", "x1*x2"], "feature_scale": [10, 2], "feature_offset": [3, 0], "standardize": true})"));
  Matrix prepared;
  prepareInputs(data, data.train.raw, prepared);
  CHECK(prepared.isApprox(data.train.inputs, 1e-4f));
}

TEST_CASE("bad feature scales and offsets are rejected with the field named") {
  for (const char* bad :
       {R"({"feature_scale": [1]})", R"({"feature_scale": [1, 0]})", R"({"feature_scale": "big"})",
        R"({"feature_offset": [1, 2, 3]})", R"({"feature_offset": [1, "a"]})", R"({"feature_offset": [1, 1e9]})"}) {
    CAPTURE(bad);
    auto config = readDataConfig(Json::parse(bad));
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().field.rfind("data.feature_", 0) == 0);
  }
}
