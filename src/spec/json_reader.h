// Reading user-supplied JSON without exceptions and with messages that name the field.
//
// Every spec section (data, layers, optimizer, ...) is read through a
// JsonObjectReader: each accessor checks the type and range, falls back to a
// default when the key is absent, and records an Error (with the dotted path
// of the field) when the value is wrong. rejectUnknownKeys() then reports any
// key that was never asked for, so a typo such as "learning_rat" is an error
// instead of being silently ignored.
#pragma once
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>
#include "core/expected.h"

namespace nn {

using Json = nlohmann::json;

// Limits checked before parsing, so that a huge or absurdly nested text is refused at once
// instead of being parsed for minutes (and recursed into) first.
struct JsonLimits {
  size_t maxBytes = size_t(1) << 20;  // 1 MiB: a spec is a few kB
  int maxDepth = 32;                  // specs and model files nest 4 levels deep
};

// Parses text into Json without throwing; the error names line and column when it can.
// `what` words the subject of English messages ("the spec"); `whatId` names it for translations
// ("spec", "model", "optimizer", "experiment", "json").
Expected<Json> parseJson(const std::string& text, const std::string& what = "JSON", const char* whatId = "json",
                         JsonLimits limits = {});

// "a number", "a string", "an array", ... for messages.
std::string jsonTypeName(const Json& value);
// "number", "string", "array", ... for translations.
const char* jsonTypeId(const Json& value);

class JsonObjectReader {
 public:
  // Records an error right away if `object` is not a JSON object.
  JsonObjectReader(const Json& object, std::string path, std::vector<Error>& errors);

  bool has(const char* key) const;
  double number(const char* key, double fallback, double min, double max);  // finite, min <= x <= max
  double positiveNumber(const char* key, double fallback, double max);      // finite, 0 < x <= max
  int integer(const char* key, int fallback, int min, int max);
  long long integer64(const char* key, long long fallback, long long min, long long max);
  bool boolean(const char* key, bool fallback);
  std::string string(const char* key, const std::string& fallback);
  // A string that must be one of `allowed`; the message lists them.
  std::string choice(const char* key, const std::string& fallback, std::initializer_list<const char*> allowed);
  // The same for a list made at run time, e.g. a registry's names (lossRegistry().nameList()).
  std::string choice(const char* key, const std::string& fallback, const std::vector<std::string>& allowed);
  std::vector<std::string> stringList(const char* key, const std::vector<std::string>& fallback);

  // The raw child (nullptr when absent); marks the key as known.
  const Json* child(const char* key);
  std::string pathOf(const char* key) const;  // "optimizer.schedule"

  // Records an error for every key that no accessor asked for.
  void rejectUnknownKeys();

  // Records an error about one field.
  void fail(const char* key, const std::string& message, ErrorCode code = ErrorCode::Invalid,
            std::vector<ErrorParam> params = {});
  // Records `error` (of a parser that knows no field, e.g. an unknown name) about one field.
  void fail(const char* key, const Error& error) { fail(key, error.message, error.code, error.params); }
  const std::string& path() const { return path_; }
  bool valid() const { return valid_; }

 private:
  const Json* lookup(const char* key);
  std::optional<double> finiteNumber(const char* key);
  void failType(const char* key, const char* expected, const std::string& english, const Json& value);

  const Json& object_;
  std::string path_;
  std::vector<Error>& errors_;
  std::set<std::string> known_;
  bool valid_ = true;
};

// Shortcut for readers: the first recorded error, if any.
inline Status firstError(const std::vector<Error>& errors) {
  if (errors.empty()) return std::nullopt;
  return errors.front();
}

}  // namespace nn
