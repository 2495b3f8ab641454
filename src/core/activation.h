// Activation functions and their derivatives, element by element (softmax by column).
#pragma once
#include <string>
#include "expected.h"
#include "types.h"

namespace nn {

enum class ActivationKind { Linear, Sigmoid, Tanh, Relu, LeakyRelu, Prelu, Elu, Softmax, Gelu, Silu };

const char* toString(ActivationKind kind);  // spec names: "linear", "sigmoid", ..., "leaky_relu", "gelu", "silu"
Expected<ActivationKind> parseActivationKind(const std::string& name);
double defaultAlpha(ActivationKind kind);  // leaky_relu 0.01, prelu 0.25 (initial), elu 1.0, others 0
bool isReluFamily(ActivationKind kind);    // relu, leaky_relu, prelu, elu: units can "die"

// a = f(z). `alpha` is a (units, 1) column (PReLU learns one per unit; the
// other kinds read alpha(0)). z and a have shape (units, batch); a is resized
// only if its shape differs.
void activate(ActivationKind kind, const Vector& alpha, const Matrix& z, Matrix& a);

// dZ = dA * f'(z) (softmax: dZ = a * (dA - sum_over_column(a * dA))), using
// the z and a of the forward pass.
void activationBackward(ActivationKind kind, const Vector& alpha, const Matrix& z, const Matrix& a, const Matrix& dA,
                        Matrix& dZ);

// Scalar versions, used by the loss for the fused output functions and by tests.
Scalar sigmoid(Scalar x);
Scalar softplus(Scalar x);  // log(1 + e^x), stable for large |x|

}  // namespace nn
