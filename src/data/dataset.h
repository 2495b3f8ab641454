// Data sets the sandbox trains on: generated 2-D sets and IDX image files.
//
// One column = one example. After makeDataset() every split holds the network
// inputs (mapped features, standardised if asked), the raw 2-D coordinates
// (for drawing points on the heatmap) and the targets.
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include "core/expected.h"
#include "core/rng.h"
#include "core/types.h"

namespace nn {

enum class TaskKind { Classification, Regression };

struct DataConfig {
  std::string kind = "xor";  // xor circles gaussians spiral moons blobs | plane gaussian_bumps | idx
  int samples = 200;
  int classes = 2;     // spiral and blobs only; others are fixed at 2 (or 1 output for regression)
  double noise = 0.1;  // 0..1, fraction of the data's scale
  std::vector<std::string> features{"x1", "x2"};  // x1 x2 x1^2 x2^2 x1*x2 sin(x1) sin(x2)
  double trainFraction = 0.7;
  double validationFraction = 0.15;
  double testFraction = 0.15;
  bool standardize = false;
  // Per-feature affine change of units applied right after feature mapping
  // (feature * scale + offset), before standardisation: lets a lesson give the
  // inputs very different scales to show why standardising helps. Empty = none.
  std::vector<double> featureScale;
  std::vector<double> featureOffset;
  uint64_t seed = 1;
  std::string imagesPath;  // idx only
  std::string labelsPath;  // idx only
  int limit = 0;           // idx only: first N examples, 0 = all
};

struct Split {
  Matrix inputs;   // (featureCount, n): what the network sees
  Matrix raw;      // (2, n): raw coordinates in [-6, 6]^2 for 2-D sets; (0, n) for images
  Matrix targets;  // (1, n): class index 0..K-1 (as a Scalar) or the regression value
  int size() const { return static_cast<int>(targets.cols()); }
};

struct Dataset {
  TaskKind task = TaskKind::Classification;
  int classes = 2;  // classification: number of classes; regression: 1
  int featureCount = 2;
  std::vector<std::string> featureNames;
  Split train, validation, test;
  Vector featureScale;   // (featureCount): data.feature_scale (ones if not given), applied after mapping
  Vector featureOffset;  // (featureCount): data.feature_offset (zeros if not given)
  Vector featureMean;    // (featureCount): subtracted before the network (zeros if not standardising)
  Vector featureStd;     // (featureCount): divided by (ones if not standardising)
  bool isTwoDimensional() const { return raw2dAvailable; }
  bool raw2dAvailable = true;
};

TaskKind taskOf(const std::string& kind);  // regression for plane / gaussian_bumps

// Generates (or loads) the points, maps features, splits and standardises.
Expected<Dataset> makeDataset(const DataConfig& config);

// For kind "idx" with images already in memory (the browser fetches the files
// and hands over their bytes): `images` replaces data.images / data.labels.
struct ImageData;
Expected<Dataset> makeDataset(const DataConfig& config, const ImageData* images);

// The 2-D point generators. raw: (2, n) coordinates in [-6, 6]^2; targets: (1, n).
void generatePoints(const DataConfig& config, Rng& rng, Matrix& raw, Matrix& targets);

// Maps raw 2-D points (2, n) to the named features (features.size(), n).
// Names must have been validated (readDataConfig, src/spec/data_json.h, does it).
void mapFeatures(const Matrix& raw, const std::vector<std::string>& features, Matrix& out);
bool isKnownFeature(const std::string& name);

// Applies the dataset's standardisation to already-mapped inputs, in place.
void standardizeInPlace(const Dataset& dataset, Matrix& inputs);

// Raw 2-D points (2, n) to network inputs (featureCount, n) exactly as the
// dataset's own inputs were made: features, scale/offset, standardisation.
void prepareInputs(const Dataset& dataset, const Matrix& raw, Matrix& inputs);

}  // namespace nn
