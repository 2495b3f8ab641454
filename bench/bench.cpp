// Benchmark of the core. Built natively as build/nn_bench; bench/wasm-bench.mjs
// compiles this same file against each wasm build of the core and runs it under
// node, so every column of its tables times identical code. It measures:
// - throughput: examples per second for the workloads the lessons run;
// - phases: what one training step spends in forward, checks, backward, the
//   optimizer and (when asked for) statistics;
// - the matrix product's speed as a share of this build's own f32x4 mul+add peak;
// - a fresh run's first 2,000 steps against its steady rate (2-8-8-1 tanh).
//
//   nn_bench [--json] [--warmup SECONDS] [--time SECONDS]
//
// Each workload is warmed up first (caches, and in wasm V8's tier-up to its
// optimising compiler), then run repeatedly for the timed period; the fresh-run
// figures are taken first, before anything else has run in the process.
#include <unistd.h>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/dense.h"
#include "core/network.h"
#include "core/optimizer.h"
#include "lab/init_histograms.h"
#include "run/run.h"
#include "spec/run_spec_json.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  bool json = false;
  double warmupSeconds = 1.0;
  double timedSeconds = 2.0;
};

struct Workload {
  std::string key;            // stable identifier, read by bench/wasm-bench.mjs
  std::string description;    // for the table
  std::function<long()> run;  // does one unit of work; returns the examples it processed
};

struct Result {
  std::string key, description;
  double examplesPerSecond;
};

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

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

std::unique_ptr<nn::Run> makeRun(const std::string& specJson) {
  auto spec = nn::parseRunSpec(specJson);
  if (!spec) fail(spec.error().describe());
  auto run = nn::Run::create(*spec);
  if (!run) fail(run.error().describe());
  return std::move(*run);
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
  std::shared_ptr<nn::Run> run = makeRun(specJson);
  return {std::move(key), std::move(description), [run, steps] {
            if (run->step(steps) != steps) fail("the benchmark run diverged");
            return static_cast<long>(steps) * run->batchSize();
          }};
}

std::string mnistSpec(const SyntheticIdx& idx, const char* optimizer) {
  return std::string(R"({"data": {"kind": "idx", "images": ")") + idx.imagesPath() + R"(", "labels": ")" + idx.labelsPath() +
         R"(", "split": {"train": 1, "validation": 0, "test": 0}},
    "layers": [{"type": "dense", "units": 128}, {"type": "activation", "fn": "relu"},
               {"type": "dense", "units": 64}, {"type": "activation", "fn": "relu"},
               {"type": "dense", "units": 10}],
    "loss": "softmax_cross_entropy", "optimizer": )" +
         optimizer + R"(,
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
  const std::string specJson = std::string(R"({"layers": [)") + kFiveSigmoidLayers + R"(, {"type": "dense", "units": 2}]})";
  auto spec = nn::parseRunSpec(specJson);
  if (!spec) fail(spec.error().describe());
  spec->layers.pop_back();  // the final Dense(2) only satisfies the spec reader; the lesson has none
  constexpr int kExamples = 1000;
  auto network = std::make_shared<nn::Network>(spec->layers, spec->loss, 100, kExamples, 1);
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
  const std::string specJson =
      std::string(R"({"data": {"kind": "xor"}, "layers": [)") + kFiveSigmoidLayers + R"(, {"type": "dense", "units": 2}]})";
  std::shared_ptr<nn::Run> run = makeRun(specJson);
  auto outputs = std::make_shared<nn::Matrix>();
  return {"grid_5x100_sigmoid", "grid 100x100 points -> 5 x Dense(100) sigmoid", [run, outputs] {
            constexpr int kResolution = 100;
            if (run->evaluateGrid(kResolution, nn::GridBounds{}, *outputs, nullptr)) fail("grid failed");
            return static_cast<long>(kResolution * kResolution);
          }};
}

// The sandbox's largest network (8 x 256 ReLU, batch 10) trained one step at a
// time, with or without reading every layer's statistics after each step: the
// ratio of the two rows is the cost of live statistics.
std::string deepSpec() {
  std::string layers;
  for (int i = 0; i < 8; ++i)
    layers +=
        R"({"type": "dense", "units": 256, "weight_init": {"kind": "he_normal"}}, {"type": "activation", "fn": "relu"},)";
  return R"({"data": {"kind": "spiral", "samples": 1000, "classes": 3, "standardize": true}, "layers": [)" + layers +
         R"({"type": "dense", "units": 3}], "optimizer": {"kind": "sgd", "learning_rate": 0.001}, "training": {"batch_size": 10}})";
}

