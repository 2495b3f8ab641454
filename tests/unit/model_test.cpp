// Saved models: a round trip restores the run exactly; bad files are rejected and build nothing.
#include <doctest/doctest.h>
#include "core/model.h"
#include "test_support.h"

using namespace nn;
using namespace nn::testing;

namespace {
const char* kSpec = R"({"data": {"kind": "spiral", "classes": 3, "standardize": true},
  "layers": [{"type": "dense", "units": 6}, {"type": "batchnorm"}, {"type": "activation", "fn": "prelu"},
             {"type": "dense", "units": 3}],
  "optimizer": {"kind": "adam", "learning_rate": 0.02}})";

std::string importError(Json model) {
  auto imported = importModel(model);
  return imported ? "(accepted)" : imported.error().describe();
}
}  // namespace

TEST_CASE("an exported model imports to the same predictions, parameters and running statistics") {
  auto trainer = trainerFrom(kSpec);
  trainer->step(200);
  const Metrics before = trainer->metrics();
  const Json model = exportModel(*trainer);
  CHECK(model["format"] == "nnsandbox-model");
  CHECK(model["trained_steps"] == 200);
  auto imported = importModel(Json::parse(model.dump()));
  REQUIRE(imported.ok());
  CHECK((*imported)->stepCount() == 200);  // the run continues where it was saved
  const Metrics after = (*imported)->metrics();
  CHECK(after.test.loss == doctest::Approx(before.test.loss).epsilon(1e-6));
  CHECK(after.train.accuracy == before.train.accuracy);
  CHECK(exportModel(**imported)["parameters"] == model["parameters"]);
  CHECK(exportModel(**imported)["state"] == model["state"]);
}

TEST_CASE("a bad model file is rejected with a message naming the problem") {
  auto trainer = trainerFrom(kSpec);
  const Json good = exportModel(*trainer);
  CHECK(importModelText("{not json").error().message.find("not valid JSON") != std::string::npos);
  CHECK(importError(Json::array()).find("JSON object") != std::string::npos);
  Json model = good;
  model["format"] = "keras";
  CHECK(importError(model).rfind("format:", 0) == 0);
  model = good;
  model["version"] = 2;
  CHECK(importError(model).rfind("version:", 0) == 0);
  model = good;
  model["spec"]["layers"][0]["units"] = -3;
  CHECK(importError(model).rfind("spec.layers[0].units:", 0) == 0);
  model = good;
  model["parameters"][0]["rows"] = 7;
  CHECK(importError(model).find("wrong shape") != std::string::npos);
  model = good;
  model["parameters"][0]["values"][3] = "NaN";
  CHECK(importError(model).find("not a finite number") != std::string::npos);
  model = good;
  model["parameters"].erase(1);
  CHECK(importError(model).find("missing") != std::string::npos);
  model = good;
  model["state"] = 5;
  CHECK(importError(model).rfind("state:", 0) == 0);
}
