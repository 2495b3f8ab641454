// A training step allocates nothing after the first one (DESIGN.md, habit 3).
//
// Counting operator new alone would prove little: Eigen allocates matrices with
// std::malloc, not new. So on glibc this file also interposes malloc, calloc and
// realloc for its whole executable, allocation_tests, which holds only this file
// (they forward to glibc's own __libc_* entry points, so free() stays glibc's), and the replaced global
// operator new/delete go through that counted malloc. The counter is a plain
// global (tests run on one thread) and counting is always on: only the
// difference across the measured steps matters.
#include <doctest/doctest.h>

#include <cstdlib>
#include <new>
#include <string>

#include "run/run.h"
#include "spec/run_spec_json.h"

namespace {
volatile long allocationCount = 0;  // volatile: GCC assumes builtin malloc touches no globals
}  // namespace

#if defined(__GLIBC__)
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);

void* malloc(std::size_t size) {
  ++allocationCount;
  return __libc_malloc(size);
}
void* calloc(std::size_t count, std::size_t size) {
  ++allocationCount;
  return __libc_calloc(count, size);
}
void* realloc(void* p, std::size_t size) {
  ++allocationCount;
  return __libc_realloc(p, size);
}
}
constexpr bool kCountsMalloc = true;
#else
constexpr bool kCountsMalloc = false;  // elsewhere only operator new is counted
#endif

namespace {
void* countedNew(std::size_t size) {
  if (!kCountsMalloc) ++allocationCount;
  return std::malloc(size == 0 ? 1 : size);
}
}  // namespace

void* operator new(std::size_t size) {
  if (void* p = countedNew(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = countedNew(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return countedNew(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return countedNew(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

// Allocations made by `steps` training steps, after one warm-up step (the first
// step may size lazily created buffers; every later one must not allocate).
long allocationsInSteps(const std::string& specText, int steps) {
  auto spec = nn::parseRunSpec(specText);
  REQUIRE_MESSAGE(spec.ok(), (spec.ok() ? "" : spec.error().describe()));
  auto run = nn::Run::create(*spec);
  REQUIRE_MESSAGE(run.ok(), (run.ok() ? "" : run.error().describe()));
  REQUIRE((*run)->step(1) == 1);
  const long before = allocationCount;
  // One call with many steps and many calls with one step take different paths
  // (the last step of a call copies the weights for the update ratio).
  const int done = (*run)->step(steps / 2);
  int singles = 0;
  for (int i = 0; i < steps - steps / 2; ++i) singles += (*run)->step(1);
  const long allocations = allocationCount - before;
  REQUIRE(done + singles == steps);  // a diverged run would step nothing and prove nothing
  return allocations;
}

// Adam with every extra the optimizer applies inside step(): clipping, L2 and a cosine schedule.
const char* kAdamWithExtras =
    R"("optimizer": {"kind": "adam", "learning_rate": 0.01, "l2": 0.001, "clip_norm": 1.0,
                     "schedule": {"kind": "cosine", "total_steps": 500, "min_learning_rate": 0.0001}},)";

// A 2-8-1 network with one output unit, trained with kAdamWithExtras.
std::string oneOutputSpec(const std::string& data, const std::string& activation, const std::string& loss) {
  return R"({"data": )" + data + R"(,
    "layers": [{"type": "dense", "units": 8}, {"type": "activation", "fn": ")" +
         activation + R"("},
               {"type": "dense", "units": 1}],
    "loss": ")" +
         loss + R"(",)" + kAdamWithExtras + R"(
    "training": {"batch_size": 10}})";
}

}  // namespace

TEST_CASE("the counting allocator sees new and, on glibc, an Eigen matrix") {
  // Differences are taken before CHECK, whose own bookkeeping allocates; the
  // volatile sink stops the compiler from eliding the new/delete pair.
  static int* volatile sink = nullptr;
  long before = allocationCount;
  sink = new int(1);
  const long byNew = allocationCount - before;
  delete sink;
  CHECK(byNew == 1);
  if (kCountsMalloc) {
    before = allocationCount;
    nn::Matrix m(7, 3);
    const long byMatrix = allocationCount - before;
    CHECK(byMatrix == 1);
  }
}

TEST_CASE("a training step allocates nothing after the first") {
  SUBCASE("dense, batchnorm, dropout, prelu and softmax cross-entropy with Adam, clipping, L2 and cosine") {
    const std::string spec = std::string(R"({
      "data": {"kind": "spiral", "samples": 300, "classes": 3, "seed": 3},
      "layers": [
        {"type": "dense", "units": 16},
        {"type": "batchnorm"},
        {"type": "activation", "fn": "prelu"},
        {"type": "dropout", "rate": 0.2},
        {"type": "dense", "units": 3}
      ],
      "loss": "softmax_cross_entropy",)") +
                             kAdamWithExtras + R"(
      "training": {"batch_size": 16, "seed": 5}})";
    CHECK(allocationsInSteps(spec, 100) == 0);
  }

  SUBCASE("sigmoid binary cross-entropy") {
    CHECK(allocationsInSteps(oneOutputSpec(R"({"kind": "circles", "samples": 200})", "tanh", "sigmoid_binary_cross_entropy"),
                             100) == 0);
  }

  SUBCASE("mean squared error regression") {
    CHECK(allocationsInSteps(oneOutputSpec(R"({"kind": "gaussian_bumps", "samples": 200, "standardize": true})", "relu",
                                           "mse"),
                             100) == 0);
  }
}