Workload deepEightBy256(bool statsEveryStep) {
  std::shared_ptr<nn::Run> run = makeRun(deepSpec());
  const char* key = statsEveryStep ? "deep_8x256_stats" : "deep_8x256";
  const char* description =
      statsEveryStep ? "train 8 x 256 relu, batch 10, + stats every step" : "train 8 x 256 relu, batch 10, no stats";
  return {key, description, [run, statsEveryStep] {
            if (run->step(1) != 1) fail("the benchmark run diverged");
            if (statsEveryStep && run->stats().empty()) fail("no statistics");
            return static_cast<long>(run->batchSize());
          }};
}

// --- phases of a step ------------------------------------------------------------

// The calls Run::step makes, in its order (keep in step with src/run/run.cpp).
void stepForward(nn::Network& network, const nn::Matrix& input, const nn::Matrix& targets, double& loss) {
  network.forward(input, nn::Mode::Training);
  loss = network.loss(targets);
}
bool stepChecksForward(const nn::Network& network, double loss) { return network.forwardLooksFinite(loss); }
void stepBackward(nn::Network& network, const nn::Matrix& input, const nn::Matrix& targets) {
  network.backward(input, targets, -1, false);
}
bool stepChecksBackward(const nn::Network& network) { return network.gradientsLookFinite(); }

struct Phases {
  std::string key, description;
  double step = 0, forward = 0, checks = 0, backward = 0, optimizer = 0, stats = 0;  // microseconds per step
};

// Microseconds per call of `phase`, repeated in rounds of 32 between clock reads (a clock read
// in wasm costs about a microsecond, as much as a whole step of a small net).
template <typename Phase>
double microsecondsPerCall(Phase phase, double seconds) {
  long calls = 0;
  const auto start = Clock::now();
  double elapsed = 0.0;
  do {
    for (int i = 0; i < 32; ++i) phase();
    calls += 32;
    elapsed = secondsSince(start);
  } while (elapsed < seconds);
  return elapsed * 1e6 / static_cast<double>(calls);
}

// Phases of a step: the calls Run::step makes, each repeated on its own on the run's
// network (a second optimizer of the same configuration updates it) with the first batch of the
// training set. `step` is the run's own step, so step minus the phases is the batch copy and
// bookkeeping; `stats` is one Run::stats() after a step, what a live statistics view pays per refresh.
Phases stepPhases(const std::string& key, const std::string& description, const std::string& specJson,
                  const Options& options) {
  Phases phases{key, description};
  auto run = makeRun(specJson);
  nn::Network& network = run->network();
  nn::Optimizer optimizer(run->spec().optimizer);
  optimizer.bind(network.parameters());
  const int batch = run->batchSize();
  const nn::Matrix input = run->dataset().train.inputs.leftCols(batch);
  const nn::Matrix targets = run->dataset().train.targets.leftCols(batch);
  double loss = 0.0;
  bool finite = true;
  auto forward = [&] { stepForward(network, input, targets, loss); };
  auto checks = [&] { finite &= stepChecksForward(network, loss) & stepChecksBackward(network); };
  auto backward = [&] { stepBackward(network, input, targets); };
  auto update = [&] { optimizer.step(); };
  const double slice = options.timedSeconds / 8;
  for (int round = 0; round < 2; ++round) {  // the first round warms up
    forward();
    backward();
    phases.forward = microsecondsPerCall(forward, slice);
    phases.checks = microsecondsPerCall(checks, slice);
    phases.backward = microsecondsPerCall(backward, slice);
    std::vector<nn::Matrix> saved;  // the repeated updates move the weights far; put them back
    for (const nn::Parameter& p : network.parameters()) saved.push_back(*p.value);
    phases.optimizer = microsecondsPerCall(update, slice);
    for (size_t p = 0; p < saved.size(); ++p) *network.parameters()[p].value = saved[p];
  }
  if (!finite) fail("the benchmark run diverged");

  // The run's own step, then the statistics of one step.
  auto whole = makeRun(specJson);
  for (auto start = Clock::now(); secondsSince(start) < options.warmupSeconds / 2;) whole->step(16);
  long steps = 0;
  const auto start = Clock::now();
  do {
    if (whole->step(16) != 16) fail("the benchmark run diverged");
    steps += 16;
  } while (secondsSince(start) < options.timedSeconds / 2);
  phases.step = secondsSince(start) * 1e6 / static_cast<double>(steps);
  double statsSeconds = 0.0;
  int requests = 0;
  for (auto begin = Clock::now(); secondsSince(begin) < options.timedSeconds / 4 || requests < 3; ++requests) {
    whole->step(1);
    const auto t0 = Clock::now();
    if (whole->stats().empty()) fail("no statistics");
    statsSeconds += secondsSince(t0);
  }
  phases.stats = statsSeconds * 1e6 / requests;
  return phases;
}

