// The 2-D test functions and the optimizer race on them, including the
// `nnsandbox path` command line.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "lab/test_functions.h"

using namespace nn;

namespace {

OptimizerConfig bookSettings(OptimizerKind kind, double lr) {
  OptimizerConfig config;
  config.kind = kind;
  config.learningRate = lr;
  return config;
}

std::vector<PathPoint> bookPath(OptimizerKind kind, double lr) {
  auto path = runOptimizerPath("book", bookSettings(kind, lr), -7, 2, 30);
  REQUIRE(path.ok());
  REQUIRE(path->size() == 31);
  return *path;
}

double distanceToOrigin(const PathPoint& p) { return std::hypot(p.x, p.y); }

struct CommandResult {
  std::string output;
  int exitCode = -1;
};

// Runs the built CLI with these arguments; stdout and stderr together.
CommandResult runCli(const std::string& arguments) {
  CommandResult result;
  const std::string command = std::string("'") + NN_CLI_PATH + "' " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, read);
  const int status = pclose(pipe);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

int countLines(const std::string& text) {
  int lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

}  // namespace

TEST_CASE("every test function has zero gradient at its listed minimum (or saddle point)") {
  for (const TestFunction& f : testFunctions()) {
    CAPTURE(f.name);
    double dx = 1, dy = 1;
    f.gradient(f.minimumX, f.minimumY, dx, dy);
    CHECK(dx == doctest::Approx(0.0));
    CHECK(dy == doctest::Approx(0.0));
    CHECK(f.xmin < f.minimumX);
    CHECK(f.minimumX < f.xmax);
    CHECK(f.ymin < f.minimumY);
    CHECK(f.minimumY < f.ymax);
    CHECK_FALSE(f.formula.empty());
  }
  CHECK(testFunctions().size() == 5);
}

TEST_CASE("the book function is x^2/20 + y^2") {
  auto book = findTestFunction("book");
  REQUIRE(book.ok());
  CHECK((*book)->value(-7, 2) == doctest::Approx(49.0 / 20 + 4));
  double dx = 0, dy = 0;
  (*book)->gradient(-7, 2, dx, dy);
  CHECK(dx == doctest::Approx(-0.7));
  CHECK(dy == doctest::Approx(4.0));
}

TEST_CASE("an unknown test function is an error that lists the known ones") {
  auto missing = findTestFunction("ackley");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("rosenbrock") != std::string::npos);
  CHECK_FALSE(runOptimizerPath("ackley", OptimizerConfig{}, 0, 0, 5).ok());
}

TEST_CASE("an optimizer path starts at the start and has steps + 1 points") {
  auto path = runOptimizerPath("rosenbrock", bookSettings(OptimizerKind::Momentum, 0.001), -1, 2, 12);
  REQUIRE(path.ok());
  REQUIRE(path->size() == 13);
  CHECK((*path)[0].x == -1);
  CHECK((*path)[0].y == 2);
  CHECK((*path)[0].value == doctest::Approx(4 + 100 * 1));

  SUBCASE("an invalid optimizer is refused naming the field") {
    auto bad = runOptimizerPath("book", bookSettings(OptimizerKind::Sgd, 0), -7, 2, 30);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().field == "optimizer.learning_rate");
  }
  SUBCASE("a negative step count is refused") {
    CHECK_FALSE(runOptimizerPath("book", bookSettings(OptimizerKind::Sgd, 0.1), -7, 2, -1).ok());
  }
  SUBCASE("a diverging path stops at the last finite point") {
    auto diverging = runOptimizerPath("book", bookSettings(OptimizerKind::Sgd, 10), -7, 2, 1000);
    REQUIRE(diverging.ok());
    CHECK(diverging->size() < 1001);
    CHECK(std::isfinite(diverging->back().value));
  }
}

TEST_CASE("on the book function with the book's settings SGD zig-zags and Adam gets closer") {
  const auto sgd = bookPath(OptimizerKind::Sgd, 0.95);
  const auto momentum = bookPath(OptimizerKind::Momentum, 0.1);
  const auto adagrad = bookPath(OptimizerKind::AdaGrad, 1.5);
  const auto adam = bookPath(OptimizerKind::Adam, 0.3);

  int signChanges = 0;
  for (size_t s = 1; s < sgd.size(); ++s) signChanges += (sgd[s].y > 0) != (sgd[s - 1].y > 0);
  CHECK(signChanges >= 20);  // y -= 0.95 * 2y flips y every step

  CHECK(distanceToOrigin(adam.back()) < distanceToOrigin(sgd.back()));
  for (const auto* path : {&sgd, &momentum, &adagrad, &adam}) {
    CHECK(path->back().value < path->front().value);
    CHECK(distanceToOrigin(path->back()) < distanceToOrigin(path->front()));
  }
}

TEST_CASE("the path command prints 31 CSV lines for the default 30 steps") {
  const CommandResult result = runCli("path book sgd");
  REQUIRE(result.exitCode == 0);
  CHECK(result.output.rfind("step,x,y,value\n", 0) == 0);
  CHECK(countLines(result.output) == 32);  // header + steps 0..30
  CHECK(result.output.find("\n0,-7,2,") != std::string::npos);
  CHECK(result.output.find("\n30,") != std::string::npos);

  SUBCASE("options change the run") {
    const CommandResult custom =
        runCli("path himmelblau adam --lr 0.05 --steps 5 --start 1,1 --beta1 0.8 --no-bias-correction");
    REQUIRE(custom.exitCode == 0);
    CHECK(countLines(custom.output) == 7);
    CHECK(custom.output.find("\n0,1,1,") != std::string::npos);
  }
  SUBCASE("--help explains the usage and succeeds") {
    const CommandResult help = runCli("path --help");
    CHECK(help.exitCode == 0);
    CHECK(help.output.find("usage") != std::string::npos);
  }
  SUBCASE("bad arguments give a message and exit code 2") {
    for (const char* arguments : {"path", "path book", "path ackley sgd", "path book lbfgs", "path book sgd --lr 0",
                                  "path book sgd --lr fast", "path book sgd --steps -3", "path book sgd --start 1",
                                  "path book sgd --momentum 1", "path book sgd --bogus 1", "path book sgd --lr"}) {
      CAPTURE(arguments);
      const CommandResult bad = runCli(arguments);
      CHECK(bad.exitCode == 2);
      CHECK(bad.output.find("nnsandbox path:") != std::string::npos);
    }
  }
}
