// The subcommands of the `nnsandbox` command line. main.cpp picks one by its
// first argument and hands it the rest: argv[0] is the subcommand's own name.
// Each returns the process exit code: 0 success, 2 bad arguments (message on stderr).
#pragma once

namespace nn {

// nnsandbox path FUNCTION OPTIMIZER [options]: CSV "step,x,y,value" of an
// optimizer's path on a 2-D test function (src/lab/test_functions.h).
int runPathCommand(int argc, char** argv);

}  // namespace nn

namespace nn {

// nnsandbox validate SPEC.json: checks a spec (and its data); exit 0 if valid, 1 with the message if not.
int runValidateCommand(int argc, char** argv);

// nnsandbox train SPEC.json [--epochs N] [--seed S] [--metrics out.csv] [--stats out.jsonl] [--save model.json]
// exit 0 trained, 1 bad spec or file, 2 bad arguments, 3 training diverged.
int runTrainCommand(int argc, char** argv);

}  // namespace nn
