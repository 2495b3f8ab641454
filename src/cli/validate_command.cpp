#include <cstdio>
#include <cstring>
#include "cli/commands.h"
#include "cli/file_io.h"
#include "run/run.h"

namespace nn {

int runValidateCommand(int argc, char** argv) {
  if (argc != 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fprintf(argc == 2 ? stdout : stderr,
                 "usage: nnsandbox validate SPEC.json\n\n"
                 "Checks every field of a run spec (docs/spec.md) and that the network fits its data.\n"
                 "Prints 'valid' and exits 0, or prints what is wrong and exits 1.\n");
    return argc == 2 ? 0 : 2;
  }
  auto spec = readSpecFile(argv[1]);
  if (!spec) {
    std::fprintf(stderr, "error: %s\n", spec.error().describe().c_str());
    return 1;
  }
  auto run = Run::create(*spec);
  if (!run) {
    std::fprintf(stderr, "error: %s\n", run.error().describe().c_str());
    return 1;
  }
  std::printf("valid: %zu layers, %ld parameters, %d training examples\n", spec->layers.size(),
              (*run)->network().parameterCount(), (*run)->dataset().train.size());
  return 0;
}

}  // namespace nn
