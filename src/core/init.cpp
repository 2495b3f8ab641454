#include "init.h"

#include <cmath>

namespace nn {

namespace {
constexpr InitKind kAllKinds[] = {InitKind::Zeros,        InitKind::Constant,      InitKind::Normal,
                                  InitKind::Uniform,      InitKind::XavierNormal,  InitKind::XavierUniform,
                                  InitKind::HeNormal,     InitKind::HeUniform,     InitKind::LecunNormal};
bool isNormal(InitKind kind) {
  return kind == InitKind::Normal || kind == InitKind::XavierNormal || kind == InitKind::HeNormal ||
         kind == InitKind::LecunNormal;
}
}  // namespace

const char* toString(InitKind kind) {
  switch (kind) {
    case InitKind::Zeros: return "zeros";
    case InitKind::Constant: return "constant";
    case InitKind::Normal: return "normal";
    case InitKind::Uniform: return "uniform";
    case InitKind::XavierNormal: return "xavier_normal";
    case InitKind::XavierUniform: return "xavier_uniform";
    case InitKind::HeNormal: return "he_normal";
    case InitKind::HeUniform: return "he_uniform";
    case InitKind::LecunNormal: return "lecun_normal";
  }
  return "zeros";
}

Expected<InitKind> parseInitKind(const std::string& name) {
  for (InitKind kind : kAllKinds)
    if (name == toString(kind)) return kind;
  const std::string allowed =
      "zeros, constant, normal, uniform, xavier_normal, xavier_uniform, he_normal, he_uniform, lecun_normal";
  return Error{"", "unknown initializer '" + name.substr(0, 40) + "' (expected one of: " + allowed + ")",
               ErrorCode::Choice, {{"got", name.substr(0, 40)}, {"allowed", allowed}}};
}

double initScale(const InitConfig& config, int fanIn, int fanOut) {
  const double in = std::max(fanIn, 1), inOut = std::max(fanIn + fanOut, 1);
  switch (config.kind) {
    case InitKind::Zeros: return 0.0;
    case InitKind::Constant: return 0.0;
    case InitKind::Normal: return config.std;
    case InitKind::Uniform: return config.limit;
    case InitKind::XavierNormal: return std::sqrt(2.0 / inOut);
    case InitKind::XavierUniform: return std::sqrt(6.0 / inOut);
    case InitKind::HeNormal: return std::sqrt(2.0 / in);
    case InitKind::HeUniform: return std::sqrt(6.0 / in);
    case InitKind::LecunNormal: return std::sqrt(1.0 / in);
  }
  return 0.0;
}

void initialize(Matrix& values, const InitConfig& config, int fanIn, int fanOut, Rng& rng) {
  const double scale = initScale(config, fanIn, fanOut);
  for (Eigen::Index i = 0; i < values.size(); ++i) {
    double x;
    if (config.kind == InitKind::Zeros) {
      x = 0.0;
    } else if (config.kind == InitKind::Constant) {
      x = config.value;
    } else if (isNormal(config.kind)) {
      x = (config.kind == InitKind::Normal ? config.mean : 0.0) + scale * rng.normal();
    } else {
      x = rng.uniform(-scale, scale);
    }
    values(i) = static_cast<Scalar>(x);
  }
}

}  // namespace nn
