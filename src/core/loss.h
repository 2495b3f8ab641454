// Output heads with fused, numerically stable losses.
//
// Each loss takes the last dense layer's output as logits (K, batch) and fuses
// the output function (softmax, sigmoid or identity) into the loss, so the loss
// and its gradient stay finite for any logits.
#pragma once
#include <string>
#include "expected.h"
#include "loss_registry.h"
#include "types.h"

namespace nn {

const char* toString(LossKind kind);  // the registry's name: "softmax_cross_entropy", ..., "mse"
Expected<LossKind> parseLossKind(const std::string& name);

// The class one column of predictions stands for: the argmax for several outputs, prediction > 0.5
// for one sigmoid output, the value rounded to a class for one MSE output.
long predictedClass(LossKind kind, const Matrix& predictions, Eigen::Index column);
// Columns among the first `count` (all when negative) whose predicted class is the target's; targets are
// class indices (1, batch) or dense targets of the predictions' shape.
int correctCount(LossKind kind, const Matrix& predictions, const Matrix& targets, Eigen::Index count = -1);

class Loss {
 public:
  explicit Loss(LossKind kind = LossKind::SoftmaxCrossEntropy) : kind_(kind) {}

  // Targets are either class indices, shape (1, batch), or dense targets of
  // the logits' shape (one-hot rows for softmax, 0/1 for sigmoid, values for MSE).
  //   softmax CE:  L = mean_b [ logsumexp(z_b) - z_b[t_b] ]           (dense t: -sum t log softmax(z))
  //   sigmoid BCE: L = mean_b sum_k [ max(z,0) - z t + log(1 + e^-|z|) ]
  //   MSE:         L = mean_b sum_k (z - t)^2 / 2
  // Also computes predictions() (probabilities or values). `count` limits the
  // loss to the first `count` columns (padding columns are ignored).
  double forward(const Matrix& logits, const Matrix& targets, Eigen::Index count = -1);

  // dLogits = (prediction - dense target) / count, for all three losses; padding columns get 0.
  void backward(const Matrix& targets, Eigen::Index count = -1);

  // Correct predictions among the first `count` columns (nn::correctCount of predictions()).
  int correctCount(const Matrix& targets, Eigen::Index count = -1) const {
    return nn::correctCount(kind_, predictions_, targets, count);
  }

  const Matrix& predictions() const { return predictions_; }  // (K, batch)
  const Matrix& dLogits() const { return dLogits_; }          // (K, batch)
  LossKind kind() const { return kind_; }
  void resize(int outputs, int batch);

 private:
  Scalar denseTarget(const Matrix& targets, Eigen::Index row, Eigen::Index col) const;

  LossKind kind_;
  Matrix predictions_;  // (K, batch)
  Matrix dLogits_;      // (K, batch)
};

}  // namespace nn
