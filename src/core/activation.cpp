#include "activation.h"

#include <cmath>

namespace nn {

namespace {
constexpr Scalar kSqrt2OverPi = Scalar(0.7978845608028654);  // sqrt(2/pi), GELU's tanh approximation
constexpr Scalar kGeluCubic = Scalar(0.044715);
}  // namespace

const char* toString(ActivationKind kind) {
  switch (kind) {
    case ActivationKind::Linear: return "linear";
    case ActivationKind::Sigmoid: return "sigmoid";
    case ActivationKind::Tanh: return "tanh";
    case ActivationKind::Relu: return "relu";
    case ActivationKind::LeakyRelu: return "leaky_relu";
    case ActivationKind::Prelu: return "prelu";
    case ActivationKind::Elu: return "elu";
    case ActivationKind::Softmax: return "softmax";
    case ActivationKind::Gelu: return "gelu";
    case ActivationKind::Silu: return "silu";
  }
  return "linear";
}

Expected<ActivationKind> parseActivationKind(const std::string& name) {
  for (ActivationKind kind : {ActivationKind::Linear, ActivationKind::Sigmoid, ActivationKind::Tanh,
                              ActivationKind::Relu, ActivationKind::LeakyRelu, ActivationKind::Prelu,
                              ActivationKind::Elu, ActivationKind::Softmax, ActivationKind::Gelu,
                              ActivationKind::Silu})
    if (name == toString(kind)) return kind;
  const std::string allowed = "linear, sigmoid, tanh, relu, leaky_relu, prelu, elu, softmax, gelu, silu";
  return Error{"", "unknown activation '" + name.substr(0, 40) + "' (expected one of: " + allowed + ")",
               ErrorCode::Choice, {{"got", name.substr(0, 40)}, {"allowed", allowed}}};
}

double defaultAlpha(ActivationKind kind) {
  switch (kind) {
    case ActivationKind::LeakyRelu: return 0.01;
    case ActivationKind::Prelu: return 0.25;
    case ActivationKind::Elu: return 1.0;
    default: return 0.0;
  }
}

bool isReluFamily(ActivationKind kind) {
  return kind == ActivationKind::Relu || kind == ActivationKind::LeakyRelu || kind == ActivationKind::Prelu ||
         kind == ActivationKind::Elu;
}

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
  const Scalar alpha0 = alpha.size() ? alpha(0) : Scalar(0);
  switch (kind) {
    case ActivationKind::Linear:  // a = z
      a = z;
      break;
    case ActivationKind::Sigmoid:  // a = 1 / (1 + e^-z)
      a = z.unaryExpr([](Scalar x) { return sigmoid(x); });
      break;
    case ActivationKind::Tanh:  // a = tanh z
      a = z.array().tanh();
      break;
    case ActivationKind::Relu:  // a = max(0, z)
      a = z.array().max(Scalar(0));
      break;
    case ActivationKind::LeakyRelu:  // a = z if z > 0 else alpha z
      a = z.unaryExpr([alpha0](Scalar x) { return x > 0 ? x : alpha0 * x; });
      break;
    case ActivationKind::Prelu:  // a = z if z > 0 else alpha_unit z  (alpha learned per unit)
      for (Eigen::Index c = 0; c < z.cols(); ++c)
        for (Eigen::Index r = 0; r < z.rows(); ++r) {
          const Scalar x = z(r, c);
          a(r, c) = x > 0 ? x : alpha(r) * x;
        }
      break;
    case ActivationKind::Elu:  // a = z if z > 0 else alpha (e^z - 1)
      a = z.unaryExpr([alpha0](Scalar x) { return x > 0 ? x : alpha0 * std::expm1(x); });
      break;
    case ActivationKind::Softmax:  // a_i = e^(z_i - max z) / sum_j e^(z_j - max z), per column
      for (Eigen::Index c = 0; c < z.cols(); ++c) {
        const Scalar maxZ = z.col(c).maxCoeff();
        a.col(c) = (z.col(c).array() - maxZ).exp();
        a.col(c) /= a.col(c).sum();
      }
      break;
    case ActivationKind::Gelu:  // a = z/2 (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3)))
      a = z.unaryExpr([](Scalar x) {
        return Scalar(0.5) * x * (Scalar(1) + std::tanh(kSqrt2OverPi * (x + kGeluCubic * x * x * x)));
      });
      break;
    case ActivationKind::Silu:  // a = z sigmoid(z)
      a = z.unaryExpr([](Scalar x) { return x * sigmoid(x); });
      break;
  }
}

