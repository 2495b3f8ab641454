// Error reporting without exceptions.
//
// The wasm builds are compiled with -fno-exceptions (JS-emulated exceptions
// would wrap hot calls in JS trampolines), so every fallible operation of the
// core returns an Error or an Expected<T> instead of throwing.
#pragma once
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>
#include "error_code.h"
#include "number_text.h"

namespace nn {

// One named value of an error ("min" = "1"), for the page's translation of the message.
struct ErrorParam {
  std::string name;
  std::string value;

  template <typename T>
  ErrorParam(std::string paramName, const T& paramValue) : name(std::move(paramName)) {  // NOLINT: implicit on purpose
    if constexpr (std::is_arithmetic_v<T>) {
      value = numberText(paramValue);
    } else {
      value = std::string(paramValue);
    }
  }
};

struct Error {
  std::string field;                    // dotted path of the offending spec field, e.g. "layers[2].units"; may be empty
  std::string message;                  // plain-English explanation for a learner (the CLI prints it)
  ErrorCode code = ErrorCode::Invalid;  // what went wrong, for messages in other languages
  std::vector<ErrorParam> params;       // the values the message quotes, by name

  // "layers[2].units: must be between 1 and 4096 (got 0)"
  std::string describe() const { return field.empty() ? message : field + ": " + message; }

  // The same error about a field inside `section`: "spec" + "layers[0].units" -> "spec.layers[0].units".
  Error inside(const std::string& section) const {
    Error copy = *this;
    copy.field = field.empty() ? section : section + "." + field;
    return copy;
  }
};

// "must be between min and max (got x)" about `field`, for checks outside a JSON reader.
template <typename T>
Error rangeError(std::string field, T min, T max, T got) {
  return Error{std::move(field),
               "must be between " + numberText(min) + " and " + numberText(max) + " (got " + numberText(got) + ")",
               std::is_integral_v<T> ? ErrorCode::IntegerRange : ErrorCode::Range,
               {{"min", min}, {"max", max}, {"got", got}}};
}

template <typename T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}      // NOLINT: implicit on purpose
  Expected(Error error) : state_(std::move(error)) {}  // NOLINT: implicit on purpose

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

// For operations that return nothing on success.
using Status = std::optional<Error>;  // std::nullopt means success

}  // namespace nn
