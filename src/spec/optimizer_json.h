// The "optimizer" section of a spec (docs/spec.md) <-> OptimizerConfig.
#pragma once
#include <string>
#include "core/optimizer.h"
#include "spec/json_reader.h"

namespace nn {

// Reads the "optimizer" section of a spec (docs/spec.md). Partial sections are
// allowed: a missing key keeps its default. Errors name the field, e.g.
// "optimizer.learning_rate: must be greater than 0 and at most 10 (got 0)".
Expected<OptimizerConfig> readOptimizerConfig(const Json& section, const std::string& path = "optimizer");
// The same, but missing keys keep their value in `base`: lets the page change
// one hyper-parameter of a running optimizer ({"learning_rate": 0.001}).
// When the section changes the kind and gives no weight_decay, the new kind's
// default weight decay applies.
Expected<OptimizerConfig> readOptimizerConfig(const Json& section, const OptimizerConfig& base,
                                              const std::string& path = "optimizer");
// Every key, so that readOptimizerConfig(toJson(c)) == c.
Json toJson(const OptimizerConfig& config);

}  // namespace nn
