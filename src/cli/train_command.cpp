#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <unistd.h>
#include "cli/commands.h"
#include "cli/file_io.h"
#include "cli/progress.h"
#include "core/model.h"
#include "core/report.h"
#include "core/spec.h"
#include "core/trainer.h"

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

}  // namespace

int runTrainCommand(int argc, char** argv) {
  std::string specPath, metricsPath, statsPath, savePath;
  long long epochs = -1, seed = -1;
  double progressInterval = isatty(fileno(stderr)) ? 1.0 : 10.0;
  bool quiet = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "error: %s needs a value\n%s", name, kTrainUsage);
        return nullptr;
      }
      return argv[++i];
    };
    if (arg == "--help" || arg == "-h") {
      std::fputs(kTrainUsage, stdout);
      return 0;
    } else if (arg == "--epochs") {
      const char* v = value("--epochs");
      if (!v) return 2;
      if (!parseWhole(v, 1, 1000000, epochs)) {
        std::fprintf(stderr, "error: --epochs must be a whole number from 1 to 1000000 (got '%s')\n", v);
        return 2;
      }
    } else if (arg == "--seed") {
      const char* v = value("--seed");
      if (!v) return 2;
      if (!parseWhole(v, 0, 9007199254740991LL, seed)) {
        std::fprintf(stderr, "error: --seed must be a whole number >= 0 (got '%s')\n", v);
        return 2;
      }
    } else if (arg == "--metrics" || arg == "--stats" || arg == "--save") {
      const char* v = value(arg.c_str());
      if (!v) return 2;
      (arg == "--metrics" ? metricsPath : arg == "--stats" ? statsPath : savePath) = v;
    } else if (arg == "--progress") {
      const char* v = value("--progress");
      if (!v) return 2;
      char* end = nullptr;
      progressInterval = std::strtod(v, &end);
      if (end == v || *end != '\0' || !(progressInterval >= 0 && progressInterval <= 1e6)) {
        std::fprintf(stderr, "error: --progress must be a number of seconds from 0 to 1000000 (got '%s')\n", v);
        return 2;
      }
    } else if (arg == "--quiet") {
      quiet = true;
    } else if (!arg.empty() && arg[0] == '-') {
      std::fprintf(stderr, "error: unknown option '%s'\n%s", arg.c_str(), kTrainUsage);
      return 2;
    } else if (specPath.empty()) {
      specPath = arg;
    } else {
      std::fprintf(stderr, "error: only one spec file is allowed\n%s", kTrainUsage);
      return 2;
    }
  }
  if (specPath.empty()) {
    std::fprintf(stderr, "error: no spec file given\n%s", kTrainUsage);
    return 2;
  }

  auto spec = readSpecFile(specPath);
  if (!spec) {
    std::fprintf(stderr, "error: %s\n", spec.error().describe().c_str());
    return 1;
  }
  if (seed >= 0) spec->training.seed = static_cast<uint64_t>(seed);
  if (epochs > 0) spec->training.epochs = static_cast<int>(epochs);
  auto created = Trainer::create(*spec);
  if (!created) {
    std::fprintf(stderr, "error: %s\n", created.error().describe().c_str());
    return 1;
  }
  Trainer& trainer = **created;

  std::ofstream metricsFile, statsFile;
  if (!metricsPath.empty()) {
    metricsFile.open(metricsPath);
    if (!metricsFile) {
      std::fprintf(stderr, "error: cannot write '%s'\n", metricsPath.c_str());
      return 1;
    }
    metricsFile << "epoch,step,learning_rate,batch_loss,train_loss,train_accuracy,validation_loss,"
                   "validation_accuracy,test_loss,test_accuracy,penalty,train_objective\n";
  }
  if (!statsPath.empty()) {
    statsFile.open(statsPath);
    if (!statsFile) {
      std::fprintf(stderr, "error: cannot write '%s'\n", statsPath.c_str());
      return 1;
    }
  }

  const int stepsPerEpoch = std::max(1, trainer.dataset().train.size() / trainer.batchSize());
  ProgressReporter progress(static_cast<long>(stepsPerEpoch) * spec->training.epochs, spec->training.epochs,
                            quiet ? 0.0 : progressInterval, stderr, isatty(fileno(stderr)));
  Metrics metrics;
  for (int epoch = 1; epoch <= spec->training.epochs; ++epoch) {
    // in chunks, so that progress shows within long epochs
    for (int left = stepsPerEpoch; left > 0 && !trainer.divergence();) {
      const int ran = trainer.step(progress.nextChunk(left));
      if (ran == 0) break;
      left -= ran;
      progress.update(trainer.stepCount(), epoch);
    }
    progress.clear();
    if (trainer.divergence()) break;
    metrics = trainer.metrics();
    if (metricsFile.is_open())
      metricsFile << epoch << ',' << metrics.step << ',' << csvNumber(metrics.learningRate) << ','
                  << csvNumber(metrics.batchLoss) << ',' << csvNumber(metrics.train.loss) << ','
                  << csvNumber(metrics.train.accuracy) << ',' << csvNumber(metrics.validation.loss) << ','
                  << csvNumber(metrics.validation.accuracy) << ',' << csvNumber(metrics.test.loss) << ','
                  << csvNumber(metrics.test.accuracy) << ',' << csvNumber(metrics.penalty) << ','
                  << csvNumber(metrics.train.loss + metrics.penalty) << '\n';
    if (statsFile.is_open()) {
      Json layers = Json::array();
      for (const LayerStats& stats : trainer.stats()) layers.push_back(toJson(stats));
      statsFile << Json{{"epoch", epoch}, {"step", metrics.step}, {"layers", layers}}.dump() << '\n';
    }
    if (!quiet && (epoch == 1 || epoch % 10 == 0 || epoch == spec->training.epochs)) {
      // accuracies only where there is one: not for regression, not for an empty validation split
      std::printf("epoch %d  step %lld  loss %.4f", epoch, metrics.step, metrics.train.loss);
      if (std::isfinite(metrics.train.accuracy)) std::printf("  train acc %s", csvNumber(metrics.train.accuracy).c_str());
      if (metrics.validation.count > 0 && std::isfinite(metrics.validation.accuracy))
        std::printf("  validation acc %s", csvNumber(metrics.validation.accuracy).c_str());
      std::printf("\n");
      std::fflush(stdout);
    }
  }
  if (const auto& divergence = trainer.divergence()) {
    std::fprintf(stderr, "diverged: %s\n", divergence->message.c_str());
    return 3;
  }
  if (!savePath.empty()) {
    std::ofstream save(savePath);
    if (!save) {
      std::fprintf(stderr, "error: cannot write '%s'\n", savePath.c_str());
      return 1;
    }
    save << exportModel(trainer).dump() << '\n';
  }
  std::printf("done: %lld steps, train loss %.4f", metrics.step, metrics.train.loss);
  if (std::isfinite(metrics.train.accuracy)) std::printf(", train accuracy %s", csvNumber(metrics.train.accuracy).c_str());
  if (metrics.test.count > 0 && std::isfinite(metrics.test.accuracy))
    std::printf(", test accuracy %s", csvNumber(metrics.test.accuracy).c_str());
  std::printf("\n");
  return 0;
}

}  // namespace nn
