// The IDX reader: good files round-trip, every malformed file is refused with a message.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "data/idx.h"
#include "idx_test_files.h"

using namespace nn;
using namespace nn::testing;

namespace {

bool mentions(const Error& error, const char* text) { return error.describe().find(text) != std::string::npos; }

void setBigEndian32(std::vector<uint8_t>& bytes, size_t offset, uint32_t value) {
  for (int b = 0; b < 4; ++b) bytes[offset + b] = static_cast<uint8_t>(value >> (24 - 8 * b));
}

}  // namespace

TEST_CASE("a good tiny image file is read with one image per column, pixels scaled to [0, 1]") {
  auto images = parseIdxImages(idxImageBytes(3, 2, 4));
  REQUIRE(images.ok());
  CHECK(images->count == 3);
  CHECK(images->rows == 2);
  CHECK(images->cols == 4);
  REQUIRE(images->pixels.rows() == 8);
  REQUIRE(images->pixels.cols() == 3);
  for (int i = 0; i < 3; ++i)
    for (int k = 0; k < 8; ++k) CHECK(images->pixels(k, i) == doctest::Approx((i * 16 + k) / 255.0));

  SUBCASE("a limit keeps the first images") {
    auto first = parseIdxImages(idxImageBytes(3, 2, 4), 2);
    REQUIRE(first.ok());
    CHECK(first->count == 2);
    CHECK(first->pixels.cols() == 2);
  }
  SUBCASE("a limit larger than the file keeps everything") {
    auto all = parseIdxImages(idxImageBytes(3, 2, 4), 50);
    REQUIRE(all.ok());
    CHECK(all->count == 3);
  }
  SUBCASE("a negative limit is refused") { CHECK_FALSE(parseIdxImages(idxImageBytes(3, 2, 4), -1).ok()); }
}

TEST_CASE("a good tiny label file is read in order") {
  auto labels = parseIdxLabels(idxLabelBytes(12, 10));
  REQUIRE(labels.ok());
  REQUIRE(labels->size() == 12);
  for (int i = 0; i < 12; ++i) CHECK((*labels)[i] == i % 10);
  auto limited = parseIdxLabels(idxLabelBytes(12, 10), 5);
  REQUIRE(limited.ok());
  CHECK(limited->size() == 5);
}

TEST_CASE("malformed IDX data is refused with a message that names the problem") {
  SUBCASE("an empty buffer") { CHECK(mentions(parseIdxImages({}).error(), "too short")); }
  SUBCASE("a bad magic number") {
    auto bytes = idxImageBytes(2, 2, 2);
    bytes[0] = 0x42;
    CHECK(mentions(parseIdxImages(bytes).error(), "magic"));
  }
  SUBCASE("a data type other than unsigned bytes") {
    auto bytes = idxImageBytes(2, 2, 2);
    bytes[2] = 0x0D;  // float
    CHECK(mentions(parseIdxImages(bytes).error(), "type"));
  }
  SUBCASE("a label file given where images are expected (wrong dimension count)") {
    CHECK(mentions(parseIdxImages(idxLabelBytes(4)).error(), "3"));
    CHECK(mentions(parseIdxImages(idxLabelBytes(4)).error(), "dimensions"));
  }
  SUBCASE("an image file given where labels are expected") {
    CHECK(mentions(parseIdxLabels(idxImageBytes(2, 2, 2)).error(), "dimensions"));
  }
  SUBCASE("a header cut short") {
    auto bytes = idxImageBytes(2, 2, 2);
    bytes.resize(10);
    CHECK(mentions(parseIdxImages(bytes).error(), "truncated"));
  }
  SUBCASE("pixel data cut short: the header's count does not match the data") {
    auto bytes = idxImageBytes(5, 3, 3);
    bytes.pop_back();
    CHECK(mentions(parseIdxImages(bytes).error(), "truncated"));
  }
  SUBCASE("label data cut short") {
    auto bytes = idxLabelBytes(5);
    bytes.pop_back();
    CHECK(mentions(parseIdxLabels(bytes).error(), "truncated"));
  }
  SUBCASE("bytes left over after the data") {
    auto bytes = idxLabelBytes(5);
    bytes.push_back(7);
    CHECK(mentions(parseIdxLabels(bytes).error(), "unexpected bytes"));
  }
  SUBCASE("an absurd image count") {
    auto bytes = idxImageBytes(1, 2, 2);
    setBigEndian32(bytes, 4, 0xFFFFFFFFu);
    CHECK(mentions(parseIdxImages(bytes).error(), "at most"));
  }
  SUBCASE("an absurd image size") {
    auto bytes = idxImageBytes(1, 2, 2);
    setBigEndian32(bytes, 8, 100000);
    CHECK(mentions(parseIdxImages(bytes).error(), "4096"));
  }
  SUBCASE("images with no pixels") {
    auto bytes = idxImageBytes(1, 2, 2);
    setBigEndian32(bytes, 12, 0);
    CHECK(mentions(parseIdxImages(bytes).error(), "between 1 and"));
  }
  SUBCASE("a count and size whose product is absurd") {
    auto bytes = idxImageBytes(1, 2, 2);
    setBigEndian32(bytes, 4, 9000000);
    setBigEndian32(bytes, 8, 4000);
    setBigEndian32(bytes, 12, 4000);
    CHECK(mentions(parseIdxImages(bytes).error(), "absurd"));
  }
  SUBCASE("a gzip-compressed file") {
    std::vector<uint8_t> bytes{0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0};
    CHECK(mentions(parseIdxImages(bytes).error(), "gzip"));
  }
}

