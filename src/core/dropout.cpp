#include "dropout.h"

#include <cstdio>

namespace nn {

namespace {

// Inverted dropout's mask, entry by entry in storage order: kept and scaled by 1/keep with
// probability keep = 1 - rate, else 0. The per-example training masks and the thinned networks'
// per-unit masks draw the same way.
template <typename Mask>
void drawMask(Mask& mask, double rate, Rng& rng) {
  const double keep = 1.0 - rate;
  const Scalar scale = static_cast<Scalar>(1.0 / keep);
  for (Eigen::Index i = 0; i < mask.size(); ++i) mask(i) = rng.uniform() < keep ? scale : Scalar(0);
}

}  // namespace

Dropout::Dropout(int units, double rate, Rng* rng)
    : Layer(units, units), rate_(rate), rng_(rng), unitMask_(Vector::Ones(units)) {}

void Dropout::resize(int batch) {
  output_.resize(outputSize_, batch);
  dInput_.resize(inputSize_, batch);
  mask_.resize(outputSize_, batch);
}

void Dropout::forward(const Matrix& input, Mode mode) {
  lastWasTraining_ = mode == Mode::Training && rate_ > 0;
  if (mode == Mode::Thinned) {
    output_.noalias() = unitMask_.asDiagonal() * input;
    return;
  }
  if (!lastWasTraining_) {
    output_ = input;  // identity at inference and at rate 0
    return;
  }
  drawMask(mask_, rate_, *rng_);
  output_ = input.cwiseProduct(mask_);
}

void Dropout::drawUnitMask(Rng& rng) { drawMask(unitMask_, rate_, rng); }

void Dropout::backward(const Matrix&, const Matrix& dOutput) {
  if (lastWasTraining_) {
    dInput_ = dOutput.cwiseProduct(mask_);
  } else {
    dInput_ = dOutput;
  }
}

std::string Dropout::name() const {
  char text[32];
  std::snprintf(text, sizeof text, "Dropout %.2g", rate_);
  return text;
}

}  // namespace nn
