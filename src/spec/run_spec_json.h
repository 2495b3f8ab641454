// A run spec as JSON (docs/spec.md) <-> RunSpec: reading validates every field and rejects
// unknown keys; writing gives every key, so that reading it back gives the same spec.
#pragma once
#include <string>
#include "run/run_spec.h"
#include "spec/json_reader.h"

namespace nn {

// Reads and validates a spec (every field; unknown keys rejected). Checks that
// need the data (input size, output units vs classes) are done by checkAgainstData.
Expected<RunSpec> readRunSpec(const Json& json);
Expected<RunSpec> parseRunSpec(const std::string& text);  // JSON text -> spec
Json toJson(const RunSpec& spec);

}  // namespace nn
