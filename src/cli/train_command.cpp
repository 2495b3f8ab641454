#include <unistd.h>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/progress.h"
#include "core/rng.h"
#include "run/run.h"
#include "spec/model_file.h"
#include "spec/report_json.h"

namespace nn {

namespace {

const char* kTrainUsage =
    "usage: nnsandbox train SPEC.json [--epochs N] [--seed S] [--metrics out.csv] [--stats out.jsonl]\n"
    "                                 [--save model.json] [--progress SECONDS] [--quiet]\n\n"
    "Trains the network of a run spec (docs/spec.md) on its data.\n"
    "  --epochs N        passes over the training split (default: the spec's training.epochs)\n"
    "  --seed S          training seed (overrides training.seed)\n"
    "  --metrics FILE    CSV, one row per epoch: epoch,step,learning_rate,batch_loss,train_loss,train_accuracy,\n"
    "                    validation_loss,validation_accuracy,test_loss,test_accuracy,penalty,train_objective\n"
    "                    (losses are data losses; penalty = l1*|W|_1 + l2/2*|W|^2; train_objective =\n"
    "                    train_loss + penalty, what the optimizer minimises)\n"
    "  --stats FILE      JSON Lines, one line per epoch with every layer's statistics\n"
    "  --save FILE       write the trained model (JSON) at the end\n"
    "  --progress S      progress with an estimate of the time left, on stderr, every S seconds\n"
    "                    (default 1 on a terminal, 10 otherwise; 0 = never); none for runs shorter than S\n"
    "  --quiet           print only the final line (no progress)\n"
    "Exit codes: 0 trained, 1 bad spec or file, 2 bad arguments, 3 training diverged.\n";

bool parseWhole(const char* text, long long min, long long max, long long& out) {
  char* end = nullptr;
  const long long value = std::strtoll(text, &end, 10);
  if (end == text || *end != '\0' || value < min || value > max) return false;
  out = value;
  return true;
}

std::string csvNumber(double x) {
  if (!std::isfinite(x)) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", x);
  return text;
}

struct TrainOptions {
  std::string specPath, metricsPath, statsPath, savePath;
  long long epochs = -1, seed = -1;  // -1: the spec's own
  double progressInterval = isatty(fileno(stderr)) ? 1.0 : 10.0;
  bool quiet = false;
};

// One option and, if it takes one, its value (`nextValue` consumes it). Returns an exit code to stop
// with (0 after --help, 2 for a bad argument, the message printed), nothing to go on.
std::optional<int> parseTrainOption(const std::string& arg, const std::function<const char*(const char*)>& nextValue,
                                    TrainOptions& options) {
  if (arg == "--help" || arg == "-h") {
    std::fputs(kTrainUsage, stdout);
    return 0;
  } else if (arg == "--epochs") {
    const char* v = nextValue("--epochs");
    if (!v) return 2;
    if (!parseWhole(v, 1, 1000000, options.epochs)) {
      std::fprintf(stderr, "error: --epochs must be a whole number from 1 to 1000000 (got '%s')\n", v);
      return 2;
    }
  } else if (arg == "--seed") {
    const char* v = nextValue("--seed");
    if (!v) return 2;
    if (!parseWhole(v, 0, kMaxSeed, options.seed)) {
      std::fprintf(stderr, "error: --seed must be a whole number >= 0 (got '%s')\n", v);
      return 2;
    }
  } else if (arg == "--metrics" || arg == "--stats" || arg == "--save") {
    const char* v = nextValue(arg.c_str());
    if (!v) return 2;
    (arg == "--metrics" ? options.metricsPath : arg == "--stats" ? options.statsPath : options.savePath) = v;
  } else if (arg == "--progress") {
    const char* v = nextValue("--progress");
    if (!v) return 2;
    char* end = nullptr;
    options.progressInterval = std::strtod(v, &end);
    if (end == v || *end != '\0' || !(options.progressInterval >= 0 && options.progressInterval <= 1e6)) {
      std::fprintf(stderr, "error: --progress must be a number of seconds from 0 to 1000000 (got '%s')\n", v);
      return 2;
    }
  } else if (arg == "--quiet") {
    options.quiet = true;
  } else if (!arg.empty() && arg[0] == '-') {
    std::fprintf(stderr, "error: unknown option '%s'\n%s", arg.c_str(), kTrainUsage);
    return 2;
  } else if (options.specPath.empty()) {
    options.specPath = arg;
  } else {
    std::fprintf(stderr, "error: only one spec file is allowed\n%s", kTrainUsage);
    return 2;
  }
  return std::nullopt;
}

// The whole command line; the same contract as parseTrainOption.
std::optional<int> parseTrainOptions(int argc, char** argv, TrainOptions& options) {
  for (int i = 1; i < argc; ++i) {
    auto nextValue = [&](const char* name) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "error: %s needs a value\n%s", name, kTrainUsage);
        return nullptr;
      }
      return argv[++i];
    };
    if (auto exitCode = parseTrainOption(argv[i], nextValue, options)) return exitCode;
  }
  if (options.specPath.empty()) {
    std::fprintf(stderr, "error: no spec file given\n%s", kTrainUsage);
    return 2;
  }
  return std::nullopt;
}

// The spec file with the command line's --seed and --epochs applied.
Expected<RunSpec> readSpecWithOverrides(const TrainOptions& options) {
  auto spec = readSpecFile(options.specPath);
  if (!spec) return spec;
  if (options.seed >= 0) spec->training.seed = static_cast<uint64_t>(options.seed);
  if (options.epochs > 0) spec->training.epochs = static_cast<int>(options.epochs);
  return spec;
}

// The --metrics and --stats files, open when asked for.
struct EpochFiles {
  std::ofstream metrics, stats;
};

