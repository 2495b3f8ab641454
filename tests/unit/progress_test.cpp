// The CLI's progress reporter (src/cli/progress.h), on a clock the test moves by hand.
#include "cli/progress.h"
#include <doctest/doctest.h>
#include <cstdio>
#include <string>

using nn::ProgressReporter;

namespace {

// What the reporter writes, read back from a temporary file.
struct Capture {
  std::FILE* file = std::tmpfile();
  ~Capture() { std::fclose(file); }
  std::string text() {
    std::fflush(file);
    std::rewind(file);
    std::string out;
    char buffer[256];
    while (size_t n = std::fread(buffer, 1, sizeof buffer, file)) out.append(buffer, n);
    return out;
  }
};

}  // namespace

TEST_CASE("durations read as seconds, minutes or hours") {
  CHECK(nn::formatDuration(0.4) == "0s");
  CHECK(nn::formatDuration(8.2) == "8s");
  CHECK(nn::formatDuration(83) == "1m 23s");
  CHECK(nn::formatDuration(2 * 3600 + 5 * 60 + 9) == "2h 05m");
  CHECK(nn::formatDuration(-3) == "0s");
}

TEST_CASE("progress is reported once per interval, with the share done and the time left") {
  Capture out;
  double now = 100.0;
  ProgressReporter progress(1000, 10, 1.0, out.file, false, [&] { return now; });
  now += 0.5;
  progress.update(100, 1);
  CHECK(out.text().empty());  // a run shorter than the interval prints nothing
  now += 0.5;
  progress.update(200, 2);  // 1 s for 200 of 1000 steps: 4 s left
  CHECK(out.text() == "epoch 2/10  step 200/1000  20%  elapsed 1s  ETA 4s\n");
  now += 0.5;
  progress.update(300, 3);
  CHECK(out.text() == "epoch 2/10  step 200/1000  20%  elapsed 1s  ETA 4s\n");  // not yet an interval later
}

TEST_CASE("on a terminal the line is redrawn in place and cleared before other output") {
  Capture out;
  double now = 0.0;
  ProgressReporter progress(100, 1, 1.0, out.file, true, [&] { return now; });
  now = 2.0;
  progress.update(50, 1);
  progress.clear();
  progress.clear();  // nothing shown any more: no second clear
  CHECK(out.text() == "\repoch 1/1  step 50/100  50%  elapsed 2s  ETA 2s\033[K\r\033[K");
}

TEST_CASE("steps run in chunks of about a quarter interval at the measured speed") {
  Capture out;
  double now = 0.0;
  ProgressReporter progress(1000000, 1, 1.0, out.file, false, [&] { return now; });
  CHECK(progress.nextChunk(500) == 1);  // no speed measured yet
  now = 1.0;
  progress.update(400, 1);  // 400 steps per second
  CHECK(progress.nextChunk(500) == 100);
  CHECK(progress.nextChunk(30) == 30);  // never past the end of the epoch
  ProgressReporter off(1000, 1, 0.0, out.file, false, [&] { return now; });
  CHECK(off.nextChunk(500) == 500);  // reporting off: whole epochs
}
