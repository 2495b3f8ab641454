// A sequence of layers plus a fused output loss.
//
// The network only connects neighbours: layer i reads layer i-1's output on
// the way forward and layer i+1's dInput on the way back. Every buffer is
// sized once for a fixed batch size (resize), so training allocates nothing.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include "layer.h"
#include "layer_spec.h"
#include "loss.h"
#include "rng.h"

namespace nn {

class Dense;

struct NonFinite {
  int layer;             // index into layers(); -1 for the loss itself
  std::string quantity;  // "loss", "output", "gradient"
};

class Network {
 public:
  // Builds `layers` for `inputSize` features, ending in `loss`, and initialises their
  // parameters from `seed` (weights) — the dropout stream uses a seed derived from it.
  Network(const std::vector<LayerSpec>& layers, LossKind loss, int inputSize, int batch, uint64_t seed);

  // A copy of the architecture whose parameters will be overwritten at once (the
  // run's evaluation networks): skips drawing random weights it would discard.
  static std::unique_ptr<Network> withoutInitialization(const std::vector<LayerSpec>& layers, LossKind loss, int inputSize,
                                                        int batch);

  void resize(int batch);  // re-sizes every buffer (only at build time or for a new batch size)
  // Copies every layer's parameters and state (BatchNorm's running statistics) from `source`, a
  // network of the same layers at any batch size: a run's evaluation, sampling and tracing copies.
  void copyParametersFrom(Network& source);
  int batchSize() const { return batch_; }

  // Runs every layer; returns the logits (outputs, batch).
  const Matrix& forward(const Matrix& input, Mode mode);
  // Loss of the last forward() against targets (first `count` columns); also fills predictions.
  double loss(const Matrix& targets, Eigen::Index count = -1);
  // Back-propagates the loss gradient through every layer (after forward + loss).
  // firstInputGradient false: a first Dense layer leaves its dInput() stale (nothing
  // in training reads it) until completeFirstInputGradient() is called.
  void backward(const Matrix& input, const Matrix& targets, Eigen::Index count = -1, bool firstInputGradient = true);
  bool firstInputGradientPending() const { return firstInputGradientPending_; }
  // Fills the first layer's dInput() skipped by the last backward(); `weights` is that layer's W as
  // backward() saw it (the optimizer may have moved W since).
  void completeFirstInputGradient(const Matrix& weights);

  const Matrix& predictions() const { return loss_.predictions(); }  // (outputs, batch)
  const Matrix& lossGradient() const { return loss_.dLogits(); }     // dL/dlogits of the last backward()
  int correctCount(const Matrix& targets, Eigen::Index count = -1) const { return loss_.correctCount(targets, count); }

  std::vector<Parameter>& parameters() { return parameters_; }
  std::vector<int>& parameterLayer() { return parameterLayer_; }  // layer index of each parameter
  std::vector<std::unique_ptr<Layer>>& layers() { return layers_; }
  const std::vector<std::unique_ptr<Layer>>& layers() const { return layers_; }
  int inputSize() const { return inputSize_; }
  int outputSize() const { return layers_.back()->outputSize(); }
  long parameterCount() const;
  LossKind lossKind() const { return loss_.kind(); }
  Rng& dropoutRng() { return dropoutRng_; }  // the dropout masks' generator (saved in model files)

  // First non-finite output (forward) or dInput (backward) or parameter gradient.
  std::optional<NonFinite> findNonFiniteOutput() const;
  std::optional<NonFinite> findNonFiniteGradient() const;
  // The cheap tests a training step makes; only when one fails does the run call the
  // find functions above to name the layer. A NaN or infinity anywhere in the forward pass
  // reaches the loss, except where an activation squashes it to a finite value (sigmoid and
  // tanh of +-inf, ReLU and ELU of -inf or, in vector code, of NaN): so the loss and the
  // inputs of such layers are checked. Every non-finite dInput that matters reaches a
  // parameter gradient further down, so the parameter gradients are checked, vectorised.
  bool forwardLooksFinite(double loss) const;
  bool gradientsLookFinite() const;

 private:
  int inputSize_;
  int batch_ = 0;
  std::vector<std::unique_ptr<Layer>> layers_;
  std::vector<Parameter> parameters_;  // all layers' parameters, in layer order
  std::vector<int> parameterLayer_;    // aligned with parameters_
  Loss loss_;
  Rng dropoutRng_;
  bool firstInputGradientPending_ = false;
  Dense* firstDense_ = nullptr;          // layers_[0] if it is a Dense layer
  std::vector<size_t> squashedOutputs_;  // layers whose output feeds a squashing activation (forwardLooksFinite)

  Network(const std::vector<LayerSpec>& layers, LossKind loss, int inputSize, int batch, uint64_t seed, bool drawWeights);
};

}  // namespace nn
