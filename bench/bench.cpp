// Throughput benchmark of the core: examples per second for the workloads the
// lessons run. Built natively as build/nn_bench; bench/wasm-bench.mjs compiles
// this same file against each wasm build of the core and runs it under node,
// so all three columns of its table time identical code.
//
//   nn_bench [--json] [--warmup SECONDS] [--time SECONDS]
//
// Each workload is warmed up first (caches, and in wasm V8's tier-up to its
// optimising compiler), then run repeatedly for the timed period.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

#include "core/network.h"
#include "core/spec.h"
#include "core/trainer.h"
#include "lab/init_histograms.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  bool json = false;
  double warmupSeconds = 1.0;
  double timedSeconds = 2.0;
};

struct Workload {
  std::string key;          // stable identifier, read by bench/wasm-bench.mjs
  std::string description;  // for the table
  std::function<long()> run;  // does one unit of work; returns the examples it processed
};

struct Result {
  std::string key, description;
  double examplesPerSecond;
};

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

Result measure(const Workload& workload, const Options& options) {
  for (auto start = Clock::now(); secondsSince(start) < options.warmupSeconds;) workload.run();
  long examples = 0;
  const auto start = Clock::now();
  double elapsed = 0.0;
  do {
    examples += workload.run();
    elapsed = secondsSince(start);
  } while (elapsed < options.timedSeconds);
  return {workload.key, workload.description, static_cast<double>(examples) / elapsed};
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "nn_bench: %s\n", what.c_str());
  std::exit(1);
}

std::unique_ptr<nn::Trainer> makeTrainer(const std::string& specJson) {
  auto spec = nn::parseRunSpec(specJson);
  if (!spec) fail(spec.error().describe());
  auto trainer = nn::Trainer::create(*spec);
  if (!trainer) fail(trainer.error().describe());
  return std::move(*trainer);
}

// A synthetic MNIST-shaped IDX pair (28x28 random bytes, labels 0..9) from a
// fixed LCG, so every build trains on the same bytes without shipping data.
class SyntheticIdx {
 public:
  explicit SyntheticIdx(int count) {
    const char* tmp = std::getenv("TMPDIR");
    directory_ = std::string(tmp && *tmp ? tmp : "/tmp") + "/nn-bench-XXXXXX";
    if (!mkdtemp(directory_.data())) fail("cannot create a temporary directory in " + directory_);
    uint32_t state = 12345;
    auto next = [&state] { return (state = state * 1664525u + 1013904223u) >> 24; };
    std::vector<uint8_t> images, labels;
    appendHeader(images, 0x00000803, {count, 28, 28});
    appendHeader(labels, 0x00000801, {count});
    for (int i = 0; i < count * 28 * 28; ++i) images.push_back(static_cast<uint8_t>(next()));
    for (int i = 0; i < count; ++i) labels.push_back(static_cast<uint8_t>(next() % 10));
    write(imagesPath(), images);
    write(labelsPath(), labels);
  }
  ~SyntheticIdx() {
    std::remove(imagesPath().c_str());
    std::remove(labelsPath().c_str());
    rmdir(directory_.c_str());
  }
  std::string imagesPath() const { return directory_ + "/images.idx"; }
  std::string labelsPath() const { return directory_ + "/labels.idx"; }

 private:
  static void appendHeader(std::vector<uint8_t>& out, uint32_t magic, std::initializer_list<int> sizes) {
    auto bigEndian = [&out](uint32_t v) {
      for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
    };
    bigEndian(magic);
    for (int size : sizes) bigEndian(static_cast<uint32_t>(size));
  }
  static void write(const std::string& path, const std::vector<uint8_t>& bytes) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file || std::fwrite(bytes.data(), 1, bytes.size(), file) != bytes.size()) fail("cannot write " + path);
    std::fclose(file);
  }
  std::string directory_;
};

// Trains `steps` steps per unit of work.
Workload training(std::string key, std::string description, std::string specJson, int steps) {
  std::shared_ptr<nn::Trainer> trainer = makeTrainer(specJson);
  return {std::move(key), std::move(description), [trainer, steps] {
            if (trainer->step(steps) != steps) fail("the benchmark run diverged");
            return static_cast<long>(steps) * trainer->batchSize();
          }};
}

std::string mnistSpec(const SyntheticIdx& idx, const char* optimizer) {
  return std::string(R"({"data": {"kind": "idx", "images": ")") + idx.imagesPath() + R"(", "labels": ")" +
         idx.labelsPath() + R"(", "split": {"train": 1, "validation": 0, "test": 0}},
    "layers": [{"type": "dense", "units": 128}, {"type": "activation", "fn": "relu"},
               {"type": "dense", "units": 64}, {"type": "activation", "fn": "relu"},
               {"type": "dense", "units": 10}],
    "loss": "softmax_cross_entropy", "optimizer": )" + optimizer + R"(,
    "training": {"batch_size": 64}})";
}

const char* kFiveSigmoidLayers = R"(
    {"type": "dense", "units": 100}, {"type": "activation", "fn": "sigmoid"},
    {"type": "dense", "units": 100}, {"type": "activation", "fn": "sigmoid"},
    {"type": "dense", "units": 100}, {"type": "activation", "fn": "sigmoid"},
    {"type": "dense", "units": 100}, {"type": "activation", "fn": "sigmoid"},
    {"type": "dense", "units": 100}, {"type": "activation", "fn": "sigmoid"})";

