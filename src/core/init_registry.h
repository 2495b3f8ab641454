// The registry of weight initializers: which exist, their names, the parameters each reads (with
// type, range and default), their formula in TeX and the scale they draw with.
//
// initialize() and initScale() (init.h) read an entry; the spec reader looks names up here;
// engine.catalog() hands the entries to the page (the selects, the field of the kinds with a
// parameter, the formula panel). Adding an initializer is one enumerator below and one entry in
// init_registry.cpp (plus its label and note in the page's string tables).
#pragma once
#include <string>
#include "catalog_parameter.h"
#include "registry.h"

namespace nn {

struct InitConfig;

// The order of the registry's table, which is the order of the page's selects.
enum class InitKind { Zeros, Constant, Normal, Uniform, XavierNormal, XavierUniform, HeNormal, HeUniform, LecunNormal };

// How an initializer draws each value: 0, its constant, N(mean, scale^2) or U(-scale, scale).
enum class InitDistribution { Zero, Constant, Normal, Uniform };

// The standard deviation (normal) or limit (uniform) for this fan-in / fan-out.
using InitScale = double (*)(const InitConfig& config, int fanIn, int fanOut);

constexpr int kMaxInitParameters = 2;

struct InitDefinition {
  InitKind kind;
  const char* name;  // spec name, and the page's key for its label and note
  const char* tex;   // the distribution, as the page typesets it (n_in = fan-in, n_out = fan-out)
  // The spec keys it reads (the first one is the one the page's builder offers); unused slots have no name.
  CatalogParameter parameters[kMaxInitParameters];
  InitDistribution distribution;
  InitScale scale;
};

// Every initializer, in InitKind order.
Registry<InitDefinition> initRegistry();
const InitDefinition& initDefinition(InitKind kind);

}  // namespace nn
