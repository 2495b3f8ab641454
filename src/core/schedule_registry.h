// The registry of learning-rate schedules: which exist, their names, the parameters each reads
// (with type, range and default), their formula in TeX and the function that computes the rate.
//
// scheduledLearningRate() calls an entry's function; the spec reader looks names up here; validate()
// checks the parameters against this table; engine.catalog() hands it to the page (the select, the
// relevant fields and their ranges). Adding a schedule is one enumerator below and one entry, with
// its function, in schedule_registry.cpp (plus its label in the page's string tables).
#pragma once
#include <string>
#include "catalog_parameter.h"
#include "registry.h"

namespace nn {

struct ScheduleConfig;

// The order of the registry's table, which is the order of the page's select.
enum class ScheduleKind { Constant, Step, Exponential, Cosine };

// The learning rate after `steps` steps (>= 0) from the base rate.
using ScheduleFunction = double (*)(const ScheduleConfig& schedule, double baseLearningRate, double steps);

constexpr int kMaxScheduleReads = 3;

struct ScheduleDefinition {
  ScheduleKind kind;
  const char* name;                      // spec name, and the page's key for its label
  const char* tex;                       // eta_t as a function of the step t and the base rate eta
  const char* reads[kMaxScheduleReads];  // its parameters of scheduleParameters(); nullptr-terminated
  ScheduleFunction learningRate;
};

// Every schedule, in ScheduleKind order.
Registry<ScheduleDefinition> scheduleRegistry();
const ScheduleDefinition& scheduleDefinition(ScheduleKind kind);
inline bool reads(const ScheduleDefinition& schedule, const char* parameter) { return listsName(schedule.reads, parameter); }

// Every schedule parameter, in the order validate() checks them. min_learning_rate's upper bound
// is also the run's learning rate, which validate() checks on its own.
Registry<CatalogParameter> scheduleParameters();

}  // namespace nn
