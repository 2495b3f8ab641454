// Reading and writing the "optimizer" section of a spec.
#include <doctest/doctest.h>

#include "core/optimizer.h"
#include "spec/optimizer_json.h"
#include "spec_test_helpers.h"

using namespace nn;

namespace {

Json parse(const char* text) { return nn::testing::parseForTest(text); }

Error errorOf(const char* text) {
  return nn::testing::readingError([](const Json& section) { return readOptimizerConfig(section); }, text);
}

}  // namespace

TEST_CASE("an empty optimizer section gives the documented defaults") {
  auto config = readOptimizerConfig(parse("{}"));
  REQUIRE(config.ok());
  CHECK((config->kind == OptimizerKind::Sgd));
  CHECK(config->learningRate == 0.01);
  CHECK(config->momentum == 0.9);
  CHECK(config->rho == 0.9);
  CHECK(config->beta1 == 0.9);
  CHECK(config->beta2 == 0.999);
  CHECK(config->epsilon == 1e-8);
  CHECK(config->biasCorrection);
  CHECK(config->l1 == 0);
  CHECK(config->l2 == 0);
  CHECK(config->weightDecay == 0);
  CHECK(config->clipNorm == 0);
  CHECK((config->schedule.kind == ScheduleKind::Constant));
}

TEST_CASE("every key of the spec example is read") {
  auto config = readOptimizerConfig(parse(R"({
    "kind": "adam", "learning_rate": 0.02, "beta1": 0.8, "beta2": 0.99, "epsilon": 1e-7,
    "bias_correction": false, "l1": 0.001, "l2": 0.002, "weight_decay": 0.003, "clip_norm": 5,
    "momentum": 0.5, "rho": 0.95,
    "schedule": { "kind": "cosine", "total_steps": 2000, "min_learning_rate": 0.0001,
                  "step_size": 7, "gamma": 0.25, "decay_steps": 9 } })"));
  REQUIRE(config.ok());
  CHECK((config->kind == OptimizerKind::Adam));
  CHECK(config->learningRate == 0.02);
  CHECK(config->beta1 == 0.8);
  CHECK(config->beta2 == 0.99);
  CHECK(config->epsilon == 1e-7);
  CHECK_FALSE(config->biasCorrection);
  CHECK(config->l1 == 0.001);
  CHECK(config->l2 == 0.002);
  CHECK(config->weightDecay == 0.003);
  CHECK(config->clipNorm == 5);
  CHECK(config->momentum == 0.5);
  CHECK(config->rho == 0.95);
  CHECK((config->schedule.kind == ScheduleKind::Cosine));
  CHECK(config->schedule.totalSteps == 2000);
  CHECK(config->schedule.minLearningRate == 0.0001);
  CHECK(config->schedule.stepSize == 7);
  CHECK(config->schedule.gamma == 0.25);
  CHECK(config->schedule.decaySteps == 9);

  SUBCASE("toJson writes it back so that reading it again gives the same config") {
    auto again = readOptimizerConfig(toJson(*config));
    REQUIRE(again.ok());
    CHECK(toJson(*again) == toJson(*config));
    CHECK(toJson(*config)["schedule"]["total_steps"] == 2000);
    CHECK(toJson(*config)["kind"] == "adam");
  }
}

TEST_CASE("AdamW's weight decay defaults to 0.01 unless the spec gives one") {
  auto plain = readOptimizerConfig(parse(R"({"kind": "adamw"})"));
  REQUIRE(plain.ok());
  CHECK(plain->weightDecay == 0.01);
  auto given = readOptimizerConfig(parse(R"({"kind": "adamw", "weight_decay": 0})"));
  REQUIRE(given.ok());
  CHECK(given->weightDecay == 0);
  auto adam = readOptimizerConfig(parse(R"({"kind": "adam"})"));
  REQUIRE(adam.ok());
  CHECK(adam->weightDecay == 0);
}

TEST_CASE("a partial section changes only the keys it names, starting from a running config") {
  OptimizerConfig base;
  base.kind = OptimizerKind::Adam;
  base.learningRate = 0.003;
  base.beta1 = 0.8;
  base.schedule.kind = ScheduleKind::Step;
  base.schedule.stepSize = 50;

  auto changed = readOptimizerConfig(parse(R"({"learning_rate": 0.001, "schedule": {"gamma": 0.9}})"), base);
  REQUIRE(changed.ok());
  CHECK(changed->learningRate == 0.001);
  CHECK((changed->kind == OptimizerKind::Adam));
  CHECK(changed->beta1 == 0.8);
  CHECK((changed->schedule.kind == ScheduleKind::Step));
  CHECK(changed->schedule.stepSize == 50);
  CHECK(changed->schedule.gamma == 0.9);

  SUBCASE("changing the kind to AdamW brings AdamW's default weight decay") {
    auto adamw = readOptimizerConfig(parse(R"({"kind": "adamw"})"), base);
    REQUIRE(adamw.ok());
    CHECK(adamw->weightDecay == 0.01);
    CHECK(adamw->beta1 == 0.8);
  }
  SUBCASE("a bad value is still rejected and names the field") {
    auto bad = readOptimizerConfig(parse(R"({"beta1": 1})"), base);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().field == "optimizer.beta1");
  }
}

