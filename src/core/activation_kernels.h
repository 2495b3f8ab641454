// Vectorised float forward and backward passes of the activations built on exp
// (sigmoid, tanh, ELU, GELU, SiLU, softmax), on the functions of fast_math.h.
//
// activate() and activationBackward() (activation.cpp) try these first in the
// float builds; their switch statements stay the reference formulas, which the
// double build (the gradient checks) runs and the tests compare these against.
#pragma once
#include "activation.h"
#include "types.h"

namespace nn {

// a = f(z) for the kinds above, a already shaped like z. Returns false (and does
// nothing) for other kinds and in the double build.
bool activateVectorised(ActivationKind kind, Scalar alpha, const Matrix& z, Matrix& a);

// dZ = dA * f'(z), dZ already shaped like z. Returns false for kinds without a vectorised
// backward pass (softmax's is a dot product per column; ReLU's family needs no exp) and in the double build.
bool activationBackwardVectorised(ActivationKind kind, Scalar alpha, const Matrix& z, const Matrix& a,
                                  const Matrix& dA, Matrix& dZ);

}  // namespace nn