// The 5 x Dense(100) sigmoid forward pass on 1000 examples, split into its dense products
// and its sigmoids: microseconds per pass.
struct ForwardSplit {
  double dense = 0, activation = 0;
};
ForwardSplit forwardFiveSigmoidSplit(const Options& options) {
  const std::string specJson = std::string(R"({"layers": [)") + kFiveSigmoidLayers + R"(, {"type": "dense", "units": 2}]})";
  auto spec = nn::parseRunSpec(specJson);
  if (!spec) fail(spec.error().describe());
  spec->layers.pop_back();
  nn::Network network(spec->layers, spec->loss, 100, 1000, 1);
  const nn::Matrix input = nn::Matrix::Random(100, 1000);
  ForwardSplit split;
  long passes = 0;
  for (auto start = Clock::now(); secondsSince(start) < options.timedSeconds / 2; ++passes) {
    const nn::Matrix* current = &input;
    for (auto& layer : network.layers()) {
      const auto t0 = Clock::now();
      layer->forward(*current, nn::Mode::Inference);
      (layer->type() == "dense" ? split.dense : split.activation) += secondsSince(t0);  // passes take milliseconds
      current = &layer->output();
    }
  }
  split.dense *= 1e6 / passes;
  split.activation *= 1e6 / passes;
  return split;
}

// --- the matrix product against this build's f32x4 peak -------------------------------

typedef float Float4 __attribute__((vector_size(16)));  // 4 lanes: SSE natively, v128 in wasm (scalar in the baseline build)

// GFLOP/s of independent 4-lane multiply-add chains (acc = acc * m + c, one mul and one add
// per lane = 8 flops per chain step): twelve chains hide the latency, as a matrix kernel's
// accumulators do. This is the ceiling a 4-lane product kernel can reach in this build.
volatile float peakSink;  // keeps the chains' results alive

// A separate function, called again and again: V8 replaces a wasm function by its optimised
// code only between calls, so a loop that never returned would be timed in the baseline tier.
__attribute__((noinline)) float peakChunk(float seed) {
  Float4 acc[12];
  for (int j = 0; j < 12; ++j) acc[j] = Float4{1.0f, 2.0f, 3.0f, 4.0f} * (seed + static_cast<float>(j));
  const Float4 m = {0.999999f, 0.999999f, 0.999999f, 0.999999f}, c = {1e-6f, 1e-6f, 1e-6f, 1e-6f};
  for (int i = 0; i < 4096; ++i)
    for (int j = 0; j < 12; ++j) acc[j] = acc[j] * m + c;
  float sink = 0.0f;
  for (int j = 0; j < 12; ++j) sink += acc[j][0] + acc[j][1] + acc[j][2] + acc[j][3];
  return sink;
}

double peakGflops(double seconds) {
  double chainSteps = 0;  // not long: 32 bits in wasm
  float sink = 0.0f;
  for (int i = 0; i < 50; ++i) sink += peakChunk(static_cast<float>(i));  // warm-up (and V8's tier-up)
  const auto start = Clock::now();
  double elapsed = 0.0;
  do {
    sink += peakChunk(sink * 1e-30f);
    chainSteps += 4096.0 * 12;
    elapsed = secondsSince(start);
  } while (elapsed < seconds);
  peakSink = sink;
  return chainSteps * 8.0 / elapsed / 1e9;
}

// GFLOP/s of the product a Dense layer runs (output = W input + b): 784 -> 128 on a batch of 64,
// the first layer of the MNIST workload; whatever product this build's Dense uses.
double denseGflops(double seconds) {
  nn::Dense dense(784, 128);
  nn::Rng rng(7);
  dense.initializeParameters(nn::InitConfig{}, nn::InitConfig{}, rng);
  dense.resize(64);
  const nn::Matrix input = nn::Matrix::Random(784, 64);
  for (int i = 0; i < 20; ++i) dense.forward(input, nn::Mode::Training);
  long products = 0;
  const auto start = Clock::now();
  double elapsed = 0.0;
  do {
    dense.forward(input, nn::Mode::Training);
    ++products;
    elapsed = secondsSince(start);
  } while (elapsed < seconds);
  return static_cast<double>(products) * 2.0 * 128 * 784 * 64 / elapsed / 1e9;
}

