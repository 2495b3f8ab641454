// A packed, register-blocked matrix product for the wasm SIMD build.
//
// Eigen 3.4 has no WebAssembly packet backend, so in wasm its products are
// only auto-vectorised (~15 GFLOP/s here). This kernel packs A into 8-row
// panels and B into 4-column panels and keeps an 8x4 block of C in eight
// 4-float registers (such a kernel measured 26-29 GFLOP/s in wasm on 128x784x64
// products, about native SSE2 Eigen). It is written with GCC/Clang vector
// extensions, so the same code compiles to SSE natively and to wasm SIMD128
// under emscripten, and the native tests check it against the naive reference below.
//
// All matrices are column-major float (one column = one example elsewhere).
#pragma once
#include <vector>

namespace nn {

// C (m, n) = op(A) (m, k) * op(B) (k, n), where op(X) is X or X^T.
// lda / ldb / ldc are the column strides of the stored matrices.
struct GemmArgs {
  int m, n, k;
  const float* a;
  int lda;
  bool transposeA;
  const float* b;
  int ldb;
  bool transposeB;
  float* c;
  int ldc;
};

// The fast kernel. `workspace` is grown on first use and reused (no allocation
// in later calls of the same or smaller size).
void gemmPacked(const GemmArgs& args, std::vector<float>& workspace);

// The obviously-correct triple loop the kernel is tested against.
void gemmNaive(const GemmArgs& args);

}  // namespace nn
