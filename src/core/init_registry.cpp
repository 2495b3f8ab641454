// The weight initializers, one entry each.
#include "init_registry.h"

#include <algorithm>
#include <cmath>
#include "init.h"

namespace nn {

namespace {

double noScale(const InitConfig&, int, int) { return 0.0; }
double givenStd(const InitConfig& c, int, int) { return c.std; }
double givenLimit(const InitConfig& c, int, int) { return c.limit; }
double fanIn(int in) { return std::max(in, 1); }
double fanInOut(int in, int out) { return std::max(in + out, 1); }
double xavierNormal(const InitConfig&, int in, int out) { return std::sqrt(2.0 / fanInOut(in, out)); }
double xavierUniform(const InitConfig&, int in, int out) { return std::sqrt(6.0 / fanInOut(in, out)); }
double heNormal(const InitConfig&, int in, int) { return std::sqrt(2.0 / fanIn(in)); }
double heUniform(const InitConfig&, int in, int) { return std::sqrt(6.0 / fanIn(in)); }
double lecunNormal(const InitConfig&, int in, int) { return std::sqrt(1.0 / fanIn(in)); }

// The ranges the spec reader accepts (init.cpp).
constexpr CatalogParameter kValue = {"value", "number", 0.0, -100.0, 100.0};
constexpr CatalogParameter kStd = {"std", "number", 0.01, 0.0, 100.0};
constexpr CatalogParameter kMean = {"mean", "number", 0.0, -100.0, 100.0};
constexpr CatalogParameter kLimit = {"limit", "number", 0.05, 0.0, 100.0};

// In InitKind order (initDefinition() indexes it by kind; a unit test checks the order).
const InitDefinition kInitializers[] = {
    {InitKind::Zeros, "zeros", "W = 0", {}, InitDistribution::Zero, noScale},
    {InitKind::Constant, "constant", "W = c", {kValue}, InitDistribution::Constant, noScale},
    {InitKind::Normal, "normal", "W \\sim \\mathcal{N}(0, \\sigma^2)", {kStd, kMean}, InitDistribution::Normal, givenStd},
    {InitKind::Uniform, "uniform", "W \\sim \\mathcal{U}(-a, a)", {kLimit}, InitDistribution::Uniform, givenLimit},
    {InitKind::XavierNormal,
     "xavier_normal",
     "W \\sim \\mathcal{N}\\Bigl(0, \\frac{2}{n_{in}+n_{out}}\\Bigr)",
     {},
     InitDistribution::Normal,
     xavierNormal},
    {InitKind::XavierUniform,
     "xavier_uniform",
     "W \\sim \\mathcal{U}\\Bigl(\\pm\\sqrt{\\frac{6}{n_{in}+n_{out}}}\\Bigr)",
     {},
     InitDistribution::Uniform,
     xavierUniform},
    {InitKind::HeNormal,
     "he_normal",
     "W \\sim \\mathcal{N}\\Bigl(0, \\frac{2}{n_{in}}\\Bigr)",
     {},
     InitDistribution::Normal,
     heNormal},
    {InitKind::HeUniform,
     "he_uniform",
     "W \\sim \\mathcal{U}\\Bigl(\\pm\\sqrt{\\frac{6}{n_{in}}}\\Bigr)",
     {},
     InitDistribution::Uniform,
     heUniform},
    {InitKind::LecunNormal,
     "lecun_normal",
     "W \\sim \\mathcal{N}\\Bigl(0, \\frac{1}{n_{in}}\\Bigr)",
     {},
     InitDistribution::Normal,
     lecunNormal},
};

}  // namespace

Registry<InitDefinition> initRegistry() { return kInitializers; }
const InitDefinition& initDefinition(InitKind kind) { return kInitializers[static_cast<int>(kind)]; }

}  // namespace nn
