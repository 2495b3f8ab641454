// Inverted dropout: in training each unit is kept with probability 1 - rate
// and scaled by 1 / (1 - rate), so the expected activation is unchanged and
// inference is the identity (no rescaling at test time). Mode::Thinned applies
// one fixed per-unit mask (drawUnitMask) to every example: one thinned network.
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
  // Chooses the thinned network that Mode::Thinned evaluates: each unit kept with probability
  // 1 - rate (and scaled by 1 / (1 - rate), as in training) or dropped, the same for every example.
  void drawUnitMask(Rng& rng);

 private:
  double rate_;
  Rng* rng_;
  Matrix mask_;      // (units, batch): 0 for dropped units, 1/(1-rate) for kept ones
  Vector unitMask_;  // (units): Mode::Thinned's mask, the same for every column; all ones until drawn
  bool lastWasTraining_ = false;
};

}  // namespace nn
