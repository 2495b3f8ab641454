// Feature mapping of the 2-D sets: the hand-made inputs of the TensorFlow
// Playground, which let a network without hidden layers draw curved boundaries.
#include <cmath>

#include "dataset.h"

namespace nn {

namespace {

struct Feature {
  const char* name;
  double (*map)(double x1, double x2);
};

const Feature kFeatures[] = {
    {"x1", [](double x1, double) { return x1; }},
    {"x2", [](double, double x2) { return x2; }},
    {"x1^2", [](double x1, double) { return x1 * x1; }},
    {"x2^2", [](double, double x2) { return x2 * x2; }},
    {"x1*x2", [](double x1, double x2) { return x1 * x2; }},
    {"sin(x1)", [](double x1, double) { return std::sin(x1); }},
    {"sin(x2)", [](double, double x2) { return std::sin(x2); }},
};

const Feature* findFeature(const std::string& name) {
  for (const Feature& feature : kFeatures)
    if (name == feature.name) return &feature;
  return nullptr;
}

}  // namespace

bool isKnownFeature(const std::string& name) { return findFeature(name) != nullptr; }

void mapFeatures(const Matrix& raw, const std::vector<std::string>& features, Matrix& out) {
  // raw: (2, n) -> out: (features.size(), n)
  out.resize(static_cast<Eigen::Index>(features.size()), raw.cols());
  for (size_t f = 0; f < features.size(); ++f) {
    const Feature* feature = findFeature(features[f]);
    const Eigen::Index row = static_cast<Eigen::Index>(f);
    for (Eigen::Index i = 0; i < raw.cols(); ++i)
      out(row, i) = feature ? static_cast<Scalar>(feature->map(raw(0, i), raw(1, i))) : Scalar(0);
  }
}

}  // namespace nn
