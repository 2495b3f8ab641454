#include "spec/json_reader.h"

#include <cmath>

namespace nn {

namespace {

// The deepest nesting of arrays and objects in `text`, counted outside strings; stops early
// once `limit` is passed. Linear, allocation-free: it runs before the parser.
int nestingDepth(const std::string& text, int limit) {
  int depth = 0, deepest = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\') ++i;
      else if (c == '"') inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

Expected<Json> parseJson(const std::string& text, const std::string& what, const char* whatId, JsonLimits limits) {
  if (text.size() > limits.maxBytes)
    return Error{"",
                 what + " is too large (" + std::to_string(text.size()) + " bytes; at most " +
                     std::to_string(limits.maxBytes) + ")",
                 ErrorCode::TooLarge,
                 {{"what", whatId}, {"bytes", text.size()}, {"max", limits.maxBytes}}};
  if (nestingDepth(text, limits.maxDepth) > limits.maxDepth)
    return Error{"",
                 what + " is nested too deeply (more than " + std::to_string(limits.maxDepth) + " levels)",
                 ErrorCode::TooDeep,
                 {{"what", whatId}, {"max", limits.maxDepth}}};
  // Parse with exceptions off (allow_exceptions = false) so malformed input
  // can never abort the wasm build; on failure find the position for the message.
  Json value = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!value.is_discarded()) return value;
  // Locate the error: re-run the SAX parser with a handler that records the byte offset.
  struct Locator : nlohmann::json_sax<Json> {
    std::size_t position = 0;
    std::string token;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t pos, const std::string& last, const nlohmann::detail::exception&) override {
      position = pos;
      token = last;
      return false;
    }
  } locator;
  Json::sax_parse(text, &locator, Json::input_format_t::json, /*strict=*/true);
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i + 1 < locator.position && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error{"", std::string(what) + " is empty", ErrorCode::Empty, {{"what", whatId}}};
  }
  std::string message =
      std::string(what) + " is not valid JSON (line " + numberText(line) + ", column " + numberText(column);
  if (!locator.token.empty() && locator.token.size() < 40) message += ", near '" + locator.token + "'";
  message += ")";
  return Error{"", message, ErrorCode::Parse, {{"what", whatId}, {"line", line}, {"column", column}}};
}

std::string jsonTypeName(const Json& value) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "a boolean";
  if (value.is_number()) return "a number";
  if (value.is_string()) return "a string";
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  return "an unsupported value";
}

const char* jsonTypeId(const Json& value) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "boolean";
  if (value.is_number()) return "number";
  if (value.is_string()) return "string";
  if (value.is_array()) return "array";
  if (value.is_object()) return "object";
  return "unsupported";
}

JsonObjectReader::JsonObjectReader(const Json& object, std::string path, std::vector<Error>& errors)
    : object_(object), path_(std::move(path)), errors_(errors) {
  if (!object_.is_object()) {
    errors_.push_back({path_,
                       "must be an object (got " + jsonTypeName(object_) + ")",
                       ErrorCode::NotObject,
                       {{"type", jsonTypeId(object_)}}});
    valid_ = false;
  }
}

std::string JsonObjectReader::pathOf(const char* key) const { return path_.empty() ? key : path_ + "." + key; }

void JsonObjectReader::fail(const char* key, const std::string& message, ErrorCode code, std::vector<ErrorParam> params) {
  errors_.push_back({pathOf(key), message, code, std::move(params)});
  valid_ = false;
}

// "must be a number (got a string)"; `expected` is the type id for translations.
void JsonObjectReader::failType(const char* key, const char* expected, const std::string& english, const Json& value) {
  fail(key, "must be " + english + " (got " + jsonTypeName(value) + ")", ErrorCode::WrongType,
       {{"expected", expected}, {"type", jsonTypeId(value)}});
}

bool JsonObjectReader::has(const char* key) const { return object_.is_object() && object_.contains(key); }

const Json* JsonObjectReader::lookup(const char* key) {
  known_.insert(key);
  if (!object_.is_object()) return nullptr;
  auto it = object_.find(key);
  return it == object_.end() ? nullptr : &*it;
}

const Json* JsonObjectReader::child(const char* key) { return lookup(key); }

// The value if it is a number; nullopt if absent or of another type (that error is recorded).
std::optional<double> JsonObjectReader::finiteNumber(const char* key) {
  const Json* value = lookup(key);
  if (!value) return std::nullopt;
  if (!value->is_number()) {
    failType(key, "number", "a number", *value);
    return std::nullopt;
  }
  return value->get<double>();
}

