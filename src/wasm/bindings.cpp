// Embind bindings: the only file that includes emscripten headers.
//
// It wraps the core and computes nothing itself. Numeric results of a run are
// returned as typed-array VIEWS into buffers owned by the Sandbox object: they
// are borrowed and die at the next call into wasm (memory growth detaches
// them), so web/js/engine.js copies every one out with .slice() at once.
// Free functions return fresh typed arrays (copies) instead. Errors become JS
// Error exceptions carrying the core's message (the module is built without
// C++ exceptions; see src/core/expected.h).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/report.h"
#include "core/spec.h"
#include "core/trainer.h"
#include "data/idx.h"
#include "lab/activation_curves.h"
#include "lab/function_grid.h"
#include "lab/init_histograms.h"
#include "lab/test_functions.h"

using emscripten::val;

namespace {

// Runs `body` (returning nn::Expected<T> or nn::Status) and hands back its value,
// or throws its error to JS as an Error. The JS exception unwinds through C++
// frames without running destructors, so everything `body` built is destroyed
// (when it returns) before the throw; only the JS Error handle stays alive.
template <typename Body>
auto valueOrThrow(Body body) {
  using Result = decltype(body());
  std::optional<std::decay_t<decltype(*std::declval<Result&>())>> value;
  val error = val::undefined();
  {
    Result result = body();
    if (result) {
      value = std::move(*result);
    } else {
      error = val::global("Error").new_(val(result.error().describe()));
    }
  }
  if (!value) error.throw_();
  return std::move(*value);
}

void throwIfError(const nn::Status& status) {
  if (!status) return;
  val error = val::global("Error").new_(val(status->describe()));
  error.throw_();
}

template <typename T>
val viewOf(const T* data, size_t size) {
  return val(emscripten::typed_memory_view(size, data));
}

template <typename T>
val copyOf(const char* arrayType, const std::vector<T>& values) {
  return val::global(arrayType).new_(emscripten::typed_memory_view(values.size(), values.data()));
}

using TrainerPointer = std::unique_ptr<nn::Trainer>;

class Sandbox {
 public:
  explicit Sandbox(TrainerPointer trainer) : trainer_(std::move(trainer)) {}

  static Sandbox* create(const std::string& specJson) {
    return new Sandbox(valueOrThrow([&]() -> nn::Expected<TrainerPointer> {
      auto spec = nn::parseRunSpec(specJson);
      if (!spec) return spec.error();
      return nn::Trainer::create(*spec);
    }));
  }

  // A run on image data the page fetched itself (kind "idx"): the bytes of an IDX image and label file.
  static Sandbox* createWithImages(const std::string& specJson, const val& imageBytes, const val& labelBytes) {
    const std::vector<uint8_t> images = emscripten::convertJSArrayToNumberVector<uint8_t>(imageBytes);
    const std::vector<uint8_t> labels = emscripten::convertJSArrayToNumberVector<uint8_t>(labelBytes);
    return new Sandbox(valueOrThrow([&]() -> nn::Expected<TrainerPointer> {
      auto spec = nn::parseRunSpec(specJson);
      if (!spec) return spec.error();
      auto data = nn::parseImageData(images, labels, spec->data.limit);
      if (!data) return data.error();
      auto dataset = nn::makeDataset(spec->data, &*data);
      if (!dataset) return dataset.error();
      return nn::Trainer::create(*spec, std::move(*dataset));
    }));
  }

  static Sandbox* importModel(const std::string& modelJson) {
    nn::ModelResume resume = nn::ModelResume::Exact;
    auto* sandbox = new Sandbox(valueOrThrow([&] { return nn::importModelText(modelJson, &resume); }));
    sandbox->freshOptimizerState_ = resume == nn::ModelResume::FreshOptimizerState;
    return sandbox;
  }
  // True for a run loaded from a version-1 model file: its optimizer state started fresh.
  bool freshOptimizerState() const { return freshOptimizerState_; }

  int step(int n) { return trainer_->step(n); }
  long stepCount() const { return trainer_->stepCount(); }

  std::string divergenceJson() const {
    return trainer_->divergence() ? nn::toJson(*trainer_->divergence()).dump() : std::string();
  }

  std::string infoJson() { return nn::describeNetwork(*trainer_).dump(); }

  val metrics() {
    nn::packMetrics(trainer_->metrics(), metrics_);
    return viewOf(metrics_.data(), metrics_.size());
  }

  val stats() {
    nn::packLayerStats(trainer_->stats(), trainer_->spec().stats.histogramBins, stats_);
    return viewOf(stats_.data(), stats_.size());
  }
  int statsBins() const { return trainer_->spec().stats.histogramBins; }
  int statsHeaderFields() const { return nn::kStatsHeaderFields; }

