#include "init.h"

#include <cmath>

namespace nn {

namespace {
// Whether the kind reads the spec's "mean" (the plain normal initializer); the others are centred on 0.
bool readsMean(const InitDefinition& entry) {
  for (const CatalogParameter& parameter : entry.parameters)
    if (parameter.name && std::string(parameter.name) == "mean") return true;
  return false;
}
}  // namespace

const char* toString(InitKind kind) { return initDefinition(kind).name; }

Expected<InitKind> parseInitKind(const std::string& name) {
  if (const InitDefinition* entry = initRegistry().find(name)) return entry->kind;
  const std::string allowed = initRegistry().names();
  return Error{"", "unknown initializer '" + name.substr(0, 40) + "' (expected one of: " + allowed + ")",
               ErrorCode::Choice, {{"got", name.substr(0, 40)}, {"allowed", allowed}}};
}

Expected<InitConfig> readInitConfig(const Json& section, const std::string& path, InitKind defaultKind) {
  std::vector<Error> errors;
  JsonObjectReader reader(section, path, errors);
  InitConfig config;
  config.kind = defaultKind;
  const std::string kindName = reader.string("kind", toString(defaultKind));
  if (auto kind = parseInitKind(kindName)) {
    config.kind = *kind;
  } else {
    reader.fail("kind", kind.error());
  }
  config.value = reader.number("value", 0.0, -100.0, 100.0);
  config.mean = reader.number("mean", 0.0, -100.0, 100.0);
  config.std = reader.number("std", 0.01, 0.0, 100.0);
  config.limit = reader.number("limit", 0.05, 0.0, 100.0);
  reader.rejectUnknownKeys();
  if (auto error = firstError(errors)) return *error;
  return config;
}

Json toJson(const InitConfig& config) {
  Json json = {{"kind", toString(config.kind)}};
  if (config.kind == InitKind::Constant) json["value"] = config.value;
  if (config.kind == InitKind::Normal) {
    json["mean"] = config.mean;
    json["std"] = config.std;
  }
  if (config.kind == InitKind::Uniform) json["limit"] = config.limit;
  return json;
}

double initScale(const InitConfig& config, int fanIn, int fanOut) {
  return initDefinition(config.kind).scale(config, fanIn, fanOut);
}

void initialize(Matrix& values, const InitConfig& config, int fanIn, int fanOut, Rng& rng) {
  const InitDefinition& entry = initDefinition(config.kind);
  const double scale = entry.scale(config, fanIn, fanOut);
  const double mean = readsMean(entry) ? config.mean : 0.0;
  for (Eigen::Index i = 0; i < values.size(); ++i) {
    double x = 0.0;
    switch (entry.distribution) {
      case InitDistribution::Zero: x = 0.0; break;
      case InitDistribution::Constant: x = config.value; break;
      case InitDistribution::Normal: x = mean + scale * rng.normal(); break;
      case InitDistribution::Uniform: x = rng.uniform(-scale, scale); break;
    }
    values(i) = static_cast<Scalar>(x);
  }
}

}  // namespace nn
