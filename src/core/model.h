// Saved models: the spec, every parameter and state tensor, and the input normalisation.
//
// Format (docs/spec.md, "Saved model"):
//   {"format": "nnsandbox-model", "version": 1, "spec": {...},
//    "parameters": [{"layer": i, "name": "W", "rows": r, "cols": c, "values": [...]}, ...],
//    "state": [{"layer": i, "name": "running_mean", "rows": r, "cols": c, "values": [...]}, ...],
//    "normalization": {"mean": [...], "std": [...]},
//    "trained_steps": n}
#pragma once
#include <memory>
#include "trainer.h"

namespace nn {

Json exportModel(Trainer& trainer);

// Rebuilds the trainer from the model's spec (regenerating its data) and loads
// every tensor. Checks format, version, spec, and each tensor's shape and
// finiteness; on any problem returns an error and builds nothing.
Expected<std::unique_ptr<Trainer>> importModel(const Json& model);
// A model text longer than this is refused before parsing (64 MiB: about 3 million parameters).
constexpr size_t kMaxModelBytes = size_t(64) << 20;
Expected<std::unique_ptr<Trainer>> importModelText(const std::string& text);

}  // namespace nn
