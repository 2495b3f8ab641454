// Inverted dropout: in training each unit is kept with probability 1 - rate
// and scaled by 1 / (1 - rate), so the expected activation is unchanged and
// inference is the identity (no rescaling at test time).
#pragma once
#include "layer.h"
#include "rng.h"

namespace nn {

class Dropout : public Layer {
 public:
  // rng: the network's dropout stream (owned by the network, outlives the layer).
  Dropout(int units, double rate, Rng* rng);

  void resize(int batch) override;
  void forward(const Matrix& input, Mode mode) override;
  void backward(const Matrix& input, const Matrix& dOutput) override;
  std::string type() const override { return "dropout"; }
  std::string name() const override;

  double rate() const { return rate_; }

 private:
  double rate_;
  Rng* rng_;
  Matrix mask_;  // (units, batch): 0 for dropped units, 1/(1-rate) for kept ones
  bool lastWasTraining_ = false;
};

}  // namespace nn
