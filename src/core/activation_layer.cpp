#include "activation_layer.h"

namespace nn {

ActivationLayer::ActivationLayer(int units, ActivationKind kind, double alpha) : Layer(units, units), kind_(kind) {
  const int alphaRows = activationDefinition(kind).alphaPerUnit ? units : 1;
  alpha_ = Matrix::Constant(alphaRows, 1, static_cast<Scalar>(alpha));
  dAlpha_ = Matrix::Zero(alphaRows, 1);
  alphaColumn_ = alpha_.col(0);
}

void ActivationLayer::resize(int batch) {
  output_.resize(outputSize_, batch);
  dInput_.resize(inputSize_, batch);
}

void ActivationLayer::forward(const Matrix& input, Mode) {
  if (activationDefinition(kind_).alphaPerUnit) alphaColumn_ = alpha_.col(0);  // the optimizer may have moved alpha
  activate(kind_, alphaColumn_, input, output_);
}

void ActivationLayer::backward(const Matrix& input, const Matrix& dOutput) {
  activationBackward(kind_, alphaColumn_, input, output_, dOutput, dInput_);
  if (activationDefinition(kind_).alphaPerUnit) {
    // dLoss/dalpha_u = sum over the batch of dOutput * z where z <= 0 (a = alpha z there).
    // A plain loop: Eigen would evaluate a select() inside rowwise().sum() into a heap temporary.
    dAlpha_.setZero();
    for (Eigen::Index c = 0; c < input.cols(); ++c)
      for (Eigen::Index r = 0; r < input.rows(); ++r)
        if (input(r, c) <= Scalar(0)) dAlpha_(r, 0) += dOutput(r, c) * input(r, c);
  }
}

std::vector<Parameter> ActivationLayer::parameters() {
  if (!activationDefinition(kind_).alphaPerUnit) return {};
  return {{&alpha_, &dAlpha_, "alpha", false}};
}

std::string ActivationLayer::name() const { return activationDefinition(kind_).displayName; }

}  // namespace nn
