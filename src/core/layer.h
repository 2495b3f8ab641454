// The contract every layer fulfils.
//
// One column = one example: a layer maps `input` (inputSize, batch) to
// output() (outputSize, batch). The network calls forward() on each layer in
// order, then backward() in reverse order with the gradient of the loss with
// respect to this layer's output; the layer writes dInput() (the gradient for
// the layer below) and the gradients of its own parameters.
//
// A subclass overrides:
//   resize(batch)      allocate every buffer for this batch size (called when the
//                      network is built; never during a training step)
//   forward(in, mode)  compute output(); may keep what backward needs
//   backward(in, dOut) compute dInput() and parameter gradients; `in` is the
//                      same input forward() saw
//   parameters()       the trainable tensors with their gradient buffers
//   state()            non-trained tensors that a saved model must keep (BatchNorm running stats)
//   describe()         type and settings, for stats and model files
#pragma once
#include <string>
#include <vector>
#include "parameter.h"
#include "types.h"

namespace nn {

// Thinned: inference, except that every Dropout layer applies its fixed unit mask (Dropout::drawUnitMask)
// to every example alike, so the network is one of dropout's thinned sub-networks.
enum class Mode { Training, Inference, Thinned };

struct StateTensor {
  Matrix* value;
  std::string name;  // "running_mean", "running_var"
};

class Layer {
 public:
  Layer(int inputSize, int outputSize) : inputSize_(inputSize), outputSize_(outputSize) {}
  virtual ~Layer() = default;

  virtual void resize(int batch) = 0;
  virtual void forward(const Matrix& input, Mode mode) = 0;
  virtual void backward(const Matrix& input, const Matrix& dOutput) = 0;

  const Matrix& output() const { return output_; }  // (outputSize, batch)
  const Matrix& dInput() const { return dInput_; }  // (inputSize, batch)

  virtual std::vector<Parameter> parameters() { return {}; }
  virtual std::vector<StateTensor> state() { return {}; }

  virtual std::string type() const = 0;  // "dense", "activation", "batchnorm", "dropout"
  virtual std::string name() const = 0;  // human label, e.g. "Dense 16", "ReLU", "BatchNorm", "Dropout 0.1"

  int inputSize() const { return inputSize_; }
  int outputSize() const { return outputSize_; }

 protected:
  int inputSize_;
  int outputSize_;
  Matrix output_;  // (outputSize, batch)
  Matrix dInput_;  // (inputSize, batch)
};

}  // namespace nn
