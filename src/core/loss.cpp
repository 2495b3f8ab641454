#include "loss.h"

#include <cmath>
#include "activation.h"
#include "fast_math.h"

namespace nn {

const char* toString(LossKind kind) { return lossDefinition(kind).name; }

Expected<LossKind> parseLossKind(const std::string& name) { return lossRegistry().kindOf(name, "loss"); }

void Loss::resize(int outputs, int batch) {
  predictions_.resize(outputs, batch);
  dLogits_.resize(outputs, batch);
}

// Class-index targets (one row, several outputs) become one-hot on the fly.
Scalar Loss::denseTarget(const Matrix& targets, Eigen::Index row, Eigen::Index col) const {
  if (targets.rows() == 1 && predictions_.rows() > 1)
    return static_cast<Eigen::Index>(std::lround(targets(0, col))) == row ? Scalar(1) : Scalar(0);
  return targets(row, col);
}

double Loss::forward(const Matrix& logits, const Matrix& targets, Eigen::Index count) {
  if (count < 0) count = logits.cols();
  resize(static_cast<int>(logits.rows()), static_cast<int>(logits.cols()));
  const Eigen::Index outputs = logits.rows();
  double total = 0.0;
  for (Eigen::Index b = 0; b < logits.cols(); ++b) {
    switch (kind_) {
      case LossKind::SoftmaxCrossEntropy: {
        const Scalar maxZ = logits.col(b).maxCoeff();
        predictions_.col(b) = logits.col(b).array() - maxZ;
        expArray(&predictions_(0, b), &predictions_(0, b), outputs);  // vectorised in float (fast_math.h)
        const Scalar sum = predictions_.col(b).sum();
        predictions_.col(b) /= sum;
        if (b >= count) break;
        const double logSumExp = static_cast<double>(maxZ) + std::log(static_cast<double>(sum));
        for (Eigen::Index k = 0; k < outputs; ++k) {
          const Scalar t = denseTarget(targets, k, b);
          if (t != 0) total += t * (logSumExp - logits(k, b));  // -t log softmax(z)_k
        }
        break;
      }
      case LossKind::SigmoidBinaryCrossEntropy:
        for (Eigen::Index k = 0; k < outputs; ++k) {
          const Scalar z = logits(k, b);
          predictions_(k, b) = sigmoid(z);
          if (b < count) total += softplus(z) - z * denseTarget(targets, k, b);  // = max(z,0) - z t + log(1+e^-|z|)
        }
        break;
      case LossKind::MeanSquaredError:
        for (Eigen::Index k = 0; k < outputs; ++k) {
          const Scalar z = logits(k, b);
          predictions_(k, b) = z;
          if (b < count) {
            const double diff = z - denseTarget(targets, k, b);
            total += 0.5 * diff * diff;
          }
        }
        break;
    }
  }
  return count > 0 ? total / static_cast<double>(count) : 0.0;
}

void Loss::backward(const Matrix& targets, Eigen::Index count) {
  if (count < 0) count = predictions_.cols();
  const Scalar inverseCount = count > 0 ? Scalar(1) / static_cast<Scalar>(count) : Scalar(0);
  for (Eigen::Index b = 0; b < predictions_.cols(); ++b)
    for (Eigen::Index k = 0; k < predictions_.rows(); ++k)
      dLogits_(k, b) = b < count ? (predictions_(k, b) - denseTarget(targets, k, b)) * inverseCount : Scalar(0);
}

long predictedClass(LossKind kind, const Matrix& predictions, Eigen::Index column) {
  if (predictions.rows() > 1) {
    Eigen::Index best;
    predictions.col(column).maxCoeff(&best);
    return static_cast<long>(best);
  }
  // One output: a probability (sigmoid) is thresholded at 0.5; a value (MSE) is rounded to a class.
  return kind == LossKind::MeanSquaredError ? std::lround(predictions(0, column))
                                            : (predictions(0, column) > Scalar(0.5) ? 1 : 0);
}

int correctCount(LossKind kind, const Matrix& predictions, const Matrix& targets, Eigen::Index count) {
  if (count < 0) count = predictions.cols();
  int correct = 0;
  for (Eigen::Index b = 0; b < count; ++b) {
    long actual;
    if (targets.rows() == 1) {
      actual = std::lround(targets(0, b));
    } else {
      Eigen::Index best;
      targets.col(b).maxCoeff(&best);
      actual = static_cast<long>(best);
    }
    if (predictedClass(kind, predictions, b) == actual) ++correct;
  }
  return correct;
}

}  // namespace nn
