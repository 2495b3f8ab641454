// nnsandbox: the NN Sandbox core on the command line, for teachers preparing
// figures and for tests. Each subcommand lives in its own file.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>
#include "cli/commands.h"
#include "core/memory_budget.h"

namespace {
const char* kUsage =
    "usage: nnsandbox COMMAND [options]   (nnsandbox COMMAND --help for each)\n\n"
    "  validate SPEC.json              check a run spec (docs/spec.md)\n"
    "  train SPEC.json [options]       train it; write metrics CSV, stats JSONL, the model\n"
    "  path FUNCTION OPTIMIZER [opts]  print an optimizer's path on a 2-D test function as CSV\n\n"
    "Every command also takes --memory-budget SIZE (e.g. 512M, 8G; default 4G): a run that would\n"
    "need more memory is refused with a message naming its largest part.\n";

constexpr double kDefaultNativeBudget = 4.0 * 1024 * 1024 * 1024;  // 4 GiB

// "8G", "512M", "1.5G", "2000000000" -> bytes; negative when the text is not a size.
double parseSize(const char* text) {
  char* end = nullptr;
  const double number = std::strtod(text, &end);
  if (end == text || !std::isfinite(number) || number <= 0) return -1;
  double unit = 1;
  if (*end == 'K' || *end == 'k') unit = 1024.0, ++end;
  else if (*end == 'M' || *end == 'm') unit = 1024.0 * 1024, ++end;
  else if (*end == 'G' || *end == 'g') unit = 1024.0 * 1024 * 1024, ++end;
  return *end == '\0' ? number * unit : -1;
}

int dispatch(int argc, char** argv);
}  // namespace

// --memory-budget is taken out of the arguments here, so every subcommand has it.
int main(int argc, char** argv) {
  nn::setMemoryBudget(kDefaultNativeBudget);
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--memory-budget") != 0) {
      args.push_back(argv[i]);
      continue;
    }
    const double bytes = i + 1 < argc ? parseSize(argv[i + 1]) : -1;
    if (bytes <= 0) {
      std::fprintf(stderr, "error: --memory-budget needs a size such as 512M or 8G\n");
      return 2;
    }
    nn::setMemoryBudget(bytes);
    ++i;
  }
  args.push_back(nullptr);
  // The budget refuses oversized runs before allocating; this catches what the machine still
  // cannot give (a budget above its memory), so the tool reports it instead of aborting.
  try {
    return dispatch(static_cast<int>(args.size()) - 1, args.data());
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "error: out of memory (lower the sizes in the spec, or --memory-budget)\n");
    return 1;
  }
}

namespace {
int dispatch(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  const char* command = argv[1];
  if (std::strcmp(command, "validate") == 0) return nn::runValidateCommand(argc - 1, argv + 1);
  if (std::strcmp(command, "train") == 0) return nn::runTrainCommand(argc - 1, argv + 1);
  if (std::strcmp(command, "path") == 0) return nn::runPathCommand(argc - 1, argv + 1);
  std::fprintf(stderr, "error: unknown command '%s'\n%s", command, kUsage);
  return 2;
}
}  // namespace
