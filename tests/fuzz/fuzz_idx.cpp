// libFuzzer target: IDX image and label files (uploaded files, data.images / data.labels).
//
// The input is an image file followed by a label file; the image file's own header says where
// it ends (16 + count x rows x cols bytes, cut at the input's end). Each part is parsed alone
// and together, with a limit taken from the input, and a parsed pair becomes a data set.
#include <cstdint>
#include <vector>
#include "data/dataset.h"
#include "data/idx.h"
#include "fuzz_support.h"

using namespace nn;

namespace {

uint32_t bigEndian(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

// Where the image file ends: its declared size, or the whole input when the header is short or too large.
size_t imageFileEnd(const uint8_t* data, size_t size) {
  if (size < 16) return size;
  const uint64_t declared = 16 + uint64_t{bigEndian(data + 4)} * bigEndian(data + 8) * bigEndian(data + 12);
  return declared < size ? static_cast<size_t>(declared) : size;
}

void checkImages(const IdxImages& images) {
  fuzz::require(images.count >= 0 && images.rows > 0 && images.cols > 0, "parsed images have a shape");
  fuzz::require(images.pixels.rows() == static_cast<Eigen::Index>(images.rows) * images.cols &&
                    images.pixels.cols() == images.count,
                "the pixel matrix matches the declared shape");
  if (images.pixels.size() > 0)
    fuzz::require(images.pixels.minCoeff() >= 0 && images.pixels.maxCoeff() <= 1, "pixels are scaled to [0, 1]");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const size_t end = imageFileEnd(data, size);
  const std::vector<uint8_t> imageBytes(data, data + end), labelBytes(data + end, data + size);
  const int limit = size > 0 ? data[size - 1] % 8 : 0;

  if (auto images = parseIdxImages(imageBytes, limit)) {
    checkImages(*images);
    if (limit > 0) fuzz::require(images->count <= limit, "the limit keeps at most that many images");
  }
  if (auto labels = parseIdxLabels(labelBytes, limit)) {
    if (limit > 0) fuzz::require(static_cast<int>(labels->size()) <= limit, "the limit keeps at most that many labels");
  }
  auto pair = parseImageData(imageBytes, labelBytes, limit);
  if (!pair) return 0;
  checkImages(pair->images);
  fuzz::require(static_cast<int>(pair->labels.size()) == pair->images.count, "images and labels agree in count");

  DataConfig config;
  config.kind = "idx";
  config.standardize = data[0] % 2 == 0;
  auto dataset = makeDataset(config, &*pair);
  if (dataset) {
    fuzz::require(dataset->featureCount == pair->images.rows * pair->images.cols, "one feature per pixel");
    fuzz::require(dataset->train.size() + dataset->validation.size() + dataset->test.size() == pair->images.count,
                  "the splits hold every image once");
  }
  return 0;
}
