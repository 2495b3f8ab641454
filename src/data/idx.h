// Reader for the IDX format of MNIST and Fashion-MNIST.
//
// Format: big-endian magic 0x00000803 (unsigned bytes, 3 dimensions: count,
// rows, cols) for images and 0x00000801 (1 dimension: count) for labels,
// followed by the raw bytes. Malformed or truncated files are rejected with a
// message naming the problem; nothing here aborts.
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include "core/expected.h"
#include "core/types.h"

namespace nn {

struct IdxImages {
  int count = 0, rows = 0, cols = 0;
  Matrix pixels;  // (rows*cols, count), values scaled to [0, 1]
};

// An image set with its labels, parsed and checked to agree in count.
struct ImageData {
  IdxImages images;
  std::vector<int> labels;
};

// Parses an IDX image file and an IDX label file given as bytes; `limit` keeps the first N.
Expected<ImageData> parseImageData(const std::vector<uint8_t>& imageBytes, const std::vector<uint8_t>& labelBytes,
                                   int limit = 0);

// From bytes already in memory (the page can hand over an uploaded file).
Expected<IdxImages> parseIdxImages(const std::vector<uint8_t>& bytes, int limit = 0);
Expected<std::vector<int>> parseIdxLabels(const std::vector<uint8_t>& bytes, int limit = 0);

// From files; errors name the path.
Expected<IdxImages> loadIdxImages(const std::string& path, int limit = 0);
Expected<std::vector<int>> loadIdxLabels(const std::string& path, int limit = 0);

}  // namespace nn
