// libFuzzer target: model import (what the page's "Load model" and the engine's importModel get).
//
// The input is a model file. Its spec is read first: one whose data or network would take more
// than a moment to build (over 500 samples, 64 units, an IDX file to read) is skipped, since
// the target is the importer's checks, not the size of a valid run. A model that imports must
// then train a step, evaluate, and export to a file that imports to the same tensors.
#include <cstdint>
#include <string>
#include "fuzz_support.h"
#include "spec/model_file.h"
#include "spec/run_spec_json.h"

using namespace nn;

namespace {

bool small(const RunSpec& spec) {
  if (spec.data.kind == "idx" || spec.data.samples > 500 || spec.training.batchSize > 256) return false;
  for (const LayerSpec& layer : spec.layers)
    if (layer.units > 64) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto json = parseJson(text, "the model file");
  if (!json) return 0;
  if (json->is_object() && json->contains("spec")) {
    auto spec = readRunSpec((*json)["spec"]);
    if (spec && !small(*spec)) return 0;
  }
  auto imported = importModel(*json);
  if (!imported) {
    fuzz::require(!imported.error().message.empty(), "a refused model says why");
    return 0;
  }
  Run& run = **imported;
  const std::vector<Matrix> loaded = fuzz::tensorsOf(run.network());
  fuzz::require(fuzz::allFinite(loaded), "an imported model holds only finite numbers");

  auto again = importModelText(exportModel(run).dump());
  fuzz::require(again.ok(), "an imported model exports to a file that imports");
  const std::vector<Matrix> reloaded = fuzz::tensorsOf((*again)->network());
  fuzz::require(reloaded.size() == loaded.size(), "export keeps every tensor");
  for (size_t t = 0; t < loaded.size(); ++t)
    fuzz::require(reloaded[t] == loaded[t], "tensor " + std::to_string(t) + " survives export and import exactly");

  run.metrics();
  run.step(1);
  run.stats();
  return 0;
}
