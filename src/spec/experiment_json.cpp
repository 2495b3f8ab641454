#include "spec/experiment_json.h"

#include "spec/init_json.h"

namespace nn {

Expected<InitHistogramsConfig> readInitHistogramsConfig(const Json& json) {
  std::vector<Error> errors;
  JsonObjectReader reader(json, "", errors);
  InitHistogramsConfig config;
  const std::string fn = reader.string("activation", "sigmoid");
  if (auto kind = parseActivationKind(fn)) config.activation = *kind;
  else reader.fail("activation", kind.error());
  if (const Json* init = reader.child("weight_init")) {
    auto parsed = readInitConfig(*init, "weight_init", InitKind::Normal);
    if (parsed) config.weightInit = *parsed;
    else errors.push_back(parsed.error());
  }
  config.layers = reader.integer("layers", 5, 1, 20);
  config.units = reader.integer("units", 100, 1, 1024);
  config.samples = reader.integer("samples", 1000, 1, 10000);
  config.bins = reader.integer("bins", 30, 2, 200);
  config.low = reader.number("low", 0.0, -1e6, 1e6);
  config.high = reader.number("high", 1.0, -1e6, 1e6);
  config.seed = static_cast<uint64_t>(reader.integer64("seed", 1, 0, kMaxSeed));
  reader.rejectUnknownKeys();
  if (auto error = firstError(errors)) return *error;
  if (auto error = validate(config)) return *error;
  return config;
}

Json toJson(const std::vector<InitHistogramsLayer>& layers) {
  Json list = Json::array();
  for (const InitHistogramsLayer& layer : layers) {
    const Summary& a = layer.activations;
    list.push_back({{"mean", a.mean},
                    {"std", a.std},
                    {"min", a.min},
                    {"max", a.max},
                    {"saturated", layer.saturatedFraction},
                    {"lo", a.histogram.low},
                    {"hi", a.histogram.high},
                    {"counts", a.histogram.counts}});
  }
  return list;
}

Json describeTestFunctions() {
  Json list = Json::array();
  for (const TestFunction& f : testFunctions())
    list.push_back({{"name", f.name},
                    {"formula", f.formula},
                    {"xmin", f.xmin},
                    {"xmax", f.xmax},
                    {"ymin", f.ymin},
                    {"ymax", f.ymax},
                    {"minimum_x", f.minimumX},
                    {"minimum_y", f.minimumY},
                    {"marked_point", f.markedPoint}});
  return list;
}

}  // namespace nn
