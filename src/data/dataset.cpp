// Assembling a Dataset: points (generated or loaded), features, a seeded
// shuffle and split, and standardisation fitted on the training split only
// (fitting it on all the data would leak the test set into training).
#include "dataset.h"

#include <array>
#include <cmath>
#include <numeric>

#include "dataset_registry.h"
#include "idx.h"

namespace nn {

namespace {

// Example counts of (train, validation, test) for n examples: largest-remainder
// rounding, then every split with a fraction > 0 gets at least one example,
// taken from the largest split, while that one keeps at least one.
std::array<int, 3> splitCounts(int n, const std::array<double, 3>& fractions) {
  std::array<int, 3> counts{};
  std::array<double, 3> remainders{};
  int assigned = 0;
  for (int s = 0; s < 3; ++s) {
    const double exact = n * fractions[s];
    counts[s] = static_cast<int>(std::floor(exact));
    remainders[s] = exact - counts[s];
    assigned += counts[s];
  }
  for (; assigned < n; ++assigned) {
    int best = 0;
    for (int s = 1; s < 3; ++s)
      if (remainders[s] > remainders[best]) best = s;
    ++counts[best];
    remainders[best] = -1;
  }
  for (int s = 0; s < 3; ++s) {
    if (fractions[s] <= 0 || counts[s] > 0) continue;
    int largest = 0;
    for (int other = 1; other < 3; ++other)
      if (counts[other] > counts[largest]) largest = other;
    if (counts[largest] > 1) {
      --counts[largest];
      ++counts[s];
    }
  }
  return counts;
}

// Copies the columns order[first, first + count) of the full set into a split.
void takeColumns(const Matrix& inputs, const Matrix& raw, const Matrix& targets, const std::vector<int>& order, int first,
                 int count, Split& split) {
  split.inputs.resize(inputs.rows(), count);    // (features, count)
  split.raw.resize(raw.rows(), count);          // (2, count) or (0, count)
  split.targets.resize(targets.rows(), count);  // (1, count)
  for (int j = 0; j < count; ++j) {
    const int column = order[first + j];
    split.inputs.col(j) = inputs.col(column);
    split.raw.col(j) = raw.col(column);
    split.targets.col(j) = targets.col(column);
  }
}

// mean and std of each feature (row) over the training examples (columns), in double.
void fitStandardization(const Matrix& trainInputs, Vector& mean, Vector& std) {
  const Eigen::Index features = trainInputs.rows();
  const double n = static_cast<double>(trainInputs.cols());
  mean.resize(features);
  std.resize(features);
  for (Eigen::Index f = 0; f < features; ++f) {
    const auto row = trainInputs.row(f).cast<double>();
    const double mu = row.sum() / n;
    const double variance = (row.array() - mu).square().sum() / n;
    mean(f) = static_cast<Scalar>(mu);
    // A constant feature (e.g. a pixel that is always black) is left unscaled instead of divided by 0.
    std(f) = static_cast<Scalar>(variance > 1e-12 ? std::sqrt(variance) : 1.0);
  }
}

struct AllExamples {
  Matrix inputs;   // (features, n)
  Matrix raw;      // (2, n) or (0, n)
  Matrix targets;  // (1, n)
};

// Images and labels already parsed (from files, or from bytes the page fetched).
Status useImages(const IdxImages* images, const std::vector<int>* labels, Dataset& dataset, AllExamples& all) {
  if (static_cast<int>(labels->size()) != images->count)
    return Error{"data.labels",
                 "has " + std::to_string(labels->size()) + " labels but data.images has " + std::to_string(images->count) +
                     " images",
                 ErrorCode::LabelCount,
                 {{"labels", labels->size()}, {"images", images->count}}};
  if (images->count < 1) return Error{"data.images", "holds no images", ErrorCode::NoImages, {}};

  const int n = images->count;
  all.inputs = images->pixels;  // (784, n) pixels in [0, 1]
  all.raw.resize(0, n);
  all.targets.resize(1, n);
  int largestLabel = 0;
  for (int i = 0; i < n; ++i) {
    all.targets(0, i) = static_cast<Scalar>((*labels)[i]);
    largestLabel = std::max(largestLabel, (*labels)[i]);
  }
  dataset.task = TaskKind::Classification;
  dataset.classes = std::max(2, largestLabel + 1);
  dataset.raw2dAvailable = false;
  dataset.featureNames.clear();
  for (int row = 0; row < images->rows; ++row)
    for (int col = 0; col < images->cols; ++col)
      dataset.featureNames.push_back("pixel(" + std::to_string(row) + "," + std::to_string(col) + ")");
  return std::nullopt;
}

void generateTwoDimensional(const DataConfig& config, Rng& rng, Dataset& dataset, AllExamples& all) {
  generatePoints(config, rng, all.raw, all.targets);
  mapFeatures(all.raw, config.features, all.inputs);
  dataset.task = taskOf(config.kind);
  const DatasetDefinition* entry = datasetRegistry().find(config.kind);
  const bool manyClasses = entry && entry->readsClasses;
  dataset.classes = dataset.task == TaskKind::Regression ? 1 : manyClasses ? config.classes : 2;
  dataset.raw2dAvailable = true;
  dataset.featureNames = config.features;
}

// inputs = inputs * scale + offset, feature by feature
void applyFeatureTransform(const Dataset& dataset, Matrix& inputs) {
  inputs = (inputs.array().colwise() * dataset.featureScale.array()).colwise() + dataset.featureOffset.array();
}

}  // namespace

void prepareInputs(const Dataset& dataset, const Matrix& raw, Matrix& inputs) {
  mapFeatures(raw, dataset.featureNames, inputs);
  applyFeatureTransform(dataset, inputs);
  standardizeInPlace(dataset, inputs);
}

TaskKind taskOf(const std::string& kind) {
  const DatasetDefinition* entry = datasetRegistry().find(kind);
  return entry && !entry->classification ? TaskKind::Regression : TaskKind::Classification;
}

Expected<Dataset> makeDataset(const DataConfig& config) { return makeDataset(config, nullptr); }

Expected<Dataset> makeDataset(const DataConfig& config, const ImageData* preloaded) {
  Dataset dataset;
  AllExamples all;
  Rng rng(config.seed);
  if (config.kind == "idx" && preloaded) {
    if (Status error = useImages(&preloaded->images, &preloaded->labels, dataset, all)) return *error;
  } else if (config.kind == "idx") {
    if (config.imagesPath.empty())
      return Error{"data.images", "is required for kind 'idx' (path of an IDX image file)", ErrorCode::Missing, {}};
    if (config.labelsPath.empty())
      return Error{"data.labels", "is required for kind 'idx' (path of an IDX label file)", ErrorCode::Missing, {}};
    auto images = loadIdxImages(config.imagesPath, config.limit);
    if (!images) return images.error().inside("data.images");
    auto labels = loadIdxLabels(config.labelsPath, config.limit);
    if (!labels) return labels.error().inside("data.labels");
    if (Status error = useImages(&*images, &*labels, dataset, all)) return *error;
  } else {
    generateTwoDimensional(config, rng, dataset, all);
  }
  dataset.featureCount = static_cast<int>(all.inputs.rows());
  dataset.featureScale = Vector::Ones(dataset.featureCount);
  dataset.featureOffset = Vector::Zero(dataset.featureCount);
  if (config.kind != "idx") {
    for (size_t f = 0; f < config.featureScale.size(); ++f)
      dataset.featureScale(f) = static_cast<Scalar>(config.featureScale[f]);
    for (size_t f = 0; f < config.featureOffset.size(); ++f)
      dataset.featureOffset(f) = static_cast<Scalar>(config.featureOffset[f]);
    applyFeatureTransform(dataset, all.inputs);
  }

  const int n = static_cast<int>(all.targets.cols());
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  rng.shuffle(order);
  const auto counts = splitCounts(n, {config.trainFraction, config.validationFraction, config.testFraction});
  takeColumns(all.inputs, all.raw, all.targets, order, 0, counts[0], dataset.train);
  takeColumns(all.inputs, all.raw, all.targets, order, counts[0], counts[1], dataset.validation);
  takeColumns(all.inputs, all.raw, all.targets, order, counts[0] + counts[1], counts[2], dataset.test);

  if (config.standardize) {
    fitStandardization(dataset.train.inputs, dataset.featureMean, dataset.featureStd);
  } else {
    dataset.featureMean = Vector::Zero(dataset.featureCount);
    dataset.featureStd = Vector::Ones(dataset.featureCount);
  }
  for (Split* split : {&dataset.train, &dataset.validation, &dataset.test}) standardizeInPlace(dataset, split->inputs);
  return dataset;
}

void standardizeInPlace(const Dataset& dataset, Matrix& inputs) {
  // inputs: (featureCount, n);  x = (x - mean) / std, feature by feature
  inputs = (inputs.colwise() - dataset.featureMean).array().colwise() / dataset.featureStd.array();
}

}  // namespace nn
