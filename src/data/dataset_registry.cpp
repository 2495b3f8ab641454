// The registry of data sets, and the 2-D point generators beside their entries, modelled on the
// TensorFlow Playground's dataset.ts (xor, circles, gaussians, spiral, plane, gaussian_bumps) plus
// moons and K blobs; "idx" reads image files instead.
//
// All points lie in the square [-6, 6]^2. `noise` (0..1) is a fraction of the
// data's scale, used the way the Playground uses its noise slider. Every random
// number is drawn in its own statement: the order in which C++ evaluates
// function arguments differs between compilers, and native and wasm builds
// must draw the same numbers in the same order.
#include <algorithm>
#include <cmath>

#include "dataset_registry.h"

#include "dataset.h"

namespace nn {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kHalfSide = 6.0;  // the square is [-6, 6]^2

// Fills column i of raw (2, n) and targets (1, n).
struct PointWriter {
  Matrix& raw;
  Matrix& targets;
  Eigen::Index next = 0;
  void add(double x, double y, double target) {
    raw(0, next) = static_cast<Scalar>(std::clamp(x, -kHalfSide, kHalfSide));
    raw(1, next) = static_cast<Scalar>(std::clamp(y, -kHalfSide, kHalfSide));
    targets(0, next) = static_cast<Scalar>(target);
    ++next;
  }
};

// Class k gets n/K points, the first n%K classes one more, so the counts add up to n.
int pointsInClass(int k, int classes, int n) { return n / classes + (k < n % classes ? 1 : 0); }

// A normal draw around `mean`, redrawn while it falls outside the square so
// wide blobs are truncated rather than piled up on the border.
double normalInSquare(Rng& rng, double mean, double std) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    const double value = rng.normal(mean, std);
    if (std::fabs(value) <= kHalfSide) return value;
  }
  return std::clamp(mean, -kHalfSide, kHalfSide);
}

// Playground: x, y in [-5, 5] pushed 0.3 away from the axes; class 1 where
// x*y >= 0 for the noisy point, so noise flips labels near the axes.
void xorPoints(Rng& rng, int n, double noise, PointWriter& out) {
  const double padding = 0.3;
  for (int i = 0; i < n; ++i) {
    double x = rng.uniform(-5, 5);
    x += x > 0 ? padding : -padding;
    double y = rng.uniform(-5, 5);
    y += y > 0 ? padding : -padding;
    const double noiseX = rng.uniform(-5, 5) * noise;
    const double noiseY = rng.uniform(-5, 5) * noise;
    out.add(x, y, (x + noiseX) * (y + noiseY) >= 0 ? 1 : 0);
  }
}

// Playground: half the points inside radius 2.5 (class 1), half in the ring
// 3.5..5 (class 0); the label is that of the noisy point.
void circlePoints(Rng& rng, int n, double noise, PointWriter& out) {
  const double radius = 5;
  for (int ring = 0; ring < 2; ++ring) {  // ring 0: the inner disc, ring 1: the outer ring
    for (int i = 0; i < pointsInClass(ring, 2, n); ++i) {
      const double r = ring == 0 ? rng.uniform(0, radius * 0.5) : rng.uniform(radius * 0.7, radius);
      const double angle = rng.uniform(0, 2 * kPi);
      const double x = r * std::sin(angle);
      const double y = r * std::cos(angle);
      const double noiseX = rng.uniform(-radius, radius) * noise;
      const double noiseY = rng.uniform(-radius, radius) * noise;
      const bool noisyInside = std::hypot(x + noiseX, y + noiseY) < radius * 0.5;
      out.add(x, y, noisyInside ? 1 : 0);
    }
  }
}

// Playground: two Gaussians at (2, 2) (class 1) and (-2, -2) (class 0) whose
// variance grows from 0.5 with the noise.
void gaussianPoints(Rng& rng, int n, double noise, PointWriter& out) {
  const double std = std::sqrt(0.5 + 7.0 * noise);
  const double centers[2] = {-2.0, 2.0};
  for (int k = 0; k < 2; ++k)
    for (int i = 0; i < pointsInClass(k, 2, n); ++i) {
      const double x = normalInSquare(rng, centers[k], std);
      const double y = normalInSquare(rng, centers[k], std);
      out.add(x, y, k);
    }
}

// Playground's spiral generalised to K arms: arm k is turned by 2*pi*k/K;
// radius grows to 5 over 1.75 turns.
void spiralPoints(Rng& rng, int n, int classes, double noise, PointWriter& out) {
  for (int k = 0; k < classes; ++k) {
    const int count = pointsInClass(k, classes, n);
    const double turn = 2 * kPi * k / classes;
    for (int i = 0; i < count; ++i) {
      const double r = 5.0 * i / count;
      const double t = 1.75 * i / count * 2 * kPi + turn;
      const double noiseX = rng.uniform(-1, 1) * noise;
      const double noiseY = rng.uniform(-1, 1) * noise;
      out.add(r * std::sin(t) + noiseX, r * std::cos(t) + noiseY, k);
    }
  }
}

