// The nnsandbox command line, run as a user would run it.
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include "test_support.h"

namespace {

using Result = nn::testing::ShellResult;

Result run(const std::string& arguments) { return nn::testing::runShell(std::string(NN_CLI_PATH) + " " + arguments); }

std::string temporaryFile(const std::string& name, const std::string& content = "") {
  const std::string path = "/tmp/nnsandbox-cli-test-" + name;
  if (!content.empty()) std::ofstream(path) << content;
  return path;
}

std::string readAll(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

int countLines(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

const char* kSpec = R"({"data": {"kind": "circles", "samples": 100},
  "layers": [{"type": "dense", "units": 6}, {"type": "activation", "fn": "tanh"}, {"type": "dense", "units": 2}],
  "optimizer": {"kind": "adam", "learning_rate": 0.03}, "training": {"batch_size": 10, "epochs": 5}})";

}  // namespace

TEST_CASE("every command explains itself with --help") {
  CHECK(run("--help").exitCode == 0);
  for (const char* command : {"validate", "train", "path"}) {
    CAPTURE(command);
    const Result help = run(std::string(command) + " --help");
    CHECK(help.exitCode == 0);
    CHECK(help.output.find("usage: nnsandbox") != std::string::npos);
  }
  CHECK(run("").exitCode == 2);
  CHECK(run("fly").exitCode == 2);
}

TEST_CASE("validate accepts a good spec and names the field of a bad one") {
  CHECK(run("validate " + temporaryFile("good.json", kSpec)).exitCode == 0);
  const Result bad = run("validate " + temporaryFile("bad.json", R"({"layers": [{"type": "dense", "units": 0}]})"));
  CHECK(bad.exitCode == 1);
  CHECK(bad.output.find("layers[0].units") != std::string::npos);
  const Result missing = run("validate /tmp/nnsandbox-no-such-file.json");
  CHECK(missing.exitCode == 1);
  CHECK(missing.output.find("cannot open") != std::string::npos);
}

TEST_CASE("train writes one metrics row and one stats line per epoch, and a loadable model") {
  const std::string spec = temporaryFile("train.json", kSpec);
  const std::string metrics = temporaryFile("metrics.csv"), stats = temporaryFile("stats.jsonl"),
                    model = temporaryFile("model.json");
  const Result result = run("train " + spec + " --epochs 4 --seed 3 --metrics " + metrics + " --stats " + stats +
                            " --save " + model + " --quiet");
  CHECK(result.exitCode == 0);
  CHECK(result.output.find("done: ") != std::string::npos);
  CHECK(countLines(readAll(metrics)) == 1 + 4);
  CHECK(readAll(metrics).rfind("epoch,step,learning_rate", 0) == 0);
  CHECK(countLines(readAll(stats)) == 4);
  CHECK(readAll(model).find("\"nnsandbox-model\"") != std::string::npos);
}

TEST_CASE("train rejects bad arguments and reports divergence with exit code 3") {
  const std::string spec = temporaryFile("args.json", kSpec);
  CHECK(run("train " + spec + " --epochs 0").exitCode == 2);
  CHECK(run("train " + spec + " --epochs many").exitCode == 2);
  CHECK(run("train " + spec + " --seed").exitCode == 2);
  CHECK(run("train " + spec + " --colour red").exitCode == 2);
  CHECK(run("train").exitCode == 2);
  const std::string diverging = temporaryFile("diverge.json", R"({"data": {"kind": "plane", "noise": 0},
    "layers": [{"type": "dense", "units": 8, "weight_init": {"kind": "normal", "std": 3}},
               {"type": "activation", "fn": "relu"}, {"type": "dense", "units": 1}],
    "optimizer": {"learning_rate": 10}})");
  const Result result = run("train " + diverging + " --epochs 50 --quiet");
  CHECK(result.exitCode == 3);
  CHECK(result.output.find("learning rate") != std::string::npos);
}

TEST_CASE("every example spec in examples/ is valid and trains a first epoch") {
  for (const char* name : {"spiral.json", "xor.json", "deep-sigmoid.json", "regularised-circles.json"}) {
    CAPTURE(name);
    const std::string path = std::string(NN_SOURCE_DIR) + "/examples/" + name;
    CHECK(run("validate " + path).exitCode == 0);
    CHECK(run("train " + path + " --epochs 1 --quiet").exitCode == 0);
  }
}