// False (the message printed) when a file cannot be written.
bool openEpochFiles(const TrainOptions& options, EpochFiles& files) {
  if (!options.metricsPath.empty()) {
    files.metrics.open(options.metricsPath);
    if (!files.metrics) {
      std::fprintf(stderr, "error: cannot write '%s'\n", options.metricsPath.c_str());
      return false;
    }
    files.metrics << "epoch,step,learning_rate,batch_loss,train_loss,train_accuracy,validation_loss,"
                     "validation_accuracy,test_loss,test_accuracy,penalty,train_objective\n";
  }
  if (!options.statsPath.empty()) {
    files.stats.open(options.statsPath);
    if (!files.stats) {
      std::fprintf(stderr, "error: cannot write '%s'\n", options.statsPath.c_str());
      return false;
    }
  }
  return true;
}

// One epoch's steps, in chunks so that progress shows within long epochs; stops at a divergence.
void trainOneEpoch(Run& run, int stepsPerEpoch, int epoch, ProgressReporter& progress) {
  for (int left = stepsPerEpoch; left > 0 && !run.divergence();) {
    const int ran = run.step(progress.nextChunk(left));
    if (ran == 0) break;
    left -= ran;
    progress.update(run.stepCount(), epoch);
  }
  progress.clear();
}

void writeEpochFiles(EpochFiles& files, int epoch, const Metrics& metrics, Run& run) {
  if (files.metrics.is_open())
    files.metrics << epoch << ',' << metrics.step << ',' << csvNumber(metrics.learningRate) << ','
                  << csvNumber(metrics.batchLoss) << ',' << csvNumber(metrics.train.loss) << ','
                  << csvNumber(metrics.train.accuracy) << ',' << csvNumber(metrics.validation.loss) << ','
                  << csvNumber(metrics.validation.accuracy) << ',' << csvNumber(metrics.test.loss) << ','
                  << csvNumber(metrics.test.accuracy) << ',' << csvNumber(metrics.penalty) << ','
                  << csvNumber(metrics.train.loss + metrics.penalty) << '\n';
  if (files.stats.is_open()) {
    Json layers = Json::array();
    for (const LayerStats& stats : run.stats()) layers.push_back(toJson(stats));
    files.stats << Json{{"epoch", epoch}, {"step", metrics.step}, {"layers", layers}}.dump() << '\n';
  }
}

// accuracies only where there is one: not for regression, not for an empty validation split
void printEpochLine(int epoch, const Metrics& metrics) {
  std::printf("epoch %d  step %lld  loss %.4f", epoch, metrics.step, metrics.train.loss);
  if (std::isfinite(metrics.train.accuracy)) std::printf("  train acc %s", csvNumber(metrics.train.accuracy).c_str());
  if (metrics.validation.count > 0 && std::isfinite(metrics.validation.accuracy))
    std::printf("  validation acc %s", csvNumber(metrics.validation.accuracy).c_str());
  std::printf("\n");
  std::fflush(stdout);
}

// Every epoch of the spec (fewer after a divergence); the metrics after the last completed one.
Metrics trainEpochs(Run& run, int epochs, const TrainOptions& options, EpochFiles& files) {
  const int stepsPerEpoch = std::max(1, run.dataset().train.size() / run.batchSize());
  ProgressReporter progress(static_cast<long>(stepsPerEpoch) * epochs, epochs,
                            options.quiet ? 0.0 : options.progressInterval, stderr, isatty(fileno(stderr)));
  Metrics metrics;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    trainOneEpoch(run, stepsPerEpoch, epoch, progress);
    if (run.divergence()) break;
    metrics = run.metrics();
    writeEpochFiles(files, epoch, metrics, run);
    if (!options.quiet && (epoch == 1 || epoch % 10 == 0 || epoch == epochs)) printEpochLine(epoch, metrics);
  }
  return metrics;
}

// False (the message printed) when the file cannot be written.
bool saveModel(const std::string& path, Run& run) {
  std::ofstream save(path);
  if (!save) {
    std::fprintf(stderr, "error: cannot write '%s'\n", path.c_str());
    return false;
  }
  save << exportModel(run).dump() << '\n';
  return true;
}

void printSummary(const Metrics& metrics) {
  std::printf("done: %lld steps, train loss %.4f", metrics.step, metrics.train.loss);
  if (std::isfinite(metrics.train.accuracy)) std::printf(", train accuracy %s", csvNumber(metrics.train.accuracy).c_str());
  if (metrics.test.count > 0 && std::isfinite(metrics.test.accuracy))
    std::printf(", test accuracy %s", csvNumber(metrics.test.accuracy).c_str());
  std::printf("\n");
}

}  // namespace

int runTrainCommand(int argc, char** argv) {
  TrainOptions options;
  if (auto exitCode = parseTrainOptions(argc, argv, options)) return *exitCode;
  auto spec = readSpecWithOverrides(options);
  if (!spec) {
    std::fprintf(stderr, "error: %s\n", spec.error().describe().c_str());
    return 1;
  }
  auto created = Run::create(*spec);
  if (!created) {
    std::fprintf(stderr, "error: %s\n", created.error().describe().c_str());
    return 1;
  }
  Run& run = **created;
  EpochFiles files;
  if (!openEpochFiles(options, files)) return 1;
  const Metrics metrics = trainEpochs(run, spec->training.epochs, options, files);
  if (const auto& divergence = run.divergence()) {
    std::fprintf(stderr, "diverged: %s\n", divergence->message.c_str());
    return 3;
  }
  if (!options.savePath.empty() && !saveModel(options.savePath, run)) return 1;
  printSummary(metrics);
  return 0;
}

}  // namespace nn