// --- a fresh run's first steps ----------------------------------------------------------

const char* kTinySpec = R"({"data": {"kind": "xor", "samples": 500},
    "layers": [{"type": "dense", "units": 8}, {"type": "activation", "fn": "tanh"},
               {"type": "dense", "units": 8}, {"type": "activation", "fn": "tanh"},
               {"type": "dense", "units": 1}],
    "loss": "sigmoid_binary_cross_entropy",
    "optimizer": {"kind": "sgd", "learning_rate": 0.03}, "training": {"batch_size": 10}})";

struct Startup {
  double firstSteps = 0, steady = 0;  // microseconds per step
};

// The first 2,000 steps of a freshly created 2-8-8-1 run, in one step() call as the issue
// measured it, against steps 20,000-40,000 of the same run. Must run before any other workload
// in the process: in wasm the first steps also pay for V8 compiling the hot functions.
Startup freshRunStartup() {
  auto run = makeRun(kTinySpec);
  Startup startup;
  auto start = Clock::now();
  if (run->step(2000) != 2000) fail("the benchmark run diverged");
  startup.firstSteps = secondsSince(start) * 1e6 / 2000;
  run->step(18000);
  start = Clock::now();
  if (run->step(20000) != 20000) fail("the benchmark run diverged");
  startup.steady = secondsSince(start) * 1e6 / 20000;
  return startup;
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
  const Startup startup = freshRunStartup();  // first: nothing may have warmed the code before it
  const SyntheticIdx idx(2048);
  const std::vector<Workload> workloads = {
      training("tiny_tanh_sgd", "train 2-8-8-1 tanh, batch 10, SGD (xor)", kTinySpec, 100),
      training("mnist_relu_sgd", "train 784-128-64-10 relu softmax, batch 64, SGD", mnistSpec(idx, R"({"kind": "sgd"})"), 4),
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

  std::vector<Phases> phases = {
      stepPhases("mnist_relu_sgd", "784-128-64-10 relu, batch 64, SGD", mnistSpec(idx, R"({"kind": "sgd"})"), options),
      stepPhases("tiny_tanh_sgd", "2-8-8-1 tanh, batch 10, SGD", kTinySpec, options),
      stepPhases("deep_8x256", "8 x 256 relu, batch 10, SGD", deepSpec(), options),
  };
  const ForwardSplit sigmoidSplit = forwardFiveSigmoidSplit(options);
  const double peak = peakGflops(options.timedSeconds / 2);
  const double dense = denseGflops(options.timedSeconds / 2);

  if (options.json) {
    nn::Json out;
    out["throughput"] = nn::Json::array();
    for (const Result& r : results)
      out["throughput"].push_back(
          {{"key", r.key}, {"description", r.description}, {"examples_per_second", r.examplesPerSecond}});
    out["phases"] = nn::Json::array();
    for (const Phases& p : phases)
      out["phases"].push_back({{"key", p.key},
                               {"description", p.description},
                               {"step", p.step},
                               {"forward", p.forward},
                               {"checks", p.checks},
                               {"backward", p.backward},
                               {"optimizer", p.optimizer},
                               {"stats", p.stats}});
    out["peak_gflops"] = peak;
    out["dense_gflops"] = dense;
    out["startup"] = {{"first_2000_us", startup.firstSteps}, {"steady_us", startup.steady}};
    out["sigmoid_forward"] = {{"dense_us", sigmoidSplit.dense}, {"activation_us", sigmoidSplit.activation}};
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
  }
  std::printf("\nmicroseconds per step        step  forward  checks  backward  optimizer  (stats per refresh)\n");
  for (const Phases& p : phases)
    std::printf("%-34s %8.2f %8.2f %7.2f %9.2f %10.2f  %10.2f\n", p.description.c_str(), p.step, p.forward, p.checks,
                p.backward, p.optimizer, p.stats);
  std::printf("\n5 x Dense(100) sigmoid forward, 1000 examples: dense products %.0f us, sigmoids %.0f us per pass\n",
              sigmoidSplit.dense, sigmoidSplit.activation);
  std::printf("f32x4 mul+add peak %.1f GFLOP/s; Dense 784->128 x 64 product %.1f GFLOP/s (%.0f %% of peak)\n", peak, dense,
              100 * dense / peak);
  std::printf("fresh 2-8-8-1 run: first 2,000 steps %.2f us/step, steady %.2f us/step (%.2fx)\n", startup.firstSteps,
              startup.steady, startup.firstSteps / startup.steady);
  return 0;
}