  // Fills the grid buffers; read them with gridOutputs() and gridNeurons(layer).
  // maxUnits > 0 keeps only the first maxUnits units of each layer's thumbnails.
  void grid(int resolution, double xmin, double xmax, double ymin, double ymax, bool withNeurons, int maxUnits) {
    const nn::GridBounds bounds{xmin, xmax, ymin, ymax};
    nn::Status status =
        trainer_->evaluateGrid(resolution, bounds, gridOutputs_, withNeurons ? &gridNeurons_ : nullptr, maxUnits);
    if (!withNeurons) gridNeurons_.clear();
    throwIfError(status);
  }
  val gridOutputs() const { return viewOf(gridOutputs_.data(), static_cast<size_t>(gridOutputs_.size())); }
  int gridNeuronLayers() const { return static_cast<int>(gridNeurons_.size()); }
  val gridNeurons(int layer) const {
    if (layer < 0 || layer >= gridNeuronLayers()) return val::null();
    const nn::Matrix& m = gridNeurons_[static_cast<size_t>(layer)];
    return viewOf(m.data(), static_cast<size_t>(m.size()));
  }

  // split: 0 train, 1 validation, 2 test
  val dataRaw(int split) const {
    const nn::Split& s = splitOf(split);
    return viewOf(s.raw.data(), static_cast<size_t>(s.raw.size()));
  }
  val dataTargets(int split) const {
    const nn::Split& s = splitOf(split);
    return viewOf(s.targets.data(), static_cast<size_t>(s.targets.size()));
  }

  void setOptimizerJson(const std::string& sectionJson) {
    nn::OptimizerConfig config = valueOrThrow([&]() -> nn::Expected<nn::OptimizerConfig> {
      auto json = nn::parseJson(sectionJson, "the optimizer settings");
      if (!json) return json.error();
      return nn::readOptimizerConfig(*json, trainer_->spec().optimizer, "optimizer");
    });
    throwIfError(trainer_->setOptimizer(config));
  }

  std::string exportModelJson() { return nn::exportModel(*trainer_).dump(); }

  // [{name, rows, cols}] of one layer's parameters.
  std::string parametersJson(int layer) {
    nn::Json list = nn::Json::array();
    if (nn::Layer* l = layerAt(layer))
      for (const nn::Parameter& p : l->parameters())
        list.push_back({{"name", p.name}, {"rows", p.value->rows()}, {"cols", p.value->cols()}});
    return list.dump();
  }
  val parameterValues(int layer, int index) {
    const nn::Parameter* p = parameterAt(layer, index);
    return p ? viewOf(p->value->data(), static_cast<size_t>(p->value->size())) : val::null();
  }
  // dLoss/dparameter of the last training step (what backward() wrote), same layout as the values.
  val parameterGradient(int layer, int index) {
    const nn::Parameter* p = parameterAt(layer, index);
    return p ? viewOf(p->gradient->data(), static_cast<size_t>(p->gradient->size())) : val::null();
  }
  void setParameterValues(int layer, int index, const val& values) {
    // Checked before anything is allocated here: a throw would skip the destructors.
    const nn::Parameter* p = parameterAt(layer, index);
    if (!p) throwIfError(nn::Error{"layer", "no such parameter"});
    nn::Matrix* m = p->value;
    if (values["length"].as<double>() != static_cast<double>(m->size()))
      throwIfError(nn::Error{"values", "expected " + std::to_string(m->size()) + " numbers"});
    const std::vector<float> copy = emscripten::convertJSArrayToNumberVector<float>(values);
    for (Eigen::Index i = 0; i < m->size(); ++i) (*m)(i) = copy[static_cast<size_t>(i)];
    trainer_->parametersChanged();
  }

 private:
  const nn::Split& splitOf(int split) const {
    const nn::Dataset& d = trainer_->dataset();
    return split == 1 ? d.validation : split == 2 ? d.test : d.train;
  }
  nn::Layer* layerAt(int layer) {
    auto& layers = trainer_->network().layers();
    return layer >= 0 && layer < static_cast<int>(layers.size()) ? layers[static_cast<size_t>(layer)].get() : nullptr;
  }
  // The layer's parameters, kept so that a Parameter (two pointers into the layer) can be handed out.
  const nn::Parameter* parameterAt(int layer, int index) {
    nn::Layer* l = layerAt(layer);
    if (!l) return nullptr;
    parameters_ = l->parameters();
    return index >= 0 && index < static_cast<int>(parameters_.size()) ? &parameters_[static_cast<size_t>(index)]
                                                                       : nullptr;
  }

