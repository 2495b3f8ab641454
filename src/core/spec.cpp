#include "spec.h"

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

namespace {

LayerSpec readLayer(const Json& json, const std::string& path, std::vector<Error>& errors) {
  JsonObjectReader reader(json, path, errors);
  LayerSpec layer;
  if (!reader.valid()) return layer;
  if (!reader.has("type")) {
    reader.fail("type", "is missing (expected one of: dense, activation, batchnorm, dropout)", ErrorCode::Missing);
    return layer;
  }
  const std::string type = reader.choice("type", "dense", {"dense", "activation", "batchnorm", "dropout"});
  if (!reader.valid()) return layer;
  if (type == "dense") {
    layer.type = LayerType::Dense;
    if (!reader.has("units")) reader.fail("units", "is missing (a dense layer needs a number of units)", ErrorCode::Missing);
    layer.units = reader.integer("units", 1, 1, kMaxUnits);
    if (const Json* init = reader.child("weight_init")) {
      auto config = readInitConfig(*init, reader.pathOf("weight_init"), InitKind::XavierUniform);
      if (config) layer.weightInit = *config; else errors.push_back(config.error());
    }
    if (const Json* init = reader.child("bias_init")) {
      auto config = readInitConfig(*init, reader.pathOf("bias_init"), InitKind::Zeros);
      if (config) layer.biasInit = *config; else errors.push_back(config.error());
    }
  } else if (type == "activation") {
    layer.type = LayerType::Activation;
    if (!reader.has("fn")) reader.fail("fn", "is missing (which activation function?)", ErrorCode::Missing);
    const std::string fn = reader.string("fn", "relu");
    if (auto kind = parseActivationKind(fn)) {
      layer.activation = *kind;
    } else if (reader.has("fn")) {
      reader.fail("fn", kind.error());
    }
    layer.alpha = reader.number("alpha", defaultAlpha(layer.activation), 0.0, 10.0);
  } else if (type == "batchnorm") {
    layer.type = LayerType::BatchNorm;
    layer.momentum = reader.number("momentum", 0.9, 0.0, 1.0);
    layer.eps = reader.positiveNumber("eps", 1e-5, 1.0);
  } else {
    layer.type = LayerType::Dropout;
    layer.rate = reader.number("rate", 0.5, 0.0, 1.0);
    if (layer.rate >= 1.0) reader.fail("rate", "must be at least 0 and below 1 (got 1: that would drop every unit)", ErrorCode::DropAll);
  }
  reader.rejectUnknownKeys();
  return layer;
}

Json layerToJson(const LayerSpec& layer) {
  Json json = {{"type", toString(layer.type)}};
  switch (layer.type) {
    case LayerType::Dense:
      json["units"] = layer.units;
      json["weight_init"] = toJson(layer.weightInit);
      json["bias_init"] = toJson(layer.biasInit);
      break;
    case LayerType::Activation:
      json["fn"] = toString(layer.activation);
      if (layer.alpha != 0.0 || defaultAlpha(layer.activation) != 0.0) json["alpha"] = layer.alpha;
      break;
    case LayerType::BatchNorm:
      json["momentum"] = layer.momentum;
      json["eps"] = layer.eps;
      break;
    case LayerType::Dropout:
      json["rate"] = layer.rate;
      break;
  }
  return json;
}

}  // namespace