TEST_CASE("train shows progress with an estimate of the time left on stderr, unless told not to") {
  // Enough steps (3 epochs of 1,400) to outlast a 1 ms interval many times over.
  const std::string spec = temporaryFile("progress.json", R"({"data": {"kind": "circles", "samples": 2000},
    "layers": [{"type": "dense", "units": 32}, {"type": "activation", "fn": "tanh"}, {"type": "dense", "units": 2}],
    "training": {"batch_size": 1}})");
  const Result shown = run("train " + spec + " --epochs 3 --progress 0.001");
  CHECK(shown.exitCode == 0);
  CHECK(shown.output.find("/3  step ") != std::string::npos);
  CHECK(shown.output.find("/4200  ") != std::string::npos);  // 1,400 training examples, batch 1, 3 epochs
  CHECK(shown.output.find("ETA ") != std::string::npos);
  // stderr alone (the shell comment drops run()'s own "2>&1"): progress, and not the results on stdout
  const Result stderrOnly = run("train " + spec + " --epochs 3 --progress 0.001 2>&1 >/dev/null #");
  CHECK(stderrOnly.output.find("ETA ") != std::string::npos);
  CHECK(stderrOnly.output.find("done: ") == std::string::npos);
  const Result silent = run("train " + spec + " --epochs 3 --progress 0");
  CHECK(silent.exitCode == 0);
  CHECK(silent.output.find("ETA") == std::string::npos);
  CHECK(run("train " + spec + " --epochs 3 --progress 0.001 --quiet").output.find("ETA") == std::string::npos);
  CHECK(run("train " + spec + " --progress soon").exitCode == 2);
  CHECK(run("train " + spec + " --progress -1").exitCode == 2);
}

TEST_CASE("train prints no accuracy that does not exist: no validation or test split, regression") {
  const std::string withoutValidation = temporaryFile("no-validation.json", R"({"data": {"kind": "circles", "samples": 100,
    "split": {"train": 0.8, "test": 0.2}},
    "layers": [{"type": "dense", "units": 4}, {"type": "activation", "fn": "tanh"}, {"type": "dense", "units": 2}]})");
  const Result result = run("train " + withoutValidation + " --epochs 1 --progress 0");
  CHECK(result.exitCode == 0);
  CHECK(result.output.find("train acc ") != std::string::npos);
  CHECK(result.output.find("validation acc") == std::string::npos);
  const Result withoutTest = run("train " + temporaryFile("no-test.json", R"({"data": {"kind": "plane", "samples": 100,
    "split": {"train": 1}}, "layers": [{"type": "dense", "units": 4}, {"type": "activation", "fn": "tanh"},
    {"type": "dense", "units": 1}], "loss": "mse"})") +
                                 " --epochs 1 --progress 0");
  CHECK(withoutTest.exitCode == 0);
  CHECK(withoutTest.output.find("done: ") != std::string::npos);
  CHECK(withoutTest.output.find("accuracy") == std::string::npos);  // regression, and no test split
  CHECK(withoutTest.output.find("acc ") == std::string::npos);
  const Result withValidation = run("train " + temporaryFile("train.json", kSpec) + " --epochs 1 --progress 0");
  CHECK(withValidation.output.find("validation acc 0.") != std::string::npos);
}

// The reported losses are data losses; the L2 penalty the optimizer also minimises gets its own
// columns (issue 7, item 4: before, the CSV had neither and the penalty was never reported).
TEST_CASE("the metrics CSV has the penalty and the objective train_loss + penalty as columns") {
  const std::string spec = temporaryFile("penalty.json", R"({"data": {"kind": "circles", "samples": 100},
    "layers": [{"type": "dense", "units": 6}, {"type": "activation", "fn": "tanh"}, {"type": "dense", "units": 2}],
    "optimizer": {"kind": "sgd", "learning_rate": 0.1, "l2": 0.05}, "training": {"batch_size": 10}})");
  const std::string metrics = temporaryFile("penalty.csv");
  REQUIRE(run("train " + spec + " --epochs 2 --metrics " + metrics + " --quiet").exitCode == 0);
  std::istringstream lines(readAll(metrics));
  std::string header, row;
  std::getline(lines, header);
  std::getline(lines, row);
  CHECK(header ==
        "epoch,step,learning_rate,batch_loss,train_loss,train_accuracy,validation_loss,"
        "validation_accuracy,test_loss,test_accuracy,penalty,train_objective");
  std::vector<double> values;
  std::istringstream cells(row);
  for (std::string cell; std::getline(cells, cell, ',');) values.push_back(cell.empty() ? -1.0 : std::stod(cell));
  REQUIRE(values.size() == 12);
  CHECK(values[10] > 0.01);                                                    // the L2 penalty of the weights
  CHECK(values[11] == doctest::Approx(values[4] + values[10]).epsilon(1e-4));  // train_loss + penalty
}
