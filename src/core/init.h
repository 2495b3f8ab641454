// Weight and bias initializers.
#pragma once
#include <string>
#include "expected.h"
#include "init_registry.h"
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

// Standard deviation (normal kinds) or limit (uniform kinds) that initialize() draws with for
// this fan-in / fan-out; 0 for zeros and constant. Only initialize() uses it: learners see the
// symbolic formulas (the registry's TeX, init_registry.cpp), not this number.
double initScale(const InitConfig& config, int fanIn, int fanOut);

// Fills `values` in column-major order from `rng`.
//   xavier_normal  N(0, 2/(fanIn+fanOut))   xavier_uniform U(+-sqrt(6/(fanIn+fanOut)))
//   he_normal      N(0, 2/fanIn)            he_uniform     U(+-sqrt(6/fanIn))
//   lecun_normal   N(0, 1/fanIn)
void initialize(Matrix& values, const InitConfig& config, int fanIn, int fanOut, Rng& rng);

}  // namespace nn
