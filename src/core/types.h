// Basic numeric types shared by the whole core.
//
// Convention used everywhere: ONE COLUMN = ONE EXAMPLE.
// A batch of B examples with F features is a Matrix of shape (F, B).
#pragma once
#include <Eigen/Dense>
#include <cstdint>

namespace nn {

// The core is compiled in float for speed (wasm SIMD has 4 float lanes) and,
// for the gradient-check tests only, in double (NN_SCALAR_DOUBLE) so that
// finite differences are accurate enough to be a sharp test.
#ifdef NN_SCALAR_DOUBLE
using Scalar = double;
#else
using Scalar = float;
#endif

using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;  // column-major
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
using RowVector = Eigen::Matrix<Scalar, 1, Eigen::Dynamic>;
using IndexVector = Eigen::Matrix<int, Eigen::Dynamic, 1>;

}  // namespace nn
