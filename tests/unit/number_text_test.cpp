// core/number_text.h replaced `std::ostringstream << x` in the engine's messages: the text must be
// the same as a stream's with default flags, for every kind of number the messages quote.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <sstream>
#include "core/number_text.h"

namespace {

template <typename T>
std::string streamed(T x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

}  // namespace

TEST_CASE("numberText writes a number as an output stream with default flags does") {
  for (double x : {0.0, -0.0, 1.0, -2.5, 0.1, 0.03, 1e-5, 1.5e-5, 1e-7, 123456.0, 1234567.0, 1e6, 999999.5, 3.14159265358979,
                   1e300, -4.2e-12, std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}) {
    CHECK(nn::numberText(x) == streamed(x));
  }
  for (float x : {0.3f, 1e-3f, 65504.0f, 3.4e38f, 1.17549435e-38f}) CHECK(nn::numberText(x) == streamed(x));
  CHECK(nn::numberText(std::numeric_limits<double>::quiet_NaN()) == streamed(std::numeric_limits<double>::quiet_NaN()));
  CHECK(nn::numberText(0) == "0");
  CHECK(nn::numberText(-17) == streamed(-17));
  CHECK(nn::numberText(4096LL) == "4096");
  CHECK(nn::numberText(std::numeric_limits<long long>::min()) == streamed(std::numeric_limits<long long>::min()));
  CHECK(nn::numberText(std::size_t{1} << 40) == streamed(std::size_t{1} << 40));
  CHECK(nn::numberText(std::uint32_t{4294967295u}) == "4294967295");
}
