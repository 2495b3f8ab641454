// Data sets: the 2-D generators, feature mapping, splitting, standardisation,
// the idx kind and the "data" section of a spec.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "data/dataset.h"
#include "idx_test_files.h"
#include "spec/data_json.h"
#include "spec_test_helpers.h"

using namespace nn;

namespace {

const char* const kClassificationKinds[] = {"xor", "circles", "gaussians", "spiral", "moons", "blobs"};
const char* const kAllGeneratedKinds[] = {"xor",   "circles", "gaussians", "spiral",
                                          "moons", "blobs",   "plane",     "gaussian_bumps"};

DataConfig configOf(const char* kind, int samples, double noise = 0.1, int classes = 2, uint64_t seed = 1) {
  DataConfig config;
  config.kind = kind;
  config.samples = samples;
  config.noise = noise;
  config.classes = classes;
  config.seed = seed;
  return config;
}

// (train, validation, test) sizes of a generated set split by these fractions.
std::array<int, 3> splitSizes(const char* kind, int samples, double train, double validation, double test) {
  DataConfig config = configOf(kind, samples);
  config.trainFraction = train;
  config.validationFraction = validation;
  config.testFraction = test;
  auto data = makeDataset(config);
  REQUIRE(data.ok());
  return {data->train.size(), data->validation.size(), data->test.size()};
}

Json parse(const char* text) { return nn::testing::parseForTest(text); }

Error errorOf(const char* text) {
  return nn::testing::readingError([](const Json& section) { return readDataConfig(section); }, text);
}

Error makingError(const char* text) {
  auto config = readDataConfig(parse(text));
  REQUIRE(config.ok());
  auto data = makeDataset(*config);
  REQUIRE_FALSE(data.ok());
  return data.error();
}

}  // namespace

TEST_CASE("every generator gives the requested number of points inside [-6, 6]^2") {
  for (const char* kind : kAllGeneratedKinds)
    for (int samples : {4, 7, 200, 301})
      for (double noise : {0.0, 0.1, 1.0}) {
        CAPTURE(kind);
        CAPTURE(samples);
        CAPTURE(noise);
        Rng rng(3);
        Matrix raw, targets;
        generatePoints(configOf(kind, samples, noise, 3), rng, raw, targets);
        REQUIRE(raw.rows() == 2);
        REQUIRE(raw.cols() == samples);
        REQUIRE(targets.rows() == 1);
        REQUIRE(targets.cols() == samples);
        CHECK(raw.cwiseAbs().maxCoeff() <= 6.0f);
        CHECK(targets.allFinite());
      }
}

TEST_CASE("classification targets are whole class indices in range, and every class appears") {
  for (const char* kind : kClassificationKinds)
    for (int classes : {2, 3, 5}) {
      CAPTURE(kind);
      CAPTURE(classes);
      Rng rng(11);
      Matrix raw, targets;
      const DataConfig config = configOf(kind, 300, 0.1, classes);
      generatePoints(config, rng, raw, targets);
      const bool manyClasses = std::string(kind) == "spiral" || std::string(kind) == "blobs";
      const int expected = manyClasses ? classes : 2;
      std::set<int> seen;
      for (Eigen::Index i = 0; i < targets.cols(); ++i) {
        const float t = targets(0, i);
        REQUIRE(t == std::floor(t));
        REQUIRE((t >= 0 && t < expected));
        seen.insert(static_cast<int>(t));
      }
      CHECK(static_cast<int>(seen.size()) == expected);
    }
}

TEST_CASE("spiral and blobs give each of the K classes an equal share of the points") {
  Rng rng(1);
  Matrix raw, targets;
  generatePoints(configOf("spiral", 301, 0.1, 3), rng, raw, targets);
  int counts[3] = {0, 0, 0};
  for (Eigen::Index i = 0; i < targets.cols(); ++i) ++counts[static_cast<int>(targets(0, i))];
  CHECK(counts[0] == 101);
  CHECK(counts[1] == 100);
  CHECK(counts[2] == 100);
}

