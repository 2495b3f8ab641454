// Batch normalisation over the examples of a mini-batch, one statistic per unit.
#pragma once
#include "layer.h"

namespace nn {

class BatchNorm : public Layer {
 public:
  // momentum: running = momentum * running + (1 - momentum) * batch statistic.
  BatchNorm(int units, double momentum, double eps);

  void resize(int batch) override;
  void forward(const Matrix& input, Mode mode) override;
  void backward(const Matrix& input, const Matrix& dOutput) override;
  std::vector<Parameter> parameters() override;
  std::vector<StateTensor> state() override;
  std::string type() const override { return "batchnorm"; }
  std::string name() const override { return "BatchNorm"; }

  const Matrix& runningMean() const { return runningMean_; }
  const Matrix& runningVar() const { return runningVar_; }

 private:
  Scalar momentum_;
  Scalar eps_;
  Matrix gamma_, beta_;              // (units, 1) learned scale and shift, start at 1 and 0
  Matrix dGamma_, dBeta_;            // (units, 1)
  Matrix runningMean_, runningVar_;  // (units, 1) used at inference
  Vector mean_, variance_, invStd_;  // (units) of the last training batch
  Matrix xHat_;                      // (units, batch) normalised input of the last training batch
  Vector sumDxHat_, sumDxHatXHat_;   // (units) scratch for backward
};

}  // namespace nn
