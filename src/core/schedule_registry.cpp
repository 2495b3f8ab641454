// The learning-rate schedules, one entry each, with their functions beside them.
#include "schedule_registry.h"

#include <algorithm>
#include <cmath>
#include "optimizer.h"

namespace nn {

namespace {

double constantRate(const ScheduleConfig&, double baseLearningRate, double) { return baseLearningRate; }

// lr * gamma^floor(t / stepSize)
double stepRate(const ScheduleConfig& schedule, double baseLearningRate, double steps) {
  return baseLearningRate * std::pow(schedule.gamma, std::floor(steps / schedule.stepSize));
}

// lr * gamma^(t / decaySteps)
double exponentialRate(const ScheduleConfig& schedule, double baseLearningRate, double steps) {
  return baseLearningRate * std::pow(schedule.gamma, steps / schedule.decaySteps);
}

// min + (lr - min) * (1 + cos(pi * min(t, T) / T)) / 2: half a cosine from lr down to min, then flat
double cosineRate(const ScheduleConfig& schedule, double baseLearningRate, double steps) {
  const double T = schedule.totalSteps;
  const double progress = std::min(steps, T) / T;
  const double pi = 3.14159265358979323846;
  return schedule.minLearningRate + (baseLearningRate - schedule.minLearningRate) * (1.0 + std::cos(pi * progress)) / 2.0;
}

// In ScheduleKind order (scheduleDefinition() indexes it by kind; a unit test checks the order).
const ScheduleDefinition kSchedules[] = {
    {ScheduleKind::Constant, "constant", "\\eta_t = \\eta", {nullptr}, constantRate},
    {ScheduleKind::Step,
     "step",
     "\\eta_t = \\eta\\,\\gamma^{\\lfloor t / s \\rfloor}",
     {"step_size", "gamma", nullptr},
     stepRate},
    {ScheduleKind::Exponential,
     "exponential",
     "\\eta_t = \\eta\\,\\gamma^{t / d}",
     {"gamma", "decay_steps", nullptr},
     exponentialRate},
    {ScheduleKind::Cosine,
     "cosine",
     "\\eta_t = \\eta_{min} + (\\eta - \\eta_{min})\\,\\frac{1 + \\cos(\\pi \\min(t, T) / T)}{2}",
     {"total_steps", "min_learning_rate", nullptr},
     cosineRate},
};

constexpr double kMaxSteps = 100000000;
const CatalogParameter kScheduleParameters[] = {
    {"step_size", "integer", 100, 1, kMaxSteps},     {"decay_steps", "integer", 100, 1, kMaxSteps},
    {"total_steps", "integer", 1000, 1, kMaxSteps},  {"gamma", "number", 0.5, 0.0, 1.0, true, false},
    {"min_learning_rate", "number", 0.0, 0.0, 10.0},  // and at most the learning rate
};

}  // namespace

Registry<ScheduleDefinition> scheduleRegistry() { return kSchedules; }
const ScheduleDefinition& scheduleDefinition(ScheduleKind kind) { return kSchedules[static_cast<int>(kind)]; }
Registry<CatalogParameter> scheduleParameters() { return kScheduleParameters; }

}  // namespace nn
