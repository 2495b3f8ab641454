#include "model.h"

#include <cmath>
#include <limits>

namespace nn {

namespace {

constexpr const char* kFormat = "nnsandbox-model";
constexpr int kVersion = 1;
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
    if (!shapeGiven || entry["rows"].get<long long>() != target.rows() ||
        entry["cols"].get<long long>() != target.cols())
      return Error{where,
                   "has the wrong shape: the spec needs " + std::to_string(target.rows()) + " x " +
                       std::to_string(target.cols()),
                   ErrorCode::Shape, {{"rows", target.rows()}, {"cols", target.cols()}}};
    if (!values || !values->is_array() || static_cast<Eigen::Index>(values->size()) != target.size())
      return Error{where, "must hold " + std::to_string(target.size()) + " numbers", ErrorCode::Count,
                   {{"expected", target.size()}, {"got", values && values->is_array() ? values->size() : 0}}};
    for (Eigen::Index i = 0; i < target.size(); ++i) {
      const Json& value = (*values)[static_cast<size_t>(i)];
      // Finite as a double is not enough: 3.5e38 becomes +inf as a float.
      if (!value.is_number() || !std::isfinite(static_cast<Scalar>(value.get<double>())))
        return Error{where,
                     "value " + std::to_string(i) + " is not a finite number" +
                         (value.is_number() ? " in single precision (at most about 3.4e38)" : ""),
                     ErrorCode::NotFinite, {{"index", i}}};
    }
    for (Eigen::Index i = 0; i < target.size(); ++i)
      target(i) = static_cast<Scalar>((*values)[static_cast<size_t>(i)].get<double>());
    return std::nullopt;
  }
  return Error{where, "is missing from the model file", ErrorCode::Missing, {}};
}

}  // namespace

Json exportModel(Trainer& trainer) {
  Json parameters = Json::array(), state = Json::array();
  auto& layers = trainer.network().layers();
  for (size_t i = 0; i < layers.size(); ++i) {
    for (const Parameter& parameter : layers[i]->parameters())
      parameters.push_back(tensorToJson(static_cast<int>(i), parameter.name, *parameter.value));
    for (const StateTensor& tensor : layers[i]->state())
      state.push_back(tensorToJson(static_cast<int>(i), tensor.name, *tensor.value));
  }
  const Dataset& data = trainer.dataset();
  Json mean = Json::array(), std = Json::array();
  for (Eigen::Index i = 0; i < data.featureMean.size(); ++i) {
    mean.push_back(static_cast<double>(data.featureMean(i)));
    std.push_back(static_cast<double>(data.featureStd(i)));
  }
  return {{"format", kFormat},
          {"version", kVersion},
          {"spec", toJson(trainer.spec())},
          {"parameters", parameters},
          {"state", state},
          {"normalization", {{"mean", mean}, {"std", std}}},
          {"trained_steps", trainer.stepCount()}};
}

Expected<std::unique_ptr<Trainer>> importModel(const Json& model) {
  if (!model.is_object())
    return Error{"", "a model file must be a JSON object", ErrorCode::NotObject, {{"type", jsonTypeId(model)}}};
  if (!model.contains("format") || model["format"] != kFormat)
    return Error{"format", "this is not an NN Sandbox model (expected \"format\": \"nnsandbox-model\")",
                 ErrorCode::NotModel, {}};
  if (!model.contains("version") || !model["version"].is_number_integer() || model["version"].get<long long>() != kVersion)
    return Error{"version", "unsupported model version (this sandbox reads version 1)", ErrorCode::ModelVersion,
                 {{"supported", kVersion}}};
  if (!model.contains("spec")) return Error{"spec", "is missing from the model file", ErrorCode::Missing, {}};
  auto spec = readRunSpec(model["spec"]);
  if (!spec) return spec.error().inside("spec");
  const Json empty = Json::array();
  const Json& parameters = model.contains("parameters") ? model["parameters"] : empty;
  const Json& state = model.contains("state") ? model["state"] : empty;
  if (!parameters.is_array())
    return Error{"parameters", "must be an array", ErrorCode::WrongType,
                 {{"expected", "array"}, {"type", jsonTypeId(parameters)}}};
  if (!state.is_array())
    return Error{"state", "must be an array", ErrorCode::WrongType, {{"expected", "array"}, {"type", jsonTypeId(state)}}};
  long long trainedSteps = 0;
  if (model.contains("trained_steps")) {
    const Json& steps = model["trained_steps"];
    const bool whole = steps.is_number_integer() ||
                       (steps.is_number_float() && std::isfinite(steps.get<double>()) &&
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

  auto trainer = Trainer::create(*spec);
  if (!trainer) return trainer.error().inside("spec");
  auto& layers = (*trainer)->network().layers();
  for (size_t i = 0; i < layers.size(); ++i) {
    for (const Parameter& parameter : layers[i]->parameters())
      if (auto error = loadTensor(parameters, "parameters", static_cast<int>(i), parameter.name, *parameter.value))
        return *error;
    for (const StateTensor& tensor : layers[i]->state())
      if (auto error = loadTensor(state, "state", static_cast<int>(i), tensor.name, *tensor.value)) return *error;
  }
  (*trainer)->restoreStepCount(trainedSteps);
  (*trainer)->parametersChanged();
  return trainer;
}

Expected<std::unique_ptr<Trainer>> importModelText(const std::string& text) {
  auto json = parseJson(text, "the model file", "model", {kMaxModelBytes, JsonLimits{}.maxDepth});
  if (!json) return json.error();
  return importModel(*json);
}

}  // namespace nn
