// Saved models: a round trip restores the run exactly; bad files are rejected and build nothing.
#include <doctest/doctest.h>
#include <algorithm>
#include "spec/model_file.h"
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
  auto run = runFrom(kSpec);
  run->step(200);
  const Metrics before = run->metrics();
  const Json model = exportModel(*run);
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
  auto run = runFrom(kSpec);
  const Json good = exportModel(*run);
  CHECK(importModelText("{not json").error().message.find("not valid JSON") != std::string::npos);
  CHECK(importError(Json::array()).find("JSON object") != std::string::npos);
  Json model = good;
  model["format"] = "keras";
  CHECK(importError(model).rfind("format:", 0) == 0);
  model = good;
  model["version"] = 3;
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

namespace {
// BatchNorm and dropout (whose masks come from the network's own generator), batches of 8 from
// 42 training examples: the break falls mid-epoch and a reshuffle comes after it.
std::string resumeSpec(const std::string& optimizer, const std::string& schedule) {
  const std::string lr = optimizer == "sgd" || optimizer == "adagrad" ? "0.1" : "0.01";
  return R"({"data": {"kind": "spiral", "samples": 60, "classes": 3, "seed": 3, "standardize": true},
    "layers": [{"type": "dense", "units": 8}, {"type": "batchnorm"}, {"type": "activation", "fn": "relu"},
               {"type": "dropout", "rate": 0.3}, {"type": "dense", "units": 3}],
    "training": {"batch_size": 8, "seed": 5},
    "optimizer": {"kind": ")" +
         optimizer + R"(", "learning_rate": )" + lr + R"(, "l2": 0.001, "schedule": )" + schedule + "}}";
}
}  // namespace

// Before model format 2 a loaded run restarted the schedule, the optimizer state and the batch
// order: 5e-2 (cosine) to 3.5e-1 (Adam) away from the uninterrupted run (issue 7, item 2).
TEST_CASE("train N steps, save, load, train M more is bit-identical to N + M steps, for every optimizer and schedule") {
  for (const char* optimizer : {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"}) {
    for (const char* schedule : {R"({"kind": "constant"})", R"({"kind": "step", "step_size": 7, "gamma": 0.5})",
                                 R"({"kind": "exponential", "gamma": 0.5, "decay_steps": 10})",
                                 R"({"kind": "cosine", "total_steps": 30, "min_learning_rate": 0.001})"}) {
      CAPTURE(optimizer);
      CAPTURE(schedule);
      const std::string spec = resumeSpec(optimizer, schedule);
      auto straight = runFrom(spec);
      straight->step(30);
      auto first = runFrom(spec);
      first->step(13);
      auto loaded = importModel(Json::parse(exportModel(*first).dump()));
      REQUIRE(loaded.ok());
      CHECK((*loaded)->optimizer().currentLearningRate() == first->optimizer().currentLearningRate());
      (*loaded)->step(17);
      double largest = 0.0;
      auto& a = (*loaded)->network().parameters();
      auto& b = straight->network().parameters();
      for (size_t p = 0; p < a.size(); ++p)
        largest = std::max(largest, static_cast<double>((*a[p].value - *b[p].value).cwiseAbs().maxCoeff()));
      CHECK(largest == 0.0);
      CHECK(exportModel(**loaded) == exportModel(*straight));
    }
  }
}

TEST_CASE("a version-1 file (no training state) loads with its optimizer state fresh and its schedule where it was") {
  const std::string spec = resumeSpec("adam", R"({"kind": "cosine", "total_steps": 30})");
  auto saved = runFrom(spec);
  saved->step(13);
  Json model = exportModel(*saved);
  model["version"] = 1;
  model.erase("resume");
  ModelResume resume = ModelResume::Exact;
  auto loaded = importModel(model, &resume);
  REQUIRE(loaded.ok());
  CHECK(resume == ModelResume::FreshOptimizerState);
  CHECK((*loaded)->stepCount() == 13);
  CHECK((*loaded)->optimizer().currentLearningRate() == saved->optimizer().currentLearningRate());
  CHECK((*loaded)->step(3) == 3);
  auto exact = importModel(exportModel(*saved), &resume);
  REQUIRE(exact.ok());
  CHECK(resume == ModelResume::Exact);
}

TEST_CASE("a version-2 file with a broken training state is rejected, naming the field") {
  auto run = runFrom(resumeSpec("momentum", R"({"kind": "constant"})"));
  run->step(5);
  const Json good = exportModel(*run);
  Json model = good;
  model.erase("resume");
  CHECK(importError(model).rfind("resume:", 0) == 0);
  model = good;
  model["resume"]["batch_order"]["order"][0] = model["resume"]["batch_order"]["order"][1];
  CHECK(importError(model).rfind("resume.batch_order.order:", 0) == 0);
  model = good;
  model["resume"]["batch_order"]["position"] = 1000;
  CHECK(importError(model).rfind("resume.batch_order.position:", 0) == 0);
  model = good;
  model["resume"]["dropout_rng"]["words"] = {0, 0, 0, 0};
  CHECK(importError(model).rfind("resume.dropout_rng:", 0) == 0);
  model = good;
  model["resume"]["optimizer"]["first"][0]["values"][0] = "x";
  CHECK(importError(model).find("resume.optimizer.first") != std::string::npos);
  model = good;
  model["resume"]["optimizer"]["rule_start"] = 6;  // after the 5 steps taken
  CHECK(importError(model).rfind("resume.optimizer.rule_start:", 0) == 0);
}
