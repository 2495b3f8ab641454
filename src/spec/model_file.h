// Saved models: the spec, every parameter and state tensor, and the input normalisation.
//
// Format (docs/spec.md, "Saved model"):
//   {"format": "nnsandbox-model", "version": 2, "spec": {...},
//    "parameters": [{"layer": i, "name": "W", "rows": r, "cols": c, "values": [...]}, ...],
//    "state": [{"layer": i, "name": "running_mean", "rows": r, "cols": c, "values": [...]}, ...],
//    "normalization": {"mean": [...], "std": [...]},
//    "trained_steps": n,
//    "resume": {"optimizer": {"steps", "rule_start", "first": [tensors], "second": [tensors]},
//               "batch_order": {"rng", "order", "position", "examples_seen"}, "dropout_rng", "batch_loss"}}
// Version 2 added "resume", everything else a run needs to continue exactly as if it had never
// stopped. Version 1 files still load: their optimizer state and batch order start fresh.
#pragma once
#include <memory>
#include <string>
#include "run/run.h"
#include "spec/json_reader.h"

namespace nn {

Json exportModel(Run& run);

// How completely a loaded run continues the saved one.
enum class ModelResume {
  Exact,               // version 2: optimizer state, schedule position, batch order and dropout generator restored
  FreshOptimizerState  // version 1: weights and step count only; moments, velocities and batch order start afresh
};

// Rebuilds the run from the model's spec (regenerating its data) and loads
// every tensor. Checks format, version, spec, and each tensor's shape and
// finiteness; on any problem returns an error and builds nothing.
// `resume` (if not null) is set to how completely the run continues.
Expected<std::unique_ptr<Run>> importModel(const Json& model, ModelResume* resume = nullptr);
// A model text longer than this is refused before parsing (64 MiB: about 3 million parameters).
constexpr size_t kMaxModelBytes = size_t(64) << 20;
Expected<std::unique_ptr<Run>> importModelText(const std::string& text, ModelResume* resume = nullptr);

}  // namespace nn