TEST_CASE("the regression sets give the Playground's targets") {
  SUBCASE("plane without noise: (x + y) / 10") {
    Rng rng(5);
    Matrix raw, targets;
    generatePoints(configOf("plane", 50, 0.0), rng, raw, targets);
    for (Eigen::Index i = 0; i < 50; ++i) CHECK(targets(0, i) == doctest::Approx((raw(0, i) + raw(1, i)) / 10.0));
  }
  SUBCASE("gaussian bumps: targets in [-1, 1], +1 at the centre of a positive bump") {
    Rng rng(5);
    Matrix raw, targets;
    generatePoints(configOf("gaussian_bumps", 500, 0.0), rng, raw, targets);
    CHECK(targets.maxCoeff() <= 1.0f);
    CHECK(targets.minCoeff() >= -1.0f);
    CHECK(targets.maxCoeff() > 0.5f);
    CHECK(targets.minCoeff() < -0.5f);
  }
  SUBCASE("taskOf tells regression kinds apart") {
    CHECK((taskOf("plane") == TaskKind::Regression));
    CHECK((taskOf("gaussian_bumps") == TaskKind::Regression));
    CHECK((taskOf("spiral") == TaskKind::Classification));
  }
}

TEST_CASE("the same seed gives the same points and a different seed different points") {
  for (const char* kind : kAllGeneratedKinds) {
    CAPTURE(kind);
    auto a = makeDataset(configOf(kind, 100, 0.2, 3, 7));
    auto b = makeDataset(configOf(kind, 100, 0.2, 3, 7));
    auto c = makeDataset(configOf(kind, 100, 0.2, 3, 8));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(c.ok());
    CHECK(a->train.raw == b->train.raw);
    CHECK(a->train.targets == b->train.targets);
    CHECK(a->test.inputs == b->test.inputs);
    CHECK(a->train.raw != c->train.raw);
  }
}

TEST_CASE("the split has the requested sizes and uses every point exactly once") {
  SUBCASE("200 points at 0.7 / 0.15 / 0.15") {
    auto data = makeDataset(configOf("xor", 200));
    REQUIRE(data.ok());
    CHECK(data->train.size() == 140);
    CHECK(data->validation.size() == 30);
    CHECK(data->test.size() == 30);

    Rng rng(1);
    Matrix raw, targets;
    generatePoints(configOf("xor", 200), rng, raw, targets);
    std::multiset<std::pair<float, float>> generated, split;
    for (Eigen::Index i = 0; i < raw.cols(); ++i) generated.insert({raw(0, i), raw(1, i)});
    for (const Split* s : {&data->train, &data->validation, &data->test})
      for (Eigen::Index i = 0; i < s->raw.cols(); ++i) split.insert({s->raw(0, i), s->raw(1, i)});
    CHECK(generated == split);
  }
  SUBCASE("a split with a fraction above 0 gets at least one example") {
    CHECK(splitSizes("circles", 4, 0.9, 0.05, 0.05) == std::array<int, 3>{2, 1, 1});
  }
  SUBCASE("a split with fraction 0 is empty") {
    CHECK(splitSizes("moons", 101, 0.8, 0.0, 0.2) == std::array<int, 3>{81, 0, 20});
    DataConfig config = configOf("moons", 101);
    config.validationFraction = 0.0;
    config.testFraction = 0.3;
    auto data = makeDataset(config);
    REQUIRE(data.ok());
    CHECK(data->validation.size() == 0);
    CHECK(data->validation.inputs.rows() == 2);  // still one row per feature, for code that reads the shape
  }
  SUBCASE("every split carries inputs, raw points and targets of matching widths") {
    auto data = makeDataset(configOf("spiral", 90, 0.1, 3));
    REQUIRE(data.ok());
    CHECK(data->classes == 3);
    CHECK((data->task == TaskKind::Classification));
    for (const Split* s : {&data->train, &data->validation, &data->test}) {
      CHECK(s->inputs.cols() == s->size());
      CHECK(s->raw.cols() == s->size());
      CHECK(s->raw.rows() == 2);
    }
  }
}

TEST_CASE("standardisation gives the training split mean 0 and std 1 using training statistics only") {
  DataConfig config = configOf("blobs", 400, 0.2, 4);
  config.features = {"x1", "x2", "x1^2", "x1*x2", "sin(x2)"};
  config.standardize = true;
  auto standardized = makeDataset(config);
  REQUIRE(standardized.ok());
  const Matrix& train = standardized->train.inputs;  // (5, n)
  for (Eigen::Index f = 0; f < train.rows(); ++f) {
    CAPTURE(f);
    const double mean = train.row(f).cast<double>().mean();
    const double variance = (train.row(f).cast<double>().array() - mean).square().mean();
    CHECK(mean == doctest::Approx(0.0).epsilon(1e-4).scale(1));
    CHECK(std::sqrt(variance) == doctest::Approx(1.0).epsilon(1e-4));
  }

  config.standardize = false;
  auto plain = makeDataset(config);
  REQUIRE(plain.ok());
  CHECK(plain->featureMean.isZero());
  CHECK(plain->featureStd.isOnes());
  for (Eigen::Index f = 0; f < plain->train.inputs.rows(); ++f) {
    CAPTURE(f);
    // The fitted statistics are those of the raw training split ...
    CHECK(standardized->featureMean(f) == doctest::Approx(plain->train.inputs.row(f).cast<double>().mean()).epsilon(1e-5));
    // ... and the other splits are transformed with them, not with their own.
    const Eigen::Index v = 0;
    const double expected = (plain->validation.inputs(f, v) - standardized->featureMean(f)) / standardized->featureStd(f);
    CHECK(standardized->validation.inputs(f, v) == doctest::Approx(expected).epsilon(1e-4));
  }
  // The validation split is then not exactly centred: its mean was not used.
  CHECK(std::fabs(standardized->validation.inputs.row(0).cast<double>().mean()) > 1e-6);

  SUBCASE("standardizeInPlace applies the same transform to new inputs") {
    Matrix fresh = plain->test.inputs;
    standardizeInPlace(*standardized, fresh);
    CHECK(fresh.isApprox(standardized->test.inputs, 1e-5f));
  }
}

