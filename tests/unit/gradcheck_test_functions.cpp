// The analytic gradients of the 2-D test functions against central differences.
#include <doctest/doctest.h>

#include <cmath>

#include "lab/test_functions.h"

using namespace nn;

TEST_CASE("each test function's analytic gradient matches central finite differences") {
  const double points[][2] = {{-7, 2}, {0.3, -1.2}, {1.5, 0.7}, {-2.2, 2.9}, {3.1, -0.4}};
  const double h = 1e-5;
  for (const TestFunction& f : testFunctions())
    for (const auto& p : points) {
      CAPTURE(f.name);
      CAPTURE(p[0]);
      CAPTURE(p[1]);
      double dx = 0, dy = 0;
      f.gradient(p[0], p[1], dx, dy);
      const double numericX = (f.value(p[0] + h, p[1]) - f.value(p[0] - h, p[1])) / (2 * h);
      const double numericY = (f.value(p[0], p[1] + h) - f.value(p[0], p[1] - h)) / (2 * h);
      CHECK(dx == doctest::Approx(numericX).epsilon(1e-6));
      CHECK(dy == doctest::Approx(numericY).epsilon(1e-6));
    }
}
