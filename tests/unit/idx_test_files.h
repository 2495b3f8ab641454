// Tiny IDX files built byte by byte, for the IDX reader and the idx data kind.
#pragma once
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace nn::testing {

inline void appendBigEndian32(std::vector<uint8_t>& bytes, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(static_cast<uint8_t>(value >> shift));
}

// count images of rows x cols; pixel k of image i is (i * 16 + k) mod 256.
inline std::vector<uint8_t> idxImageBytes(uint32_t count, uint32_t rows, uint32_t cols) {
  std::vector<uint8_t> bytes{0, 0, 0x08, 3};
  appendBigEndian32(bytes, count);
  appendBigEndian32(bytes, rows);
  appendBigEndian32(bytes, cols);
  for (uint32_t i = 0; i < count; ++i)
    for (uint32_t k = 0; k < rows * cols; ++k) bytes.push_back(static_cast<uint8_t>((i * 16 + k) % 256));
  return bytes;
}

// count labels; label i is i mod classes.
inline std::vector<uint8_t> idxLabelBytes(uint32_t count, uint32_t classes = 10) {
  std::vector<uint8_t> bytes{0, 0, 0x08, 1};
  appendBigEndian32(bytes, count);
  for (uint32_t i = 0; i < count; ++i) bytes.push_back(static_cast<uint8_t>(i % classes));
  return bytes;
}

// A file under /tmp unique to this process; removed by the destructor.
struct TempFile {
  std::string path;
  explicit TempFile(const std::string& name, const std::vector<uint8_t>& bytes = {})
      : path("/tmp/nnsandbox-test-" + std::to_string(getpid()) + "-" + name) {
    if (FILE* file = std::fopen(path.c_str(), "wb")) {
      if (!bytes.empty()) std::fwrite(bytes.data(), 1, bytes.size(), file);
      std::fclose(file);
    }
  }
  ~TempFile() { std::remove(path.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
};

}  // namespace nn::testing