TEST_CASE("invalid optimizer settings are rejected with an error naming the field") {
  SUBCASE("learning_rate 0") { CHECK(errorOf(R"({"learning_rate": 0})").field == "optimizer.learning_rate"); }
  SUBCASE("a negative learning_rate") { CHECK(errorOf(R"({"learning_rate": -1})").field == "optimizer.learning_rate"); }
  SUBCASE("learning_rate above 10") {
    const Error error = errorOf(R"({"learning_rate": 11})");
    CHECK(error.field == "optimizer.learning_rate");
    CHECK(error.describe().find("at most 10") != std::string::npos);
    CHECK(error.describe().find("11") != std::string::npos);
  }
  SUBCASE("learning_rate given as a string") {
    const Error error = errorOf(R"({"learning_rate": "fast"})");
    CHECK(error.field == "optimizer.learning_rate");
    CHECK(error.message.find("number") != std::string::npos);
  }
  SUBCASE("an unknown key") {
    const Error error = errorOf(R"({"learning_rat": 0.1})");
    CHECK(error.field == "optimizer.learning_rat");
    CHECK(error.message.find("unknown") != std::string::npos);
  }
  SUBCASE("an unknown kind") {
    const Error error = errorOf(R"({"kind": "lbfgs"})");
    CHECK(error.field == "optimizer.kind");
    CHECK(error.message.find("lbfgs") != std::string::npos);
    CHECK(error.message.find("rmsprop") != std::string::npos);
  }
  SUBCASE("momentum of 1") { CHECK(errorOf(R"({"momentum": 1})").field == "optimizer.momentum"); }
  SUBCASE("rho below 0") { CHECK(errorOf(R"({"rho": -0.1})").field == "optimizer.rho"); }
  SUBCASE("beta2 of 1") { CHECK(errorOf(R"({"beta2": 1})").field == "optimizer.beta2"); }
  SUBCASE("epsilon of 0") { CHECK(errorOf(R"({"epsilon": 0})").field == "optimizer.epsilon"); }
  SUBCASE("a negative l2") { CHECK(errorOf(R"({"l2": -0.5})").field == "optimizer.l2"); }
  SUBCASE("a negative clip_norm") { CHECK(errorOf(R"({"clip_norm": -1})").field == "optimizer.clip_norm"); }
  SUBCASE("bias_correction given as a number") {
    CHECK(errorOf(R"({"bias_correction": 1})").field == "optimizer.bias_correction");
  }
  SUBCASE("an unknown schedule kind") {
    CHECK(errorOf(R"({"schedule": {"kind": "linear"}})").field == "optimizer.schedule.kind");
  }
  SUBCASE("an unknown schedule key") {
    CHECK(errorOf(R"({"schedule": {"kind": "step", "steps": 3}})").field == "optimizer.schedule.steps");
  }
  SUBCASE("a schedule step_size of 0") {
    CHECK(errorOf(R"({"schedule": {"kind": "step", "step_size": 0}})").field == "optimizer.schedule.step_size");
  }
  SUBCASE("a fractional decay_steps") {
    CHECK(errorOf(R"({"schedule": {"decay_steps": 2.5}})").field == "optimizer.schedule.decay_steps");
  }
  SUBCASE("a schedule gamma of 0") { CHECK(errorOf(R"({"schedule": {"gamma": 0}})").field == "optimizer.schedule.gamma"); }
  SUBCASE("a cosine floor above the learning rate") {
    CHECK(errorOf(R"({"learning_rate": 0.1, "schedule": {"kind": "cosine", "min_learning_rate": 0.2}})").field ==
          "optimizer.schedule.min_learning_rate");
  }
  SUBCASE("a section that is not an object") { CHECK(errorOf("[1, 2]").field == "optimizer"); }
}

TEST_CASE("the field path in errors follows the path the caller gives") {
  auto config = readOptimizerConfig(parse(R"({"learning_rate": 0})"), "runs[3].optimizer");
  REQUIRE_FALSE(config.ok());
  CHECK(config.error().field == "runs[3].optimizer.learning_rate");
}

TEST_CASE("validate accepts the defaults of every kind") {
  for (const char* kind : {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"}) {
    CAPTURE(kind);
    Json section{{"kind", kind}};
    auto config = readOptimizerConfig(section);
    REQUIRE(config.ok());
    CHECK_FALSE(validate(*config).has_value());
  }
}
