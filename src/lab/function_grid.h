// Values of a 2-D test function on a grid, for contour plots of optimizer paths.
#pragma once
#include <string>
#include <vector>
#include "core/expected.h"
#include "lab/test_functions.h"

namespace nn {

// resolution x resolution values over the function's window, row by row from
// the top-left (xmin, ymax) to the bottom-right (xmax, ymin).
Expected<std::vector<float>> functionGrid(const std::string& name, int resolution);

}  // namespace nn
