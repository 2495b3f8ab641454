#include "layer_spec.h"

namespace nn {

const char* toString(LayerType type) {
  switch (type) {
    case LayerType::Dense: return "dense";
    case LayerType::Activation: return "activation";
    case LayerType::BatchNorm: return "batchnorm";
    case LayerType::Dropout: return "dropout";
  }
  return "dense";
}

}  // namespace nn
