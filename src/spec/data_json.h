// The "data" section of a spec (docs/spec.md, table `data`) <-> DataConfig.
#pragma once
#include <string>
#include "data/dataset.h"
#include "spec/json_reader.h"

namespace nn {

// Reads the "data" section of a spec (see docs/spec.md); errors name the field.
Expected<DataConfig> readDataConfig(const Json& section, const std::string& path = "data");
Json toJson(const DataConfig& config);

}  // namespace nn
