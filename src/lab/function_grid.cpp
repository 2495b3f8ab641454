#include "lab/function_grid.h"

namespace nn {

Expected<std::vector<float>> functionGrid(const std::string& name, int resolution) {
  auto function = findTestFunction(name);
  if (!function) return function.error();
  if (resolution < 2 || resolution > 1000) return rangeError("resolution", 2, 1000, resolution);
  const TestFunction& f = **function;
  std::vector<float> values(static_cast<size_t>(resolution) * resolution);
  for (int row = 0; row < resolution; ++row)
    for (int col = 0; col < resolution; ++col) {
      const double x = f.xmin + (f.xmax - f.xmin) * col / (resolution - 1);
      const double y = f.ymax - (f.ymax - f.ymin) * row / (resolution - 1);
      values[static_cast<size_t>(row) * resolution + col] = static_cast<float>(f.value(x, y));
    }
  return values;
}

}  // namespace nn
