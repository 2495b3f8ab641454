#include "fast_math.h"

#include <cmath>

namespace nn {

void expArray(const float* in, float* out, std::ptrdiff_t n) { simd::mapArrays(n, out, simd::exp4, in); }

void expArray(const double* in, double* out, std::ptrdiff_t n) {
  for (std::ptrdiff_t i = 0; i < n; ++i) out[i] = std::exp(in[i]);
}

bool allFiniteArray(const float* values, std::ptrdiff_t n) {
  using simd::Float4;
  const Float4 zero = simd::splat(0.0f);
  Float4 a = zero, b = zero, c = zero, d = zero;  // four chains, so the adds overlap
  std::ptrdiff_t i = 0;
  for (; i + 16 <= n; i += 16) {
    a += simd::load4(values + i) * zero;
    b += simd::load4(values + i + 4) * zero;
    c += simd::load4(values + i + 8) * zero;
    d += simd::load4(values + i + 12) * zero;
  }
  float rest = 0.0f;
  for (; i < n; ++i) rest += values[i] * 0.0f;
  const Float4 all = (a + b) + (c + d);
  return all[0] == 0.0f && all[1] == 0.0f && all[2] == 0.0f && all[3] == 0.0f && rest == 0.0f;
}

bool allFiniteArray(const double* values, std::ptrdiff_t n) {
  for (std::ptrdiff_t i = 0; i < n; ++i)
    if (!std::isfinite(values[i])) return false;
  return true;
}

}  // namespace nn
