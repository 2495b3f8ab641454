// nnsandbox: the NN Sandbox core on the command line, for teachers preparing
// figures and for tests. Each subcommand lives in its own file.
#include <cstdio>
#include <cstring>
#include "cli/commands.h"

namespace {
const char* kUsage =
    "usage: nnsandbox COMMAND [options]   (nnsandbox COMMAND --help for each)\n\n"
    "  validate SPEC.json              check a run spec (docs/spec.md)\n"
    "  train SPEC.json [options]       train it; write metrics CSV, stats JSONL, the model\n"
    "  path FUNCTION OPTIMIZER [opts]  print an optimizer's path on a 2-D test function as CSV\n";
}

int main(int argc, char** argv) {
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
