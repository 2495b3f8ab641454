// Weight and bias initializers.
#pragma once
#include <string>
#include "expected.h"
#include "init_registry.h"
#include "json_reader.h"
#include "rng.h"
#include "types.h"

namespace nn {

struct InitConfig {
  InitKind kind = InitKind::XavierUniform;
  double value = 0.0;   // Constant
  double mean = 0.0;    // Normal
  double std = 0.01;    // Normal
  double limit = 0.05;  // Uniform
};

const char* toString(InitKind kind);  // the registry's name: "zeros", "constant", "normal", ...
Expected<InitKind> parseInitKind(const std::string& name);

Expected<InitConfig> readInitConfig(const Json& section, const std::string& path, InitKind defaultKind);
Json toJson(const InitConfig& config);

// Standard deviation (normal kinds) or limit (uniform kinds) the initializer
// uses for this fan-in / fan-out; shown to learners beside the formula.
double initScale(const InitConfig& config, int fanIn, int fanOut);

// Fills `values` in column-major order from `rng`.
//   xavier_normal  N(0, 2/(fanIn+fanOut))   xavier_uniform U(+-sqrt(6/(fanIn+fanOut)))
//   he_normal      N(0, 2/fanIn)            he_uniform     U(+-sqrt(6/fanIn))
//   lecun_normal   N(0, 1/fanIn)
void initialize(Matrix& values, const InitConfig& config, int fanIn, int fanOut, Rng& rng);

}  // namespace nn
