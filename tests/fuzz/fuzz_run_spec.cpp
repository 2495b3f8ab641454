// libFuzzer target: run spec -> run, structure-aware.
//
// The input is a run spec (JSON). One that validates is shrunk to tiny sizes (at most 4 hidden
// units per dense layer, 32 samples, batch 8; IDX data is replaced by twelve 3x3 images in
// memory, so no file is read) and then trained, evaluated (metrics, layer statistics, the
// decision-boundary grid), switched to another optimizer mid-run, exported and re-imported.
// Properties checked on the way:
//   - a spec that validated round-trips through toJson unchanged;
//   - histograms keep a finite range and their bin count;
//   - an exported model with finite tensors imports again, with the same tensors and step count.
#include <cmath>
#include <cstdint>
#include <string>
#include "data/idx.h"
#include "fuzz_support.h"
#include "run/run.h"
#include "spec/model_file.h"
#include "spec/run_spec_json.h"

using namespace nn;

namespace {

// Keeps what the spec says (layer kinds, activations, optimizer, data kind, features...) but
// makes every size tiny, so one input runs in milliseconds whatever its numbers.
void shrink(RunSpec& spec) {
  spec.data.samples = std::min(spec.data.samples, 4 + spec.data.samples % 29);
  spec.training.batchSize = 1 + (spec.training.batchSize - 1) % 8;
  int lastDense = -1;
  for (size_t i = 0; i < spec.layers.size(); ++i)
    if (spec.layers[i].type == LayerType::Dense) lastDense = static_cast<int>(i);
  for (size_t i = 0; i < spec.layers.size(); ++i) {
    LayerSpec& layer = spec.layers[i];
    // the last dense layer's units must match the classes, so it keeps them (at most 8)
    if (layer.type == LayerType::Dense && static_cast<int>(i) != lastDense) layer.units = 1 + (layer.units - 1) % 4;
  }
}

// Twelve 3x3 images of ten classes, standing in for the IDX files a spec names.
ImageData tinyImages() {
  ImageData data;
  data.images.count = 12;
  data.images.rows = data.images.cols = 3;
  data.images.pixels.resize(9, 12);
  for (Eigen::Index i = 0; i < data.images.pixels.size(); ++i)
    data.images.pixels(i) = static_cast<Scalar>((i * 37) % 256) / Scalar(255);
  for (int i = 0; i < 12; ++i) data.labels.push_back(i % 10);
  return data;
}

bool sameLoss(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

void checkHistogram(const Histogram& histogram, int bins) {
  fuzz::require(static_cast<int>(histogram.counts.size()) == bins, "a histogram has the configured bins");
  fuzz::require(std::isfinite(histogram.low) && std::isfinite(histogram.high) && histogram.high > histogram.low,
                "a histogram range is finite and not empty");
  for (float count : histogram.counts) fuzz::require(count >= 0, "histogram counts are not negative");
}

void exportAndReimport(Run& run) {
  const std::vector<Matrix> before = fuzz::tensorsOf(run.network());
  const std::string text = exportModel(run).dump();
  auto imported = importModelText(text);
  // A diverged run (non-finite weights, or optimizer state that overflowed) is rightly refused.
  if (run.divergence() || !fuzz::allFinite(before)) return;
  fuzz::require(imported.ok(),
                "an exported model imports again: " + (imported ? std::string() : imported.error().describe()));
  Run& copy = **imported;
  const std::vector<Matrix> after = fuzz::tensorsOf(copy.network());
  fuzz::require(after.size() == before.size(), "the imported model has every tensor");
  for (size_t t = 0; t < before.size(); ++t)
    fuzz::require(after[t].rows() == before[t].rows() && after[t].cols() == before[t].cols() && after[t] == before[t],
                  "tensor " + std::to_string(t) + " survives export and import exactly");
  fuzz::require(copy.stepCount() == run.stepCount(), "the step count survives export and import");
  fuzz::require(sameLoss(copy.metrics().train.loss, run.metrics().train.loss),
                "the imported model has the same training loss");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto parsed = parseRunSpec(std::string(reinterpret_cast<const char*>(data), size));
  if (!parsed) return 0;
  RunSpec spec = *parsed;
  shrink(spec);

  auto reread = readRunSpec(toJson(spec));
  fuzz::require(reread.ok(),
                "a valid spec reads back from its own JSON: " + (reread ? std::string() : reread.error().describe()));
  fuzz::require(toJson(*reread) == toJson(spec), "a spec's JSON is stable under a round trip");

  const bool images = spec.data.kind == "idx";
  Expected<std::unique_ptr<Run>> created = Error{"", ""};
  if (images) {
    const ImageData tiny = tinyImages();
    auto dataset = makeDataset(spec.data, &tiny);
    if (!dataset) return 0;
    created = Run::create(spec, std::move(*dataset));
  } else {
    created = Run::create(spec);
  }
  if (!created) return 0;  // e.g. the output layer does not fit the data: a message, not a crash
  Run& run = **created;

  run.step(1 + static_cast<int>(spec.training.seed % 4));
  run.metrics();
  for (const LayerStats& layer : run.stats()) {
    checkHistogram(layer.output.histogram, spec.stats.histogramBins);
    checkHistogram(layer.input.histogram, spec.stats.histogramBins);
    if (layer.hasWeights) checkHistogram(layer.weights, spec.stats.histogramBins);
  }
  if (run.dataset().isTwoDimensional()) {
    Matrix outputs;
    std::vector<Matrix> neurons;
    const int resolution = 1 + static_cast<int>(spec.training.seed % 9);
    if (!run.evaluateGrid(resolution, GridBounds{}, outputs, &neurons, static_cast<int>(spec.training.seed % 3)))
      fuzz::require(outputs.cols() == resolution * resolution, "the grid has resolution^2 points");
  }
  // A mid-run change, as the page makes live: another optimizer kind and schedule (state
  // families switch) with the spec's own hyper-parameters, then more steps.
  OptimizerConfig changed = spec.optimizer;
  const int kinds = static_cast<int>(optimizerRegistry().size());
  changed.kind = static_cast<OptimizerKind>((static_cast<int>(changed.kind) + 1 + spec.training.seed % (kinds - 1)) % kinds);
  const int schedules = static_cast<int>(scheduleRegistry().size());
  changed.schedule.kind = static_cast<ScheduleKind>((static_cast<int>(changed.schedule.kind) + spec.data.seed) % schedules);
  if (!run.setOptimizer(changed)) fuzz::require(run.spec().optimizer.kind == changed.kind, "a change applies");
  run.step(2);
  run.stats();
  if (!images) exportAndReimport(run);
  return 0;
}
