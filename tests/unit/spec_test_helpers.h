// Helpers for tests of spec readers: parse JSON text, and the error a reader gives.
#pragma once
#include <doctest/doctest.h>

#include "spec/data_json.h"
#include "spec/json_reader.h"

namespace nn::testing {

inline Json parseForTest(const char* text) {
  auto json = parseJson(text);
  REQUIRE(json.ok());
  return *json;
}

// The error of reading `text` with `read` (e.g. readDataConfig), which must fail.
template <typename Reader>
Error readingError(Reader read, const char* text) {
  auto result = read(parseForTest(text));
  REQUIRE_FALSE(result.ok());
  return result.error();
}

}  // namespace nn::testing