  TrainerPointer trainer_;
  bool freshOptimizerState_ = false;
  std::vector<double> metrics_;
  std::vector<float> stats_;
  nn::Matrix gridOutputs_;
  std::vector<nn::Matrix> gridNeurons_;
  std::vector<nn::Parameter> parameters_;  // scratch for parameterAt
};

std::string testFunctionsJson() { return nn::describeTestFunctions().dump(); }

// Float32Array [x..., f(x)..., f'(x)...] (3 * points numbers, a copy).
val activationCurve(const std::string& name, double alpha, double xmin, double xmax, int points) {
  const nn::ActivationCurve curve = valueOrThrow([&] { return nn::activationCurve(name, alpha, xmin, xmax, points); });
  std::vector<float> flat = curve.x;
  flat.insert(flat.end(), curve.value.begin(), curve.value.end());
  flat.insert(flat.end(), curve.derivative.begin(), curve.derivative.end());
  return copyOf("Float32Array", flat);
}

// The core's (max-subtracted) softmax of a JS array of numbers, as a new Float32Array.
val softmaxOf(const val& logits) {
  return copyOf("Float32Array", nn::softmaxOf(emscripten::convertJSArrayToNumberVector<float>(logits)));
}

// The "init-histograms" experiment: JSON [{mean, std, min, max, saturated, lo, hi, counts}] per layer.
std::string initHistogramsJson(const std::string& configJson) {
  return valueOrThrow([&]() -> nn::Expected<std::string> {
    auto json = nn::parseJson(configJson, "the experiment settings");
    if (!json) return json.error();
    auto config = nn::readInitHistogramsConfig(*json);
    if (!config) return config.error();
    auto layers = nn::runInitHistograms(*config);
    if (!layers) return layers.error();
    return nn::toJson(*layers).dump();
  });
}

// A new Float64Array of (x, y, value) triples.
val optimizerPath(const std::string& function, const std::string& optimizerJson, double x0, double y0, int steps) {
  const std::vector<double> flat = valueOrThrow([&]() -> nn::Expected<std::vector<double>> {
    auto json = nn::parseJson(optimizerJson, "the optimizer settings");
    if (!json) return json.error();
    auto config = nn::readOptimizerConfig(*json, "optimizer");
    if (!config) return config.error();
    auto path = nn::runOptimizerPath(function, *config, x0, y0, steps);
    if (!path) return path.error();
    std::vector<double> triples;
    for (const nn::PathPoint& p : *path) triples.insert(triples.end(), {p.x, p.y, p.value});
    return triples;
  });
  return copyOf("Float64Array", flat);
}

// A new Float32Array of the function's values on a grid.
val functionGrid(const std::string& function, int resolution) {
  return copyOf("Float32Array", valueOrThrow([&] { return nn::functionGrid(function, resolution); }));
}

}  // namespace

EMSCRIPTEN_BINDINGS(nn_sandbox) {
  using namespace emscripten;
  class_<Sandbox>("Sandbox")
      .class_function("create", &Sandbox::create, allow_raw_pointers())
      .class_function("createWithImages", &Sandbox::createWithImages, allow_raw_pointers())
      .class_function("importModel", &Sandbox::importModel, allow_raw_pointers())
      .function("step", &Sandbox::step)
      .function("stepCount", &Sandbox::stepCount)
      .function("freshOptimizerState", &Sandbox::freshOptimizerState)
      .function("divergenceJson", &Sandbox::divergenceJson)
      .function("infoJson", &Sandbox::infoJson)
      .function("metrics", &Sandbox::metrics)
      .function("stats", &Sandbox::stats)
      .function("statsBins", &Sandbox::statsBins)
      .function("statsHeaderFields", &Sandbox::statsHeaderFields)
      .function("grid", &Sandbox::grid)
      .function("gridOutputs", &Sandbox::gridOutputs)
      .function("gridNeuronLayers", &Sandbox::gridNeuronLayers)
      .function("gridNeurons", &Sandbox::gridNeurons)
      .function("dataRaw", &Sandbox::dataRaw)
      .function("dataTargets", &Sandbox::dataTargets)
      .function("setOptimizerJson", &Sandbox::setOptimizerJson)
      .function("exportModelJson", &Sandbox::exportModelJson)
      .function("parametersJson", &Sandbox::parametersJson)
      .function("parameterValues", &Sandbox::parameterValues)
      .function("parameterGradient", &Sandbox::parameterGradient)
      .function("setParameterValues", &Sandbox::setParameterValues);
  function("testFunctionsJson", &testFunctionsJson);
  function("initHistogramsJson", &initHistogramsJson);
  function("activationCurve", &activationCurve);
  function("softmaxOf", &softmaxOf);
  function("optimizerPath", &optimizerPath);
  function("functionGrid", &functionGrid);
}
