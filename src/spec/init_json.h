// A "weight_init" / "bias_init" object of a spec (docs/spec.md) <-> InitConfig.
#pragma once
#include <string>
#include "core/init.h"
#include "spec/json_reader.h"

namespace nn {

// Errors name the field under `path`, e.g. "layers[0].weight_init.std".
Expected<InitConfig> readInitConfig(const Json& section, const std::string& path, InitKind defaultKind);
// Only the keys the kind reads, so a written spec stays short.
Json toJson(const InitConfig& config);

}  // namespace nn