void activationBackward(ActivationKind kind, const Vector& alpha, const Matrix& z, const Matrix& a, const Matrix& dA,
                        Matrix& dZ) {
  dZ.resize(z.rows(), z.cols());
  const Scalar alpha0 = alpha.size() ? alpha(0) : Scalar(0);
  switch (kind) {
    case ActivationKind::Linear:  // f' = 1
      dZ = dA;
      break;
    case ActivationKind::Sigmoid:  // f' = a (1 - a)
      dZ = dA.array() * a.array() * (Scalar(1) - a.array());
      break;
    case ActivationKind::Tanh:  // f' = 1 - a^2
      dZ = dA.array() * (Scalar(1) - a.array().square());
      break;
    case ActivationKind::Relu:  // f' = 1 if z > 0 else 0
      dZ = (z.array() > Scalar(0)).select(dA, Scalar(0));
      break;
    case ActivationKind::LeakyRelu:  // f' = 1 if z > 0 else alpha
      dZ = (z.array() > Scalar(0)).select(dA, alpha0 * dA);
      break;
    case ActivationKind::Prelu:  // f' = 1 if z > 0 else alpha_unit
      for (Eigen::Index c = 0; c < z.cols(); ++c)
        for (Eigen::Index r = 0; r < z.rows(); ++r) dZ(r, c) = z(r, c) > 0 ? dA(r, c) : alpha(r) * dA(r, c);
      break;
    case ActivationKind::Elu:  // f' = 1 if z > 0 else alpha e^z
      // Not a + alpha (= alpha (e^z - 1) + alpha): that sum cancels, and is exactly 0 below z = -17.4.
      dZ = (z.array() > Scalar(0)).select(dA, dA.array() * alpha0 * z.array().exp());
      break;
    case ActivationKind::Softmax:  // dZ = a * (dA - sum_i a_i dA_i), the Jacobian diag(a) - a a^T applied per column
      for (Eigen::Index c = 0; c < z.cols(); ++c) {
        const Scalar dot = a.col(c).dot(dA.col(c));
        dZ.col(c) = a.col(c).array() * (dA.col(c).array() - dot);
      }
      break;
    case ActivationKind::Gelu:  // f' = (1+t)/2 + z/2 (1 - t^2) sqrt(2/pi) (1 + 3*0.044715 z^2)
      for (Eigen::Index i = 0; i < z.size(); ++i) {
        const Scalar x = z(i);
        const Scalar t = std::tanh(kSqrt2OverPi * (x + kGeluCubic * x * x * x));
        const Scalar derivative = Scalar(0.5) * (Scalar(1) + t) +
                                  Scalar(0.5) * x * (Scalar(1) - t * t) * kSqrt2OverPi *
                                      (Scalar(1) + Scalar(3) * kGeluCubic * x * x);
        dZ(i) = dA(i) * derivative;
      }
      break;
    case ActivationKind::Silu:  // f' = s (1 + z (1 - s)), s = sigmoid(z)
      for (Eigen::Index i = 0; i < z.size(); ++i) {
        const Scalar s = sigmoid(z(i));
        dZ(i) = dA(i) * s * (Scalar(1) + z(i) * (Scalar(1) - s));
      }
      break;
  }
}

}  // namespace nn