Expected<RunSpec> readRunSpec(const Json& json) {
  std::vector<Error> errors;
  JsonObjectReader reader(json, "", errors);
  RunSpec spec;
  if (!reader.valid())
    return Error{"", "the spec must be a JSON object (got " + jsonTypeName(json) + ")", ErrorCode::NotObject,
                 {{"type", jsonTypeId(json)}}};

  if (const Json* data = reader.child("data")) {
    auto config = readDataConfig(*data, "data");
    if (config) spec.data = *config; else errors.push_back(config.error());
  }

  const Json* layers = reader.child("layers");
  if (!layers) {
    reader.fail("layers", "is missing (a list of layers, the last one dense)", ErrorCode::Missing);
  } else if (!layers->is_array()) {
    reader.fail("layers", "must be an array of layer objects (got " + jsonTypeName(*layers) + ")", ErrorCode::WrongType,
                {{"expected", "array"}, {"type", jsonTypeId(*layers)}});
  } else if (layers->empty() || layers->size() > static_cast<size_t>(kMaxLayers)) {
    reader.fail("layers",
                "must hold between 1 and " + std::to_string(kMaxLayers) + " layers (got " +
                    std::to_string(layers->size()) + ")",
                ErrorCode::LayerCount, {{"max", kMaxLayers}, {"got", layers->size()}});
  } else {
    for (size_t i = 0; i < layers->size(); ++i)
      spec.layers.push_back(readLayer((*layers)[i], "layers[" + std::to_string(i) + "]", errors));
  }

  const TaskKind task = taskOf(spec.data.kind);
  const std::string defaultLoss = task == TaskKind::Regression ? "mse" : "softmax_cross_entropy";
  const std::string lossName =
      reader.choice("loss", defaultLoss, {"softmax_cross_entropy", "sigmoid_binary_cross_entropy", "mse"});
  spec.loss = parseLossKind(lossName).value();

  if (const Json* optimizer = reader.child("optimizer")) {
    auto config = readOptimizerConfig(*optimizer, "optimizer");
    if (config) spec.optimizer = *config; else errors.push_back(config.error());
  }

  if (const Json* training = reader.child("training")) {
    JsonObjectReader section(*training, "training", errors);
    spec.training.batchSize = section.integer("batch_size", 10, 1, kMaxBatch);
    spec.training.epochs = section.integer("epochs", 100, 1, 1000000);
    spec.training.seed = static_cast<uint64_t>(section.integer64("seed", 1, 0, 9007199254740991LL));
    section.rejectUnknownKeys();
  }

  if (const Json* stats = reader.child("stats")) {
    JsonObjectReader section(*stats, "stats", errors);
    spec.stats.histogramBins = section.integer("histogram_bins", 30, 2, 200);
    if (const Json* range = section.child("histogram_range")) {
      if (range->is_string() && range->get<std::string>() == "auto") {
        spec.stats.autoRange = true;
      } else if (range->is_array() && range->size() == 2 && (*range)[0].is_number() && (*range)[1].is_number() &&
                 std::isfinite((*range)[0].get<double>()) && std::isfinite((*range)[1].get<double>()) &&
                 (*range)[0].get<double>() < (*range)[1].get<double>()) {
        const double low = (*range)[0].get<double>(), high = (*range)[1].get<double>();
        // Narrower or larger ranges cannot be binned in float (bins/(high-low) overflows).
        if (high - low < kMinHistogramSpan)
          section.fail("histogram_range", "is too narrow: high - low must be at least 1e-30");
        else if (std::max(std::abs(low), std::abs(high)) > kMaxHistogramMagnitude)
          section.fail("histogram_range", "is too large: both ends must lie within [-1e30, 1e30]");
        spec.stats.autoRange = false;
        spec.stats.rangeLow = low;
        spec.stats.rangeHigh = high;
      } else {
        section.fail("histogram_range", "must be \"auto\" or [low, high] with low < high", ErrorCode::HistogramRange);
      }
    }
    section.rejectUnknownKeys();
  }

  reader.rejectUnknownKeys();
  if (auto error = firstError(errors)) return *error;

  // Structural checks that need the whole list.
  if (spec.layers.back().type != LayerType::Dense)
    return Error{"layers[" + std::to_string(spec.layers.size() - 1) + "]",
                 "the last layer must be dense: it produces the outputs (logits) the loss reads",
                 ErrorCode::LastLayerDense, {}};
  return spec;
}

Expected<RunSpec> parseRunSpec(const std::string& text) {
  auto json = parseJson(text, "the spec", "spec");
  if (!json) return json.error();
  return readRunSpec(*json);
}

Json toJson(const RunSpec& spec) {
  Json layers = Json::array();
  for (const LayerSpec& layer : spec.layers) layers.push_back(layerToJson(layer));
  Json stats = {{"histogram_bins", spec.stats.histogramBins}};
  if (spec.stats.autoRange) {
    stats["histogram_range"] = "auto";
  } else {
    stats["histogram_range"] = {spec.stats.rangeLow, spec.stats.rangeHigh};
  }
  return {{"data", toJson(spec.data)},
          {"layers", layers},
          {"loss", toString(spec.loss)},
          {"optimizer", toJson(spec.optimizer)},
          {"training",
           {{"batch_size", spec.training.batchSize}, {"epochs", spec.training.epochs}, {"seed", spec.training.seed}}},
          {"stats", stats}};
}

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
        return Error{"loss", "softmax_cross_entropy needs classification data; use mse for regression",
                     ErrorCode::LossNeedsClasses, {}};
      if (outputs != classes)
        return Error{last,
                     "the output layer needs one unit per class: " + std::to_string(classes) + " (got " +
                         std::to_string(outputs) + ")",
                     ErrorCode::OutputUnits, {{"expected", classes}, {"got", outputs}}};
      break;
    case LossKind::SigmoidBinaryCrossEntropy:
      if (task == TaskKind::Regression || classes != 2)
        return Error{"loss",
                     "sigmoid_binary_cross_entropy needs two-class data (this data has " + std::to_string(classes) +
                         " classes); use softmax_cross_entropy",
                     ErrorCode::LossNeedsTwoClasses, {{"classes", classes}}};
      if (outputs != 1)
        return Error{last, "a sigmoid output for two classes has 1 unit (got " + std::to_string(outputs) + ")",
                     ErrorCode::OutputUnits, {{"expected", 1}, {"got", outputs}}};
      break;
    case LossKind::MeanSquaredError:
      if (task == TaskKind::Regression && outputs != 1)
        return Error{last,
                     "regression has one target, so the output layer has 1 unit (got " + std::to_string(outputs) + ")",
                     ErrorCode::OutputUnits, {{"expected", 1}, {"got", outputs}}};
      if (task == TaskKind::Classification && outputs != 1 && outputs != classes)
        return Error{last,
                     "with mse on " + std::to_string(classes) + " classes the output layer has 1 or " +
                         std::to_string(classes) + " units (got " + std::to_string(outputs) + ")",
                     ErrorCode::MseOutputUnits, {{"classes", classes}, {"got", outputs}}};
      break;
  }
  return std::nullopt;
}

}  // namespace nn
