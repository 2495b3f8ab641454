#include "run/backprop_trace.h"

#include <cmath>
#include <memory>

namespace nn {

namespace {

// A one-column copy of the run's network holding its current parameters.
std::unique_ptr<Network> copyForOneExample(Run& run) {
  const RunSpec& spec = run.spec();
  auto copy = Network::withoutInitialization(spec.layers, spec.loss, run.network().inputSize(), 1);
  copy->copyParametersFrom(run.network());
  return copy;
}

}  // namespace

Expected<BackpropTrace> traceExample(Run& run, int example, double learningRate) {
  for (const LayerSpec& layer : run.spec().layers)
    if (layer.type == LayerType::BatchNorm || layer.type == LayerType::Dropout)
      return Error{"layers",
                   "the step-by-step view traces dense and activation layers only (no BatchNorm, no dropout)",
                   ErrorCode::Invalid,
                   {}};
  const Split& train = run.dataset().train;
  if (example < 0 || example >= train.size())
    return Error{"example",
                 "no such training example",
                 ErrorCode::IntegerRange,
                 {{"min", 0}, {"max", train.size() - 1}, {"got", example}}};
  if (!std::isfinite(learningRate))
    return Error{"learning_rate", "the learning rate must be a finite number", ErrorCode::MustBeFinite, {}};

  BackpropTrace trace;
  trace.example = example;
  trace.learningRate = learningRate;
  trace.input = train.inputs.col(example);
  trace.target = train.targets.col(example);

  auto network = copyForOneExample(run);
  network->forward(trace.input, Mode::Training);
  trace.loss = network->loss(trace.target);
  trace.predictions = network->predictions();
  network->backward(trace.input, trace.target);

  auto& layers = network->layers();
  for (size_t i = 0; i < layers.size(); ++i) {
    Layer& layer = *layers[i];
    LayerTrace t;
    t.index = static_cast<int>(i);
    t.type = layer.type();
    t.input = i == 0 ? trace.input : layers[i - 1]->output();
    t.output = layer.output();
    t.dInput = layer.dInput();
    // dL/d output: what the layer above passed down (the loss gradient for the last layer).
    t.dOutput = i + 1 < layers.size() ? layers[i + 1]->dInput() : network->lossGradient();
    if (t.type == "dense") {
      auto parameters = layer.parameters();  // W then b
      t.weights = *parameters[0].value;
      t.dWeights = *parameters[0].gradient;
      t.bias = *parameters[1].value;
      t.dBias = *parameters[1].gradient;
    }
    trace.layers.push_back(std::move(t));
  }
  // The update, applied to the copy: every parameter p <- p - lr dL/dp (PReLU's slopes too).
  for (Parameter& p : network->parameters()) *p.value -= static_cast<Scalar>(learningRate) * *p.gradient;
  for (LayerTrace& t : trace.layers) {
    if (t.type != "dense") continue;
    auto parameters = layers[static_cast<size_t>(t.index)]->parameters();
    t.weightsAfter = *parameters[0].value;
    t.biasAfter = *parameters[1].value;
  }

  network->forward(trace.input, Mode::Training);
  trace.lossAfter = network->loss(trace.target);
  return trace;
}

}  // namespace nn
