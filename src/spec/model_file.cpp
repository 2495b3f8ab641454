#include "spec/model_file.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "spec/run_spec_json.h"

namespace nn {

namespace {

constexpr const char* kFormat = "nnsandbox-model";
constexpr int kVersion = 2;  // 2 added "resume"; version 1 files still load
// trained_steps above this could not be counted on (examples seen = steps x batch must fit in 64 bits).
constexpr long long kMaxTrainedSteps = 1000000000000000LL;  // 1e15

Json tensorToJson(int layer, const std::string& name, const Matrix& value) {
  Json values = Json::array();
  for (Eigen::Index i = 0; i < value.size(); ++i) values.push_back(static_cast<double>(value(i)));  // column-major
  return {{"layer", layer}, {"name", name}, {"rows", value.rows()}, {"cols", value.cols()}, {"values", values}};
}

// Finds and checks one tensor entry of `list`, then copies it into `target`.
Status loadTensor(const Json& list, const char* listName, int layer, const std::string& name, Matrix& target) {
  const std::string where = std::string(listName) + " (layer " + std::to_string(layer) + ", " + name + ")";
  for (const Json& entry : list) {
    if (!entry.is_object() || !entry.contains("layer") || !entry.contains("name")) continue;
    if (!entry["layer"].is_number_integer() || !entry["name"].is_string()) continue;
    if (entry["layer"].get<long long>() != layer || entry["name"].get<std::string>() != name) continue;
    const Json* values = entry.contains("values") ? &entry["values"] : nullptr;
    const bool shapeGiven = entry.contains("rows") && entry.contains("cols") && entry["rows"].is_number_integer() &&
                            entry["cols"].is_number_integer();
    if (!shapeGiven || entry["rows"].get<long long>() != target.rows() || entry["cols"].get<long long>() != target.cols())
      return Error{where,
                   "has the wrong shape: the spec needs " + std::to_string(target.rows()) + " x " +
                       std::to_string(target.cols()),
                   ErrorCode::Shape,
                   {{"rows", target.rows()}, {"cols", target.cols()}}};
    if (!values || !values->is_array() || static_cast<Eigen::Index>(values->size()) != target.size())
      return Error{where,
                   "must hold " + std::to_string(target.size()) + " numbers",
                   ErrorCode::Count,
                   {{"expected", target.size()}, {"got", values && values->is_array() ? values->size() : 0}}};
    for (Eigen::Index i = 0; i < target.size(); ++i) {
      const Json& value = (*values)[static_cast<size_t>(i)];
      // Finite as a double is not enough: 3.5e38 becomes +inf as a float.
      if (!value.is_number() || !std::isfinite(static_cast<Scalar>(value.get<double>())))
        return Error{where,
                     "value " + std::to_string(i) + " is not a finite number" +
                         (value.is_number() ? " in single precision (at most about 3.4e38)" : ""),
                     ErrorCode::NotFinite,
                     {{"index", i}}};
    }
    for (Eigen::Index i = 0; i < target.size(); ++i)
      target(i) = static_cast<Scalar>((*values)[static_cast<size_t>(i)].get<double>());
    return std::nullopt;
  }
  return Error{where, "is missing from the model file", ErrorCode::Missing, {}};
}

Json rngToJson(const RngState& state) {
  return {{"words", state.words}, {"spare_normal", state.hasSpareNormal ? Json(state.spareNormal) : Json(nullptr)}};
}

Expected<RngState> rngFromJson(const Json* json, const std::string& where) {
  const char* wanted =
      "must be {\"words\": four whole numbers from 0 to 4294967295, not all 0, \"spare_normal\": null or a number}";
  if (!json || !json->is_object() || !json->contains("words") || !(*json)["words"].is_array() ||
      (*json)["words"].size() != 4)
    return Error{where, wanted, ErrorCode::ResumeState, {}};
  RngState state;
  bool allZero = true;
  for (size_t i = 0; i < 4; ++i) {
    const Json& word = (*json)["words"][i];
    if (!word.is_number_integer() || word.get<long long>() < 0 || word.get<long long>() > 0xFFFFFFFFLL)
      return Error{where, wanted, ErrorCode::ResumeState, {}};
    state.words[i] = static_cast<uint32_t>(word.get<long long>());
    allZero = allZero && state.words[i] == 0;
  }
  if (allZero) return Error{where, wanted, ErrorCode::ResumeState, {}};
  const Json spare = json->contains("spare_normal") ? (*json)["spare_normal"] : Json(nullptr);
  if (!spare.is_null() && !(spare.is_number() && std::isfinite(spare.get<double>())))
    return Error{where, wanted, ErrorCode::ResumeState, {}};
  state.hasSpareNormal = !spare.is_null();
  state.spareNormal = state.hasSpareNormal ? spare.get<double>() : 0.0;
  return state;
}

// The optimizer's buffers as tensor lists named like the parameters they belong to.
Json optimizerStateToJson(Run& run) {
  Optimizer& optimizer = run.optimizer();
  auto& parameters = run.network().parameters();
  auto& layerOf = run.network().parameterLayer();
  Json buffers[2] = {Json::array(), Json::array()};
  const std::vector<Matrix>* state[2] = {&optimizer.firstState(), &optimizer.secondState()};
  for (int k = 0; k < 2; ++k)
    for (size_t i = 0; i < state[k]->size(); ++i)
      buffers[k].push_back(tensorToJson(layerOf[i], parameters[i].name, (*state[k])[i]));
  return {{"steps", optimizer.stepCount()},
          {"rule_start", optimizer.ruleStart()},
          {"first", buffers[0]},
          {"second", buffers[1]}};
}

Json resumeToJson(Run& run) {
  const BatchOrder batches = run.batchOrder();
  return {{"optimizer", optimizerStateToJson(run)},
          {"batch_order",
           {{"rng", rngToJson(batches.rng)},
            {"order", batches.order},
            {"position", batches.position},
            {"examples_seen", batches.examplesSeen}}},
          {"dropout_rng", rngToJson(run.network().dropoutRng().state())},
          {"batch_loss", run.lastBatchLoss()}};
}

Status restoreOptimizerState(const Json* json, Run& run) {
  const std::string where = "resume.optimizer";
  std::vector<Error> errors;
  if (!json) return Error{where, "is missing from the model file", ErrorCode::Missing, {}};
  JsonObjectReader reader(*json, where, errors);
  const long long maxSteps = kMaxTrainedSteps;
  for (const char* key : {"steps", "rule_start"})
    if (!reader.has(key)) reader.fail(key, "is missing from the model file", ErrorCode::Missing);
  const long long steps = reader.integer64("steps", 0, 0, maxSteps);
  const long long ruleStart = reader.integer64("rule_start", 0, 0, steps);
  const Json* lists[2] = {reader.child("first"), reader.child("second")};
  if (Status error = firstError(errors)) return error;
  Optimizer& optimizer = run.optimizer();
  auto& parameters = run.network().parameters();
  auto& layerOf = run.network().parameterLayer();
  std::vector<Matrix>* state[2] = {&optimizer.firstState(), &optimizer.secondState()};
  const char* names[2] = {"resume.optimizer.first", "resume.optimizer.second"};
  for (int k = 0; k < 2; ++k) {
    if (state[k]->empty()) continue;  // this kind has no such buffer
    if (!lists[k] || !lists[k]->is_array())
      return Error{names[k], "must be an array of tensors", ErrorCode::ResumeState, {}};
    for (size_t i = 0; i < state[k]->size(); ++i)
      if (Status error = loadTensor(*lists[k], names[k], layerOf[i], parameters[i].name, (*state[k])[i])) return error;
  }
  optimizer.restoreSteps(steps, ruleStart);
  return std::nullopt;
}

Status restoreBatchOrder(const Json* json, Run& run) {
  const std::string where = "resume.batch_order";
  if (!json) return Error{where, "is missing from the model file", ErrorCode::Missing, {}};
  std::vector<Error> errors;
  JsonObjectReader reader(*json, where, errors);
  BatchOrder batches;
  auto rng = rngFromJson(reader.child("rng"), where + ".rng");
  if (!rng) return rng.error();
  batches.rng = *rng;
  const Json* order = reader.child("order");
  if (!order || !order->is_array())
    return Error{where + ".order", "must be an array of example indices", ErrorCode::ResumeState, {}};
  for (const Json& index : *order) {
    if (!index.is_number_integer())
      return Error{where + ".order", "must be an array of example indices", ErrorCode::ResumeState, {}};
    const long long value = index.get<long long>();
    batches.order.push_back(value < 0 || value > 1LL << 30 ? -1 : static_cast<int>(value));
  }
  batches.position = reader.integer64("position", -1, 0, 1LL << 30);
  batches.examplesSeen = reader.integer64("examples_seen", -1, 0, std::numeric_limits<long long>::max());
  for (const char* key : {"position", "examples_seen"})
    if (!reader.has(key)) reader.fail(key, "is missing from the model file", ErrorCode::Missing);
  if (Status error = firstError(errors)) return error;
  if (Status error = run.restoreBatchOrder(batches)) return error->inside(where);
  return std::nullopt;
}

// Version 2's "resume" section: everything besides the tensors that decides how training goes on.
Status restoreResume(const Json& model, Run& run) {
  if (!model.contains("resume") || !model["resume"].is_object())
    return Error{"resume",
                 "is missing from the model file (version 2 saves the training state there)",
                 ErrorCode::Missing,
                 {}};
  const Json& resume = model["resume"];
  auto child = [&](const char* key) { return resume.contains(key) ? &resume[key] : nullptr; };
  if (Status error = restoreOptimizerState(child("optimizer"), run)) return error;
  if (Status error = restoreBatchOrder(child("batch_order"), run)) return error;
  auto dropout = rngFromJson(child("dropout_rng"), "resume.dropout_rng");
  if (!dropout) return dropout.error();
  run.network().dropoutRng().restore(*dropout);
  const Json* loss = child("batch_loss");
  if (loss && loss->is_number()) run.restoreLastBatchLoss(loss->get<double>());
  return std::nullopt;
}

}  // namespace

Json exportModel(Run& run) {
  Json parameters = Json::array(), state = Json::array();
  auto& layers = run.network().layers();
  for (size_t i = 0; i < layers.size(); ++i) {
    for (const Parameter& parameter : layers[i]->parameters())
      parameters.push_back(tensorToJson(static_cast<int>(i), parameter.name, *parameter.value));
    for (const StateTensor& tensor : layers[i]->state())
      state.push_back(tensorToJson(static_cast<int>(i), tensor.name, *tensor.value));
  }
  const Dataset& data = run.dataset();
  Json mean = Json::array(), std = Json::array();
  for (Eigen::Index i = 0; i < data.featureMean.size(); ++i) {
    mean.push_back(static_cast<double>(data.featureMean(i)));
    std.push_back(static_cast<double>(data.featureStd(i)));
  }
  return {{"format", kFormat},
          {"version", kVersion},
          {"spec", toJson(run.spec())},
          {"parameters", parameters},
          {"state", state},
          {"normalization", {{"mean", mean}, {"std", std}}},
          {"trained_steps", run.stepCount()},
          {"resume", resumeToJson(run)}};
}

Expected<std::unique_ptr<Run>> importModel(const Json& model, ModelResume* resume) {
  if (!model.is_object())
    return Error{"", "a model file must be a JSON object", ErrorCode::NotObject, {{"type", jsonTypeId(model)}}};
  if (!model.contains("format") || model["format"] != kFormat)
    return Error{"format",
                 "this is not an NN Sandbox model (expected \"format\": \"nnsandbox-model\")",
                 ErrorCode::NotModel,
                 {}};
  const long long version =
      model.contains("version") && model["version"].is_number_integer() ? model["version"].get<long long>() : 0;
  if (version != 1 && version != kVersion)
    return Error{"version",
                 "unsupported model version (this sandbox reads versions 1 and 2)",
                 ErrorCode::ModelVersion,
                 {{"supported", "1, 2"}}};
  if (!model.contains("spec")) return Error{"spec", "is missing from the model file", ErrorCode::Missing, {}};
  auto spec = readRunSpec(model["spec"]);
  if (!spec) return spec.error().inside("spec");
  const Json empty = Json::array();
  const Json& parameters = model.contains("parameters") ? model["parameters"] : empty;
  const Json& state = model.contains("state") ? model["state"] : empty;
  if (!parameters.is_array())
    return Error{"parameters",
                 "must be an array",
                 ErrorCode::WrongType,
                 {{"expected", "array"}, {"type", jsonTypeId(parameters)}}};
  if (!state.is_array())
    return Error{"state", "must be an array", ErrorCode::WrongType, {{"expected", "array"}, {"type", jsonTypeId(state)}}};
  long long trainedSteps = 0;
  if (model.contains("trained_steps")) {
    const Json& steps = model["trained_steps"];
    const bool whole = steps.is_number_integer() || (steps.is_number_float() && std::isfinite(steps.get<double>()) &&
                                                     std::floor(steps.get<double>()) == steps.get<double>());
    const double value = steps.is_number() ? steps.get<double>() : 0.0;
    if (!whole || value < 0 || value > static_cast<double>(kMaxTrainedSteps))
      return Error{"trained_steps",
                   "must be a whole number between 0 and " + std::to_string(kMaxTrainedSteps),
                   ErrorCode::IntegerRange,
                   {{"min", 0}, {"max", kMaxTrainedSteps}, {"got", steps.is_number() ? steps.dump() : jsonTypeName(steps)}}};
    trainedSteps = steps.is_number_unsigned()  ? static_cast<long long>(steps.get<unsigned long long>())
                   : steps.is_number_integer() ? steps.get<long long>()
                                               : static_cast<long long>(value);
  }

  auto run = Run::create(*spec);
  if (!run) return run.error().inside("spec");
  auto& layers = (*run)->network().layers();
  for (size_t i = 0; i < layers.size(); ++i) {
    for (const Parameter& parameter : layers[i]->parameters())
      if (auto error = loadTensor(parameters, "parameters", static_cast<int>(i), parameter.name, *parameter.value))
        return *error;
    for (const StateTensor& tensor : layers[i]->state())
      if (auto error = loadTensor(state, "state", static_cast<int>(i), tensor.name, *tensor.value)) return *error;
  }
  (*run)->restoreStepCount(trainedSteps);
  if (version == kVersion) {
    if (Status error = restoreResume(model, **run)) return *error;
  } else {
    // Version 1 has no optimizer state: zeroed moments from here on, but the schedule continues at trained_steps.
    (*run)->optimizer().restoreSteps(trainedSteps, trainedSteps);
  }
  if (resume) *resume = version == kVersion ? ModelResume::Exact : ModelResume::FreshOptimizerState;
  (*run)->parametersChanged();
  return run;
}

Expected<std::unique_ptr<Run>> importModelText(const std::string& text, ModelResume* resume) {
  auto json = parseJson(text, "the model file", "model", {kMaxModelBytes, JsonLimits{}.maxDepth});
  if (!json) return json.error();
  return importModel(*json, resume);
}

}  // namespace nn
