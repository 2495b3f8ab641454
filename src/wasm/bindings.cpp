// Embind bindings: the only file that includes emscripten headers.
//
// It wraps the core and computes nothing itself. Numeric results of a run are
// returned as typed-array VIEWS into buffers owned by the RunBinding object: they
// are borrowed and die at the next call into wasm (memory growth detaches
// them), so web/js/engine.js copies every one out with .slice() at once.
// Free functions return fresh typed arrays (copies) instead.
//
// Errors are values here too: a failed call returns a sentinel (null, false,
// -1 or "") and keeps the error, which engine.js takes with takeErrorJson()
// and throws as an EngineError. Nothing is ever thrown from wasm to JS: a JS
// exception unwinding through wasm frames skips the epilogues that restore the
// C stack pointer, so every throw left the stack lower, until valid calls
// failed (issue 8, item 1).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <climits>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/activation_registry.h"
#include "core/init_registry.h"
#include "core/loss_registry.h"
#include "core/memory_budget.h"
#include "core/optimizer_registry.h"
#include "core/schedule_registry.h"
#include "data/dataset_registry.h"
#include "data/idx.h"
#include "lab/activation_curves.h"
#include "lab/function_grid.h"
#include "lab/init_histograms.h"
#include "lab/test_functions.h"
#include "run/backprop_trace.h"
#include "run/packed_records.h"
#include "run/run.h"
#include "run/run_memory.h"
#include "spec/experiment_json.h"
#include "spec/model_file.h"
#include "spec/optimizer_json.h"
#include "spec/report_json.h"
#include "spec/run_spec_json.h"

using emscripten::val;

namespace {

// The error of the last failed call, until takeErrorJson() hands it to engine.js.
std::optional<nn::Error> lastError;

// {"code", "field", "message", "params": {name: value}}; empty when no call failed.
std::string takeErrorJson() {
  if (!lastError) return std::string();
  nn::Json params = nn::Json::object();
  for (const nn::ErrorParam& p : lastError->params) params[p.name] = p.value;
  const nn::Json json = {{"code", nn::errorCodeName(lastError->code)},
                         {"field", lastError->field},
                         {"message", lastError->message},
                         {"params", params}};
  lastError.reset();
  return json.dump();
}

// Runs `body` (returning nn::Expected<T>): its value, or nothing with the error kept.
template <typename Body>
auto attempt(Body body) -> std::optional<std::decay_t<decltype(*std::declval<decltype(body())&>())>> {
  auto result = body();
  if (result) return std::move(*result);
  lastError = result.error();
  return std::nullopt;
}

// True when `status` is an error, which is kept.
bool failed(const nn::Status& status) {
  if (!status) return false;
  lastError = *status;
  return true;
}

template <typename T>
val viewOf(const T* data, size_t size) {
  return val(emscripten::typed_memory_view(size, data));
}

template <typename T>
val copyOf(const char* arrayType, const std::vector<T>& values) {
  return val::global(arrayType).new_(emscripten::typed_memory_view(values.size(), values.data()));
}

using RunPointer = std::unique_ptr<nn::Run>;

class RunBinding {
 public:
  explicit RunBinding(RunPointer run) : run_(std::move(run)) {}

  // Each factory returns null on error (see takeErrorJson).
  static RunBinding* create(const std::string& specJson) {
    return wrap(attempt([&]() -> nn::Expected<RunPointer> {
      auto spec = nn::parseRunSpec(specJson);
      if (!spec) return spec.error();
      return nn::Run::create(*spec);
    }));
  }