TEST_CASE("features map a hand-picked point to the documented values, in the order asked") {
  Matrix raw(2, 1);
  raw << 2.0f, -0.5f;
  Matrix out;
  mapFeatures(raw, {"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"}, out);
  REQUIRE(out.rows() == 7);
  REQUIRE(out.cols() == 1);
  CHECK(out(0, 0) == doctest::Approx(2.0));
  CHECK(out(1, 0) == doctest::Approx(-0.5));
  CHECK(out(2, 0) == doctest::Approx(4.0));
  CHECK(out(3, 0) == doctest::Approx(0.25));
  CHECK(out(4, 0) == doctest::Approx(-1.0));
  CHECK(out(5, 0) == doctest::Approx(std::sin(2.0)));
  CHECK(out(6, 0) == doctest::Approx(std::sin(-0.5)));

  mapFeatures(raw, {"x2^2", "x1"}, out);
  REQUIRE(out.rows() == 2);
  CHECK(out(0, 0) == doctest::Approx(0.25));
  CHECK(out(1, 0) == doctest::Approx(2.0));

  CHECK(isKnownFeature("sin(x1)"));
  CHECK_FALSE(isKnownFeature("cos(x1)"));

  auto data = makeDataset([] {
    DataConfig c = configOf("xor", 20);
    c.features = {"x1*x2"};
    return c;
  }());
  REQUIRE(data.ok());
  CHECK(data->featureCount == 1);
  CHECK(data->featureNames == std::vector<std::string>{"x1*x2"});
  CHECK(data->train.inputs(0, 0) == doctest::Approx(data->train.raw(0, 0) * data->train.raw(1, 0)));
}

TEST_CASE("the data section is read with defaults, and written back by toJson") {
  auto defaults = readDataConfig(parse("{}"));
  REQUIRE(defaults.ok());
  CHECK(defaults->kind == "xor");
  CHECK(defaults->samples == 200);
  CHECK(defaults->noise == 0.1);
  CHECK(defaults->trainFraction == 0.7);
  CHECK_FALSE(defaults->standardize);
  CHECK(defaults->seed == 1);

  auto full = readDataConfig(parse(R"J({
    "kind": "spiral", "samples": 300, "classes": 3, "noise": 0.1, "features": ["x1", "x2", "sin(x1)"],
    "split": { "train": 0.6, "validation": 0.2, "test": 0.2 }, "standardize": true, "seed": 7 })J"));
  REQUIRE(full.ok());
  CHECK(full->kind == "spiral");
  CHECK(full->classes == 3);
  CHECK(full->features.size() == 3);
  CHECK(full->validationFraction == 0.2);
  CHECK(full->standardize);
  CHECK(full->seed == 7);

  auto again = readDataConfig(toJson(*full));
  REQUIRE(again.ok());
  CHECK(toJson(*again) == toJson(*full));

  SUBCASE("a split that leaves out a fraction means 0 for it") {
    auto split = readDataConfig(parse(R"({"split": {"train": 0.8, "test": 0.2}})"));
    REQUIRE(split.ok());
    CHECK(split->validationFraction == 0.0);
  }
}

