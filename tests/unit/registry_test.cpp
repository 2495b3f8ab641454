// The registries (src/core/*_registry.h): entries in enum order, unique names, formulas for the
// page, and consistency with the configuration structs' defaults.
#include <doctest/doctest.h>

#include <cstring>
#include <set>
#include <string>

#include "core/activation.h"
#include "core/init.h"
#include "core/loss.h"
#include "core/optimizer.h"
#include "spec/optimizer_json.h"

using namespace nn;

TEST_CASE("every activation entry sits at its kind's index, with a unique name, formulas and functions") {
  std::set<std::string> names;
  int index = 0;
  for (const ActivationDefinition& entry : activationRegistry()) {
    CAPTURE(entry.name);
    CHECK(static_cast<int>(entry.kind) == index++);
    CHECK(&activationDefinition(entry.kind) == &entry);
    CHECK(activationRegistry().find(entry.name) == &entry);
    CHECK(names.insert(entry.name).second);
    CHECK(std::strlen(entry.formulaTex) > 0);
    CHECK(std::strlen(entry.derivativeTex) > 0);
    CHECK(std::strlen(entry.displayName) > 0);
    CHECK((entry.forward != nullptr));
    CHECK((entry.backward != nullptr));
    if (entry.alpha) CHECK(entry.alpha->defaultValue >= entry.alpha->min);
    CHECK_FALSE((entry.alphaPerUnit && !entry.alpha));
  }
  CHECK(activationRegistry().find("nope") == nullptr);
}

TEST_CASE("every optimizer entry sits at its kind's index and reads only hyper-parameters of the table") {
  std::set<std::string> names;
  int index = 0;
  for (const OptimizerDefinition& entry : optimizerRegistry()) {
    CAPTURE(entry.name);
    CHECK(static_cast<int>(entry.kind) == index++);
    CHECK(&optimizerDefinition(entry.kind) == &entry);
    CHECK(optimizerRegistry().find(entry.name) == &entry);
    CHECK(names.insert(entry.name).second);
    CHECK(std::strlen(entry.updateTex) > 0);
    CHECK((entry.update != nullptr));
    CHECK(entry.stateBuffers >= 0);
    CHECK(entry.stateBuffers <= 2);
    CHECK(entry.squaredGradientBuffer <= entry.stateBuffers);
    for (int i = 0; i < kMaxOptimizerReads && entry.reads[i]; ++i)
      CHECK(optimizerParameters().find(entry.reads[i]) != nullptr);
  }
}

TEST_CASE("the optimizer's hyper-parameter table gives OptimizerConfig's defaults, which validate() accepts") {
  const OptimizerConfig defaults;
  const Json json = toJson(defaults);
  for (const CatalogParameter& parameter : optimizerParameters()) {
    CAPTURE(parameter.name);
    REQUIRE(json.contains(parameter.name));
    if (std::strcmp(parameter.type, "boolean") == 0)
      CHECK(json[parameter.name].get<bool>() == (parameter.defaultValue != 0));
    else CHECK(json[parameter.name].get<double>() == parameter.defaultValue);
  }
  CHECK_FALSE(validate(defaults).has_value());
}

TEST_CASE("the initializer, schedule and loss registries sit in enum order with unique names and formulas") {
  int index = 0;
  std::set<std::string> names;
  for (const InitDefinition& entry : initRegistry()) {
    CAPTURE(entry.name);
    CHECK(static_cast<int>(entry.kind) == index++);
    CHECK(initRegistry().find(entry.name) == &entry);
    CHECK(names.insert(entry.name).second);
    CHECK(std::strlen(entry.tex) > 0);
  }
  index = 0;
  for (const ScheduleDefinition& entry : scheduleRegistry()) {
    CAPTURE(entry.name);
    CHECK(static_cast<int>(entry.kind) == index++);
    CHECK(scheduleRegistry().find(entry.name) == &entry);
    CHECK(std::strlen(entry.tex) > 0);
    for (int i = 0; i < kMaxScheduleReads && entry.reads[i]; ++i)
      CHECK(scheduleParameters().find(entry.reads[i]) != nullptr);
  }
  index = 0;
  for (const LossDefinition& entry : lossRegistry()) {
    CAPTURE(entry.name);
    CHECK(static_cast<int>(entry.kind) == index++);
    CHECK(lossRegistry().find(entry.name) == &entry);
  }
}

TEST_CASE("the schedule parameter table gives ScheduleConfig's defaults") {
  const ScheduleConfig defaults;
  const Json json = toJson(OptimizerConfig{})["schedule"];
  for (const CatalogParameter& parameter : scheduleParameters()) {
    CAPTURE(parameter.name);
    REQUIRE(json.contains(parameter.name));
    CHECK(json[parameter.name].get<double>() == parameter.defaultValue);
  }
  CHECK((defaults.kind == ScheduleKind::Constant));
}
