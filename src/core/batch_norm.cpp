#include "batch_norm.h"

#include <cmath>

namespace nn {

BatchNorm::BatchNorm(int units, double momentum, double eps)
    : Layer(units, units),
      momentum_(static_cast<Scalar>(momentum)),
      eps_(static_cast<Scalar>(eps)),
      gamma_(Matrix::Ones(units, 1)),
      beta_(Matrix::Zero(units, 1)),
      dGamma_(Matrix::Zero(units, 1)),
      dBeta_(Matrix::Zero(units, 1)),
      runningMean_(Matrix::Zero(units, 1)),
      runningVar_(Matrix::Ones(units, 1)),
      mean_(Vector::Zero(units)),
      variance_(Vector::Ones(units)),
      invStd_(Vector::Ones(units)),
      sumDxHat_(Vector::Zero(units)),
      sumDxHatXHat_(Vector::Zero(units)) {}

void BatchNorm::resize(int batch) {
  output_.resize(outputSize_, batch);
  dInput_.resize(inputSize_, batch);
  xHat_.resize(outputSize_, batch);
}

void BatchNorm::forward(const Matrix& input, Mode mode) {
  const Eigen::Index batch = input.cols();
  if (mode == Mode::Training) {
    // mu = mean over the batch;  var = mean((x - mu)^2);  xHat = (x - mu) / sqrt(var + eps)
    mean_ = input.rowwise().mean();
    xHat_ = input.colwise() - mean_;
    variance_ = xHat_.array().square().rowwise().sum() / static_cast<Scalar>(batch);
    invStd_ = (variance_.array() + eps_).rsqrt();
    xHat_ = xHat_.array().colwise() * invStd_.array();
    // running = momentum * running + (1 - momentum) * batch statistic (biased variance, as in the book)
    runningMean_.col(0) = momentum_ * runningMean_.col(0) + (Scalar(1) - momentum_) * mean_;
    runningVar_.col(0) = momentum_ * runningVar_.col(0) + (Scalar(1) - momentum_) * variance_;
  } else {
    // xHat = (x - running mean) / sqrt(running var + eps)
    invStd_ = (runningVar_.col(0).array() + eps_).rsqrt();
    xHat_ = (input.colwise() - runningMean_.col(0)).array().colwise() * invStd_.array();
  }
  // y = gamma xHat + beta
  output_ = (xHat_.array().colwise() * gamma_.col(0).array()).colwise() + beta_.col(0).array();
}

// With N = batch, per unit:
//   dBeta = sum dy;  dGamma = sum dy xHat;  dxHat = dy gamma
//   dx = invStd / N * (N dxHat - sum dxHat - xHat * sum(dxHat xHat))
void BatchNorm::backward(const Matrix&, const Matrix& dOutput) {
  const Scalar batch = static_cast<Scalar>(dOutput.cols());
  dBeta_.col(0) = dOutput.rowwise().sum();
  dGamma_.col(0) = (dOutput.array() * xHat_.array()).rowwise().sum();
  // dInput first holds dxHat = dy * gamma
  dInput_ = dOutput.array().colwise() * gamma_.col(0).array();
  sumDxHat_ = dInput_.rowwise().sum();
  sumDxHatXHat_ = (dInput_.array() * xHat_.array()).rowwise().sum();
  // A plain loop: the one-expression form of this line made Eigen allocate a temporary.
  for (Eigen::Index c = 0; c < dInput_.cols(); ++c)
    for (Eigen::Index u = 0; u < dInput_.rows(); ++u)
      dInput_(u, c) = invStd_(u) / batch * (batch * dInput_(u, c) - sumDxHat_(u) - xHat_(u, c) * sumDxHatXHat_(u));
}

std::vector<Parameter> BatchNorm::parameters() {
  return {{&gamma_, &dGamma_, "gamma", false}, {&beta_, &dBeta_, "beta", false}};
}

std::vector<StateTensor> BatchNorm::state() { return {{&runningMean_, "running_mean"}, {&runningVar_, "running_var"}}; }

}  // namespace nn