TEST_CASE("IDX files are loaded from disk and errors name the path") {
  TempFile images("images.idx", idxImageBytes(4, 3, 3));
  TempFile labels("labels.idx", idxLabelBytes(4));
  auto loadedImages = loadIdxImages(images.path);
  REQUIRE(loadedImages.ok());
  CHECK(loadedImages->count == 4);
  auto loadedLabels = loadIdxLabels(labels.path);
  REQUIRE(loadedLabels.ok());
  CHECK(loadedLabels->size() == 4);

  SUBCASE("a missing file") {
    auto missing = loadIdxImages("/nonexistent/images.idx");
    REQUIRE_FALSE(missing.ok());
    CHECK(mentions(missing.error(), "/nonexistent/images.idx"));
  }
  SUBCASE("a malformed file") {
    auto wrong = loadIdxImages(labels.path);
    REQUIRE_FALSE(wrong.ok());
    CHECK(mentions(wrong.error(), labels.path.c_str()));
    CHECK(mentions(wrong.error(), "dimensions"));
  }
}

TEST_CASE("the real Fashion-MNIST test set loads as 10000 images of 28x28 with labels 0..9") {
  const std::string source = "/usr/share/datasets/fashion-mnist/";
  const std::string imagesGz = source + "t10k-images-idx3-ubyte.gz";
  const std::string labelsGz = source + "t10k-labels-idx1-ubyte.gz";
  if (!std::ifstream(imagesGz) || !std::ifstream(labelsGz)) {
    MESSAGE("skipped: Fashion-MNIST is not installed (apt package dataset-fashion-mnist)");
    return;
  }
  TempFile images("t10k-images");
  TempFile labels("t10k-labels");
  REQUIRE(std::system(("gzip -dc '" + imagesGz + "' > '" + images.path + "'").c_str()) == 0);
  REQUIRE(std::system(("gzip -dc '" + labelsGz + "' > '" + labels.path + "'").c_str()) == 0);

  auto loadedImages = loadIdxImages(images.path);
  REQUIRE(loadedImages.ok());
  CHECK(loadedImages->count == 10000);
  CHECK(loadedImages->rows == 28);
  CHECK(loadedImages->cols == 28);
  CHECK(loadedImages->pixels.minCoeff() >= 0.0f);
  CHECK(loadedImages->pixels.maxCoeff() <= 1.0f);
  auto loadedLabels = loadIdxLabels(labels.path);
  REQUIRE(loadedLabels.ok());
  REQUIRE(loadedLabels->size() == 10000);
  for (int label : *loadedLabels) REQUIRE((label >= 0 && label <= 9));
}
