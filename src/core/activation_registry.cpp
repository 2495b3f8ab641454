// The activations, one entry each, with their functions beside them.
//
// Each kind has its own forward and backward functions rather than a case of one switch: a network
// uses one or two kinds, and V8 compiles a wasm function whole before running it fast, so a switch
// with every kind inlined makes a fresh run wait for code it never calls (noinline keeps them apart).
//
// The reference functions are the plain std:: formulas: the double build (gradient checks) runs
// them, and so does the float build for the kinds without exp. The float builds run the vectorised
// kernels (fast_math.h: SSE natively, SIMD128 in wasm, scalar lanes in the baseline build, so every
// build computes bit-identical activations); tests/unit/fast_math_test.cpp compares them with the
// references.
#include "activation_registry.h"

#include <cmath>
#include "activation.h"
#include "fast_math.h"

namespace nn {

namespace {

#define NN_KERNEL __attribute__((noinline))
// A reference formula that the float builds replace by a kernel (unused there).
#define NN_REFERENCE [[maybe_unused]] NN_KERNEL

// The float builds take the vectorised kernel, the double build the reference.
#ifdef NN_SCALAR_DOUBLE
#define NN_FLOAT_KERNEL_OR(kernel, reference) reference
#else
#define NN_FLOAT_KERNEL_OR(kernel, reference) kernel
#endif

Scalar firstAlpha(const Vector& alpha) { return alpha.size() ? alpha(0) : Scalar(0); }

constexpr double kSqrt2OverPi = 0.7978845608028654;  // sqrt(2/pi), GELU's tanh approximation
constexpr double kGeluCubic = 0.044715;

// The alpha range the spec reader accepts for every kind that reads one.
constexpr double kAlphaMax = 10.0;
constexpr CatalogParameter alphaParameter(double defaultValue) { return {"alpha", "number", defaultValue, 0.0, kAlphaMax}; }

// --- linear: a = z ---------------------------------------------------------------------------
NN_KERNEL void linearForward(const Vector&, const Matrix& z, Matrix& a) { a = z; }
NN_KERNEL void linearBackward(const Vector&, const Matrix&, const Matrix&, const Matrix& dA, Matrix& dZ) { dZ = dA; }

// --- sigmoid: a = 1 / (1 + e^-z), f' = a (1 - a) ------------------------------------------------
NN_REFERENCE void sigmoidReference(const Vector&, const Matrix& z, Matrix& a) {
  a = z.unaryExpr([](Scalar x) { return sigmoid(x); });
}
NN_REFERENCE void sigmoidBackwardReference(const Vector&, const Matrix&, const Matrix& a, const Matrix& dA, Matrix& dZ) {
  dZ = dA.array() * a.array() * (Scalar(1) - a.array());
}

// --- tanh: a = tanh z, f' = 1 - a^2 ---------------------------------------------------------------
NN_REFERENCE void tanhReference(const Vector&, const Matrix& z, Matrix& a) { a = z.array().tanh(); }
NN_REFERENCE void tanhBackwardReference(const Vector&, const Matrix&, const Matrix& a, const Matrix& dA, Matrix& dZ) {
  dZ = dA.array() * (Scalar(1) - a.array().square());
}

// --- relu: a = max(0, z), f' = 1 if z > 0 else 0 ------------------------------------------------
NN_KERNEL void reluForward(const Vector&, const Matrix& z, Matrix& a) { a = z.array().max(Scalar(0)); }
NN_KERNEL void reluBackward(const Vector&, const Matrix& z, const Matrix&, const Matrix& dA, Matrix& dZ) {
  dZ = (z.array() > Scalar(0)).select(dA, Scalar(0));
}

// --- leaky_relu: a = z if z > 0 else alpha z, f' = 1 or alpha -------------------------------------
NN_KERNEL void leakyReluForward(const Vector& alpha, const Matrix& z, Matrix& a) {
  const Scalar alpha0 = firstAlpha(alpha);
  a = z.unaryExpr([alpha0](Scalar x) { return x > 0 ? x : alpha0 * x; });
}
NN_KERNEL void leakyReluBackward(const Vector& alpha, const Matrix& z, const Matrix&, const Matrix& dA, Matrix& dZ) {
  dZ = (z.array() > Scalar(0)).select(dA, firstAlpha(alpha) * dA);
}

// --- prelu: a = z if z > 0 else alpha_unit z (alpha learned per unit), f' = 1 or alpha_unit -------
NN_KERNEL void preluForward(const Vector& alpha, const Matrix& z, Matrix& a) {
  for (Eigen::Index c = 0; c < z.cols(); ++c)
    for (Eigen::Index r = 0; r < z.rows(); ++r) {
      const Scalar x = z(r, c);
      a(r, c) = x > 0 ? x : alpha(r) * x;
    }
}
NN_KERNEL void preluBackward(const Vector& alpha, const Matrix& z, const Matrix&, const Matrix& dA, Matrix& dZ) {
  for (Eigen::Index c = 0; c < z.cols(); ++c)
    for (Eigen::Index r = 0; r < z.rows(); ++r) dZ(r, c) = z(r, c) > 0 ? dA(r, c) : alpha(r) * dA(r, c);
}

// --- elu: a = z if z > 0 else alpha (e^z - 1), f' = 1 if z > 0 else alpha e^z -------------------
// Not a + alpha (= alpha (e^z - 1) + alpha): that sum cancels, and is exactly 0 below z = -17.4.
NN_REFERENCE void eluReference(const Vector& alpha, const Matrix& z, Matrix& a) {
  const Scalar alpha0 = firstAlpha(alpha);
  a = z.unaryExpr([alpha0](Scalar x) { return x > 0 ? x : alpha0 * std::expm1(x); });
}
NN_REFERENCE void eluBackwardReference(const Vector& alpha, const Matrix& z, const Matrix&, const Matrix& dA, Matrix& dZ) {
  dZ = (z.array() > Scalar(0)).select(dA, dA.array() * firstAlpha(alpha) * z.array().exp());
}

// --- softmax: a_i = e^(z_i - max z) / sum_j e^(z_j - max z), per column --------------------------
// dZ = a * (dA - sum_i a_i dA_i): the Jacobian diag(a) - a a^T applied per column.
NN_REFERENCE void softmaxReference(const Vector&, const Matrix& z, Matrix& a) {
  for (Eigen::Index c = 0; c < z.cols(); ++c) {
    const Scalar maxZ = z.col(c).maxCoeff();
    a.col(c) = (z.col(c).array() - maxZ).exp();
    a.col(c) /= a.col(c).sum();
  }
}
NN_KERNEL void softmaxBackward(const Vector&, const Matrix& z, const Matrix& a, const Matrix& dA, Matrix& dZ) {
  for (Eigen::Index c = 0; c < z.cols(); ++c) {
    const Scalar dot = a.col(c).dot(dA.col(c));
    dZ.col(c) = a.col(c).array() * (dA.col(c).array() - dot);
  }
}

// --- gelu: a = z/2 (1 + tanh(u)), u = sqrt(2/pi) (z + 0.044715 z^3) -------------------------------
// f' = (1+t)/2 + z/2 (1 - t^2) sqrt(2/pi) (1 + 3*0.044715 z^2), t = tanh(u)
NN_REFERENCE void geluReference(const Vector&, const Matrix& z, Matrix& a) {
  const Scalar k = Scalar(kSqrt2OverPi), c = Scalar(kGeluCubic);
  a = z.unaryExpr([k, c](Scalar x) { return Scalar(0.5) * x * (Scalar(1) + std::tanh(k * (x + c * x * x * x))); });
}
NN_REFERENCE void geluBackwardReference(const Vector&, const Matrix& z, const Matrix&, const Matrix& dA, Matrix& dZ) {
  const Scalar k = Scalar(kSqrt2OverPi), c = Scalar(kGeluCubic);
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    const Scalar x = z(i);
    const Scalar t = std::tanh(k * (x + c * x * x * x));
    const Scalar derivative =
        Scalar(0.5) * (Scalar(1) + t) + Scalar(0.5) * x * (Scalar(1) - t * t) * k * (Scalar(1) + Scalar(3) * c * x * x);
    dZ(i) = dA(i) * derivative;
  }
}

// --- silu: a = z sigmoid(z), f' = s (1 + z (1 - s)), s = sigmoid(z) ------------------------------
NN_REFERENCE void siluReference(const Vector&, const Matrix& z, Matrix& a) {
  a = z.unaryExpr([](Scalar x) { return x * sigmoid(x); });
}
NN_REFERENCE void siluBackwardReference(const Vector&, const Matrix& z, const Matrix&, const Matrix& dA, Matrix& dZ) {
  for (Eigen::Index i = 0; i < z.size(); ++i) {
    const Scalar s = sigmoid(z(i));
    dZ(i) = dA(i) * s * (Scalar(1) + z(i) * (Scalar(1) - s));
  }
}

// --- softplus: a = ln(1 + e^z), f' = sigmoid(z) ---------------------------------------------------
// No vector log yet: the forward pass is the stable scalar max(z, 0) + log1p(e^-|z|) in every build.
NN_KERNEL void softplusForward(const Vector&, const Matrix& z, Matrix& a) {
  a = z.unaryExpr([](Scalar x) { return softplus(x); });
}
NN_REFERENCE void softplusBackwardReference(const Vector&, const Matrix& z, const Matrix&, const Matrix& dA, Matrix& dZ) {
  dZ = dA.array() * z.unaryExpr([](Scalar x) { return sigmoid(x); }).array();
}

#ifndef NN_SCALAR_DOUBLE
// The vectorised float kernels of the kinds built on exp.
using simd::Float4;
using simd::splat;

// GELU: z/2 (1 + tanh(u)) = z sigmoid(2u). The sigmoid form keeps full relative precision in the
// negative tail, where 1 + tanh(u) cancels.
inline Float4 twiceGeluArgument(Float4 x) {
  return splat(2.0f * float(kSqrt2OverPi)) * (x + splat(float(kGeluCubic)) * x * x * x);
}

NN_KERNEL void sigmoidKernel(const Vector&, const Matrix& z, Matrix& a) {
  simd::mapArrays(z.size(), a.data(), simd::sigmoid4, z.data());
}
NN_KERNEL void sigmoidBackwardKernel(const Vector&, const Matrix&, const Matrix& a, const Matrix& dA, Matrix& dZ) {
  simd::mapArrays(
      a.size(), dZ.data(), [](Float4 g, Float4 y) { return g * y * (splat(1.0f) - y); }, dA.data(), a.data());
}
NN_KERNEL void tanhKernel(const Vector&, const Matrix& z, Matrix& a) {
  simd::mapArrays(z.size(), a.data(), simd::tanh4, z.data());
}
NN_KERNEL void tanhBackwardKernel(const Vector&, const Matrix&, const Matrix& a, const Matrix& dA, Matrix& dZ) {
  simd::mapArrays(
      a.size(), dZ.data(), [](Float4 g, Float4 y) { return g * (splat(1.0f) - y * y); }, dA.data(), a.data());
}
NN_KERNEL void eluKernel(const Vector& alpha, const Matrix& z, Matrix& a) {
  const float alpha0 = firstAlpha(alpha);
  simd::mapArrays(
      z.size(), a.data(), [alpha0](Float4 x) { return simd::select(x > splat(0.0f), x, splat(alpha0) * simd::expm14(x)); },
      z.data());
}
NN_KERNEL void eluBackwardKernel(const Vector& alpha, const Matrix& z, const Matrix&, const Matrix& dA, Matrix& dZ) {
  const float alpha0 = firstAlpha(alpha);
  simd::mapArrays(
      z.size(), dZ.data(),
      [alpha0](Float4 g, Float4 x) { return simd::select(x > splat(0.0f), g, g * (splat(alpha0) * simd::exp4(x))); },
      dA.data(), z.data());
}
// Per column: a = z - max of its column, exp of the whole matrix at once, then each column / its sum.
NN_KERNEL void softmaxKernel(const Vector&, const Matrix& z, Matrix& a) {
  for (Eigen::Index c = 0; c < z.cols(); ++c) a.col(c) = z.col(c).array() - z.col(c).maxCoeff();
  expArray(a.data(), a.data(), a.size());
  for (Eigen::Index c = 0; c < z.cols(); ++c) a.col(c) /= a.col(c).sum();
}
NN_KERNEL void geluKernel(const Vector&, const Matrix& z, Matrix& a) {
  simd::mapArrays(
      z.size(), a.data(), [](Float4 x) { return x * simd::sigmoid4(twiceGeluArgument(x)); }, z.data());
}
// f' = s + 2 z s (1 - s) sqrt(2/pi) (1 + 3*0.044715 z^2), s = sigmoid(2u)
NN_KERNEL void geluBackwardKernel(const Vector&, const Matrix& z, const Matrix&, const Matrix& dA, Matrix& dZ) {
  simd::mapArrays(
      z.size(), dZ.data(),
      [](Float4 g, Float4 x) {
        Float4 s, oneMinusS;
        simd::sigmoidPair4(twiceGeluArgument(x), s, oneMinusS);
        const Float4 slope = splat(2.0f * float(kSqrt2OverPi)) * (splat(1.0f) + splat(3.0f * float(kGeluCubic)) * x * x);
        return g * (s + x * s * oneMinusS * slope);
      },
      dA.data(), z.data());
}
NN_KERNEL void siluKernel(const Vector&, const Matrix& z, Matrix& a) {
  simd::mapArrays(
      z.size(), a.data(), [](Float4 x) { return x * simd::sigmoid4(x); }, z.data());
}
// f' = s (1 + z (1 - s)) = s + z s (1 - s)
NN_KERNEL void siluBackwardKernel(const Vector&, const Matrix& z, const Matrix&, const Matrix& dA, Matrix& dZ) {
  simd::mapArrays(
      z.size(), dZ.data(),
      [](Float4 g, Float4 x) {
        Float4 s, oneMinusS;
        simd::sigmoidPair4(x, s, oneMinusS);
        return g * (s + x * s * oneMinusS);
      },
      dA.data(), z.data());
}
NN_KERNEL void softplusBackwardKernel(const Vector&, const Matrix& z, const Matrix&, const Matrix& dA, Matrix& dZ) {
  simd::mapArrays(
      z.size(), dZ.data(), [](Float4 g, Float4 x) { return g * simd::sigmoid4(x); }, dA.data(), z.data());
}
#endif

// In ActivationKind order (activationDefinition() indexes it by kind; a unit test checks the order).
const ActivationDefinition kActivations[] = {
    {ActivationKind::Linear, "linear", "Linear", "f(x) = x", "f'(x) = 1", std::nullopt, false, true, false, false,
     linearForward, linearBackward},
    {ActivationKind::Sigmoid, "sigmoid", "Sigmoid", "\\sigma(x) = \\frac{1}{1+e^{-x}}",
     "\\sigma'(x) = \\sigma(x)\\,(1-\\sigma(x)) \\le \\tfrac14", std::nullopt, false, true, false, true,
     NN_FLOAT_KERNEL_OR(sigmoidKernel, sigmoidReference),
     NN_FLOAT_KERNEL_OR(sigmoidBackwardKernel, sigmoidBackwardReference)},
    {ActivationKind::Tanh, "tanh", "Tanh", "\\tanh(x) = \\frac{1-e^{-2x}}{1+e^{-2x}} = 2\\sigma(2x)-1",
     "\\tanh'(x) = 1-\\tanh^2(x)", std::nullopt, false, true, false, true, NN_FLOAT_KERNEL_OR(tanhKernel, tanhReference),
     NN_FLOAT_KERNEL_OR(tanhBackwardKernel, tanhBackwardReference)},
    {ActivationKind::Relu, "relu", "ReLU", "\\mathrm{ReLU}(x) = \\max(0, x)",
     "f'(x) = \\begin{cases}1 & x>0\\\\ 0 & x\\le 0\\end{cases}", std::nullopt, false, true, true, true, reluForward,
     reluBackward},
    {ActivationKind::LeakyRelu, "leaky_relu", "Leaky ReLU",
     "f(x) = \\begin{cases}x & x>0\\\\ \\alpha\\,x & x\\le 0\\end{cases}",
     "f'(x) = \\begin{cases}1 & x>0\\\\ \\alpha & x\\le 0\\end{cases}", alphaParameter(0.01), false, true, true, false,
     leakyReluForward, leakyReluBackward},
    {ActivationKind::Prelu, "prelu", "PReLU", "f(x) = \\begin{cases}x & x>0\\\\ a\\,x & x\\le 0\\end{cases}",
     "f'(x) = \\begin{cases}1 & x>0\\\\ a & x\\le 0\\end{cases},\\quad a \\text{ learned per unit}", alphaParameter(0.25),
     true, true, true, false, preluForward, preluBackward},
    {ActivationKind::Elu, "elu", "ELU", "f(x) = \\begin{cases}x & x>0\\\\ \\alpha\\,(e^{x}-1) & x\\le 0\\end{cases}",
     "f'(x) = \\begin{cases}1 & x>0\\\\ \\alpha\\,e^{x} & x\\le 0\\end{cases}", alphaParameter(1.0), false, true, true, true,
     NN_FLOAT_KERNEL_OR(eluKernel, eluReference), NN_FLOAT_KERNEL_OR(eluBackwardKernel, eluBackwardReference)},
    {ActivationKind::Softmax, "softmax", "Softmax", "\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}",
     "\\frac{\\partial a_i}{\\partial z_j} = a_i\\,(\\delta_{ij} - a_j)", std::nullopt, false, false, false, false,
     NN_FLOAT_KERNEL_OR(softmaxKernel, softmaxReference), softmaxBackward},
    {ActivationKind::Gelu, "gelu", "GELU",
     "\\mathrm{GELU}(x) \\approx \\tfrac{x}{2}\\Bigl(1+\\tanh\\bigl(\\sqrt{2/\\pi}\\,(x+0.044715\\,x^3)\\bigr)\\Bigr)",
     "f'(x) = \\tfrac{1+t}{2} + \\tfrac{x}{2}(1-t^2)\\sqrt{2/\\pi}\\,(1+0.134145\\,x^2),\\quad t = \\tanh(\\dots)",
     std::nullopt, false, true, false, false, NN_FLOAT_KERNEL_OR(geluKernel, geluReference),
     NN_FLOAT_KERNEL_OR(geluBackwardKernel, geluBackwardReference)},
    {ActivationKind::Silu, "silu", "SiLU", "\\mathrm{SiLU}(x) = x\\,\\sigma(x) = \\frac{x}{1+e^{-x}}",
     "f'(x) = \\sigma(x)\\,\\bigl(1 + x\\,(1 - \\sigma(x))\\bigr)", std::nullopt, false, true, false, false,
     NN_FLOAT_KERNEL_OR(siluKernel, siluReference), NN_FLOAT_KERNEL_OR(siluBackwardKernel, siluBackwardReference)},
    // ln(1 + e^-inf) = 0: squashes -inf into a finite output.
    {ActivationKind::Softplus, "softplus", "Softplus", "\\mathrm{softplus}(x) = \\ln(1 + e^{x})",
     "f'(x) = \\sigma(x) = \\frac{1}{1+e^{-x}}", std::nullopt, false, true, false, true, softplusForward,
     NN_FLOAT_KERNEL_OR(softplusBackwardKernel, softplusBackwardReference)},
};

}  // namespace

Registry<ActivationDefinition> activationRegistry() { return kActivations; }
const ActivationDefinition& activationDefinition(ActivationKind kind) { return kActivations[static_cast<int>(kind)]; }

}  // namespace nn
