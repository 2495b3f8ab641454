#include "network.h"

#include <cmath>

#include "activation_layer.h"
#include "batch_norm.h"
#include "dense.h"
#include "dropout.h"
#include "fast_math.h"

namespace nn {

namespace {
// Eigen's allFinite() is not vectorised (nor is its sum() in wasm, which has no Eigen packet backend).
bool allFinite(const Matrix& m) { return allFiniteArray(m.data(), m.size()); }

// Activations that can turn a non-finite input into a finite output (see forwardLooksFinite).
bool squashesNonFinite(const Layer& layer) {
  const auto* activation = dynamic_cast<const ActivationLayer*>(&layer);
  if (!activation) return false;
  return activationDefinition(activation->kind()).squashesNonFinite;
}
}  // namespace

Network::Network(const std::vector<LayerSpec>& layers, LossKind loss, int inputSize, int batch, uint64_t seed)
    : Network(layers, loss, inputSize, batch, seed, true) {}

std::unique_ptr<Network> Network::withoutInitialization(const std::vector<LayerSpec>& layers, LossKind loss, int inputSize,
                                                        int batch) {
  return std::unique_ptr<Network>(new Network(layers, loss, inputSize, batch, 0, false));
}

Network::Network(const std::vector<LayerSpec>& layers, LossKind loss, int inputSize, int batch, uint64_t seed,
                 bool drawWeights)
    : inputSize_(inputSize), loss_(loss), dropoutRng_(seed ^ 0xD1B54A32D192ED03ULL) {
  Rng initRng(seed);
  int size = inputSize;
  for (const LayerSpec& layerSpec : layers) {
    std::unique_ptr<Layer> layer;
    switch (layerSpec.type) {
      case LayerType::Dense: {
        auto dense = std::make_unique<Dense>(size, layerSpec.units);
        if (drawWeights) dense->initializeParameters(layerSpec.weightInit, layerSpec.biasInit, initRng);
        size = layerSpec.units;
        layer = std::move(dense);
        break;
      }
      case LayerType::Activation:
        layer = std::make_unique<ActivationLayer>(size, layerSpec.activation, layerSpec.alpha);
        break;
      case LayerType::BatchNorm: layer = std::make_unique<BatchNorm>(size, layerSpec.momentum, layerSpec.eps); break;
      case LayerType::Dropout: layer = std::make_unique<Dropout>(size, layerSpec.rate, &dropoutRng_); break;
    }
    for (const Parameter& parameter : layer->parameters()) {
      parameters_.push_back(parameter);
      parameterLayer_.push_back(static_cast<int>(layers_.size()));
    }
    if (!layers_.empty() && squashesNonFinite(*layer)) squashedOutputs_.push_back(layers_.size() - 1);
    layers_.push_back(std::move(layer));
  }
  firstDense_ = layers_.empty() ? nullptr : dynamic_cast<Dense*>(layers_.front().get());
  resize(batch);
}

void Network::copyParametersFrom(Network& source) {
  auto& from = source.layers();
  for (size_t i = 0; i < from.size(); ++i) {
    auto sourceParameters = from[i]->parameters();
    auto targetParameters = layers_[i]->parameters();
    for (size_t p = 0; p < sourceParameters.size(); ++p) *targetParameters[p].value = *sourceParameters[p].value;
    auto sourceState = from[i]->state();
    auto targetState = layers_[i]->state();
    for (size_t s = 0; s < sourceState.size(); ++s) *targetState[s].value = *sourceState[s].value;
  }
}

void Network::resize(int batch) {
  batch_ = batch;
  for (auto& layer : layers_) layer->resize(batch);
  loss_.resize(outputSize(), batch);
}

const Matrix& Network::forward(const Matrix& input, Mode mode) {
  const Matrix* current = &input;
  for (auto& layer : layers_) {
    layer->forward(*current, mode);
    current = &layer->output();
  }
  return *current;
}

double Network::loss(const Matrix& targets, Eigen::Index count) {
  return loss_.forward(layers_.back()->output(), targets, count);
}

void Network::backward(const Matrix& input, const Matrix& targets, Eigen::Index count, bool firstInputGradient) {
  loss_.backward(targets, count);
  const Matrix* dOutput = &loss_.dLogits();
  firstInputGradientPending_ = false;
  for (size_t i = layers_.size(); i-- > 0;) {
    const Matrix& layerInput = i == 0 ? input : layers_[i - 1]->output();
    if (i == 0 && !firstInputGradient && firstDense_) {
      firstDense_->backwardParameters(layerInput, *dOutput);
      firstInputGradientPending_ = true;
    } else {
      layers_[i]->backward(layerInput, *dOutput);
    }
    dOutput = &layers_[i]->dInput();
  }
}

void Network::completeFirstInputGradient(const Matrix& weights) {
  if (!firstInputGradientPending_) return;
  const Matrix& dOutput = layers_.size() > 1 ? layers_[1]->dInput() : loss_.dLogits();
  firstDense_->backwardInput(dOutput, weights);
  firstInputGradientPending_ = false;
}

long Network::parameterCount() const {
  long count = 0;
  for (const Parameter& parameter : parameters_) count += static_cast<long>(parameter.value->size());
  return count;
}

std::optional<NonFinite> Network::findNonFiniteOutput() const {
  for (size_t i = 0; i < layers_.size(); ++i)
    if (!allFinite(layers_[i]->output())) return NonFinite{static_cast<int>(i), "output"};
  return std::nullopt;
}

std::optional<NonFinite> Network::findNonFiniteGradient() const {
  // Walk from the output down: the first bad layer is where the blow-up starts.
  for (size_t i = layers_.size(); i-- > 0;) {
    if (i == 0 && firstInputGradientPending_) continue;  // not computed: nothing reads it
    if (!allFinite(layers_[i]->dInput())) return NonFinite{static_cast<int>(i), "gradient"};
  }
  for (size_t p = 0; p < parameters_.size(); ++p)
    if (!allFinite(*parameters_[p].gradient)) return NonFinite{parameterLayer_[p], "gradient"};
  return std::nullopt;
}

bool Network::forwardLooksFinite(double loss) const {
  if (!std::isfinite(loss)) return false;
  for (size_t i : squashedOutputs_)
    if (!allFinite(layers_[i]->output())) return false;
  return true;
}

bool Network::gradientsLookFinite() const {
  for (const Parameter& parameter : parameters_)
    if (!allFinite(*parameter.gradient)) return false;
  return true;
}

}  // namespace nn
