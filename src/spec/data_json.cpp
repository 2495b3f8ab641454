// The "data" section of a spec <-> DataConfig (docs/spec.md, table `data`).
#include <cmath>
#include <set>

#include "data/dataset_registry.h"
#include "spec/data_json.h"

namespace nn {

namespace {

// data.feature_scale / data.feature_offset: one finite number per feature; scales non-zero.
std::vector<double> readPerFeature(JsonObjectReader& reader, const char* key, size_t features, bool nonZero) {
  const Json* list = reader.child(key);
  if (!list) return {};
  if (!list->is_array() || list->size() != features) {
    reader.fail(key, "must be an array with one number per feature (" + std::to_string(features) + ")",
                ErrorCode::PerFeature, {{"features", features}});
    return {};
  }
  std::vector<double> values;
  for (const Json& item : *list) {
    const double x = item.is_number() ? item.get<double>() : 0.0;
    if (!item.is_number() || !std::isfinite(x) || std::abs(x) > 1e6 || (nonZero && x == 0.0)) {
      reader.fail(key,
                  nonZero ? "must hold non-zero numbers between -1e6 and 1e6" : "must hold numbers between -1e6 and 1e6",
                  nonZero ? ErrorCode::PerFeatureNonZero : ErrorCode::PerFeatureValues);
      return {};
    }
    values.push_back(x);
  }
  return values;
}

void readFeatureTransform(JsonObjectReader& reader, DataConfig& config) {
  config.featureScale = readPerFeature(reader, "feature_scale", config.features.size(), true);
  config.featureOffset = readPerFeature(reader, "feature_offset", config.features.size(), false);
}

void readFeatures(JsonObjectReader& reader, DataConfig& config) {
  const bool present = reader.has("features");
  std::vector<std::string> features = reader.stringList("features", config.features);
  if (!present) return;
  if (features.empty()) {
    reader.fail("features", "must name at least one feature", ErrorCode::NoFeatures);
    return;
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < features.size(); ++i) {
    const std::string key = "features[" + std::to_string(i) + "]";
    if (!isKnownFeature(features[i])) {
      const std::string shown = features[i].size() > 40 ? features[i].substr(0, 40) + "..." : features[i];
      const std::string allowed = "x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)";
      reader.fail(key.c_str(), "unknown feature '" + shown + "' (expected one of: " + allowed + ")",
                  ErrorCode::UnknownFeature, {{"got", shown}, {"allowed", allowed}});
      return;
    }
    if (!seen.insert(features[i]).second) {
      reader.fail(key.c_str(), "feature '" + features[i] + "' is listed twice", ErrorCode::DuplicateFeature,
                  {{"got", features[i]}});
      return;
    }
  }
  config.features = features;
}

// A given split object lists the fractions it wants; the ones it leaves out are 0,
// so {"train": 0.8, "test": 0.2} means no validation split.
void readSplit(JsonObjectReader& parent, std::vector<Error>& errors, DataConfig& config) {
  const Json* section = parent.child("split");
  if (!section) return;
  JsonObjectReader reader(*section, parent.pathOf("split"), errors);
  const double train = reader.number("train", 0.0, 0.0, 1.0);
  const double validation = reader.number("validation", 0.0, 0.0, 1.0);
  const double test = reader.number("test", 0.0, 0.0, 1.0);
  reader.rejectUnknownKeys();
  if (!reader.valid()) return;
  if (!(train > 0)) {
    reader.fail("train", "must be greater than 0 (the network needs examples to learn from)", ErrorCode::EmptyTrainSplit);
    return;
  }
  const double sum = train + validation + test;
  if (std::fabs(sum - 1.0) > 1e-6) {
    errors.push_back({parent.pathOf("split"),
                      "train + validation + test must add up to 1 (got " + std::to_string(sum) + ")",
                      ErrorCode::SplitSum,
                      {{"got", sum}}});
    return;
  }
  config.trainFraction = train;
  config.validationFraction = validation;
  config.testFraction = test;
}

}  // namespace

Expected<DataConfig> readDataConfig(const Json& section, const std::string& path) {
  std::vector<Error> errors;
  JsonObjectReader reader(section, path, errors);
  DataConfig config;
  config.kind = reader.choice("kind", config.kind, datasetRegistry().nameList());
  config.samples = reader.integer("samples", config.samples, 4, 100000);
  config.classes = reader.integer("classes", config.classes, 2, 8);
  config.noise = reader.number("noise", config.noise, 0.0, 1.0);
  readFeatures(reader, config);
  readSplit(reader, errors, config);
  readFeatureTransform(reader, config);
  config.standardize = reader.boolean("standardize", config.standardize);
  config.seed = static_cast<uint64_t>(reader.integer64("seed", static_cast<long long>(config.seed), 0, kMaxSeed));
  config.imagesPath = reader.string("images", config.imagesPath);
  config.labelsPath = reader.string("labels", config.labelsPath);
  config.limit = reader.integer("limit", config.limit, 0, 10000000);
  reader.rejectUnknownKeys();
  if (Status error = firstError(errors)) return *error;

  // data.images and data.labels are checked when the data is made: the page
  // hands over the bytes of its own image files instead of paths.
  return config;
}

Json toJson(const DataConfig& config) {
  Json json{
      {"kind", config.kind},
      {"samples", config.samples},
      {"classes", config.classes},
      {"noise", config.noise},
      {"features", config.features},
      {"split", {{"train", config.trainFraction}, {"validation", config.validationFraction}, {"test", config.testFraction}}},
      {"standardize", config.standardize},
      {"seed", config.seed},
  };
  // Image paths and limit only mean something for idx; leaving them out keeps 2-D specs short.
  if (config.kind == "idx" || !config.imagesPath.empty()) json["images"] = config.imagesPath;
  if (config.kind == "idx" || !config.labelsPath.empty()) json["labels"] = config.labelsPath;
  if (config.kind == "idx" || config.limit != 0) json["limit"] = config.limit;
  if (!config.featureScale.empty()) json["feature_scale"] = config.featureScale;
  if (!config.featureOffset.empty()) json["feature_offset"] = config.featureOffset;
  return json;
}

}  // namespace nn
