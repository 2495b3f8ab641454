// Activation functions and their derivatives, element by element (softmax by column). Which
// activations exist, and their math, is in activation_registry.h.
#pragma once
#include <string>
#include "activation_registry.h"
#include "expected.h"
#include "types.h"

namespace nn {

const char* toString(ActivationKind kind);  // the registry's spec name: "linear", "sigmoid", ..., "leaky_relu"
Expected<ActivationKind> parseActivationKind(const std::string& name);
double defaultAlpha(ActivationKind kind);  // the registry's alpha default (leaky_relu 0.01, ...), 0 without one
bool isReluFamily(ActivationKind kind);    // units can "die"

// a = f(z). `alpha` is a (units, 1) column (PReLU learns one per unit; the
// other kinds read alpha(0)). z and a have shape (units, batch); a is resized
// only if its shape differs.
void activate(ActivationKind kind, const Vector& alpha, const Matrix& z, Matrix& a);

// dZ = dA * f'(z) (softmax: dZ = a * (dA - sum_over_column(a * dA))), using
// the z and a of the forward pass.
void activationBackward(ActivationKind kind, const Vector& alpha, const Matrix& z, const Matrix& a, const Matrix& dA,
                        Matrix& dZ);

// f'(z) element by element (not softmax): activationBackward with dL/da = 1, so exactly the factors
// backpropagation multiplies by (the chain-rule statistics, the lab's activation curves).
void activationDerivative(ActivationKind kind, const Vector& alpha, const Matrix& z, const Matrix& a, Matrix& derivative);

// Scalar versions, used by the loss for the fused output functions and by tests.
Scalar sigmoid(Scalar x);
Scalar softplus(Scalar x);  // log(1 + e^x), stable for large |x|

}  // namespace nn