// Curriculum "init-histograms": 1000 examples of 100 features through 5 Dense(100)
// sigmoid layers, forward only. No data kind has 100 features, so the network is built directly.
Workload forwardFiveSigmoid() {
  const std::string specJson =
      std::string(R"({"layers": [)") + kFiveSigmoidLayers + R"(, {"type": "dense", "units": 2}]})";
  auto spec = nn::parseRunSpec(specJson);
  if (!spec) fail(spec.error().describe());
  spec->layers.pop_back();  // the final Dense(2) only satisfies the spec reader; the lesson has none
  constexpr int kExamples = 1000;
  auto network = std::make_shared<nn::Network>(*spec, 100, kExamples, 1);
  auto input = std::make_shared<nn::Matrix>(nn::Matrix::Random(100, kExamples));  // (100, 1000)
  return {"forward_5x100_sigmoid", "forward 1000x100 -> 5 x Dense(100) sigmoid", [network, input] {
            network->forward(*input, nn::Mode::Inference);
            return static_cast<long>(kExamples);
          }};
}

// The whole "init-histograms" experiment as the lesson runs it (weights drawn, random
// inputs, forward, histograms), through the lab function engine.initHistograms wraps.
Workload initHistogramsExperiment() {
  nn::InitHistogramsConfig config;  // defaults: sigmoid, N(0, 1) weights, 5 x 100 units, 1000 samples
  return {"init_histograms_sigmoid", "init-histograms experiment, 5 x 100 sigmoid, 1000 samples", [config] {
            if (!nn::runInitHistograms(config)) fail("init-histograms failed");
            return static_cast<long>(config.samples);
          }};
}

// The same five layers on 2-D inputs, evaluated over a 100x100 heatmap grid: the
// forward-only pass the engine API can express (run.grid), timed the same way in wasm-bench.mjs.
Workload gridFiveSigmoid() {
  const std::string specJson = std::string(R"({"data": {"kind": "xor"}, "layers": [)") + kFiveSigmoidLayers +
                               R"(, {"type": "dense", "units": 2}]})";
  std::shared_ptr<nn::Trainer> trainer = makeTrainer(specJson);
  auto outputs = std::make_shared<nn::Matrix>();
  return {"grid_5x100_sigmoid", "grid 100x100 points -> 5 x Dense(100) sigmoid", [trainer, outputs] {
            constexpr int kResolution = 100;
            if (trainer->evaluateGrid(kResolution, nn::GridBounds{}, *outputs, nullptr)) fail("grid failed");
            return static_cast<long>(kResolution * kResolution);
          }};
}

// The sandbox's largest network (8 x 256 ReLU, batch 10) trained one step at a
// time, with or without reading every layer's statistics after each step: the
// ratio of the two rows is the cost of live statistics.
Workload deepEightBy256(bool statsEveryStep) {
  std::string layers;
  for (int i = 0; i < 8; ++i)
    layers += R"({"type": "dense", "units": 256, "weight_init": {"kind": "he_normal"}}, {"type": "activation", "fn": "relu"},)";
  std::shared_ptr<nn::Trainer> trainer = makeTrainer(
      R"({"data": {"kind": "spiral", "samples": 1000, "classes": 3, "standardize": true}, "layers": [)" + layers +
      R"({"type": "dense", "units": 3}], "optimizer": {"kind": "sgd", "learning_rate": 0.001}, "training": {"batch_size": 10}})");
  const char* key = statsEveryStep ? "deep_8x256_stats" : "deep_8x256";
  const char* description = statsEveryStep ? "train 8 x 256 relu, batch 10, + stats every step"
                                           : "train 8 x 256 relu, batch 10, no stats";
  return {key, description, [trainer, statsEveryStep] {
            if (trainer->step(1) != 1) fail("the benchmark run diverged");
            if (statsEveryStep && trainer->stats().empty()) fail("no statistics");
            return static_cast<long>(trainer->batchSize());
          }};
}

Options parseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--json") {
      options.json = true;
    } else if ((arg == "--warmup" || arg == "--time") && i + 1 < argc) {
      (arg == "--warmup" ? options.warmupSeconds : options.timedSeconds) = std::atof(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: nn_bench [--json] [--warmup SECONDS] [--time SECONDS]\n");
      std::exit(arg == "--help" ? 0 : 2);
    }
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parseOptions(argc, argv);
  const SyntheticIdx idx(2048);
  const std::vector<Workload> workloads = {
      training("tiny_tanh_sgd", "train 2-8-8-2 tanh, batch 10, SGD (xor)",
               R"({"data": {"kind": "xor", "samples": 500},
                   "layers": [{"type": "dense", "units": 8}, {"type": "activation", "fn": "tanh"},
                              {"type": "dense", "units": 8}, {"type": "activation", "fn": "tanh"},
                              {"type": "dense", "units": 2}],
                   "optimizer": {"kind": "sgd", "learning_rate": 0.03}, "training": {"batch_size": 10}})",
               100),
      training("mnist_relu_sgd", "train 784-128-64-10 relu softmax, batch 64, SGD", mnistSpec(idx, R"({"kind": "sgd"})"),
               4),
      training("mnist_relu_adam", "train 784-128-64-10 relu softmax, batch 64, Adam",
               mnistSpec(idx, R"({"kind": "adam", "learning_rate": 0.001})"), 4),
      forwardFiveSigmoid(),
      initHistogramsExperiment(),
      gridFiveSigmoid(),
      deepEightBy256(false),
      deepEightBy256(true),
  };

  std::vector<Result> results;
  for (const Workload& workload : workloads) {
    results.push_back(measure(workload, options));
    if (!options.json)
      std::printf("%-52s %14.0f examples/s\n", results.back().description.c_str(), results.back().examplesPerSecond);
  }
  if (options.json) {
    nn::Json list = nn::Json::array();
    for (const Result& r : results)
      list.push_back({{"key", r.key}, {"description", r.description}, {"examples_per_second", r.examplesPerSecond}});
    std::printf("%s\n", list.dump(2).c_str());
  }
  return 0;
}
