#include "activation.h"

#include <cmath>

namespace nn {

const char* toString(ActivationKind kind) { return activationDefinition(kind).name; }

Expected<ActivationKind> parseActivationKind(const std::string& name) {
  return activationRegistry().kindOf(name, "activation");
}

double defaultAlpha(ActivationKind kind) {
  const ActivationDefinition& entry = activationDefinition(kind);
  return entry.alpha ? entry.alpha->defaultValue : 0.0;
}

bool isReluFamily(ActivationKind kind) { return activationDefinition(kind).reluFamily; }

// Split by sign so exp never overflows: for x >= 0, 1/(1+e^-x); else e^x/(1+e^x).
Scalar sigmoid(Scalar x) {
  if (x >= 0) return Scalar(1) / (Scalar(1) + std::exp(-x));
  const Scalar e = std::exp(x);
  return e / (Scalar(1) + e);
}

// log(1+e^x) = max(x,0) + log(1+e^-|x|)
Scalar softplus(Scalar x) { return std::max(x, Scalar(0)) + std::log1p(std::exp(-std::abs(x))); }

void activate(ActivationKind kind, const Vector& alpha, const Matrix& z, Matrix& a) {
  a.resize(z.rows(), z.cols());  // no-op when the shape is unchanged
  activationDefinition(kind).forward(alpha, z, a);
}

void activationBackward(ActivationKind kind, const Vector& alpha, const Matrix& z, const Matrix& a, const Matrix& dA,
                        Matrix& dZ) {
  dZ.resize(z.rows(), z.cols());
  activationDefinition(kind).backward(alpha, z, a, dA, dZ);
}

void activationDerivative(ActivationKind kind, const Vector& alpha, const Matrix& z, const Matrix& a, Matrix& derivative) {
  activationBackward(kind, alpha, z, a, Matrix::Ones(z.rows(), z.cols()), derivative);
}

}  // namespace nn