  // A run on image data the page fetched itself (kind "idx"): the bytes of an IDX image and label file.
  static RunBinding* createWithImages(const std::string& specJson, const val& imageBytes, const val& labelBytes) {
    const std::vector<uint8_t> images = emscripten::convertJSArrayToNumberVector<uint8_t>(imageBytes);
    const std::vector<uint8_t> labels = emscripten::convertJSArrayToNumberVector<uint8_t>(labelBytes);
    return wrap(attempt([&]() -> nn::Expected<RunPointer> {
      auto spec = nn::parseRunSpec(specJson);
      if (!spec) return spec.error();
      auto data = nn::parseImageData(images, labels, spec->data.limit);
      if (!data) return data.error();
      // The run's needs are known from the images' shape: refuse before building the data set
      // (for 4096 x 4096 pixels that alone takes seconds). Every image counts as training data.
      const int features = data->images.rows * data->images.cols;
      if (auto error =
              nn::checkMemoryBudget(nn::estimateRunMemory(*spec, features, 1, data->images.count, data->images.count)))
        return *error;
      auto dataset = nn::makeDataset(spec->data, &*data);
      if (!dataset) return dataset.error();
      return nn::Run::create(*spec, std::move(*dataset));
    }));
  }

  static RunBinding* importModel(const std::string& modelJson) {
    nn::ModelResume resume = nn::ModelResume::Exact;
    RunBinding* binding = wrap(attempt([&] { return nn::importModelText(modelJson, &resume); }));
    if (binding) binding->freshOptimizerState_ = resume == nn::ModelResume::FreshOptimizerState;
    return binding;
  }
  // True for a run loaded from a version-1 model file: its optimizer state started fresh.
  bool freshOptimizerState() const { return freshOptimizerState_; }

  // n comes as a double so that 2^32 + 5 is refused instead of wrapping to 5; -1 on error.
  int step(double n) {
    if (!(n >= 0 && n <= INT_MAX && std::floor(n) == n)) {
      lastError = nn::Error{"n",
                            "the number of steps must be a whole number between 0 and " + std::to_string(INT_MAX),
                            nn::ErrorCode::StepCount,
                            {{"max", INT_MAX}, {"got", n}}};
      return -1;
    }
    return run_->step(static_cast<int>(n));
  }
  std::string divergenceJson() const { return run_->divergence() ? nn::toJson(*run_->divergence()).dump() : std::string(); }

  std::string infoJson() { return nn::describeNetwork(*run_).dump(); }

  val metrics() {
    nn::packMetrics(run_->metrics(), metrics_);
    return viewOf(metrics_.data(), metrics_.size());
  }

  // Only the splits in the bit set (nn::Run::SplitSet); the others' loss and accuracy are NaN.
  val metricsOf(int splits) {
    nn::packMetrics(run_->metrics(static_cast<unsigned>(splits)), metrics_);
    return viewOf(metrics_.data(), metrics_.size());
  }

  // The thinned networks of nn::Run::thinnedEnsemble as JSON (report_json.h); split: 0 train,
  // 1 validation, 2 test; seed: a whole number from 0 to 2^53 - 1. "" on error.
  std::string thinnedEnsembleJson(int count, double seed, int split) {
    if (!(seed >= 0 && seed <= static_cast<double>(nn::kMaxSeed) && std::floor(seed) == seed)) {
      lastError = nn::Error{"seed",
                            "must be a whole number between 0 and " + std::to_string(nn::kMaxSeed),
                            nn::ErrorCode::IntegerRange,
                            {{"min", 0}, {"max", nn::kMaxSeed}, {"got", seed}}};
      return std::string();
    }
    const nn::Run::SplitSet which = split == 1   ? nn::Run::kValidationSplit
                                    : split == 2 ? nn::Run::kTestSplit
                                                 : nn::Run::kTrainSplit;
    auto ensemble = attempt([&] { return run_->thinnedEnsemble(count, static_cast<uint64_t>(seed), which); });
    return ensemble ? nn::toJson(*ensemble).dump() : std::string();
  }

  val stats() {
    nn::packLayerStats(run_->stats(), run_->spec().stats.histogramBins, stats_);
    return viewOf(stats_.data(), stats_.size());
  }
  int statsBins() const { return run_->spec().stats.histogramBins; }