TEST_CASE("bad data settings are rejected with an error naming the field") {
  SUBCASE("an unknown kind") {
    const Error error = errorOf(R"({"kind": "swirl"})");
    CHECK(error.field == "data.kind");
    CHECK(error.message.find("spiral") != std::string::npos);
  }
  SUBCASE("too few samples") { CHECK(errorOf(R"({"samples": 3})").field == "data.samples"); }
  SUBCASE("too many samples") { CHECK(errorOf(R"({"samples": 100001})").field == "data.samples"); }
  SUBCASE("fractional samples") { CHECK(errorOf(R"({"samples": 20.5})").field == "data.samples"); }
  SUBCASE("nine classes") { CHECK(errorOf(R"({"classes": 9})").field == "data.classes"); }
  SUBCASE("noise above 1") { CHECK(errorOf(R"({"noise": 1.5})").field == "data.noise"); }
  SUBCASE("noise as a string") { CHECK(errorOf(R"({"noise": "lots"})").field == "data.noise"); }
  SUBCASE("an unknown feature") {
    const Error error = errorOf(R"({"features": ["x1", "x3"]})");
    CHECK(error.field == "data.features[1]");
    CHECK(error.message.find("x3") != std::string::npos);
  }
  SUBCASE("no features") { CHECK(errorOf(R"({"features": []})").field == "data.features"); }
  SUBCASE("a feature listed twice") { CHECK(errorOf(R"({"features": ["x1", "x1"]})").field == "data.features[1]"); }
  SUBCASE("features that are not strings") { CHECK(errorOf(R"({"features": [1]})").field == "data.features"); }
  SUBCASE("split fractions not adding up to 1") {
    CHECK(errorOf(R"({"split": {"train": 0.7, "validation": 0.1, "test": 0.1}})").field == "data.split");
  }
  SUBCASE("a split with no training examples") {
    CHECK(errorOf(R"({"split": {"train": 0, "validation": 0.5, "test": 0.5}})").field == "data.split.train");
  }
  SUBCASE("a negative split fraction") {
    CHECK(errorOf(R"({"split": {"train": 1.2, "test": -0.2}})").field == "data.split.train");
  }
  SUBCASE("an unknown split key") {
    CHECK(errorOf(R"({"split": {"train": 0.7, "valid": 0.3}})").field == "data.split.valid");
  }
  SUBCASE("standardize as a string") { CHECK(errorOf(R"({"standardize": "yes"})").field == "data.standardize"); }
  SUBCASE("a negative seed") { CHECK(errorOf(R"({"seed": -1})").field == "data.seed"); }
  SUBCASE("an unknown key") { CHECK(errorOf(R"({"sample": 100})").field == "data.sample"); }
  // The paths are checked when the data is made (the page passes image bytes instead of paths).
  SUBCASE("idx without an image file") {
    CHECK(makingError(R"({"kind": "idx", "labels": "l.idx"})").field == "data.images");
  }
  SUBCASE("idx without a label file") { CHECK(makingError(R"({"kind": "idx", "images": "i.idx"})").field == "data.labels"); }
  SUBCASE("a negative limit") { CHECK(errorOf(R"({"limit": -5})").field == "data.limit"); }
  SUBCASE("a section that is not an object") { CHECK(errorOf(R"("xor")").field == "data"); }
}

TEST_CASE("the idx kind loads images and labels, splits and standardises them") {
  nn::testing::TempFile images("dataset-images.idx", nn::testing::idxImageBytes(20, 2, 3));
  nn::testing::TempFile labels("dataset-labels.idx", nn::testing::idxLabelBytes(20, 4));
  DataConfig config;
  config.kind = "idx";
  config.imagesPath = images.path;
  config.labelsPath = labels.path;
  auto data = makeDataset(config);
  REQUIRE(data.ok());
  CHECK((data->task == TaskKind::Classification));
  CHECK(data->classes == 4);
  CHECK(data->featureCount == 6);
  CHECK_FALSE(data->isTwoDimensional());
  CHECK(data->train.size() + data->validation.size() + data->test.size() == 20);
  CHECK(data->train.raw.rows() == 0);
  CHECK(data->train.inputs.rows() == 6);

  SUBCASE("a limit keeps the first examples") {
    config.limit = 8;
    auto limited = makeDataset(config);
    REQUIRE(limited.ok());
    CHECK(limited->train.size() + limited->validation.size() + limited->test.size() == 8);
  }
  SUBCASE("label and image counts must match") {
    nn::testing::TempFile fewer("dataset-fewer.idx", nn::testing::idxLabelBytes(19, 4));
    config.labelsPath = fewer.path;
    auto mismatched = makeDataset(config);
    REQUIRE_FALSE(mismatched.ok());
    CHECK(mismatched.error().field == "data.labels");
    CHECK(mismatched.error().message.find("19") != std::string::npos);
  }
  SUBCASE("a missing file names the field and the path") {
    config.imagesPath = "/nonexistent/images.idx";
    auto missing = makeDataset(config);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().field == "data.images");
    CHECK(missing.error().message.find("/nonexistent/images.idx") != std::string::npos);
  }
}
