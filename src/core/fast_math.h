// Vectorised exp, expm1, sigmoid and tanh on four float lanes.
//
// Written with GCC/Clang vector extensions like src/core/gemm.cpp, so the same
// code is SSE natively and wasm SIMD128 under emscripten (the baseline wasm
// build, without SIMD, gets the same arithmetic lane by lane). Every build
// therefore computes bit-identical activations, which keeps the wasm-vs-native
// agreement of training runs tight. Without this, wasm's exp is a scalar libc
// call per element: on 5 x Dense(100) sigmoid it was a fifth of the forward pass.
//
// exp: Cephes' range reduction and degree-5 polynomial (x = n ln2 + r, |r| <= ln2/2,
// exp(r) = 1 + r + r^2 P(r)), scaled by 2^n in two halves so that results in
// float's subnormal range come out right too. Measured against the double
// exp over every 61st float in [-103, 88.7]: at most 2 ulp (tests/unit/fast_math_test.cpp).
// NaN stays NaN in every function here (the divergence checks rely on it), +-inf
// gives the mathematical limit.
//
// The naive references these are tested against are the std:: functions
// (std::exp, std::expm1, std::tanh, nn::sigmoid); the double build of the core
// (gradient checks) uses those references directly.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace nn {
namespace simd {

typedef float Float4 __attribute__((vector_size(16)));
typedef int32_t Int4 __attribute__((vector_size(16)));

inline Float4 splat(float x) { return Float4{x, x, x, x}; }
inline Float4 load4(const float* p) {
  Float4 v;
  std::memcpy(&v, p, sizeof v);  // unaligned load
  return v;
}
inline void store4(float* p, Float4 v) { std::memcpy(p, &v, sizeof v); }
inline Int4 bitsOf(Float4 v) { return (Int4)v; }  // vector casts reinterpret the bits
inline Float4 floatOf(Int4 v) { return (Float4)v; }
// mask lanes are all ones or all zeros (the result of a vector comparison)
inline Float4 select(Int4 mask, Float4 ifTrue, Float4 ifFalse) {
  return floatOf((mask & bitsOf(ifTrue)) | (~mask & bitsOf(ifFalse)));
}
inline Float4 abs4(Float4 x) { return floatOf(bitsOf(x) & Int4{0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff}); }

// 2^k for integer lanes k in [-126, 127]
inline Float4 pow2(Int4 k) { return floatOf((k + 127) << 23); }

// The shared first half of exp and expm1: x = n ln2 + r. Returns expm1(r) and sets n.
inline Float4 expReduced(Float4 x, Int4& n) {
  // Clamp (NaN passes through: every comparison with it is false). Beyond these
  // bounds exp overflows to inf or underflows to 0 anyway.
  x = select(x > splat(89.0f), splat(89.0f), x);
  x = select(x < splat(-104.0f), splat(-104.0f), x);
  // n = round(x / ln2) by the 1.5 * 2^23 trick: adding it leaves n in the low mantissa bits.
  const Float4 magic = splat(12582912.0f);
  const Float4 shifted = x * splat(1.44269504088896341f) + magic;
  n = bitsOf(shifted) - bitsOf(magic);
  const Float4 nf = shifted - magic;
  // r = x - n ln2, with ln2 split in two so that n * 0.693359375 is exact.
  Float4 r = x - nf * splat(0.693359375f);
  r = r - nf * splat(-2.12194440e-4f);
  Float4 p = splat(1.9875691500e-4f);
  p = p * r + splat(1.3981999507e-3f);
  p = p * r + splat(8.3334519073e-3f);
  p = p * r + splat(4.1665795894e-2f);
  p = p * r + splat(1.6666665459e-1f);
  p = p * r + splat(5.0000001201e-1f);
  return p * (r * r) + r;
}

// exp(r) * 2^n, n in [-150, 128], as two exact power-of-two factors (one alone leaves float's exponent range).
inline Float4 scaleByPow2(Float4 y, Int4 n) {
  const Int4 half = n >> 1;
  return y * pow2(half) * pow2(n - half);
}

inline Float4 exp4(Float4 x) {
  Int4 n;
  const Float4 expm1r = expReduced(x, n);
  return scaleByPow2(expm1r + splat(1.0f), n);
}

// e^x - 1 without the cancellation of exp(x) - 1 near 0: when n = 0 (|x| < ln2/2), r = x and the
// polynomial is expm1(x) itself; elsewhere |e^x - 1| >= 0.29, so subtracting 1 loses under 2 bits.
inline Float4 expm14(Float4 x) {
  Int4 n;
  const Float4 expm1r = expReduced(x, n);
  const Float4 far = scaleByPow2(expm1r + splat(1.0f), n) - splat(1.0f);
  return select(n == Int4{0, 0, 0, 0}, expm1r, far);
}

// sigmoid(x) and 1 - sigmoid(x), both to full relative precision (1 - s computed as a
// difference would lose everything when s is near 1), from one exp of -|x| (never overflows).
inline void sigmoidPair4(Float4 x, Float4& s, Float4& oneMinusS) {
  const Float4 e = exp4(-abs4(x));
  const Float4 p = splat(1.0f) / (splat(1.0f) + e);  // sigmoid(|x|)
  const Int4 nonNegative = x >= splat(0.0f);
  s = select(nonNegative, p, e * p);
  oneMinusS = select(nonNegative, e * p, p);
}

inline Float4 sigmoid4(Float4 x) {
  Float4 s, oneMinusS;
  sigmoidPair4(x, s, oneMinusS);
  return s;
}

// tanh(x) = -expm1(-2|x|) / (2 + expm1(-2|x|)) with the sign of x: accurate near 0, no overflow.
inline Float4 tanh4(Float4 x) {
  const Float4 e = expm14(splat(-2.0f) * abs4(x));  // in [-1, 0]
  const Float4 t = abs4(e) / (splat(2.0f) + e);     // |e| rather than -e: tanh(+0) is +0
  const Int4 signBit = bitsOf(x) & Int4{INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN};
  return floatOf(bitsOf(t) | signBit);
}

// out[i] = f(in...[i]) for i < n, four lanes at a time. The last 1-3 elements go
// through the same vector code on a zero-padded copy, so a value's result never
// depends on where in the array it sits. Outputs may alias inputs.
template <typename Function, typename... Inputs>
inline void mapArrays(std::ptrdiff_t n, float* out, Function f, const Inputs*... in) {
  std::ptrdiff_t i = 0;
  for (; i + 4 <= n; i += 4) store4(out + i, f(load4(in + i)...));
  const std::ptrdiff_t rest = n - i;
  if (rest > 0) {
    auto padded = [i, rest](const float* p) {
      float lanes[4] = {0, 0, 0, 0};
      std::memcpy(lanes, p + i, static_cast<size_t>(rest) * sizeof(float));
      return load4(lanes);
    };
    float result[4];
    store4(result, f(padded(in)...));
    std::memcpy(out + i, result, static_cast<size_t>(rest) * sizeof(float));
  }
}

}  // namespace simd

// Array forms. The float versions use the vector code above; the double versions
// (the gradient-check build) are the plain std:: loops.
void expArray(const float* in, float* out, std::ptrdiff_t n);
void expArray(const double* in, double* out, std::ptrdiff_t n);
// True when no value is NaN or infinite: sums x * 0, which is 0 for every finite x and NaN
// otherwise, so unlike a plain sum it cannot overflow into a false alarm.
bool allFiniteArray(const float* values, std::ptrdiff_t n);
bool allFiniteArray(const double* values, std::ptrdiff_t n);

}  // namespace nn
