#include "spec/run_spec_json.h"

#include <algorithm>
#include <cmath>

#include "spec/data_json.h"
#include "spec/init_json.h"
#include "spec/optimizer_json.h"

namespace nn {

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
      if (config) layer.weightInit = *config;
      else errors.push_back(config.error());
    }
    if (const Json* init = reader.child("bias_init")) {
      auto config = readInitConfig(*init, reader.pathOf("bias_init"), InitKind::Zeros);
      if (config) layer.biasInit = *config;
      else errors.push_back(config.error());
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
    layer.rate = reader.number("rate", kDefaultDropoutRate, 0.0, 1.0);
    if (layer.rate >= 1.0)
      reader.fail("rate", "must be at least 0 and below 1 (got 1: that would drop every unit)", ErrorCode::DropAll);
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
    case LayerType::Dropout: json["rate"] = layer.rate; break;
  }
  return json;
}

// "layers": a list of 1 to kMaxLayers layer objects.
void readLayers(JsonObjectReader& reader, std::vector<Error>& errors, std::vector<LayerSpec>& layers) {
  const Json* list = reader.child("layers");
  if (!list) {
    reader.fail("layers", "is missing (a list of layers, the last one dense)", ErrorCode::Missing);
  } else if (!list->is_array()) {
    reader.fail("layers", "must be an array of layer objects (got " + jsonTypeName(*list) + ")", ErrorCode::WrongType,
                {{"expected", "array"}, {"type", jsonTypeId(*list)}});
  } else if (list->empty() || list->size() > static_cast<size_t>(kMaxLayers)) {
    reader.fail("layers",
                "must hold between 1 and " + std::to_string(kMaxLayers) + " layers (got " + std::to_string(list->size()) +
                    ")",
                ErrorCode::LayerCount, {{"max", kMaxLayers}, {"got", list->size()}});
  } else {
    for (size_t i = 0; i < list->size(); ++i)
      layers.push_back(readLayer((*list)[i], "layers[" + std::to_string(i) + "]", errors));
  }
}

// "loss": its default follows the data's task (mse for regression).
LossKind readLoss(JsonObjectReader& reader, TaskKind task) {
  const std::string defaultLoss = task == TaskKind::Regression ? "mse" : "softmax_cross_entropy";
  const std::string lossName = reader.choice("loss", defaultLoss, lossRegistry().nameList());
  return parseLossKind(lossName).value();
}

void readTraining(JsonObjectReader& reader, std::vector<Error>& errors, TrainingConfig& training) {
  const Json* json = reader.child("training");
  if (!json) return;
  JsonObjectReader section(*json, "training", errors);
  training.batchSize = section.integer("batch_size", 10, 1, kMaxBatch);
  training.epochs = section.integer("epochs", 100, 1, 1000000);
  training.seed = static_cast<uint64_t>(section.integer64("seed", 1, 0, kMaxSeed));
  section.rejectUnknownKeys();
}

// "stats.histogram_range": "auto" or [low, high] with low < high, within what float can bin.
void readHistogramRange(JsonObjectReader& section, StatsConfig& stats) {
  const Json* range = section.child("histogram_range");
  if (!range) return;
  if (range->is_string() && range->get<std::string>() == "auto") {
    stats.autoRange = true;
  } else if (range->is_array() && range->size() == 2 && (*range)[0].is_number() && (*range)[1].is_number() &&
             std::isfinite((*range)[0].get<double>()) && std::isfinite((*range)[1].get<double>()) &&
             (*range)[0].get<double>() < (*range)[1].get<double>()) {
    const double low = (*range)[0].get<double>(), high = (*range)[1].get<double>();
    // Narrower or larger ranges cannot be binned in float (bins/(high-low) overflows).
    if (high - low < kMinHistogramSpan)
      section.fail("histogram_range", "is too narrow: high - low must be at least 1e-30", ErrorCode::HistogramNarrow);
    else if (std::max(std::abs(low), std::abs(high)) > kMaxHistogramMagnitude)
      section.fail("histogram_range", "is too large: both ends must lie within [-1e30, 1e30]", ErrorCode::HistogramWide);
    stats.autoRange = false;
    stats.rangeLow = low;
    stats.rangeHigh = high;
  } else {
    section.fail("histogram_range", "must be \"auto\" or [low, high] with low < high", ErrorCode::HistogramRange);
  }
}

void readStats(JsonObjectReader& reader, std::vector<Error>& errors, StatsConfig& stats) {
  const Json* json = reader.child("stats");
  if (!json) return;
  JsonObjectReader section(*json, "stats", errors);
  stats.histogramBins = section.integer("histogram_bins", 30, 2, 200);
  readHistogramRange(section, stats);
  section.rejectUnknownKeys();
}

// A check that needs the whole list: the last layer produces the logits the loss reads.
Status checkLastLayerDense(const std::vector<LayerSpec>& layers) {
  if (layers.back().type == LayerType::Dense) return std::nullopt;
  return Error{"layers[" + std::to_string(layers.size() - 1) + "]",
               "the last layer must be dense: it produces the outputs (logits) the loss reads",
               ErrorCode::LastLayerDense,
               {}};
}

}  // namespace

Expected<RunSpec> readRunSpec(const Json& json) {
  std::vector<Error> errors;
  JsonObjectReader reader(json, "", errors);
  RunSpec spec;
  if (!reader.valid())
    return Error{"",
                 "the spec must be a JSON object (got " + jsonTypeName(json) + ")",
                 ErrorCode::NotObject,
                 {{"type", jsonTypeId(json)}}};

  if (const Json* data = reader.child("data")) {
    auto config = readDataConfig(*data, "data");
    if (config) spec.data = *config;
    else errors.push_back(config.error());
  }
  readLayers(reader, errors, spec.layers);
  spec.loss = readLoss(reader, taskOf(spec.data.kind));
  if (const Json* optimizer = reader.child("optimizer")) {
    auto config = readOptimizerConfig(*optimizer, "optimizer");
    if (config) spec.optimizer = *config;
    else errors.push_back(config.error());
  }
  readTraining(reader, errors, spec.training);
  readStats(reader, errors, spec.stats);
  reader.rejectUnknownKeys();

  if (auto error = firstError(errors)) return *error;
  if (Status error = checkLastLayerDense(spec.layers)) return *error;
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

}  // namespace nn
