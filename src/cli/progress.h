// Progress of a long training run on stderr, so a run that takes minutes per epoch does not look
// hung: the epoch, the step, the share done and an estimate of the time left (ETA), at most once
// per interval. A run that ends within the first interval prints nothing. On a terminal the line
// is redrawn in place (and cleared before other output); in a log file each report is a line.
#pragma once
#include <cstdio>
#include <functional>
#include <string>

namespace nn {

// "8s", "1m 23s", "2h 05m": how long `seconds` is, to the precision an estimate deserves.
std::string formatDuration(double seconds);

class ProgressReporter {
 public:
  using Clock = std::function<double()>;  // monotonic seconds
  static double steadySeconds();

  // interval <= 0 turns reporting off.
  ProgressReporter(long totalSteps, int totalEpochs, double interval, std::FILE* out, bool terminal,
                   Clock clock = steadySeconds);

  // How many steps to run before the next update, so that updates come several times per
  // interval at the speed measured so far; at least 1, at most `remainingInEpoch`.
  int nextChunk(int remainingInEpoch) const;
  // Reports if an interval has passed since the start or the last report.
  void update(long stepsDone, int epoch);
  // Removes a redrawn line from the terminal before other output (no-op otherwise).
  void clear();

 private:
  long totalSteps_;
  int totalEpochs_;
  double interval_;
  std::FILE* out_;
  bool terminal_;
  Clock clock_;
  double start_, lastReport_;
  long stepsDone_ = 0;
  bool lineShown_ = false;
};

}  // namespace nn
