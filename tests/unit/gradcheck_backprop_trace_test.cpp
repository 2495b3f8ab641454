// The backprop stepper's numbers (src/run/backprop_trace.h) checked in double precision: every
// dL/dW and dL/db it reports against central finite differences of the loss on that one example,
// its dL/dz against the chain rule by hand, and its update against W - lr dW.
#include <doctest/doctest.h>
#include <cmath>
#include "run/backprop_trace.h"
#include "spec/run_spec_json.h"

using namespace nn;

namespace {

std::unique_ptr<Run> runFrom(const std::string& json) {
  auto spec = parseRunSpec(json);
  REQUIRE(spec);
  auto run = Run::create(*spec);
  REQUIRE(run);
  return std::move(*run);
}

const char* kNet221 = R"({"data": {"kind": "xor", "samples": 40},
  "layers": [{"type": "dense", "units": 2}, {"type": "activation", "fn": "tanh"}, {"type": "dense", "units": 1}],
  "loss": "sigmoid_binary_cross_entropy", "optimizer": {"kind": "sgd", "learning_rate": 0.5}})";

double lossOn(Run& run, int example) { return traceExample(run, example, 0.0)->loss; }

}  // namespace

TEST_CASE("the traced parameter gradients of one example equal finite differences of its loss") {
  auto run = runFrom(kNet221);
  run->step(3);  // away from the initial weights
  const int example = 5;
  auto trace = traceExample(*run, example, 0.5);
  REQUIRE(trace);
  REQUIRE(trace->layers.size() == 3);
  const double h = 1e-6;
  for (const int layer : {0, 2}) {
    const LayerTrace& traced = trace->layers[static_cast<size_t>(layer)];
    auto parameters = run->network().layers()[static_cast<size_t>(layer)]->parameters();
    const Matrix* gradients[] = {&traced.dWeights, &traced.dBias};
    for (int p = 0; p < 2; ++p) {
      Matrix& value = *parameters[static_cast<size_t>(p)].value;
      for (Eigen::Index k = 0; k < value.size(); ++k) {
        const Scalar saved = value(k);
        value(k) = saved + h;
        const double plus = lossOn(*run, example);
        value(k) = saved - h;
        const double minus = lossOn(*run, example);
        value(k) = saved;
        CAPTURE(layer);
        CAPTURE(p);
        CAPTURE(k);
        CHECK((*gradients[p])(k) == doctest::Approx((plus - minus) / (2 * h)).epsilon(1e-6));
      }
    }
  }
}

TEST_CASE("the trace follows the chain rule unit by unit and its update is W - lr dW") {
  auto run = runFrom(kNet221);
  run->step(2);
  const double lr = 0.5;
  auto trace = traceExample(*run, 7, lr);
  REQUIRE(trace);
  const LayerTrace &dense1 = trace->layers[0], &tanhLayer = trace->layers[1], &head = trace->layers[2];
  // Forward: z = W x + b, a = tanh(z).
  const Matrix z = dense1.weights * trace->input + dense1.bias;
  CHECK((dense1.output - z).norm() < 1e-12);
  for (int u = 0; u < 2; ++u) CHECK(tanhLayer.output(u) == doctest::Approx(std::tanh(z(u))));
  // Backward: the sigmoid-BCE loss gradient is y - t; dL/da = W2^T (y - t); dL/dz = dL/da * (1 - a^2).
  const double y = 1.0 / (1.0 + std::exp(-head.output(0)));
  CHECK(trace->predictions(0) == doctest::Approx(y));
  CHECK(head.dOutput(0) == doctest::Approx(y - trace->target(0)));
  for (int u = 0; u < 2; ++u) {
    const double dA = head.weights(0, u) * (y - trace->target(0));
    CHECK(tanhLayer.dOutput(u) == doctest::Approx(dA));
    CHECK(tanhLayer.dInput(u) == doctest::Approx(dA * (1 - tanhLayer.output(u) * tanhLayer.output(u))));
    // dL/dW1[u][i] = dL/dz_u * x_i
    for (int i = 0; i < 2; ++i) CHECK(dense1.dWeights(u, i) == doctest::Approx(tanhLayer.dInput(u) * trace->input(i)));
  }
  for (const LayerTrace* dense : {&dense1, &head}) {
    CHECK((dense->weightsAfter - (dense->weights - lr * dense->dWeights)).norm() < 1e-12);
    CHECK((dense->biasAfter - (dense->bias - lr * dense->dBias)).norm() < 1e-12);
  }
  // A small step down the gradient lowers this example's loss; the run itself is untouched.
  auto small = traceExample(*run, 7, 0.01);
  CHECK(small->lossAfter < small->loss);
  CHECK(traceExample(*run, 7, 0.0)->loss == doctest::Approx(trace->loss));
}

TEST_CASE("the trace refuses BatchNorm and dropout nets and examples outside the training split") {
  auto batchNorm = runFrom(R"({"data": {"kind": "xor"}, "layers": [{"type": "dense", "units": 2},
    {"type": "batchnorm"}, {"type": "activation", "fn": "relu"}, {"type": "dense", "units": 2}]})");
  CHECK_FALSE(traceExample(*batchNorm, 0, 0.1));
  auto run = runFrom(kNet221);
  CHECK_FALSE(traceExample(*run, -1, 0.1));
  CHECK_FALSE(traceExample(*run, run->dataset().train.size(), 0.1));
  CHECK(traceExample(*run, run->dataset().train.size() - 1, 0.1));
}
