// Backpropagation for one training example, layer by layer, with every intermediate kept: what the
// sandbox's backprop stepper shows a learner (forward: z and a; backward: dL/dz, dL/dW, dL/db; then
// one plain SGD update), computed by the very Network::forward/backward a training step runs.
//
// It works on a copy of the run's network with a batch of one column, so the run itself is never
// changed. Only Dense and activation layers are traced: BatchNorm over one example normalises it to
// its own mean (a different network), and dropout draws a random mask, so those nets are refused.
#pragma once
#include <string>
#include <vector>
#include "run/run.h"

namespace nn {

struct LayerTrace {
  int index = 0;
  std::string type;  // "dense", "activation"
  Matrix input;      // (inputs, 1): the layer's input (for an activation layer: z)
  Matrix output;     // (units, 1): its output (dense: z = W x + b; activation: a = f(z))
  Matrix dInput;     // (inputs, 1): dL/d input (for an activation layer: dL/dz)
  Matrix dOutput;    // (units, 1): dL/d output, what backward() received from above
  // Dense only: the parameters before the update, their gradients, and after W -= lr dW, b -= lr db.
  Matrix weights, bias, dWeights, dBias, weightsAfter, biasAfter;  // W (units, inputs), b (units, 1)
};

struct BackpropTrace {
  int example = 0;            // index into the training split
  Matrix input;               // (features, 1): x
  Matrix target;              // (1, 1): class index or regression value
  Matrix predictions;         // (outputs, 1): sigmoid/softmax of the logits, or the logits for MSE
  double loss = 0.0;          // L on this example, before the update
  double lossAfter = 0.0;     // L on this example after the update
  double learningRate = 0.0;  // the lr of the update
  std::vector<LayerTrace> layers;
};

// Traces training example `example` through `run`'s current parameters and applies one plain SGD
// step of `learningRate` to a copy (no momentum, no weight decay, no schedule).
Expected<BackpropTrace> traceExample(Run& run, int example, double learningRate);

}  // namespace nn
