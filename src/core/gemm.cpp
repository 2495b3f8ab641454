#include "gemm.h"

#include <algorithm>

#include "fast_math.h"

namespace nn {

namespace {

using simd::Float4;  // 4 lanes: SSE natively, v128 in wasm (fast_math.h)
using simd::load4;
using simd::store4;

constexpr int kRows = 8;     // rows of C per micro-tile (two Float4)
constexpr int kCols = 4;     // columns of C per micro-tile
constexpr int kDepth = 256;  // k-block: keeps a packed A panel (8 x 256 floats = 8 KiB) in L1

inline float elementA(const GemmArgs& g, int row, int depth) {
  return g.transposeA ? g.a[row * g.lda + depth] : g.a[depth * g.lda + row];  // op(A)(row, depth)
}
inline float elementB(const GemmArgs& g, int depth, int col) {
  return g.transposeB ? g.b[depth * g.ldb + col] : g.b[col * g.ldb + depth];  // op(B)(depth, col)
}

// Packs op(A)(rows [i0, i0+8), depths [p0, p0+kc)) so that the kernel reads
// 8 consecutive floats per depth step; rows past m are zero.
void packA(const GemmArgs& g, int i0, int p0, int kc, float* out) {
  const int rows = std::min(kRows, g.m - i0);
  for (int p = 0; p < kc; ++p) {
    float* dst = out + p * kRows;
    int r = 0;
    if (!g.transposeA) {
      const float* src = g.a + (p0 + p) * g.lda + i0;  // contiguous column segment
      for (; r < rows; ++r) dst[r] = src[r];
    } else {
      for (; r < rows; ++r) dst[r] = elementA(g, i0 + r, p0 + p);
    }
    for (; r < kRows; ++r) dst[r] = 0.0f;
  }
}

// Packs op(B)(depths [p0, p0+kc), columns [j0, j0+4)) as 4 floats per depth step.
void packB(const GemmArgs& g, int j0, int p0, int kc, float* out) {
  const int cols = std::min(kCols, g.n - j0);
  for (int p = 0; p < kc; ++p) {
    float* dst = out + p * kCols;
    int c = 0;
    for (; c < cols; ++c) dst[c] = elementB(g, p0 + p, j0 + c);
    for (; c < kCols; ++c) dst[c] = 0.0f;
  }
}

// out[8x4, column stride ld] (= or +=) packedA (8 x kc) * packedB (kc x 4), accumulators in registers.
// Full tiles of C are written in place; edge tiles go through a padded 8x4 buffer (ld 8).
void microKernel(const float* packedA, const float* packedB, int kc, float* out, int ld, bool accumulate) {
  Float4 c0a = {0, 0, 0, 0}, c0b = c0a, c1a = c0a, c1b = c0a, c2a = c0a, c2b = c0a, c3a = c0a, c3b = c0a;
  for (int p = 0; p < kc; ++p) {
    const Float4 aLow = load4(packedA + p * kRows);
    const Float4 aHigh = load4(packedA + p * kRows + 4);
    const float* b = packedB + p * kCols;
    const Float4 b0 = {b[0], b[0], b[0], b[0]}, b1 = {b[1], b[1], b[1], b[1]};
    const Float4 b2 = {b[2], b[2], b[2], b[2]}, b3 = {b[3], b[3], b[3], b[3]};
    c0a += aLow * b0;
    c0b += aHigh * b0;
    c1a += aLow * b1;
    c1b += aHigh * b1;
    c2a += aLow * b2;
    c2b += aHigh * b2;
    c3a += aLow * b3;
    c3b += aHigh * b3;
  }
  if (accumulate) {
    c0a += load4(out), c0b += load4(out + 4);
    c1a += load4(out + ld), c1b += load4(out + ld + 4);
    c2a += load4(out + 2 * ld), c2b += load4(out + 2 * ld + 4);
    c3a += load4(out + 3 * ld), c3b += load4(out + 3 * ld + 4);
  }
  store4(out, c0a);
  store4(out + 4, c0b);
  store4(out + ld, c1a);
  store4(out + ld + 4, c1b);
  store4(out + 2 * ld, c2a);
  store4(out + 2 * ld + 4, c2b);
  store4(out + 3 * ld, c3a);
  store4(out + 3 * ld + 4, c3b);
}

// Products of the Playground's nets (2-8-8-1 on a batch of 10: a few hundred multiply-adds), where
// packing panels and padding tiles would cost more than the arithmetic.
constexpr long kSmallProduct = 4096;  // m * n * k at most
// op(A) = A^T is first copied out as a plain column-major m x k matrix (on the stack) so that the
// transposed products of a backward pass (W^T dZ) run the same 4-row vector loops as the others.
constexpr int kSmallTransposeFloats = 1024;

// C = A * op(B) with A plain column-major (m x k, column stride lda). The transpose of B is a
// template argument: the inner loops then carry no per-element branch. Each C(i, j) is summed
// over p = 0..k-1 in order, in every path, so the result does not depend on the path taken.
template <bool TransposeB>
void gemmSmallPlainA(const float* a, int lda, const GemmArgs& g) {
  auto elementB = [&g](int p, int j) { return TransposeB ? g.b[p * g.ldb + j] : g.b[j * g.ldb + p]; };
  for (int j = 0; j < g.n; ++j) {
    float* c = g.c + j * g.ldc;
    int i = 0;
    for (; i + 8 <= g.m; i += 8) {  // eight rows of a column in two registers, one broadcast of B
      Float4 low = {0, 0, 0, 0}, high = low;
      for (int p = 0; p < g.k; ++p) {
        const Float4 b = simd::splat(elementB(p, j));
        low += load4(a + p * lda + i) * b;
        high += load4(a + p * lda + i + 4) * b;
      }
      store4(c + i, low);
      store4(c + i + 4, high);
    }
    for (; i + 4 <= g.m; i += 4) {
      Float4 sum = {0, 0, 0, 0};
      for (int p = 0; p < g.k; ++p) sum += load4(a + p * lda + i) * simd::splat(elementB(p, j));
      store4(c + i, sum);
    }
    for (; i < g.m; ++i) {
      float sum = 0.0f;
      for (int p = 0; p < g.k; ++p) sum += a[p * lda + i] * elementB(p, j);
      c[i] = sum;
    }
  }
}

void gemmSmall(const GemmArgs& g) {
  const float* a = g.a;
  int lda = g.lda;
  float transposed[kSmallTransposeFloats];
  if (g.transposeA) {
    if (g.m * g.k > kSmallTransposeFloats) return gemmNaive(g);  // (a thin product: n is small)
    for (int p = 0; p < g.k; ++p)
      for (int i = 0; i < g.m; ++i) transposed[p * g.m + i] = g.a[i * g.lda + p];
    a = transposed;
    lda = g.m;
  }
  if (g.transposeB) {
    gemmSmallPlainA<true>(a, lda, g);
  } else {
    gemmSmallPlainA<false>(a, lda, g);
  }
}

}  // namespace

void gemmNaive(const GemmArgs& g) {
  for (int j = 0; j < g.n; ++j)
    for (int i = 0; i < g.m; ++i) {
      float sum = 0.0f;
      for (int p = 0; p < g.k; ++p) sum += elementA(g, i, p) * elementB(g, p, j);
      g.c[j * g.ldc + i] = sum;
    }
}

void gemmPacked(const GemmArgs& g, std::vector<float>& workspace) {
  if (static_cast<long>(g.m) * g.n * g.k <= kSmallProduct) return gemmSmall(g);  // also m, n or k = 0
  const int rowPanels = (g.m + kRows - 1) / kRows;
  const int colPanels = (g.n + kCols - 1) / kCols;
  const int kc = std::min(kDepth, g.k);
  // workspace: all packed A panels of one k-block, one packed B panel, one C tile
  const size_t needed = static_cast<size_t>(rowPanels) * kRows * kc + static_cast<size_t>(kCols) * kc + kRows * kCols;
  if (workspace.size() < needed) workspace.resize(needed);
  float* packedA = workspace.data();
  float* packedB = packedA + static_cast<size_t>(rowPanels) * kRows * kc;
  float* tile = packedB + static_cast<size_t>(kCols) * kc;

  for (int p0 = 0; p0 < g.k; p0 += kDepth) {
    const int depth = std::min(kDepth, g.k - p0);
    for (int panel = 0; panel < rowPanels; ++panel) packA(g, panel * kRows, p0, depth, packedA + panel * kRows * depth);
    for (int colPanel = 0; colPanel < colPanels; ++colPanel) {
      const int j0 = colPanel * kCols;
      const int cols = std::min(kCols, g.n - j0);
      packB(g, j0, p0, depth, packedB);
      for (int panel = 0; panel < rowPanels; ++panel) {
        const int i0 = panel * kRows;
        const int rows = std::min(kRows, g.m - i0);
        const bool accumulate = p0 > 0;  // the first k-block writes C, later ones add to it
        float* corner = g.c + j0 * g.ldc + i0;
        if (rows == kRows && cols == kCols) {
          microKernel(packedA + panel * kRows * depth, packedB, depth, corner, g.ldc, accumulate);
          continue;
        }
        microKernel(packedA + panel * kRows * depth, packedB, depth, tile, kRows, false);
        for (int c = 0; c < cols; ++c) {
          float* dst = corner + c * g.ldc;
          const float* src = tile + c * kRows;
          for (int r = 0; r < rows; ++r) dst[r] = accumulate ? dst[r] + src[r] : src[r];
        }
      }
    }
  }
}

}  // namespace nn
