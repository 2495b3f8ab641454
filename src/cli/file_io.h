// Small file helpers for the command line.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include "core/expected.h"
#include "spec/run_spec_json.h"

namespace nn {

inline Expected<std::string> readTextFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Error{"", "cannot open '" + path + "'", ErrorCode::CannotOpen, {{"path", path}}};
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// Reads and validates a spec file; the error names the file or the field.
inline Expected<RunSpec> readSpecFile(const std::string& path) {
  auto text = readTextFile(path);
  if (!text) return text.error();
  return parseRunSpec(*text);
}

}  // namespace nn
