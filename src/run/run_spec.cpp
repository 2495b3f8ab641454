#include "run/run_spec.h"

#include <string>

namespace nn {

std::vector<int> layerOutputSizes(const RunSpec& spec, int inputSize) {
  std::vector<int> sizes;
  int size = inputSize;
  for (const LayerSpec& layer : spec.layers) {
    if (layer.type == LayerType::Dense) size = layer.units;
    sizes.push_back(size);
  }
  return sizes;
}

Status checkAgainstData(const RunSpec& spec, TaskKind task, int classes) {
  const int outputs = spec.layers.back().units;
  const std::string last = "layers[" + std::to_string(spec.layers.size() - 1) + "].units";
  switch (spec.loss) {
    case LossKind::SoftmaxCrossEntropy:
      if (task == TaskKind::Regression)
        return Error{"loss",
                     "softmax_cross_entropy needs classification data; use mse for regression",
                     ErrorCode::LossNeedsClasses,
                     {}};
      if (outputs != classes)
        return Error{last,
                     "the output layer needs one unit per class: " + std::to_string(classes) + " (got " +
                         std::to_string(outputs) + ")",
                     ErrorCode::OutputUnits,
                     {{"expected", classes}, {"got", outputs}}};
      break;
    case LossKind::SigmoidBinaryCrossEntropy:
      if (task == TaskKind::Regression || classes != 2)
        return Error{"loss",
                     "sigmoid_binary_cross_entropy needs two-class data (this data has " + std::to_string(classes) +
                         " classes); use softmax_cross_entropy",
                     ErrorCode::LossNeedsTwoClasses,
                     {{"classes", classes}}};
      if (outputs != 1)
        return Error{last,
                     "a sigmoid output for two classes has 1 unit (got " + std::to_string(outputs) + ")",
                     ErrorCode::OutputUnits,
                     {{"expected", 1}, {"got", outputs}}};
      break;
    case LossKind::MeanSquaredError:
      if (task == TaskKind::Regression && outputs != 1)
        return Error{last,
                     "regression has one target, so the output layer has 1 unit (got " + std::to_string(outputs) + ")",
                     ErrorCode::OutputUnits,
                     {{"expected", 1}, {"got", outputs}}};
      if (task == TaskKind::Classification && outputs != 1 && outputs != classes)
        return Error{last,
                     "with mse on " + std::to_string(classes) + " classes the output layer has 1 or " +
                         std::to_string(classes) + " units (got " + std::to_string(outputs) + ")",
                     ErrorCode::MseOutputUnits,
                     {{"classes", classes}, {"got", outputs}}};
      break;
  }
  return std::nullopt;
}

}  // namespace nn