// scikit-learn's two moons (outer: (cos t, sin t); inner: (1 - cos t, 0.5 - sin t)),
// centred and scaled by 3 to fill the square; Gaussian noise of std 3*noise.
void moonPoints(Rng& rng, int n, double noise, PointWriter& out) {
  const double scale = 3.0;
  for (int k = 0; k < 2; ++k)
    for (int i = 0; i < pointsInClass(k, 2, n); ++i) {
      const double t = rng.uniform(0, kPi);
      const double mx = k == 0 ? std::cos(t) : 1 - std::cos(t);
      const double my = k == 0 ? std::sin(t) : 0.5 - std::sin(t);
      const double x = normalInSquare(rng, scale * (mx - 0.5), scale * noise);
      const double y = normalInSquare(rng, scale * (my - 0.25), scale * noise);
      out.add(x, y, k);
    }
}

// K Gaussian blobs with centres evenly spaced on a circle of radius 4.
void blobPoints(Rng& rng, int n, int classes, double noise, PointWriter& out) {
  const double std = 0.5 + 3.0 * noise;
  for (int k = 0; k < classes; ++k) {
    const double angle = 2 * kPi * k / classes + kPi / 4;
    const double cx = 4 * std::cos(angle);
    const double cy = 4 * std::sin(angle);
    for (int i = 0; i < pointsInClass(k, classes, n); ++i) {
      const double x = normalInSquare(rng, cx, std);
      const double y = normalInSquare(rng, cy, std);
      out.add(x, y, k);
    }
  }
}

// Playground's regression sets: points uniform over the square, the target
// measured at a noisy copy of the point, so noise blurs the target, not the points.
void regressionPoints(Rng& rng, int n, double noise, double (*target)(double x, double y), PointWriter& out) {
  for (int i = 0; i < n; ++i) {
    const double x = rng.uniform(-kHalfSide, kHalfSide);
    const double y = rng.uniform(-kHalfSide, kHalfSide);
    const double noiseX = rng.uniform(-kHalfSide, kHalfSide) * noise;
    const double noiseY = rng.uniform(-kHalfSide, kHalfSide) * noise;
    out.add(x, y, target(x + noiseX, y + noiseY));
  }
}

// Playground "plane": (x + y) / 10, about [-1.2, 1.2].
double planeTarget(double x, double y) { return (x + y) / 10.0; }

// Playground "gaussian": six bumps of height +-1 and radius 2; the target is
// the bump largest in absolute value.
double bumpsTarget(double x, double y) {
  const double bumps[6][3] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  double target = 0;
  for (const auto& bump : bumps) {
    const double height = std::clamp(1.0 - std::hypot(x - bump[0], y - bump[1]) / 2.0, 0.0, 1.0);
    const double value = bump[2] * height;
    if (std::fabs(value) > std::fabs(target)) target = value;
  }
  return target;
}

// Each generator with the registry's signature: the spec's sample count, noise and classes.
template <void (*points)(Rng&, int, double, PointWriter&)>
void generate(const DataConfig& c, Rng& rng, Matrix& raw, Matrix& targets) {
  PointWriter out{raw, targets};
  points(rng, c.samples, c.noise, out);
}
template <void (*points)(Rng&, int, int, double, PointWriter&)>
void generateClasses(const DataConfig& c, Rng& rng, Matrix& raw, Matrix& targets) {
  PointWriter out{raw, targets};
  points(rng, c.samples, c.classes, c.noise, out);
}
template <double (*target)(double, double)>
void generateRegression(const DataConfig& c, Rng& rng, Matrix& raw, Matrix& targets) {
  PointWriter out{raw, targets};
  regressionPoints(rng, c.samples, c.noise, target, out);
}

// In the order of the page's data buttons.
const DatasetDefinition kDatasets[] = {
    {"xor", true, false, generate<xorPoints>},
    {"circles", true, false, generate<circlePoints>},
    {"gaussians", true, false, generate<gaussianPoints>},
    {"spiral", true, true, generateClasses<spiralPoints>},
    {"moons", true, false, generate<moonPoints>},
    {"blobs", true, true, generateClasses<blobPoints>},
    {"plane", false, false, generateRegression<planeTarget>},
    {"gaussian_bumps", false, false, generateRegression<bumpsTarget>},
    {"idx", true, false, nullptr},
};

}  // namespace

Registry<DatasetDefinition> datasetRegistry() { return kDatasets; }

void generatePoints(const DataConfig& config, Rng& rng, Matrix& raw, Matrix& targets) {
  raw.setZero(2, config.samples);      // (2, n)
  targets.setZero(1, config.samples);  // (1, n)
  const DatasetDefinition* entry = datasetRegistry().find(config.kind);
  if (entry && entry->generate) entry->generate(config, rng, raw, targets);
}

}  // namespace nn
