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
  // The two halves of backward(). A first layer needs only the first during training: its
  // dInput (W^T dOutput, a fifth of a 784-128-64-10 step) is read only by statistics, which
  // ask for it afterwards with the weights the step saw (Network::completeFirstInputGradient).
  void backwardParameters(const Matrix& input, const Matrix& dOutput);  // dW, db
  void backwardInput(const Matrix& dOutput, const Matrix& weights);     // dInput = weights^T dOutput
  std::vector<Parameter> parameters() override;
  std::string type() const override { return "dense"; }
  std::string name() const override;

  Matrix& weights() { return W_; }
  Matrix& bias() { return b_; }

 private:
  Matrix W_;                          // (units, inputSize)
  Matrix b_;                          // (units, 1)
  Matrix dW_;                         // (units, inputSize)
  Matrix db_;                         // (units, 1)
  std::vector<float> gemmWorkspace_;  // packed panels of the wasm SIMD product (src/core/gemm.h)
};

}  // namespace nn
