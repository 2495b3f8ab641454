#include "activation_layer.h"

namespace nn {

ActivationLayer::ActivationLayer(int units, ActivationKind kind, double alpha) : Layer(units, units), kind_(kind) {
  const int alphaRows = kind == ActivationKind::Prelu ? units : 1;
  alpha_ = Matrix::Constant(alphaRows, 1, static_cast<Scalar>(alpha));
  dAlpha_ = Matrix::Zero(alphaRows, 1);
  alphaColumn_ = alpha_.col(0);
}

void ActivationLayer::resize(int batch) {
  output_.resize(outputSize_, batch);
  dInput_.resize(inputSize_, batch);
}

void ActivationLayer::forward(const Matrix& input, Mode) {
  if (kind_ == ActivationKind::Prelu) alphaColumn_ = alpha_.col(0);  // the optimizer may have moved alpha
  activate(kind_, alphaColumn_, input, output_);
}

void ActivationLayer::backward(const Matrix& input, const Matrix& dOutput) {
  activationBackward(kind_, alphaColumn_, input, output_, dOutput, dInput_);
  if (kind_ == ActivationKind::Prelu) {
    // dLoss/dalpha_u = sum over the batch of dOutput * z where z <= 0 (a = alpha z there).
    // A plain loop: Eigen would evaluate a select() inside rowwise().sum() into a heap temporary.
    dAlpha_.setZero();
    for (Eigen::Index c = 0; c < input.cols(); ++c)
      for (Eigen::Index r = 0; r < input.rows(); ++r)
        if (input(r, c) <= Scalar(0)) dAlpha_(r, 0) += dOutput(r, c) * input(r, c);
  }
}

std::vector<Parameter> ActivationLayer::parameters() {
  if (kind_ != ActivationKind::Prelu) return {};
  return {{&alpha_, &dAlpha_, "alpha", false}};
}

std::string ActivationLayer::name() const {
  switch (kind_) {
    case ActivationKind::Linear: return "Linear";
    case ActivationKind::Sigmoid: return "Sigmoid";
    case ActivationKind::Tanh: return "Tanh";
    case ActivationKind::Relu: return "ReLU";
    case ActivationKind::LeakyRelu: return "Leaky ReLU";
    case ActivationKind::Prelu: return "PReLU";
    case ActivationKind::Elu: return "ELU";
    case ActivationKind::Softmax: return "Softmax";
    case ActivationKind::Gelu: return "GELU";
    case ActivationKind::Silu: return "SiLU";
  }
  return "Activation";
}

}  // namespace nn
