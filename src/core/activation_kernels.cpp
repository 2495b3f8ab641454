#include "activation_kernels.h"

#include "fast_math.h"

namespace nn {

#ifdef NN_SCALAR_DOUBLE

bool activateVectorised(ActivationKind, Scalar, const Matrix&, Matrix&) { return false; }
bool activationBackwardVectorised(ActivationKind, Scalar, const Matrix&, const Matrix&, const Matrix&, Matrix&) {
  return false;
}

#else

namespace {

using simd::Float4;
using simd::splat;

// Every kernel below is its own function (noinline): a network uses one or two kinds, and V8
// compiles a wasm function whole before running it fast, so one switch with every kernel inlined
// would make a fresh run wait for code it never calls.
#define NN_KERNEL __attribute__((noinline))

constexpr float kSqrt2OverPi = 0.7978845608028654f;  // GELU's tanh approximation, as in activation.cpp
constexpr float kGeluCubic = 0.044715f;

// GELU: z/2 (1 + tanh(u)) = z sigmoid(2u), u = sqrt(2/pi) (z + 0.044715 z^3). The sigmoid form keeps
// full relative precision in the negative tail, where 1 + tanh(u) cancels.
inline Float4 twiceGeluArgument(Float4 x) {
  return splat(2.0f * kSqrt2OverPi) * (x + splat(kGeluCubic) * x * x * x);
}

// Softmax per column: a = z - max of its column, exp of the whole matrix at once, then each column / its sum.
NN_KERNEL void softmax(const Matrix& z, Matrix& a) {
  for (Eigen::Index c = 0; c < z.cols(); ++c) a.col(c) = z.col(c).array() - z.col(c).maxCoeff();
  expArray(a.data(), a.data(), a.size());
  for (Eigen::Index c = 0; c < z.cols(); ++c) a.col(c) /= a.col(c).sum();
}

}  // namespace

NN_KERNEL void sigmoidForward(std::ptrdiff_t n, float* out, const float* in) { simd::mapArrays(n, out, simd::sigmoid4, in); }
NN_KERNEL void tanhForward(std::ptrdiff_t n, float* out, const float* in) { simd::mapArrays(n, out, simd::tanh4, in); }
NN_KERNEL void eluForward(std::ptrdiff_t n, float* out, const float* in, float alpha) {  // z if z > 0 else alpha (e^z - 1)
  simd::mapArrays(n, out, [alpha](Float4 x) { return simd::select(x > splat(0.0f), x, splat(alpha) * simd::expm14(x)); }, in);
}
NN_KERNEL void geluForward(std::ptrdiff_t n, float* out, const float* in) {
  simd::mapArrays(n, out, [](Float4 x) { return x * simd::sigmoid4(twiceGeluArgument(x)); }, in);
}
NN_KERNEL void siluForward(std::ptrdiff_t n, float* out, const float* in) {  // z sigmoid(z)
  simd::mapArrays(n, out, [](Float4 x) { return x * simd::sigmoid4(x); }, in);
}

bool activateVectorised(ActivationKind kind, Scalar alpha, const Matrix& z, Matrix& a) {
  const std::ptrdiff_t n = z.size();
  switch (kind) {
    case ActivationKind::Sigmoid: sigmoidForward(n, a.data(), z.data()); return true;
    case ActivationKind::Tanh: tanhForward(n, a.data(), z.data()); return true;
    case ActivationKind::Elu: eluForward(n, a.data(), z.data(), alpha); return true;
    case ActivationKind::Gelu: geluForward(n, a.data(), z.data()); return true;
    case ActivationKind::Silu: siluForward(n, a.data(), z.data()); return true;
    case ActivationKind::Softmax: softmax(z, a); return true;
    default: return false;
  }
}

namespace {

// dZ from dA and the forward pass's a (sigmoid, tanh) or z (the others).
NN_KERNEL void sigmoidBackward(std::ptrdiff_t n, float* dZ, const float* dA, const float* a) {  // f' = a (1 - a)
  simd::mapArrays(n, dZ, [](Float4 g, Float4 y) { return g * y * (splat(1.0f) - y); }, dA, a);
}
NN_KERNEL void tanhBackward(std::ptrdiff_t n, float* dZ, const float* dA, const float* a) {  // f' = 1 - a^2
  simd::mapArrays(n, dZ, [](Float4 g, Float4 y) { return g * (splat(1.0f) - y * y); }, dA, a);
}
NN_KERNEL void eluBackward(std::ptrdiff_t n, float* dZ, const float* dA, const float* z, float alpha) {
  // f' = 1 if z > 0 else alpha e^z
  simd::mapArrays(n, dZ, [alpha](Float4 g, Float4 x) {
    return simd::select(x > splat(0.0f), g, g * (splat(alpha) * simd::exp4(x)));
  }, dA, z);
}
NN_KERNEL void geluBackward(std::ptrdiff_t n, float* dZ, const float* dA, const float* z) {
  // f' = s + 2 z s (1 - s) sqrt(2/pi) (1 + 3*0.044715 z^2), s = sigmoid(2u)
  simd::mapArrays(n, dZ, [](Float4 g, Float4 x) {
    Float4 s, oneMinusS;
    simd::sigmoidPair4(twiceGeluArgument(x), s, oneMinusS);
    const Float4 slope = splat(2.0f * kSqrt2OverPi) * (splat(1.0f) + splat(3.0f * kGeluCubic) * x * x);
    return g * (s + x * s * oneMinusS * slope);
  }, dA, z);
}
NN_KERNEL void siluBackward(std::ptrdiff_t n, float* dZ, const float* dA, const float* z) {
  // f' = s (1 + z (1 - s)) = s + z s (1 - s)
  simd::mapArrays(n, dZ, [](Float4 g, Float4 x) {
    Float4 s, oneMinusS;
    simd::sigmoidPair4(x, s, oneMinusS);
    return g * (s + x * s * oneMinusS);
  }, dA, z);
}

}  // namespace

bool activationBackwardVectorised(ActivationKind kind, Scalar alpha, const Matrix& z, const Matrix& a,
                                  const Matrix& dA, Matrix& dZ) {
  const std::ptrdiff_t n = z.size();
  switch (kind) {
    case ActivationKind::Sigmoid: sigmoidBackward(n, dZ.data(), dA.data(), a.data()); return true;
    case ActivationKind::Tanh: tanhBackward(n, dZ.data(), dA.data(), a.data()); return true;
    case ActivationKind::Elu: eluBackward(n, dZ.data(), dA.data(), z.data(), alpha); return true;
    case ActivationKind::Gelu: geluBackward(n, dZ.data(), dA.data(), z.data()); return true;
    case ActivationKind::Silu: siluBackward(n, dZ.data(), dA.data(), z.data()); return true;
    default: return false;
  }
}

#endif

}  // namespace nn
