#include "dense.h"

#include "gemm.h"

namespace nn {

Dense::Dense(int inputSize, int units)
    : Layer(inputSize, units),
      W_(Matrix::Zero(units, inputSize)),
      b_(Matrix::Zero(units, 1)),
      dW_(Matrix::Zero(units, inputSize)),
      db_(Matrix::Zero(units, 1)) {}

void Dense::initializeParameters(const InitConfig& weightInit, const InitConfig& biasInit, Rng& rng) {
  initialize(W_, weightInit, inputSize_, outputSize_, rng);
  initialize(b_, biasInit, inputSize_, outputSize_, rng);
}

void Dense::resize(int batch) {
  output_.resize(outputSize_, batch);
  dInput_.resize(inputSize_, batch);
}

namespace {

// result = op(left) * op(right). The wasm SIMD build multiplies with the packed
// kernel of gemm.h (Eigen has no wasm SIMD backend); every other build uses
// Eigen's own product. Neither allocates once `workspace` has grown.
void multiplyInto(Matrix& result, const Matrix& left, bool transposeLeft, const Matrix& right, bool transposeRight,
                  std::vector<float>& workspace) {
#if defined(NN_PACKED_GEMM) && !defined(NN_SCALAR_DOUBLE)
  const int m = static_cast<int>(transposeLeft ? left.cols() : left.rows());
  const int k = static_cast<int>(transposeLeft ? left.rows() : left.cols());
  const int n = static_cast<int>(transposeRight ? right.rows() : right.cols());
  gemmPacked({m, n, k, left.data(), static_cast<int>(left.rows()), transposeLeft, right.data(),
              static_cast<int>(right.rows()), transposeRight, result.data(), static_cast<int>(result.rows())},
             workspace);
#else
  (void)workspace;
  if (transposeLeft) {
    result.noalias() = left.transpose() * right;  // the only transposed-left product a dense layer needs
  } else if (transposeRight) {
    result.noalias() = left * right.transpose();
  } else {
    result.noalias() = left * right;
  }
#endif
}

}  // namespace

// output = W input + b (b added to every column)
void Dense::forward(const Matrix& input, Mode) {
  multiplyInto(output_, W_, false, input, false, gemmWorkspace_);
  output_.colwise() += b_.col(0);
}

// dW = dOutput input^T;  db = sum over the batch of dOutput;  dInput = W^T dOutput
void Dense::backward(const Matrix& input, const Matrix& dOutput) {
  backwardParameters(input, dOutput);
  backwardInput(dOutput, W_);
}

void Dense::backwardParameters(const Matrix& input, const Matrix& dOutput) {
  multiplyInto(dW_, dOutput, false, input, true, gemmWorkspace_);
  db_.col(0).noalias() = dOutput.rowwise().sum();
}

void Dense::backwardInput(const Matrix& dOutput, const Matrix& weights) {
  multiplyInto(dInput_, weights, true, dOutput, false, gemmWorkspace_);
}

std::vector<Parameter> Dense::parameters() { return {{&W_, &dW_, "W", true}, {&b_, &db_, "b", false}}; }

std::string Dense::name() const { return "Dense " + std::to_string(outputSize_); }

}  // namespace nn
