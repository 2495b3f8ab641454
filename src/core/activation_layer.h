// A layer that applies one activation function; PReLU's slopes are learned here.
#pragma once
#include "activation.h"
#include "layer.h"

namespace nn {

class ActivationLayer : public Layer {
 public:
  // alpha: leaky/ELU slope, or PReLU's initial slope for every unit.
  ActivationLayer(int units, ActivationKind kind, double alpha);

  void resize(int batch) override;
  void forward(const Matrix& input, Mode mode) override;
  void backward(const Matrix& input, const Matrix& dOutput) override;
  std::vector<Parameter> parameters() override;
  std::string type() const override { return "activation"; }
  std::string name() const override;

  ActivationKind kind() const { return kind_; }
  const Matrix& alpha() const { return alpha_; }

 private:
  ActivationKind kind_;
  Matrix alpha_;        // (units, 1) for PReLU (learned); (1, 1) otherwise
  Matrix dAlpha_;       // (units, 1) for PReLU
  Vector alphaColumn_;  // alpha_ as a Vector view for the activation functions (kept in sync)
};

}  // namespace nn
