#include "cli/progress.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace nn {

std::string formatDuration(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  char text[32];
  if (s < 60) std::snprintf(text, sizeof text, "%lds", s);
  else if (s < 3600) std::snprintf(text, sizeof text, "%ldm %02lds", s / 60, s % 60);
  else std::snprintf(text, sizeof text, "%ldh %02ldm", s / 3600, (s % 3600) / 60);
  return text;
}

double ProgressReporter::steadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

ProgressReporter::ProgressReporter(long totalSteps, int totalEpochs, double interval, std::FILE* out, bool terminal,
                                   Clock clock)
    : totalSteps_(std::max(1L, totalSteps)),
      totalEpochs_(totalEpochs),
      interval_(interval),
      out_(out),
      terminal_(terminal),
      clock_(std::move(clock)),
      start_(clock_()),
      lastReport_(start_) {}

int ProgressReporter::nextChunk(int remainingInEpoch) const {
  if (interval_ <= 0) return std::max(1, remainingInEpoch);
  const double elapsed = clock_() - start_;
  // a quarter interval's worth of steps at the measured speed; one step until there is a speed
  const double perQuarter = stepsDone_ > 0 && elapsed > 0 ? stepsDone_ / elapsed * interval_ / 4 : 1.0;
  const double chunk = std::clamp(perQuarter, 1.0, static_cast<double>(std::max(1, remainingInEpoch)));
  return static_cast<int>(chunk);
}

void ProgressReporter::update(long stepsDone, int epoch) {
  stepsDone_ = stepsDone;
  if (interval_ <= 0) return;
  const double now = clock_();
  if (now - lastReport_ < interval_) return;
  lastReport_ = now;
  const double elapsed = now - start_;
  const double done = static_cast<double>(std::min(stepsDone, totalSteps_)) / static_cast<double>(totalSteps_);
  const std::string eta = stepsDone > 0 ? formatDuration(elapsed / done - elapsed) : "unknown";
  std::fprintf(out_, "%sepoch %d/%d  step %ld/%ld  %.0f%%  elapsed %s  ETA %s%s", terminal_ ? "\r" : "", epoch, totalEpochs_,
               stepsDone, totalSteps_, 100 * done, formatDuration(elapsed).c_str(), eta.c_str(),
               terminal_ ? "\033[K" : "\n");
  std::fflush(out_);
  lineShown_ = terminal_;
}

void ProgressReporter::clear() {
  if (!lineShown_) return;
  std::fputs("\r\033[K", out_);
  std::fflush(out_);
  lineShown_ = false;
}

}  // namespace nn
