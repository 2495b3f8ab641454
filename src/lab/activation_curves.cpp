#include "activation_curves.h"

#include <cmath>

namespace nn {

Expected<ActivationCurve> activationCurve(const std::string& name, double alpha, double xmin, double xmax, int points) {
  auto kind = parseActivationKind(name);
  if (!kind) return kind.error().inside("activation");
  if (*kind == ActivationKind::Softmax)
    return Error{"activation", "softmax couples its inputs; it has no 1-D curve", ErrorCode::SoftmaxCurve, {}};
  if (points < 2 || points > 10000) return rangeError("points", 2, 10000, points);
  if (!(xmax > xmin) || !std::isfinite(xmin) || !std::isfinite(xmax))
    return Error{"range", "needs xmin < xmax", ErrorCode::RangeOrder, {}};
  if (!std::isfinite(alpha) || alpha < 0 || alpha > 10) return rangeError("alpha", 0.0, 10.0, alpha);
  Matrix z(1, points), a, dZ;  // one unit, `points` examples
  for (int i = 0; i < points; ++i) z(0, i) = static_cast<Scalar>(xmin + (xmax - xmin) * i / (points - 1));
  const Vector alphas = Vector::Constant(1, static_cast<Scalar>(alpha));
  activate(*kind, alphas, z, a);
  activationDerivative(*kind, alphas, z, a, dZ);
  ActivationCurve curve;
  for (int i = 0; i < points; ++i) {
    curve.x.push_back(static_cast<float>(z(0, i)));
    curve.value.push_back(static_cast<float>(a(0, i)));
    curve.derivative.push_back(static_cast<float>(dZ(0, i)));
  }
  return curve;
}

std::vector<float> softmaxOf(const std::vector<float>& logits) {
  if (logits.empty()) return {};
  Matrix z(static_cast<Eigen::Index>(logits.size()), 1), a;
  for (size_t i = 0; i < logits.size(); ++i) z(static_cast<Eigen::Index>(i), 0) = logits[i];
  activate(ActivationKind::Softmax, Vector::Zero(1), z, a);
  return std::vector<float>(a.data(), a.data() + a.size());
}

}  // namespace nn
