#include "spec/init_json.h"

namespace nn {

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

}  // namespace nn
