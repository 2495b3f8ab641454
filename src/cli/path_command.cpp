// `nnsandbox path`: prints the path an optimizer takes on a 2-D test function
// as CSV, so the optimizer race can be reproduced and plotted outside the page.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "lab/test_functions.h"

namespace nn {

namespace {

// The optimizers, and which of them read each option, come from the registry (optimizer_registry.h).
std::string usage() {
  auto readersOf = [](const char* hyperParameter) {
    std::string list;
    for (const OptimizerDefinition& entry : optimizerRegistry())
      if (reads(entry, hyperParameter)) list += (list.empty() ? "" : ", ") + std::string(entry.name);
    return list;
  };
  std::string all;
  for (const OptimizerDefinition& entry : optimizerRegistry()) all += (all.empty() ? "" : ", ") + std::string(entry.name);
  return "usage: nnsandbox path FUNCTION OPTIMIZER [options]\n"
         "\n"
         "Prints the path of OPTIMIZER on the 2-D test FUNCTION as CSV: step,x,y,value\n"
         "(the start is step 0).\n"
         "\n"
         "FUNCTION:  book (x^2/20 + y^2), rosenbrock, beale, saddle, himmelblau\n"
         "OPTIMIZER: " +
         all +
         "\n"
         "\n"
         "options:\n"
         "  --lr X                 learning rate (default: sgd 0.95, momentum 0.1, adagrad 1.5,\n"
         "                         adam 0.3, others 0.1)\n"
         "  --steps N              number of steps (default 30)\n"
         "  --start X,Y            starting point (default -7,2)\n"
         "  --momentum M           " +
         readersOf("momentum") +
         " (default 0.9)\n"
         "  --beta1 B, --beta2 B   " +
         readersOf("beta1") +
         " (default 0.9, 0.999)\n"
         "  --rho R                " +
         readersOf("rho") +
         " (default 0.9)\n"
         "  --epsilon E            " +
         readersOf("epsilon") +
         " (default 1e-8)\n"
         "  --no-bias-correction   " +
         readersOf("bias_correction") +
         ": use m and v without the 1/(1-beta^t) factors\n"
         "  --help                 show this text\n";
}

// The learning rates of "Deep Learning from Scratch" (fig. 6-8) on the book function.
double bookLearningRate(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::Sgd: return 0.95;
    case OptimizerKind::Momentum: return 0.1;
    case OptimizerKind::AdaGrad: return 1.5;
    case OptimizerKind::Adam: return 0.3;
    default: return 0.1;
  }
}

int usageError(const std::string& message) {
  std::fprintf(stderr, "nnsandbox path: %s\n(run 'nnsandbox path --help' for usage)\n", message.c_str());
  return 2;
}

// Whole-string, finite number; no exceptions (strtod, not std::stod).
bool parseNumber(const char* text, double& value) {
  if (!text || !*text) return false;
  char* end = nullptr;
  errno = 0;
  value = std::strtod(text, &end);
  return errno == 0 && end && *end == '\0' && std::isfinite(value);
}

bool parseStart(const char* text, double& x, double& y) {
  const char* comma = std::strchr(text, ',');
  if (!comma) return false;
  const std::string first(text, comma);
  return parseNumber(first.c_str(), x) && parseNumber(comma + 1, y);
}

struct PathArguments {
  std::string function;
  OptimizerConfig optimizer;
  bool learningRateGiven = false;
  int steps = 30;
  double x0 = -7, y0 = 2;
};

// Fills `args` from argv[1..]; returns an error message, empty on success.
std::string parseArguments(int argc, char** argv, PathArguments& args) {
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument.rfind("--", 0) != 0) {
      positional.push_back(argument);
      continue;
    }
    if (argument == "--no-bias-correction") {
      args.optimizer.biasCorrection = false;
      continue;
    }
    // Both "--lr 0.1" and "--lr=0.1"; the value may start with '-' ("--start -7,2").
    std::string option = argument, value;
    const size_t equals = argument.find('=');
    if (equals != std::string::npos) {
      option = argument.substr(0, equals);
      value = argument.substr(equals + 1);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      return option + " needs a value";
    }
    if (option == "--start") {
      if (!parseStart(value.c_str(), args.x0, args.y0)) return "--start must be two numbers X,Y (got '" + value + "')";
      continue;
    }
    double number = 0;
    if (!parseNumber(value.c_str(), number)) return option + " must be a number (got '" + value + "')";
    if (option == "--lr") {
      args.optimizer.learningRate = number;
      args.learningRateGiven = true;
    } else if (option == "--steps") {
      if (number != std::floor(number) || number < 0 || number > 100000)
        return "--steps must be a whole number between 0 and 100000 (got '" + value + "')";
      args.steps = static_cast<int>(number);
    } else if (option == "--momentum") {
      args.optimizer.momentum = number;
    } else if (option == "--beta1") {
      args.optimizer.beta1 = number;
    } else if (option == "--beta2") {
      args.optimizer.beta2 = number;
    } else if (option == "--rho") {
      args.optimizer.rho = number;
    } else if (option == "--epsilon") {
      args.optimizer.epsilon = number;
    } else {
      return "unknown option " + option;
    }
  }
  if (positional.size() != 2) return "expected FUNCTION and OPTIMIZER, got " + std::to_string(positional.size()) + " names";
  args.function = positional[0];
  auto kind = parseOptimizerKind(positional[1]);
  if (!kind) return kind.error().message;
  args.optimizer.kind = *kind;
  args.optimizer.weightDecay = defaultWeightDecay(*kind);
  if (!args.learningRateGiven) args.optimizer.learningRate = bookLearningRate(*kind);
  return "";
}

// CLI option names for the fields validate() may complain about.
std::string optionFor(const std::string& field) {
  const std::string key = field.substr(field.rfind('.') + 1);
  if (key == "learning_rate") return "--lr";
  if (key == "bias_correction") return "--no-bias-correction";
  return "--" + key;
}

}  // namespace

int runPathCommand(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::fputs(usage().c_str(), stdout);
      return 0;
    }
  PathArguments args;
  const std::string problem = parseArguments(argc, argv, args);
  if (!problem.empty()) return usageError(problem);
  if (Status error = validate(args.optimizer, "")) return usageError(optionFor(error->field) + ": " + error->message);

  auto path = runOptimizerPath(args.function, args.optimizer, args.x0, args.y0, args.steps);
  if (!path) return usageError(path.error().describe());
  std::printf("step,x,y,value\n");
  for (size_t s = 0; s < path->size(); ++s) {
    const PathPoint& p = (*path)[s];
    std::printf("%zu,%.9g,%.9g,%.9g\n", s, p.x, p.y, p.value);
  }
  if (static_cast<int>(path->size()) < args.steps + 1)
    std::fprintf(stderr, "nnsandbox path: stopped after %zu steps: the point is no longer finite (diverged)\n",
                 path->size() - 1);
  return 0;
}

}  // namespace nn
