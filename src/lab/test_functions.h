// Two-dimensional test functions with analytic gradients, for watching
// optimizers move (curriculum section 4, "optimizer-race").
#pragma once
#include <string>
#include <vector>
#include "core/expected.h"
#include "core/optimizer.h"

namespace nn {

struct TestFunction {
  std::string name;     // "book" (x^2/20 + y^2), "rosenbrock", "beale", "saddle", "himmelblau"
  std::string formula;  // plain-text formula for labels, e.g. "x^2/20 + y^2"
  double (*value)(double x, double y);
  void (*gradient)(double x, double y, double& dx, double& dy);
  double xmin, xmax, ymin, ymax;  // a good window for a contour plot
  double minimumX, minimumY;      // one global minimum (or the saddle point)
  const char* markedPoint;        // what (minimumX, minimumY) is: "minimum" or "saddle_point"
};

const std::vector<TestFunction>& testFunctions();
Expected<const TestFunction*> findTestFunction(const std::string& name);

struct PathPoint {
  double x, y, value;
};

// Runs `steps` optimizer steps from (x0, y0) on the function and returns
// steps + 1 points (the start first). Uses the real nn::Optimizer on a 2x1
// parameter, so the path shows exactly what training would do. Stops early
// (and says so in the error-free result by being shorter) if the point becomes non-finite.
Expected<std::vector<PathPoint>> runOptimizerPath(const std::string& function, const OptimizerConfig& optimizer, double x0,
                                                  double y0, int steps);

}  // namespace nn