  // Fills the grid buffers; read them with gridOutputs() and gridNeurons(layer).
  // maxUnits > 0 keeps only the first maxUnits units of each layer's thumbnails.
  // False on error.
  bool grid(int resolution, double xmin, double xmax, double ymin, double ymax, bool withNeurons, int maxUnits) {
    const nn::GridBounds bounds{xmin, xmax, ymin, ymax};
    nn::Status status =
        run_->evaluateGrid(resolution, bounds, gridOutputs_, withNeurons ? &gridNeurons_ : nullptr, maxUnits);
    if (!withNeurons) gridNeurons_.clear();
    return !failed(status);
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

  // False on error.
  bool setOptimizerJson(const std::string& sectionJson) {
    auto config = attempt([&]() -> nn::Expected<nn::OptimizerConfig> {
      auto json = nn::parseJson(sectionJson, "the optimizer settings", "optimizer");
      if (!json) return json.error();
      return nn::readOptimizerConfig(*json, run_->spec().optimizer, "optimizer");
    });
    return config && !failed(run_->setOptimizer(*config));
  }

  std::string exportModelJson() { return nn::exportModel(*run_).dump(); }

  // One training example traced forward and backward through a one-column copy of the network,
  // and one plain SGD step of learningRate applied to that copy (src/run/backprop_trace.h); the run
  // is not changed. "" on error.
  std::string traceExampleJson(int example, double learningRate) {
    auto trace = attempt([&] { return nn::traceExample(*run_, example, learningRate); });
    return trace ? nn::toJson(*trace).dump() : std::string();
  }

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
  // False on error; nothing is changed unless every value is a finite float.
  bool setParameterValues(int layer, int index, const val& values) {
    const nn::Parameter* p = parameterAt(layer, index);
    if (!p) return !failed(nn::Error{"layer", "no such parameter", nn::ErrorCode::NoParameter, {}});
    nn::Matrix* m = p->value;
    const double length = values["length"].as<double>();
    if (length != static_cast<double>(m->size()))
      return !failed(nn::Error{"values",
                               "expected " + std::to_string(m->size()) + " numbers",
                               nn::ErrorCode::Count,
                               {{"expected", m->size()}, {"got", length}}});
    const std::vector<float> copy = emscripten::convertJSArrayToNumberVector<float>(values);
    for (size_t i = 0; i < copy.size(); ++i)
      if (!std::isfinite(copy[i]))
        return !failed(nn::Error{
            "values", "value " + std::to_string(i) + " is not a finite number", nn::ErrorCode::NotFinite, {{"index", i}}});
    for (Eigen::Index i = 0; i < m->size(); ++i) (*m)(i) = copy[static_cast<size_t>(i)];
    run_->parametersChanged();
    return true;
  }

 private:
  static RunBinding* wrap(std::optional<RunPointer> run) { return run ? new RunBinding(std::move(*run)) : nullptr; }
  const nn::Split& splitOf(int split) const {
    const nn::Dataset& d = run_->dataset();
    return split == 1 ? d.validation : split == 2 ? d.test : d.train;
  }
  nn::Layer* layerAt(int layer) {
    auto& layers = run_->network().layers();
    return layer >= 0 && layer < static_cast<int>(layers.size()) ? layers[static_cast<size_t>(layer)].get() : nullptr;
  }
  // The layer's parameters, kept so that a Parameter (two pointers into the layer) can be handed out.
  const nn::Parameter* parameterAt(int layer, int index) {
    nn::Layer* l = layerAt(layer);
    if (!l) return nullptr;
    parameters_ = l->parameters();
    return index >= 0 && index < static_cast<int>(parameters_.size()) ? &parameters_[static_cast<size_t>(index)] : nullptr;
  }

  RunPointer run_;
  bool freshOptimizerState_ = false;
  std::vector<double> metrics_;
  std::vector<float> stats_;
  nn::Matrix gridOutputs_;
  std::vector<nn::Matrix> gridNeurons_;
  std::vector<nn::Parameter> parameters_;  // scratch for parameterAt
};

std::string testFunctionsJson() { return nn::describeTestFunctions().dump(); }

// Float32Array [x..., f(x)..., f'(x)...] (3 * points numbers, a copy); null on error.
val activationCurve(const std::string& name, double alpha, double xmin, double xmax, int points) {
  const auto curve = attempt([&] { return nn::activationCurve(name, alpha, xmin, xmax, points); });
  if (!curve) return val::null();
  std::vector<float> flat = curve->x;
  flat.insert(flat.end(), curve->value.begin(), curve->value.end());
  flat.insert(flat.end(), curve->derivative.begin(), curve->derivative.end());
  return copyOf("Float32Array", flat);
}

// The core's (max-subtracted) softmax of a JS array of numbers, as a new Float32Array.
val softmaxOf(const val& logits) {
  return copyOf("Float32Array", nn::softmaxOf(emscripten::convertJSArrayToNumberVector<float>(logits)));
}

// The "init-histograms" experiment: JSON [{mean, std, min, max, saturated, lo, hi, counts}] per layer;
// "" on error.
std::string initHistogramsJson(const std::string& configJson) {
  auto result = attempt([&]() -> nn::Expected<std::string> {
    auto json = nn::parseJson(configJson, "the experiment settings", "experiment");
    if (!json) return json.error();
    auto config = nn::readInitHistogramsConfig(*json);
    if (!config) return config.error();
    auto layers = nn::runInitHistograms(*config);
    if (!layers) return layers.error();
    return nn::toJson(*layers).dump();
  });
  return result ? *result : std::string();
}

// A new Float64Array of (x, y, value) triples; null on error.
val optimizerPath(const std::string& function, const std::string& optimizerJson, double x0, double y0, int steps) {
  const auto flat = attempt([&]() -> nn::Expected<std::vector<double>> {
    auto json = nn::parseJson(optimizerJson, "the optimizer settings", "optimizer");
    if (!json) return json.error();
    auto config = nn::readOptimizerConfig(*json, "optimizer");
    if (!config) return config.error();
    auto path = nn::runOptimizerPath(function, *config, x0, y0, steps);
    if (!path) return path.error();
    std::vector<double> triples;
    for (const nn::PathPoint& p : *path) triples.insert(triples.end(), {p.x, p.y, p.value});
    return triples;
  });
  return flat ? copyOf("Float64Array", *flat) : val::null();
}

// A new Float32Array of the function's values on a grid; null on error.
val functionGrid(const std::string& function, int resolution) {
  const auto values = attempt([&] { return nn::functionGrid(function, resolution); });
  return values ? copyOf("Float32Array", *values) : val::null();
}

// The largest texts the engine parses, {"spec": bytes, "model": bytes}: engine.js refuses longer
// ones before handing them over (copying 200 MB of text into wasm alone takes seconds).
std::string textLimitsJson() { return nn::Json{{"spec", nn::JsonLimits{}.maxBytes}, {"model", nn::kMaxModelBytes}}.dump(); }

// The registries (src/core/*_registry.h) as one JSON object: what the page builds its selects,
// field ranges, formula panels and relevant-parameter lists from (engine.catalog(); the page reads
// the same object from web/js/catalog.generated.js, which tools/make-catalog.mjs writes from this).
nn::Json catalogParameterJson(const nn::CatalogParameter& p) {
  nn::Json json = {{"name", p.name}, {"type", p.type}, {"min", p.min}, {"max", p.max}};
  if (std::string(p.type) == "boolean") json["default"] = p.defaultValue != 0;
  else json["default"] = p.defaultValue;
  if (p.minExclusive) json["minExclusive"] = true;
  if (p.maxExclusive) json["maxExclusive"] = true;
  return json;
}

std::string catalogJson() {
  nn::Json activations = nn::Json::array();
  for (const nn::ActivationDefinition& entry : nn::activationRegistry()) {
    nn::Json parameters = nn::Json::array();
    if (entry.alpha) parameters.push_back(catalogParameterJson(*entry.alpha));
    activations.push_back({{"name", entry.name},
                           {"formula", entry.formulaTex},
                           {"derivative", entry.derivativeTex},
                           {"parameters", parameters},
                           {"elementwise", entry.elementwise},
                           {"reluFamily", entry.reluFamily},
                           {"learnedAlpha", entry.alphaPerUnit}});
  }
  nn::Json optimizers = nn::Json::array();
  for (const nn::OptimizerDefinition& entry : nn::optimizerRegistry()) {
    nn::Json reads = nn::Json::array();
    for (int i = 0; i < nn::kMaxOptimizerReads && entry.reads[i]; ++i) reads.push_back(entry.reads[i]);
    optimizers.push_back({{"name", entry.name},
                          {"formula", entry.updateTex},
                          {"reads", reads},
                          {"stateBuffers", entry.stateBuffers},
                          {"defaultWeightDecay", entry.defaultWeightDecay}});
  }
  nn::Json optimizerParameters = nn::Json::array();
  for (const nn::CatalogParameter& p : nn::optimizerParameters()) optimizerParameters.push_back(catalogParameterJson(p));
  nn::Json initializers = nn::Json::array();
  for (const nn::InitDefinition& entry : nn::initRegistry()) {
    nn::Json parameters = nn::Json::array();
    for (const nn::CatalogParameter& p : entry.parameters)
      if (p.name) parameters.push_back(catalogParameterJson(p));
    initializers.push_back({{"name", entry.name}, {"formula", entry.tex}, {"parameters", parameters}});
  }
  nn::Json schedules = nn::Json::array();
  for (const nn::ScheduleDefinition& entry : nn::scheduleRegistry()) {
    nn::Json reads = nn::Json::array();
    for (int i = 0; i < nn::kMaxScheduleReads && entry.reads[i]; ++i) reads.push_back(entry.reads[i]);
    schedules.push_back({{"name", entry.name}, {"formula", entry.tex}, {"reads", reads}});
  }
  nn::Json scheduleParameters = nn::Json::array();
  for (const nn::CatalogParameter& p : nn::scheduleParameters()) scheduleParameters.push_back(catalogParameterJson(p));
  nn::Json losses = nn::Json::array();
  for (const nn::LossDefinition& entry : nn::lossRegistry())
    losses.push_back(
        {{"name", entry.name}, {"formula", entry.tex}, {"output", entry.output}, {"classification", entry.classification}});
  nn::Json datasets = nn::Json::array();
  for (const nn::DatasetDefinition& entry : nn::datasetRegistry())
    datasets.push_back({{"name", entry.name},
                        {"classification", entry.classification},
                        {"readsClasses", entry.readsClasses},
                        {"twoDimensional", entry.generate != nullptr}});
  return nn::Json{{"activations", activations},
                  {"optimizers", optimizers},
                  {"optimizerParameters", optimizerParameters},
                  {"initializers", initializers},
                  {"schedules", schedules},
                  {"scheduleParameters", scheduleParameters},
                  {"losses", losses},
                  {"datasets", datasets}}
      .dump();
}

// Where each number sits in the packed records of metrics() and stats() (src/run/packed_records.h),
// so that engine.js decodes them by these names instead of offsets of its own.
std::string packedLayoutJson() {
  const nn::Json summary = {{"mean", nn::kSummaryMean}, {"std", nn::kSummaryStd}, {"min", nn::kSummaryMin},
                            {"max", nn::kSummaryMax},   {"low", nn::kSummaryLow}, {"high", nn::kSummaryHigh}};
  const nn::Json split = {{"loss", nn::kSplitLoss}, {"accuracy", nn::kSplitAccuracy}, {"count", nn::kSplitCount}};
  const nn::Json metrics = {{"step", nn::kMetricStep},
                            {"epoch", nn::kMetricEpoch},
                            {"learning_rate", nn::kMetricLearningRate},
                            {"batch_loss", nn::kMetricBatchLoss},
                            {"train", nn::kMetricTrainLoss},
                            {"validation", nn::kMetricValidationLoss},
                            {"test", nn::kMetricTestLoss},
                            {"split", split},
                            {"penalty", nn::kMetricPenalty},
                            {"fields", nn::kMetricFieldCount}};
  const nn::Json stats = {{"header_fields", nn::kStatsHeaderFields},
                          {"index", nn::kStatIndex},
                          {"units", nn::kStatUnits},
                          {"output", nn::kStatOutMean},
                          {"input", nn::kStatInMean},
                          {"summary", summary},
                          {"dead_fraction", nn::kStatDeadFraction},
                          {"input_grad_norm", nn::kStatInputGradNorm},
                          {"weight_norm", nn::kStatWeightNorm},
                          {"weight_grad_norm", nn::kStatWeightGradNorm},
                          {"update_ratio", nn::kStatUpdateRatio},
                          {"weight_low", nn::kStatWeightLow},
                          {"weight_high", nn::kStatWeightHigh},
                          {"negative_fraction", nn::kStatNegativeFraction},
                          {"output_non_finite", nn::kStatOutNonFinite},
                          {"input_non_finite", nn::kStatInNonFinite},
                          {"weight_non_finite", nn::kStatWeightNonFinite},
                          {"derivative_mean", nn::kStatDerivativeMean},
                          {"derivative_rms", nn::kStatDerivativeRms},
                          {"derivative_low", nn::kStatDerivativeLow},
                          {"derivative_high", nn::kStatDerivativeHigh},
                          {"derivative_non_finite", nn::kStatDerivativeNonFinite},
                          {"histograms", nn::kStatsHistograms}};
  return nn::Json{{"metrics", metrics}, {"stats", stats}}.dump();
}

// Every error code the engine can produce, as a JSON array (the page tests its translations).
std::string errorCodesJson() {
  nn::Json codes = nn::Json::array();
  for (const char* code : nn::allErrorCodes()) codes.push_back(code);
  return codes.dump();
}

}  // namespace

EMSCRIPTEN_BINDINGS(nn_sandbox) {
  using namespace emscripten;
  class_<RunBinding>("Run")
      .class_function("create", &RunBinding::create, allow_raw_pointers())
      .class_function("createWithImages", &RunBinding::createWithImages, allow_raw_pointers())
      .class_function("importModel", &RunBinding::importModel, allow_raw_pointers())
      .function("step", &RunBinding::step)
      .function("freshOptimizerState", &RunBinding::freshOptimizerState)
      .function("divergenceJson", &RunBinding::divergenceJson)
      .function("infoJson", &RunBinding::infoJson)
      .function("metrics", &RunBinding::metrics)
      .function("metricsOf", &RunBinding::metricsOf)
      .function("thinnedEnsembleJson", &RunBinding::thinnedEnsembleJson)
      .function("stats", &RunBinding::stats)
      .function("statsBins", &RunBinding::statsBins)
      .function("grid", &RunBinding::grid)
      .function("gridOutputs", &RunBinding::gridOutputs)
      .function("gridNeuronLayers", &RunBinding::gridNeuronLayers)
      .function("gridNeurons", &RunBinding::gridNeurons)
      .function("dataRaw", &RunBinding::dataRaw)
      .function("dataTargets", &RunBinding::dataTargets)
      .function("setOptimizerJson", &RunBinding::setOptimizerJson)
      .function("exportModelJson", &RunBinding::exportModelJson)
      .function("traceExampleJson", &RunBinding::traceExampleJson)
      .function("parametersJson", &RunBinding::parametersJson)
      .function("parameterValues", &RunBinding::parameterValues)
      .function("parameterGradient", &RunBinding::parameterGradient)
      .function("setParameterValues", &RunBinding::setParameterValues);
  function("testFunctionsJson", &testFunctionsJson);
  function("takeErrorJson", &takeErrorJson);
  function("errorCodesJson", &errorCodesJson);
  function("catalogJson", &catalogJson);
  function("textLimitsJson", &textLimitsJson);
  function("packedLayoutJson", &packedLayoutJson);
  function("memoryBudget", &nn::memoryBudget);
  function("setMemoryBudget", &nn::setMemoryBudget);
  function("initHistogramsJson", &initHistogramsJson);
  function("activationCurve", &activationCurve);
  function("softmaxOf", &softmaxOf);
  function("optimizerPath", &optimizerPath);
  function("functionGrid", &functionGrid);
}
