// The 2-D test functions of the optimizer race, each with its analytic
// gradient written right under its value.
#include "lab/test_functions.h"

#include <cmath>

namespace nn {

namespace {

// "Deep Learning from Scratch" (ch. 6): a long, flat valley along x that makes SGD zig-zag in y.
double bookValue(double x, double y) { return x * x / 20.0 + y * y; }
void bookGradient(double x, double y, double& dx, double& dy) {
  dx = x / 10.0;
  dy = 2.0 * y;
}

double rosenbrockValue(double x, double y) { return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x); }
void rosenbrockGradient(double x, double y, double& dx, double& dy) {
  dx = -2 * (1 - x) - 400 * x * (y - x * x);
  dy = 200 * (y - x * x);
}

// Beale: a sum of three squares a^2 + b^2 + c^2.
double bealeValue(double x, double y) {
  const double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
  return a * a + b * b + c * c;
}
void bealeGradient(double x, double y, double& dx, double& dy) {
  const double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
  dx = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1);
  dy = 2 * a * x + 2 * b * (2 * x * y) + 2 * c * (3 * x * y * y);
}

double saddleValue(double x, double y) { return x * x - y * y; }
void saddleGradient(double x, double y, double& dx, double& dy) {
  dx = 2 * x;
  dy = -2 * y;
}

// Himmelblau: four equal minima; (3, 2) is the one reported.
double himmelblauValue(double x, double y) {
  const double a = x * x + y - 11, b = x + y * y - 7;
  return a * a + b * b;
}
void himmelblauGradient(double x, double y, double& dx, double& dy) {
  const double a = x * x + y - 11, b = x + y * y - 7;
  dx = 4 * x * a + 2 * b;
  dy = 2 * a + 4 * y * b;
}

}  // namespace

const std::vector<TestFunction>& testFunctions() {
  static const std::vector<TestFunction> functions{
      {"book", "x^2/20 + y^2", bookValue, bookGradient, -10, 10, -5, 5, 0, 0, "minimum"},
      {"rosenbrock", "(1 - x)^2 + 100 (y - x^2)^2", rosenbrockValue, rosenbrockGradient, -2, 2, -1, 3, 1, 1, "minimum"},
      {"beale", "(1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2", bealeValue, bealeGradient, -4.5, 4.5, -4.5,
       4.5, 3, 0.5, "minimum"},
      {"saddle", "x^2 - y^2", saddleValue, saddleGradient, -3, 3, -3, 3, 0, 0, "saddle_point"},
      {"himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", himmelblauValue, himmelblauGradient, -5, 5, -5, 5, 3, 2,
       "minimum"},
  };
  return functions;
}

Expected<const TestFunction*> findTestFunction(const std::string& name) {
  std::string names;
  for (const TestFunction& function : testFunctions()) {
    if (function.name == name) return &function;
    names += (names.empty() ? "" : ", ") + function.name;
  }
  const std::string shown = name.size() > 40 ? name.substr(0, 40) + "..." : name;
  return Error{"",
               "unknown test function '" + shown + "' (expected one of: " + names + ")",
               ErrorCode::Choice,
               {{"got", shown}, {"allowed", names}}};
}

Expected<std::vector<PathPoint>> runOptimizerPath(const std::string& function, const OptimizerConfig& optimizer, double x0,
                                                  double y0, int steps) {
  auto found = findTestFunction(function);
  if (!found) return found.error();
  const TestFunction& f = **found;
  if (Status error = validate(optimizer)) return *error;
  if (steps < 0 || steps > 100000) return rangeError("steps", 0, 100000, steps);
  if (!std::isfinite(x0) || !std::isfinite(y0)) return Error{"start", "must be finite", ErrorCode::MustBeFinite, {}};

  // The point (x, y) is the only "weight": a (2, 1) parameter, penalized like
  // a weight so L1/L2 and weight decay show their pull towards the origin.
  Matrix point(2, 1);     // (2, 1): x, y
  Matrix gradient(2, 1);  // (2, 1): df/dx, df/dy
  point << static_cast<Scalar>(x0), static_cast<Scalar>(y0);
  gradient.setZero();
  Optimizer stepper(optimizer);
  stepper.bind({Parameter{&point, &gradient, "xy", true}});

  std::vector<PathPoint> path;
  path.reserve(static_cast<size_t>(steps) + 1);
  double x = point(0, 0), y = point(1, 0);
  path.push_back({x, y, f.value(x, y)});
  for (int s = 0; s < steps; ++s) {
    double dx = 0, dy = 0;
    f.gradient(x, y, dx, dy);
    gradient << static_cast<Scalar>(dx), static_cast<Scalar>(dy);
    stepper.step();
    x = point(0, 0);
    y = point(1, 0);
    const double value = f.value(x, y);
    if (!std::isfinite(x) || !std::isfinite(y) || !std::isfinite(value)) break;  // diverged: the path ends here
    path.push_back({x, y, value});
  }
  return path;
}

}  // namespace nn
