// One numeric parameter of a registry entry (an activation's alpha, an optimizer's beta1, ...):
// what engine.catalog() tells the page about it, and what the engine checks a spec against.
#pragma once

namespace nn {

struct CatalogParameter {
  const char* name;     // the spec key, e.g. "alpha", "beta1", "step_size"
  const char* type;     // "number", "integer" or "boolean"
  double defaultValue;  // booleans: 0 or 1
  double min;           // allowed range; minExclusive/maxExclusive say whether the bound itself is allowed
  double max;
  bool minExclusive = false;
  bool maxExclusive = false;
};

}  // namespace nn
