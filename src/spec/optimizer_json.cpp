// The "optimizer" section of a spec <-> OptimizerConfig.
//
// The reader checks only types (through JsonObjectReader, which never throws);
// every range is checked once, by validate() in src/core/optimizer.cpp, so the CLI, the
// page and the spec file all get the same limits and the same messages.
#include <limits>

#include "spec/optimizer_json.h"

namespace nn {

namespace {

constexpr double kAnyNumber = std::numeric_limits<double>::max();
constexpr int kAnyInt = std::numeric_limits<int>::max();

// "kind" through the enum's own parser, so the list of names lives in one place.
template <typename Kind>
void readKind(JsonObjectReader& reader, Expected<Kind> (*parse)(const std::string&), Kind& kind) {
  if (!reader.has("kind")) return;
  const std::string name = reader.string("kind", "");  // records an error itself if it is not a string
  if (!reader.child("kind")->is_string()) return;
  auto parsed = parse(name);
  if (parsed) kind = *parsed;
  else reader.fail("kind", parsed.error());
}

// All schedule keys are accepted whatever the kind, so the page can switch the
// kind back and forth without losing the other kinds' settings.
void readSchedule(JsonObjectReader& reader, ScheduleConfig& schedule) {
  readKind(reader, parseScheduleKind, schedule.kind);
  schedule.stepSize = reader.integer("step_size", schedule.stepSize, -kAnyInt, kAnyInt);
  schedule.gamma = reader.number("gamma", schedule.gamma, -kAnyNumber, kAnyNumber);
  schedule.decaySteps = reader.integer("decay_steps", schedule.decaySteps, -kAnyInt, kAnyInt);
  schedule.totalSteps = reader.integer("total_steps", schedule.totalSteps, -kAnyInt, kAnyInt);
  schedule.minLearningRate = reader.number("min_learning_rate", schedule.minLearningRate, -kAnyNumber, kAnyNumber);
}

}  // namespace

Expected<OptimizerConfig> readOptimizerConfig(const Json& section, const std::string& path) {
  return readOptimizerConfig(section, OptimizerConfig{}, path);
}

Expected<OptimizerConfig> readOptimizerConfig(const Json& section, const OptimizerConfig& base, const std::string& path) {
  std::vector<Error> errors;
  JsonObjectReader reader(section, path, errors);
  OptimizerConfig config = base;

  readKind(reader, parseOptimizerKind, config.kind);
  // A kind's default weight decay comes with it (AdamW: 0.01) unless the section says otherwise.
  if (config.kind != base.kind) config.weightDecay = defaultWeightDecay(config.kind);

  config.learningRate = reader.number("learning_rate", config.learningRate, -kAnyNumber, kAnyNumber);
  config.momentum = reader.number("momentum", config.momentum, -kAnyNumber, kAnyNumber);
  config.rho = reader.number("rho", config.rho, -kAnyNumber, kAnyNumber);
  config.beta1 = reader.number("beta1", config.beta1, -kAnyNumber, kAnyNumber);
  config.beta2 = reader.number("beta2", config.beta2, -kAnyNumber, kAnyNumber);
  config.epsilon = reader.number("epsilon", config.epsilon, -kAnyNumber, kAnyNumber);
  config.biasCorrection = reader.boolean("bias_correction", config.biasCorrection);
  config.l1 = reader.number("l1", config.l1, -kAnyNumber, kAnyNumber);
  config.l2 = reader.number("l2", config.l2, -kAnyNumber, kAnyNumber);
  config.weightDecay = reader.number("weight_decay", config.weightDecay, -kAnyNumber, kAnyNumber);
  config.clipNorm = reader.number("clip_norm", config.clipNorm, -kAnyNumber, kAnyNumber);
  if (const Json* schedule = reader.child("schedule")) {
    JsonObjectReader scheduleReader(*schedule, reader.pathOf("schedule"), errors);
    readSchedule(scheduleReader, config.schedule);
    scheduleReader.rejectUnknownKeys();
  }
  reader.rejectUnknownKeys();

  if (Status error = firstError(errors)) return *error;
  if (Status error = validate(config, path)) return *error;
  return config;
}

Json toJson(const OptimizerConfig& config) {
  const ScheduleConfig& s = config.schedule;
  return Json{
      {"kind", toString(config.kind)},
      {"learning_rate", config.learningRate},
      {"momentum", config.momentum},
      {"rho", config.rho},
      {"beta1", config.beta1},
      {"beta2", config.beta2},
      {"epsilon", config.epsilon},
      {"bias_correction", config.biasCorrection},
      {"l1", config.l1},
      {"l2", config.l2},
      {"weight_decay", config.weightDecay},
      {"clip_norm", config.clipNorm},
      {"schedule",
       {{"kind", toString(s.kind)},
        {"step_size", s.stepSize},
        {"gamma", s.gamma},
        {"decay_steps", s.decaySteps},
        {"total_steps", s.totalSteps},
        {"min_learning_rate", s.minLearningRate}}},
  };
}

}  // namespace nn
