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

Expected<InitKind> parseInitKind(const std::string& name) { return initRegistry().kindOf(name, "initializer"); }

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
