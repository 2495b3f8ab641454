// IDX reader. Every size read from the header is checked against the bytes
// actually present before anything is allocated or indexed, so a hostile or
// damaged file yields a message, never a crash or a huge allocation.
#include "idx.h"
#include "core/memory_budget.h"

#include <cstdio>
#include <memory>

namespace nn {

namespace {

constexpr uint8_t kUnsignedByteType = 0x08;
constexpr uint32_t kMaxCount = 10000000;     // examples in one file
constexpr uint32_t kMaxSide = 4096;          // rows or columns of one image
constexpr uint64_t kMaxPixels = 1ULL << 30;  // count * rows * cols: 1 GiB of bytes is already absurd here
constexpr long long kMaxFileBytes = (1LL << 30) + 64;

uint32_t readBigEndian32(const std::vector<uint8_t>& bytes, size_t offset) {
  return (uint32_t(bytes[offset]) << 24) | (uint32_t(bytes[offset + 1]) << 16) | (uint32_t(bytes[offset + 2]) << 8) |
         uint32_t(bytes[offset + 3]);
}

// Checks the magic number and reads the dimension sizes; on success `sizes`
// holds `dimensions` values and the payload starts at 4 + 4 * dimensions.
Status readHeader(const std::vector<uint8_t>& bytes, int dimensions, const char* what, std::vector<uint32_t>& sizes) {
  if (bytes.size() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
    return Error{"", "is gzip-compressed; unzip it first (e.g. gunzip file.gz)", ErrorCode::IdxGzip, {}};
  if (bytes.size() < 4)
    return Error{"",
                 "is too short to be an IDX file (" + std::to_string(bytes.size()) + " bytes)",
                 ErrorCode::IdxShort,
                 {{"bytes", bytes.size()}}};
  if (bytes[0] != 0 || bytes[1] != 0) return Error{"", "is not an IDX file (bad magic number)", ErrorCode::IdxMagic, {}};
  if (bytes[2] != kUnsignedByteType)
    return Error{"",
                 "holds IDX data of type " + std::to_string(bytes[2]) + "; only unsigned bytes (type 8) are supported",
                 ErrorCode::IdxType,
                 {{"data_type", int(bytes[2])}}};
  if (bytes[3] != dimensions)
    return Error{"",
                 "has " + std::to_string(bytes[3]) + " dimensions; IDX " + what + " files have " +
                     std::to_string(dimensions),
                 ErrorCode::IdxDimensions,
                 {{"got", int(bytes[3])}, {"expected", dimensions}}};
  const size_t headerBytes = 4 + 4 * static_cast<size_t>(dimensions);
  if (bytes.size() < headerBytes) return Error{"", "is truncated inside its header", ErrorCode::IdxHeader, {}};
  sizes.clear();
  for (int d = 0; d < dimensions; ++d) sizes.push_back(readBigEndian32(bytes, 4 + 4 * static_cast<size_t>(d)));
  if (sizes[0] > kMaxCount)
    return Error{"",
                 "claims " + std::to_string(sizes[0]) + " " + what + "s; at most " + std::to_string(kMaxCount) +
                     " are supported",
                 ErrorCode::IdxCount,
                 {{"got", sizes[0]}, {"max", kMaxCount}}};
  return std::nullopt;
}

// The payload must be exactly as long as the header says.
Status checkLength(const std::vector<uint8_t>& bytes, size_t headerBytes, uint64_t payloadBytes) {
  const uint64_t expected = headerBytes + payloadBytes;
  if (bytes.size() < expected)
    return Error{"",
                 "is truncated: the header promises " + std::to_string(expected) + " bytes but there are only " +
                     std::to_string(bytes.size()),
                 ErrorCode::IdxTruncated,
                 {{"expected", expected}, {"bytes", bytes.size()}}};
  if (bytes.size() > expected)
    return Error{"",
                 "has " + std::to_string(bytes.size() - expected) + " unexpected bytes after the data its header describes",
                 ErrorCode::IdxTrailing,
                 {{"bytes", bytes.size() - expected}}};
  return std::nullopt;
}

Status checkLimit(int limit) {
  if (limit < 0)
    return Error{"",
                 "the limit must be 0 (all) or a positive count (got " + std::to_string(limit) + ")",
                 ErrorCode::IdxLimit,
                 {{"got", limit}}};
  return std::nullopt;
}

int applyLimit(uint32_t count, int limit) {
  return limit > 0 && static_cast<uint32_t>(limit) < count ? limit : static_cast<int>(count);
}

// C stdio rather than std::ifstream: a file stream links libc++'s locale machinery into the wasm
// module (core/number_text.h says why that matters).
Expected<std::vector<uint8_t>> readFile(const std::string& path) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return Error{"", "cannot open '" + path + "'", ErrorCode::CannotOpen, {{"path", path}}};
  const Error unreadable{"", "cannot read '" + path + "'", ErrorCode::CannotOpen, {{"path", path}}};
  if (std::fseek(file.get(), 0, SEEK_END) != 0) return unreadable;
  const long size = std::ftell(file.get());
  if (size < 0) return unreadable;
  if (size > kMaxFileBytes)
    return Error{"",
                 "'" + path + "' is too large (" + std::to_string(size) + " bytes)",
                 ErrorCode::TooLarge,
                 {{"what", "file"}, {"bytes", size}, {"max", kMaxFileBytes}}};
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  if (std::fseek(file.get(), 0, SEEK_SET) != 0) return unreadable;
  if (size > 0 && std::fread(bytes.data(), 1, bytes.size(), file.get()) != bytes.size()) return unreadable;
  return bytes;
}

// The checks above describe a problem as "is truncated ..."; these give it a subject.
Error aboutFile(const char* what, const Error& problem) {
  Error error = problem;
  error.message = std::string("the IDX ") + what + " file " + problem.message;
  error.params.push_back({"what", what});
  return error;
}

template <typename T>
Expected<T> prefixPath(Expected<T> result, const std::string& path) {
  if (result) return result;
  Error error = result.error();
  error.message = "'" + path + "': " + error.message;
  return error;
}

}  // namespace

Expected<IdxImages> parseIdxImages(const std::vector<uint8_t>& bytes, int limit) {
  if (Status error = checkLimit(limit)) return *error;
  std::vector<uint32_t> sizes;
  if (Status error = readHeader(bytes, 3, "image", sizes)) return aboutFile("image", *error);
  const uint32_t count = sizes[0], rows = sizes[1], cols = sizes[2];
  if (rows < 1 || cols < 1 || rows > kMaxSide || cols > kMaxSide)
    return aboutFile("image", Error{"",
                                    "has images of " + std::to_string(rows) + "x" + std::to_string(cols) +
                                        " pixels; each side must be between 1 and " + std::to_string(kMaxSide),
                                    ErrorCode::IdxSide,
                                    {{"rows", rows}, {"cols", cols}, {"max", kMaxSide}}});
  const uint64_t pixelsPerImage = uint64_t(rows) * cols;
  if (pixelsPerImage * count > kMaxPixels)
    return aboutFile("image", Error{"", "claims an absurd amount of pixel data", ErrorCode::IdxPixels, {}});
  const size_t headerBytes = 16;
  if (Status error = checkLength(bytes, headerBytes, pixelsPerImage * count)) return aboutFile("image", *error);

  // As floats the pixels take four times the file, and the data set copies them twice more
  // (all examples, then the splits): refused here, before the first of those allocations.
  const double floatBytes = double(pixelsPerImage) * applyLimit(count, limit) * sizeof(Scalar);
  if (Status error = checkMemoryBudget("data", "the image data", 3 * floatBytes)) return *error;

  IdxImages images;
  images.count = applyLimit(count, limit);
  images.rows = static_cast<int>(rows);
  images.cols = static_cast<int>(cols);
  // (rows*cols, count): image i is column i, row-major pixels, exactly the file's byte order.
  images.pixels.resize(static_cast<Eigen::Index>(pixelsPerImage), images.count);
  const uint8_t* source = bytes.data() + headerBytes;
  Scalar* target = images.pixels.data();
  const size_t total = static_cast<size_t>(pixelsPerImage) * images.count;
  for (size_t k = 0; k < total; ++k) target[k] = static_cast<Scalar>(source[k]) * Scalar(1.0 / 255.0);
  return images;
}

Expected<std::vector<int>> parseIdxLabels(const std::vector<uint8_t>& bytes, int limit) {
  if (Status error = checkLimit(limit)) return *error;
  std::vector<uint32_t> sizes;
  if (Status error = readHeader(bytes, 1, "label", sizes)) return aboutFile("label", *error);
  const uint32_t count = sizes[0];
  const size_t headerBytes = 8;
  if (Status error = checkLength(bytes, headerBytes, count)) return aboutFile("label", *error);
  const int used = applyLimit(count, limit);
  return std::vector<int>(bytes.begin() + headerBytes, bytes.begin() + headerBytes + used);
}

Expected<IdxImages> loadIdxImages(const std::string& path, int limit) {
  auto bytes = readFile(path);
  if (!bytes) return bytes.error();
  return prefixPath(parseIdxImages(*bytes, limit), path);
}

Expected<std::vector<int>> loadIdxLabels(const std::string& path, int limit) {
  auto bytes = readFile(path);
  if (!bytes) return bytes.error();
  return prefixPath(parseIdxLabels(*bytes, limit), path);
}

Expected<ImageData> parseImageData(const std::vector<uint8_t>& imageBytes, const std::vector<uint8_t>& labelBytes,
                                   int limit) {
  auto images = parseIdxImages(imageBytes, limit);
  if (!images) return images.error().inside("data.images");
  auto labels = parseIdxLabels(labelBytes, limit);
  if (!labels) return labels.error().inside("data.labels");
  if (static_cast<int>(labels->size()) != images->count)
    return Error{"data.labels",
                 "has " + std::to_string(labels->size()) + " labels but the image file has " +
                     std::to_string(images->count) + " images",
                 ErrorCode::LabelCount,
                 {{"labels", labels->size()}, {"images", images->count}}};
  return ImageData{std::move(*images), std::move(*labels)};
}

}  // namespace nn
