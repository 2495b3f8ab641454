// The packed matrix-product kernel of the wasm SIMD build agrees with the naive reference and Eigen.
#include "core/gemm.h"
#include <doctest/doctest.h>
#include <vector>
#include "core/rng.h"
#include "core/types.h"

using namespace nn;

namespace {
Eigen::MatrixXf randomMatrix(int rows, int cols, Rng& rng) {
  Eigen::MatrixXf m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m(i) = static_cast<float>(rng.normal());
  return m;
}
}  // namespace

TEST_CASE("the packed product equals the naive product for every shape and transpose") {
  Rng rng(1);
  std::vector<float> workspace;
  // sizes around the 8x4 tile and the 256-deep blocks, including 1 and edges
  for (int m : {1, 3, 8, 9, 17, 64})
    for (int n : {1, 4, 5, 10, 33})
      for (int k : {1, 7, 256, 300})
        for (bool ta : {false, true})
          for (bool tb : {false, true}) {
            CAPTURE(m);
            CAPTURE(n);
            CAPTURE(k);
            CAPTURE(ta);
            CAPTURE(tb);
            const Eigen::MatrixXf A = ta ? randomMatrix(k, m, rng) : randomMatrix(m, k, rng);
            const Eigen::MatrixXf B = tb ? randomMatrix(n, k, rng) : randomMatrix(k, n, rng);
            Eigen::MatrixXf fast(m, n), naive(m, n);
            GemmArgs args{m,  n,           k, A.data(), static_cast<int>(A.rows()), ta, B.data(), static_cast<int>(B.rows()),
                          tb, fast.data(), m};
            gemmPacked(args, workspace);
            args.c = naive.data();
            gemmNaive(args);
            const Eigen::MatrixXf eigen =
                (ta ? Eigen::MatrixXf(A.transpose()) : A) * (tb ? Eigen::MatrixXf(B.transpose()) : B);
            const float scale = 1.0f + naive.cwiseAbs().maxCoeff();
            CHECK((fast - naive).cwiseAbs().maxCoeff() / scale < 1e-5f);
            CHECK((eigen - naive).cwiseAbs().maxCoeff() / scale < 1e-5f);
          }
}

TEST_CASE("the packed product reuses its workspace instead of growing it") {
  Rng rng(2);
  std::vector<float> workspace;
  const Eigen::MatrixXf A = randomMatrix(40, 30, rng), B = randomMatrix(30, 20, rng);
  Eigen::MatrixXf C(40, 20);
  GemmArgs args{40, 20, 30, A.data(), 40, false, B.data(), 30, false, C.data(), 40};
  gemmPacked(args, workspace);
  const float* before = workspace.data();
  gemmPacked(args, workspace);
  CHECK(workspace.data() == before);
}
