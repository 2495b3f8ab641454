// The registry of activations: the one place that says which activations exist, what they are
// called, what they take, how the page writes them (TeX) and how they are computed.
//
// Everything else reads it: activate()/activationBackward() call an entry's functions, the spec
// reader looks names up here, engine.catalog() hands the entries to the page (selects, formula
// panels), and the gradient checks run over every entry. Adding an activation is one enumerator
// below and one entry, with its functions, in activation_registry.cpp (plus its translated label
// and note in the page's string tables).
#pragma once
#include <optional>
#include <string>
#include "catalog_parameter.h"
#include "registry.h"
#include "types.h"

namespace nn {

// The order of the registry's table (activation_registry.cpp), which is the order of the page's select.
enum class ActivationKind { Linear, Sigmoid, Tanh, Relu, LeakyRelu, Prelu, Elu, Softmax, Gelu, Silu, Softplus };

// a = f(z); alpha is the layer's (units, 1) column (PReLU reads one per unit, the others alpha(0)).
// a is already shaped like z.
using ActivationForward = void (*)(const Vector& alpha, const Matrix& z, Matrix& a);
// dZ = dA * f'(z) from the forward pass's z and a; dZ is already shaped like z.
using ActivationBackward = void (*)(const Vector& alpha, const Matrix& z, const Matrix& a, const Matrix& dA, Matrix& dZ);

struct ActivationDefinition {
  ActivationKind kind;
  const char* name;         // spec name ("leaky_relu"), and the page's key for its label and note
  const char* displayName;  // in layer summaries ("Leaky ReLU")
  const char* formulaTex;   // f(x), as the page typesets it
  const char* derivativeTex;
  std::optional<CatalogParameter> alpha;  // the slope or scale the spec's "alpha" sets, if the kind reads one
  bool alphaPerUnit;                      // PReLU: alpha is learned, one per unit
  bool elementwise;        // false for softmax, which couples the units of a column: offered only as an output
  bool reluFamily;         // units can "die" (a zero or tiny slope below 0): the dead-unit statistics apply
  bool squashesNonFinite;  // can turn a NaN or infinity into a finite value (the per-step finiteness check)
  // The fastest form of the build: vectorised float kernels where there are any, the std:: reference
  // formulas in the double build (gradient checks).
  ActivationForward forward;
  ActivationBackward backward;
};

// Every activation, in ActivationKind order.
Registry<ActivationDefinition> activationRegistry();
const ActivationDefinition& activationDefinition(ActivationKind kind);

}  // namespace nn
