// The lab experiments' settings and results as JSON (the page's lab asks the engine for these).
#pragma once
#include <vector>
#include "lab/init_histograms.h"
#include "lab/test_functions.h"
#include "spec/json_reader.h"

namespace nn {

// The init-histograms experiment's settings; validated like the run spec (unknown keys rejected).
Expected<InitHistogramsConfig> readInitHistogramsConfig(const Json& json);
// [{mean, std, min, max, saturated, lo, hi, counts}] per layer.
Json toJson(const std::vector<InitHistogramsLayer>& layers);

// [{name, formula, xmin, xmax, ymin, ymax, minimum_x, minimum_y, marked_point}] for the page's menu.
Json describeTestFunctions();

}  // namespace nn
