// Error reporting without exceptions.
//
// The wasm builds are compiled with -fno-exceptions (JS-emulated exceptions
// would wrap hot calls in JS trampolines), so every fallible operation of the
// core returns an Error or an Expected<T> instead of throwing.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace nn {

struct Error {
  std::string field;    // dotted path of the offending spec field, e.g. "layers[2].units"; may be empty
  std::string message;  // plain-English explanation for a learner

  // "layers[2].units: must be between 1 and 4096 (got 0)"
  std::string describe() const { return field.empty() ? message : field + ": " + message; }
};

template <typename T>
class Expected {
 public:
  Expected(T value) : state_(std::move(value)) {}          // NOLINT: implicit on purpose
  Expected(Error error) : state_(std::move(error)) {}      // NOLINT: implicit on purpose

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
