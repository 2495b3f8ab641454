// Numbers as text for error messages, without iostreams.
//
// Why: one std::ostringstream anywhere in the engine links libc++'s whole locale machinery into the
// wasm module (money, time and wide-character facets, stream buffers): about 70 KB of code, 20 KB
// gzipped, that the page downloaded before its first training step and never ran. The text is the
// same as `out << x` with a stream's default flags: integers in full, floating point as printf's
// %g (six significant digits, exponent form outside 1e-5..1e6).
#pragma once
#include <cstdio>
#include <string>
#include <type_traits>

namespace nn {

template <typename T>
std::string numberText(T x) {
  static_assert(std::is_arithmetic_v<T>, "numberText takes a number");
  // A stream writes a char as the character, not its code: no message quotes one, so none is taken.
  using Plain = std::remove_cv_t<T>;
  static_assert(!std::is_same_v<Plain, char> && !std::is_same_v<Plain, signed char> && !std::is_same_v<Plain, unsigned char>,
                "numberText writes numbers; a stream would write this char as a character");
  if constexpr (std::is_floating_point_v<T>) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", static_cast<double>(x));
    return text;
  } else {
    return std::to_string(x);
  }
}

}  // namespace nn
