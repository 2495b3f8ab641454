// Metrics, statistics, divergences and the network's description as JSON, for the command line
// and the page (the packed records of run/packed_records.h carry the per-step numbers instead).
#pragma once
#include "core/stats.h"
#include "run/backprop_trace.h"
#include "run/run.h"
#include "spec/json_reader.h"

namespace nn {

Json toJson(const Metrics& metrics);
Json toJson(const LayerStats& stats);
Json toJson(const Divergence& divergence);
Json toJson(const BackpropTrace& trace);  // matrices as rows, vectors as flat lists (engine.traceExample)
// {"full": split metrics, "thinned": [split metrics], "thinned_agreement", "thinned_gap", "average_accuracy",
//  "agreement", "gap": [number]}
Json toJson(const ThinnedEnsemble& ensemble);
Json describeNetwork(
    Run& run);  // task, classes, features, layers [{index,type,name,units,inputs,outputs,fn}], parameterCount

}  // namespace nn