double JsonObjectReader::number(const char* key, double fallback, double min, double max) {
  const auto x = finiteNumber(key);
  if (!x) return fallback;
  if (!std::isfinite(*x) || *x < min || *x > max) {
    fail(key, "must be between " + numberText(min) + " and " + numberText(max) + " (got " + numberText(*x) + ")",
         ErrorCode::Range, {{"min", min}, {"max", max}, {"got", *x}});
    return fallback;
  }
  return *x;
}

double JsonObjectReader::positiveNumber(const char* key, double fallback, double max) {
  const auto x = finiteNumber(key);
  if (!x) return fallback;
  if (!std::isfinite(*x) || *x <= 0 || *x > max) {
    fail(key, "must be greater than 0 and at most " + numberText(max) + " (got " + numberText(*x) + ")",
         ErrorCode::PositiveRange, {{"max", max}, {"got", *x}});
    return fallback;
  }
  return *x;
}

long long JsonObjectReader::integer64(const char* key, long long fallback, long long min, long long max) {
  const Json* value = lookup(key);
  if (!value) return fallback;
  if (!value->is_number()) {
    failType(key, "whole_number", "a whole number", *value);
    return fallback;
  }
  const double x = value->get<double>();
  if (!std::isfinite(x) || std::floor(x) != x) {
    fail(key, "must be a whole number (got " + numberText(x) + ")", ErrorCode::WholeNumber, {{"got", x}});
    return fallback;
  }
  if (x < static_cast<double>(min) || x > static_cast<double>(max)) {
    fail(key,
         "must be a whole number between " + std::to_string(min) + " and " + std::to_string(max) + " (got " + numberText(x) +
             ")",
         ErrorCode::IntegerRange, {{"min", min}, {"max", max}, {"got", x}});
    return fallback;
  }
  return value->is_number_unsigned()  ? static_cast<long long>(value->get<unsigned long long>())
         : value->is_number_integer() ? value->get<long long>()
                                      : static_cast<long long>(x);
}

int JsonObjectReader::integer(const char* key, int fallback, int min, int max) {
  return static_cast<int>(integer64(key, fallback, min, max));
}

bool JsonObjectReader::boolean(const char* key, bool fallback) {
  const Json* value = lookup(key);
  if (!value) return fallback;
  if (!value->is_boolean()) {
    fail(key, "must be true or false (got " + jsonTypeName(*value) + ")", ErrorCode::WrongType,
         {{"expected", "boolean"}, {"type", jsonTypeId(*value)}});
    return fallback;
  }
  return value->get<bool>();
}

std::string JsonObjectReader::string(const char* key, const std::string& fallback) {
  const Json* value = lookup(key);
  if (!value) return fallback;
  if (!value->is_string()) {
    failType(key, "string", "a string", *value);
    return fallback;
  }
  return value->get<std::string>();
}

std::string JsonObjectReader::choice(const char* key, const std::string& fallback,
                                     std::initializer_list<const char*> allowed) {
  return choice(key, fallback, std::vector<std::string>(allowed.begin(), allowed.end()));
}

std::string JsonObjectReader::choice(const char* key, const std::string& fallback, const std::vector<std::string>& allowed) {
  const bool present = has(key);
  std::string chosen = string(key, fallback);
  if (!present) return chosen;
  for (const std::string& option : allowed)
    if (chosen == option) return chosen;
  std::string list;
  for (const std::string& option : allowed) list += (list.empty() ? "" : ", ") + option;
  // Quote at most a short prefix of the user's text.
  std::string shown = chosen.size() > 40 ? chosen.substr(0, 40) + "..." : chosen;
  fail(key, "unknown value '" + shown + "' (expected one of: " + list + ")", ErrorCode::Choice,
       {{"got", shown}, {"allowed", list}});
  return fallback;
}

std::vector<std::string> JsonObjectReader::stringList(const char* key, const std::vector<std::string>& fallback) {
  const Json* value = lookup(key);
  if (!value) return fallback;
  if (!value->is_array()) {
    failType(key, "string_array", "an array of strings", *value);
    return fallback;
  }
  std::vector<std::string> items;
  for (const Json& item : *value) {
    if (!item.is_string()) {
      fail(key, "must be an array of strings (an element is " + jsonTypeName(item) + ")", ErrorCode::WrongType,
           {{"expected", "string_array"}, {"type", jsonTypeId(item)}});
      return fallback;
    }
    items.push_back(item.get<std::string>());
  }
  return items;
}

void JsonObjectReader::rejectUnknownKeys() {
  if (!object_.is_object()) return;
  for (auto it = object_.begin(); it != object_.end(); ++it) {
    if (known_.count(it.key())) continue;
    std::string shown = it.key().size() > 40 ? it.key().substr(0, 40) + "..." : it.key();
    errors_.push_back({pathOf(shown.c_str()), "unknown setting", ErrorCode::UnknownKey, {}});
    valid_ = false;
  }
}

}  // namespace nn
