// A small, fully specified random number generator.
//
// std::normal_distribution and friends are implementation-defined (libstdc++
// and emscripten's libc++ give different numbers), so same-seed runs would
// differ between the native and the wasm build. Everything random in the core
// draws from this class instead: xoshiro128+ seeded through splitmix64, with
// Box-Muller for normals.
#pragma once
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace nn {

// The largest seed a spec may give: 2^53 - 1 (JavaScript's Number.MAX_SAFE_INTEGER). Seeds travel
// through JSON and the page's JavaScript numbers, which hold whole numbers exactly only up to there;
// a larger seed could arrive changed, and the run would not be the one its link describes.
constexpr long long kMaxSeed = 9007199254740991LL;

// Everything that decides a generator's next numbers (saved in model files so a loaded run draws
// the same batches and dropout masks as the run that was saved).
struct RngState {
  std::array<uint32_t, 4> words{};
  bool hasSpareNormal = false;
  double spareNormal = 0.0;
};

class Rng {
 public:
  explicit Rng(uint64_t seed = 1) { reseed(seed); }

  void reseed(uint64_t seed) {
    uint64_t x = seed;
    for (auto& word : s_) word = static_cast<uint32_t>(splitmix64(x) >> 32);
    hasSpareNormal_ = false;
  }

  RngState state() const { return RngState{{s_[0], s_[1], s_[2], s_[3]}, hasSpareNormal_, spareNormal_}; }
  void restore(const RngState& state) {
    for (size_t i = 0; i < 4; ++i) s_[i] = state.words[i];
    hasSpareNormal_ = state.hasSpareNormal;
    spareNormal_ = state.spareNormal;
  }

  uint32_t nextU32() {
    const uint32_t result = s_[0] + s_[3];
    const uint32_t t = s_[1] << 9;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = (s_[3] << 11) | (s_[3] >> 21);
    return result;
  }

  // Uniform in [0, 1) with 24 bits (exact in float and double).
  double uniform() { return (nextU32() >> 8) * (1.0 / 16777216.0); }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Standard normal, Box-Muller in double so float and double builds agree.
  double normal() {
    if (hasSpareNormal_) {
      hasSpareNormal_ = false;
      return spareNormal_;
    }
    double u1 = uniform();
    while (u1 <= 1e-12) u1 = uniform();
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 6.283185307179586 * u2;
    spareNormal_ = radius * std::sin(angle);
    hasSpareNormal_ = true;
    return radius * std::cos(angle);
  }
  double normal(double mean, double std) { return mean + std * normal(); }

  // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; bias < 2^-32 * n).
  uint32_t below(uint32_t n) { return static_cast<uint32_t>((static_cast<uint64_t>(nextU32()) * n) >> 32); }

  // Fisher-Yates shuffle, identical on every platform.
  template <typename T>
  void shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) {
      const size_t j = below(static_cast<uint32_t>(i));
      std::swap(items[i - 1], items[j]);
    }
  }

 private:
  static uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  uint32_t s_[4];
  bool hasSpareNormal_ = false;
  double spareNormal_ = 0.0;
};

}  // namespace nn
