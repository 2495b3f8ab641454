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
#include "loss.h"
#include "rng.h"
#include "spec.h"

namespace nn {

struct NonFinite {
  int layer;             // index into layers(); -1 for the loss itself
  std::string quantity;  // "loss", "output", "gradient"
};

class Network {
 public:
  // Builds the layers of `spec` for `inputSize` features and initialises their
  // parameters from `seed` (weights) — the dropout stream uses a seed derived from it.
  Network(const RunSpec& spec, int inputSize, int batch, uint64_t seed);

  // A copy of the architecture whose parameters will be overwritten at once (the
  // trainer's evaluation networks): skips drawing random weights it would discard.
  static std::unique_ptr<Network> withoutInitialization(const RunSpec& spec, int inputSize, int batch);

  void resize(int batch);  // re-sizes every buffer (only at build time or for a new batch size)
  int batchSize() const { return batch_; }

  // Runs every layer; returns the logits (outputs, batch).
  const Matrix& forward(const Matrix& input, Mode mode);
  // Loss of the last forward() against targets (first `count` columns); also fills predictions.
  double loss(const Matrix& targets, Eigen::Index count = -1);
  // Back-propagates the loss gradient through every layer (after forward + loss).
  void backward(const Matrix& input, const Matrix& targets, Eigen::Index count = -1);

  const Matrix& predictions() const { return loss_.predictions(); }  // (outputs, batch)
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

 private:
  int inputSize_;
  int batch_ = 0;
  std::vector<std::unique_ptr<Layer>> layers_;
  std::vector<Parameter> parameters_;   // all layers' parameters, in layer order
  std::vector<int> parameterLayer_;     // aligned with parameters_
  Loss loss_;
  Rng dropoutRng_;

  Network(const RunSpec& spec, int inputSize, int batch, uint64_t seed, bool drawWeights);
};

}  // namespace nn
