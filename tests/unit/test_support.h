// Helpers shared by the float-core unit tests.
#pragma once
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <cstdio>
#include <memory>
#include <string>
#include "run/run.h"
#include "spec/run_spec_json.h"

namespace nn::testing {

struct ShellResult {
  int exitCode;        // -1 when a signal (e.g. SIGABRT) ended the command
  std::string output;  // stdout and stderr together
};

// Runs a shell command line with its stderr folded into the output.
inline ShellResult runShell(const std::string& commandLine) {
  FILE* pipe = popen((commandLine + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

inline RunSpec specFrom(const std::string& json) {
  auto spec = parseRunSpec(json);
  if (!spec) FAIL("spec did not parse: " << spec.error().describe());
  return *spec;
}

inline std::unique_ptr<Run> runFrom(const std::string& json) {
  auto run = Run::create(specFrom(json));
  if (!run) FAIL("run not created: " << run.error().describe());
  return std::move(*run);
}

// The four points of the textbook XOR problem, all in the training split.
inline Dataset fourPointXor() {
  Dataset data;
  data.task = TaskKind::Classification;
  data.classes = 2;
  data.featureCount = 2;
  data.featureNames = {"x1", "x2"};
  data.train.inputs.resize(2, 4);
  data.train.inputs << 0, 0, 1, 1, 0, 1, 0, 1;
  data.train.raw = data.train.inputs;
  data.train.targets.resize(1, 4);
  data.train.targets << 0, 1, 1, 0;
  data.validation = Split{Matrix(2, 0), Matrix(2, 0), Matrix(1, 0)};
  data.test = data.validation;
  data.featureMean = Vector::Zero(2);
  data.featureStd = Vector::Ones(2);
  return data;
}

// The error message of a spec that must be rejected.
inline std::string rejection(const std::string& json) {
  auto spec = parseRunSpec(json);
  if (!spec) return spec.error().describe();
  auto run = Run::create(*spec);
  if (!run) return run.error().describe();
  return "(accepted)";
}

}  // namespace nn::testing
