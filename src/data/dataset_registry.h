// The registry of data sets: which exist, their names, their task, whether they read the spec's
// "classes", and the generator of the 2-D ones. generatePoints() and taskOf() read it;
// engine.catalog() hands it to the page (the data buttons, the classes field, the task).
// Adding a 2-D data set is one entry, with its generator, in dataset_registry.cpp (plus its label
// in the page's string tables).
#pragma once
#include "core/registry.h"
#include "core/rng.h"
#include "core/types.h"

namespace nn {

struct DataConfig;

// Fills raw (2, samples) and targets (1, samples), both already zeroed to that shape.
using PointGenerator = void (*)(const DataConfig& config, Rng& rng, Matrix& raw, Matrix& targets);

struct DatasetDefinition {
  const char* name;         // spec name (data.kind), and the page's key for its label
  bool classification;      // false: regression targets
  bool readsClasses;        // the number of classes is the spec's data.classes (else 2, or the labels')
  PointGenerator generate;  // nullptr: not generated ("idx" reads image files)
};

// Every data set, in the order of the page's data buttons.
Registry<DatasetDefinition> datasetRegistry();

}  // namespace nn
