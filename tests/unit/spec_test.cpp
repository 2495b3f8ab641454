// Every spec field is validated; each bad value gets a message naming the field.
#include <doctest/doctest.h>
#include "test_support.h"

using namespace nn;
using namespace nn::testing;

namespace {
const char* kHead = R"({"data": {"kind": "spiral", "classes": 3}, )";

std::string withLayers(const std::string& layers, const std::string& rest = "") {
  return std::string(kHead) + R"("layers": [)" + layers + "]" + rest + "}";
}
const std::string kOut = R"({"type": "dense", "units": 3})";

void checkRejected(const std::string& spec, const std::string& field, const std::string& words = "") {
  const std::string message = rejection(spec);
  CAPTURE(message);
  CHECK(message.rfind(field + ":", 0) == 0);
  if (!words.empty()) CHECK(message.find(words) != std::string::npos);
}
}  // namespace

TEST_CASE("a good spec is accepted and survives a round trip through JSON") {
  auto spec = specFrom(withLayers(R"({"type": "dense", "units": 4, "weight_init": {"kind": "normal", "std": 0.2}},
      {"type": "batchnorm", "momentum": 0.8}, {"type": "activation", "fn": "elu", "alpha": 0.5},
      {"type": "dropout", "rate": 0.25}, )" +
                                      kOut,
                                  R"(, "optimizer": {"kind": "rmsprop", "learning_rate": 0.002},
      "training": {"batch_size": 32, "seed": 9}, "stats": {"histogram_bins": 20, "histogram_range": [-2, 2]})"));
  auto again = readRunSpec(toJson(spec));
  REQUIRE(again.ok());
  CHECK(toJson(*again) == toJson(spec));
  CHECK(again->layers[2].alpha == 0.5);
  CHECK(again->layers[3].rate == 0.25);
  CHECK_FALSE(again->stats.autoRange);
}

TEST_CASE("malformed JSON and wrong top-level types are rejected with a position") {
  CHECK(rejection("{\"layers\": [").find("not valid JSON") != std::string::npos);
  CHECK(rejection("").find("empty") != std::string::npos);
  CHECK(rejection("[1, 2]").find("must be a JSON object") != std::string::npos);
  CHECK(rejection("{\n  \"layers\": ]\n}").find("line 2") != std::string::npos);
}

TEST_CASE("each bad layer field is named") {
  checkRejected(std::string(kHead) + "\"layers\": []}", "layers", "between 1 and 32");
  checkRejected(std::string(kHead) + "\"layers\": 3}", "layers", "array");
  checkRejected(R"({"data": {"kind": "spiral"}})", "layers", "missing");
  checkRejected(withLayers(R"({"type": "conv"}, )" + kOut), "layers[0].type", "unknown value 'conv'");
  checkRejected(withLayers(R"({"units": 3})"), "layers[0].type", "missing");
  checkRejected(withLayers(R"({"type": "dense", "units": 0}, )" + kOut), "layers[0].units", "between 1 and 4096");
  checkRejected(withLayers(R"({"type": "dense", "units": 5000}, )" + kOut), "layers[0].units");
  checkRejected(withLayers(R"({"type": "dense", "units": 2.5}, )" + kOut), "layers[0].units", "whole number");
  checkRejected(withLayers(R"({"type": "dense", "units": "8"}, )" + kOut), "layers[0].units", "got a string");
  checkRejected(withLayers(R"({"type": "dense"}, )" + kOut), "layers[0].units", "missing");
  checkRejected(withLayers(R"({"type": "activation", "fn": "relu7"}, )" + kOut), "layers[0].fn", "unknown activation");
  checkRejected(withLayers(R"({"type": "activation"}, )" + kOut), "layers[0].fn", "missing");
  checkRejected(withLayers(R"({"type": "dropout", "rate": 1}, )" + kOut), "layers[0].rate");
  checkRejected(withLayers(R"({"type": "dropout", "rate": -0.1}, )" + kOut), "layers[0].rate");
  checkRejected(withLayers(R"({"type": "batchnorm", "eps": 0}, )" + kOut), "layers[0].eps");
  checkRejected(withLayers(R"({"type": "dense", "units": 3, "weight_init": {"kind": "glorot"}})"),
                "layers[0].weight_init.kind", "unknown initializer");
  checkRejected(withLayers(R"({"type": "dense", "units": 3, "colour": "red"})"), "layers[0].colour", "unknown setting");
  checkRejected(withLayers(R"({"type": "activation", "fn": "relu"})"), "layers[0]", "last layer must be dense");
  checkRejected(withLayers(R"(7)"), "layers[0]", "must be an object");
}

TEST_CASE("the output layer and loss must fit the data") {
  checkRejected(withLayers(R"({"type": "dense", "units": 2})"), "layers[0].units", "one unit per class: 3");
  checkRejected(withLayers(kOut, R"(, "loss": "sigmoid_binary_cross_entropy")"), "loss", "two-class");
  checkRejected(R"({"data": {"kind": "plane"}, "layers": [{"type": "dense", "units": 2}]})", "layers[0].units", "1 unit");
  checkRejected(R"({"data": {"kind": "plane"}, "layers": [{"type": "dense", "units": 1}], "loss": "softmax_cross_entropy"})",
                "loss", "classification");
  checkRejected(withLayers(kOut, R"(, "loss": "hinge")"), "loss", "unknown value");
}

TEST_CASE("each bad optimizer, training and stats field is named") {
  checkRejected(withLayers(kOut, R"(, "optimizer": {"learning_rate": 0})"), "optimizer.learning_rate");
  checkRejected(withLayers(kOut, R"(, "optimizer": {"learning_rate": -1})"), "optimizer.learning_rate");
  // JSON cannot spell infinity or NaN; an overflowing literal is a JSON error, not a silent inf.
  CHECK(rejection(withLayers(kOut, R"(, "optimizer": {"learning_rate": 1e999})")).find("near '1e999'") != std::string::npos);
  checkRejected(withLayers(kOut, R"(, "optimizer": {"learning_rate": "fast"})"), "optimizer.learning_rate");
  checkRejected(withLayers(kOut, R"(, "optimizer": {"kind": "lion"})"), "optimizer.kind");
  checkRejected(withLayers(kOut, R"(, "training": {"batch_size": 0})"), "training.batch_size");
  checkRejected(withLayers(kOut, R"(, "training": {"batch_size": 100000})"), "training.batch_size");
  checkRejected(withLayers(kOut, R"(, "training": {"seed": -1})"), "training.seed");
  checkRejected(withLayers(kOut, R"(, "training": {"epoch": 3})"), "training.epoch", "unknown setting");
  checkRejected(withLayers(kOut, R"(, "stats": {"histogram_bins": 1})"), "stats.histogram_bins");
  checkRejected(withLayers(kOut, R"(, "stats": {"histogram_range": [2, 1]})"), "stats.histogram_range");
  checkRejected(withLayers(kOut, R"(, "speed": 3)"), "speed", "unknown setting");
}

TEST_CASE("each bad data field is named") {
  checkRejected(R"({"data": {"kind": "swiss_roll"}, "layers": [{"type": "dense", "units": 2}]})", "data.kind");
  checkRejected(R"({"data": {"samples": 0}, "layers": [{"type": "dense", "units": 2}]})", "data.samples");
  checkRejected(R"({"data": {"noise": 2}, "layers": [{"type": "dense", "units": 2}]})", "data.noise");
  checkRejected(R"({"data": {"features": ["x3"]}, "layers": [{"type": "dense", "units": 2}]})", "data.features[0]",
                "unknown feature");
}
