// Fully connected (affine) layer: output = W input + b.
#pragma once
#include <vector>
#include "init.h"
#include "layer.h"

namespace nn {

class Dense : public Layer {
 public:
  Dense(int inputSize, int units);

  // Draws W with weightInit (fan-in = inputSize, fan-out = units) and b with biasInit.
  void initializeParameters(const InitConfig& weightInit, const InitConfig& biasInit, Rng& rng);

  void resize(int batch) override;
  void forward(const Matrix& input, Mode mode) override;
  void backward(const Matrix& input, const Matrix& dOutput) override;
  std::vector<Parameter> parameters() override;
  std::string type() const override { return "dense"; }
  std::string name() const override;

  Matrix& weights() { return W_; }
  Matrix& bias() { return b_; }
  const Matrix& weightGradient() const { return dW_; }

 private:
  Matrix W_;   // (units, inputSize)
  Matrix b_;   // (units, 1)
  Matrix dW_;  // (units, inputSize)
  Matrix db_;  // (units, 1)
  std::vector<float> gemmWorkspace_;  // packed panels of the wasm SIMD product (src/core/gemm.h)
};

}  // namespace nn
