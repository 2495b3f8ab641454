#include "run/run.h"

#include <algorithm>
#include <cmath>
#include <new>
#include "core/dropout.h"
#include "core/number_text.h"
#include "run/run_memory.h"

namespace nn {

namespace {
// What the run of `spec` on `dataset` holds (memory_budget.h).
MemoryEstimate runMemory(const RunSpec& spec, const Dataset& dataset) {
  const int examples = dataset.train.size() + dataset.validation.size() + dataset.test.size();
  return estimateRunMemory(spec, dataset.featureCount, static_cast<int>(dataset.train.targets.rows()), examples,
                           dataset.train.size());
}
}  // namespace

Expected<std::unique_ptr<Run>> Run::create(const RunSpec& spec) {
  auto dataset = makeDataset(spec.data);
  if (!dataset) return dataset.error();
  return create(spec, std::move(*dataset));
}

Expected<std::unique_ptr<Run>> Run::create(const RunSpec& spec, Dataset dataset) {
  if (auto error = checkAgainstData(spec, dataset.task, dataset.classes)) return *error;
  if (dataset.train.size() == 0)
    return Error{"data.split.train", "the training split is empty", ErrorCode::EmptyTrainSplit, {}};
  // Refused before anything is allocated: in wasm a failed allocation aborts the module.
  if (auto error = checkMemoryBudget(runMemory(spec, dataset))) return *error;
#if defined(__cpp_exceptions)
  // Natively a budget above the machine's memory can still fail: refuse the run, don't abort.
  try {
    return std::unique_ptr<Run>(new Run(spec, std::move(dataset)));
  } catch (const std::bad_alloc&) {
    return Error{"", "the engine ran out of memory building this run; nothing was changed", ErrorCode::OutOfMemory, {}};
  }
#else
  return std::unique_ptr<Run>(new Run(spec, std::move(dataset)));
#endif
}

Run::Run(const RunSpec& spec, Dataset dataset)
    : spec_(spec),
      dataset_(std::move(dataset)),
      batch_(std::min(spec.training.batchSize, dataset_.train.size())),
      optimizer_(spec.optimizer),
      batchRng_(spec.training.seed * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL) {
  network_ = std::make_unique<Network>(spec_.layers, spec_.loss, dataset_.featureCount, batch_, spec_.training.seed);
  evaluator_ = Network::withoutInitialization(spec_.layers, spec_.loss, dataset_.featureCount, kEvalChunk);
  optimizer_.bind(network_->parameters());
  for (const Parameter& parameter : network_->parameters()) weightsBefore_.push_back(*parameter.value);
  order_.resize(static_cast<size_t>(dataset_.train.size()));
  for (size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<int>(i);
  batchRng_.shuffle(order_);
  batchInput_.resize(dataset_.featureCount, batch_);
  batchTargets_.resize(dataset_.train.targets.rows(), batch_);
  evalInput_.resize(dataset_.featureCount, kEvalChunk);
  // Statistics describe a fixed sample of the first training examples (up to kEvalChunk) in
  // inference mode, not the batch: a batch of 10 through 4 units gives 40 values (a spiky
  // histogram), and a dead-unit share over 10 examples jumps from batch to batch while no weight
  // changes. The worker throttles statistics by their cost, so the larger pass on a wide network
  // only makes them arrive less often.
  const int sampleCount = std::min(kEvalChunk, dataset_.train.size());
  if (sampleCount > 0) {
    sampler_ = Network::withoutInitialization(spec_.layers, spec_.loss, dataset_.featureCount, sampleCount);
    sampleInput_ = dataset_.train.inputs.leftCols(sampleCount);
  }
  evalTargets_.resize(dataset_.train.targets.rows(), kEvalChunk);
}

double Run::epoch() const { return static_cast<double>(examplesSeen_) / static_cast<double>(dataset_.train.size()); }

// Copies the next batch_ examples of the shuffled order; reshuffles at the end
// of an epoch (an incomplete last batch is dropped so every step has batch_ columns).
void Run::fillBatch() {
  if (position_ + static_cast<size_t>(batch_) > order_.size()) {
    batchRng_.shuffle(order_);
    position_ = 0;
  }
  for (int b = 0; b < batch_; ++b) {
    const int example = order_[position_ + static_cast<size_t>(b)];
    batchInput_.col(b) = dataset_.train.inputs.col(example);
    batchTargets_.col(b) = dataset_.train.targets.col(example);
  }
  position_ += static_cast<size_t>(batch_);
}

// Fills the batch buffers with the batch the next step will take, leaving the batch order as it was.
void Run::peekBatch() {
  const BatchOrder saved = batchOrder();
  fillBatch();
  batchRng_.restore(saved.rng);
  order_ = saved.order;
  position_ = static_cast<size_t>(saved.position);
}

int Run::step(int n) {
  int done = 0;
  for (; done < n && !divergence_; ++done) {
    fillBatch();
    batchFilled_ = true;
    const long long thisStep = stepCount_ + 1;
    network_->forward(batchInput_, Mode::Training);
    lastBatchLoss_ = network_->loss(batchTargets_);
    if (!checkFinite(lastBatchLoss_)) {
      stepCount_ = thisStep;
      lastStepUpdated_ = false;
      break;
    }
    // The first layer's input gradient waits until stats() asks for it (Network::completeFirstInputGradient).
    network_->backward(batchInput_, batchTargets_, -1, false);
    if (auto bad = network_->gradientsLookFinite() ? std::nullopt : network_->findNonFiniteGradient()) {
      divergence_ = Divergence{thisStep, bad->layer, network_->layers()[bad->layer]->name(), bad->quantity,
                               explain(bad->quantity, bad->layer)};
      stepCount_ = thisStep;
      lastStepUpdated_ = false;
      break;
    }
    if (done == n - 1) {  // remember the weights before the last update, for the update-to-weight ratio
      auto& parameters = network_->parameters();
      for (size_t p = 0; p < parameters.size(); ++p) weightsBefore_[p] = *parameters[p].value;
    }
    optimizer_.step();
    lastStepUpdated_ = true;
    if (auto bad = optimizer_.firstNonFiniteState()) {  // (explain() still counts this step as the next one)
      const int layer = network_->parameterLayer()[*bad];
      divergence_ = Divergence{thisStep, layer, network_->layers()[static_cast<size_t>(layer)]->name(), "optimizer_state",
                               explain("optimizer_state", layer)};
    }
    stepCount_ = thisStep;
    examplesSeen_ += batch_;
  }
  statsFresh_ = false;
  return done;
}

bool Run::checkFinite(double loss) {
  if (network_->forwardLooksFinite(loss)) return true;  // the cheap test; below, find where it failed
  const long long thisStep = stepCount_ + 1;
  if (auto bad = network_->findNonFiniteOutput()) {
    divergence_ = Divergence{thisStep, bad->layer, network_->layers()[bad->layer]->name(), bad->quantity,
                             explain(bad->quantity, bad->layer)};
    return false;
  }
  if (!std::isfinite(loss)) {
    divergence_ = Divergence{thisStep, -1, "loss", "loss", explain("loss", -1)};
    return false;
  }
  return true;
}

std::string Run::explain(const std::string& quantity, int layer) const {
  std::string text = "Training stopped at step " + numberText(stepCount_ + 1) + ": ";
  if (quantity == "loss") {
    text += "the loss is no longer a finite number.";
  } else {
    const std::string layerName =
        "layer " + numberText(layer + 1) + " (" + network_->layers()[static_cast<size_t>(layer)]->name() + ")";
    if (quantity == "optimizer_state") {
      text += "the optimizer's running sums for " + layerName +
              " overflowed to infinity (the gradients were too large to square in float), so those weights "
              "would stop changing.";
    } else {
      text += std::string("the ") + (quantity == "output" ? "output" : "gradient") + " of " + layerName +
              " contains NaN or infinity.";
    }
  }
  if (stepCount_ == 0) {
    // Nothing has been updated yet, so the learning rate cannot be the cause.
    text +=
        " This happened before any update: the initial weights are so large that the values overflow on "
        "the way through the network. Use a smaller initialisation (e.g. He or Xavier instead of a large "
        "std), fewer layers, or batch normalisation, then reset.";
  } else {
    text += " The updates grew until the numbers overflowed (diverged): the learning rate (" +
            numberText(optimizer_.currentLearningRate()) +
            ") is probably too high for this network. Lower it, turn on gradient clipping, or add batch "
            "normalisation, then reset.";
  }
  return text;
}

void Run::syncEvaluator() { evaluator_->copyParametersFrom(*network_); }

// The evaluator must hold the current parameters (syncEvaluator()): metrics() copies them once for three splits.
SplitMetrics Run::evaluateSynced(const Split& split, Mode mode, Matrix* predictions) {
  SplitMetrics result;
  result.count = split.size();
  if (predictions) predictions->resize(evaluator_->outputSize(), result.count);
  if (result.count == 0) return result;
  double totalLoss = 0.0;
  long correct = 0;
  for (int start = 0; start < split.size(); start += kEvalChunk) {
    const int count = std::min(kEvalChunk, split.size() - start);
    evalInput_.leftCols(count) = split.inputs.middleCols(start, count);
    evalTargets_.leftCols(count) = split.targets.middleCols(start, count);
    if (count < kEvalChunk) {  // padding columns are computed but ignored by the loss
      evalInput_.rightCols(kEvalChunk - count).setZero();
      evalTargets_.rightCols(kEvalChunk - count).setZero();
    }
    evaluator_->forward(evalInput_, mode);
    totalLoss += evaluator_->loss(evalTargets_, count) * count;
    correct += evaluator_->correctCount(evalTargets_, count);
    if (predictions) predictions->middleCols(start, count) = evaluator_->predictions().leftCols(count);
  }
  result.loss = totalLoss / result.count;
  if (dataset_.task == TaskKind::Classification) result.accuracy = static_cast<double>(correct) / result.count;
  return result;
}

Metrics Run::metrics(unsigned splits) {
  Metrics m;
  m.step = stepCount_;
  m.epoch = epoch();
  m.learningRate = optimizer_.currentLearningRate();
  m.batchLoss = lastBatchLoss_;
  m.penalty = optimizer_.penaltyLoss();
  if (splits & kAllSplits) syncEvaluator();
  const auto score = [&](const Split& split, unsigned bit) {
    if (splits & bit) return evaluateSynced(split);
    SplitMetrics skipped;
    skipped.count = split.size();
    skipped.loss = std::nan("");
    skipped.accuracy = std::nan("");
    return skipped;
  };
  m.train = score(dataset_.train, kTrainSplit);
  m.validation = score(dataset_.validation, kValidationSplit);
  m.test = score(dataset_.test, kTestSplit);
  return m;
}

Expected<ThinnedEnsemble> Run::thinnedEnsemble(int count, uint64_t seed, SplitSet which) {
  if (count < 1 || count > kMaxThinnedNetworks) return rangeError("count", 1, kMaxThinnedNetworks, count);
  const Split& split = which == kTrainSplit        ? dataset_.train
                       : which == kValidationSplit ? dataset_.validation
                                                   : dataset_.test;
  const bool classification = dataset_.task == TaskKind::Classification;
  const LossKind kind = evaluator_->lossKind();
  const int n = split.size();
  const auto share = [&](long part) { return classification && n > 0 ? static_cast<double>(part) / n : std::nan(""); };

  syncEvaluator();
  ThinnedEnsemble result;
  Matrix full, thinned;
  result.full = evaluateSynced(split, Mode::Inference, &full);
  std::vector<long> fullClass(static_cast<size_t>(n));  // the full network's answers, read by every agreement
  for (int b = 0; b < n; ++b) fullClass[static_cast<size_t>(b)] = predictedClass(kind, full, b);
  Matrix sum = Matrix::Zero(full.rows(), full.cols());
  Rng rng(seed);
  for (int k = 1; k <= count; ++k) {
    for (auto& layer : evaluator_->layers())
      if (auto* dropout = dynamic_cast<Dropout*>(layer.get())) dropout->drawUnitMask(rng);
    result.thinned.push_back(evaluateSynced(split, Mode::Thinned, &thinned));
    sum += thinned;
    const Matrix average = sum / static_cast<Scalar>(k);
    const auto agreeing = [&](const Matrix& predictions) {
      long agree = 0;
      for (int b = 0; b < n; ++b) agree += predictedClass(kind, predictions, b) == fullClass[static_cast<size_t>(b)];
      return share(agree);
    };
    const auto gapToFull = [&](const Matrix& predictions) {
      return n > 0 ? static_cast<double>((predictions - full).cwiseAbs().mean()) : std::nan("");
    };
    result.thinnedAgreement.push_back(agreeing(thinned));
    result.thinnedGap.push_back(gapToFull(thinned));
    result.averageAccuracy.push_back(share(correctCount(kind, average, split.targets)));
    result.agreement.push_back(agreeing(average));
    result.gap.push_back(gapToFull(average));
  }
  return result;
}

const std::vector<LayerStats>& Run::stats() {
  if (!statsFresh_) {
    if (!batchFilled_) {
      // Nothing trained yet in this run (a new run, or one just loaded from a model file):
      // show the network on the batch the next step will take. Inference mode draws no dropout
      // masks and leaves BatchNorm's running statistics alone, so asking for statistics never
      // changes the run.
      peekBatch();
      network_->forward(batchInput_, Mode::Inference);
      network_->loss(batchTargets_);
      network_->backward(batchInput_, batchTargets_);
    }
    const bool haveBefore = batchFilled_;
    if (network_->firstInputGradientPending())  // W before the last update: what the last backward pass saw
      network_->completeFirstInputGradient(lastStepUpdated_ ? weightsBefore_[0] : *network_->parameters()[0].value);
    std::optional<ActivationSample> sample;
    if (sampler_) {  // a fixed sample of training examples in inference mode, not just the batch
      sampler_->copyParametersFrom(*network_);
      sampler_->forward(sampleInput_, Mode::Inference);
      sample = ActivationSample{sampler_.get(), &sampleInput_, static_cast<int>(sampleInput_.cols())};
    }
    stats_ = computeLayerStats(*network_, batchInput_, haveBefore ? weightsBefore_ : std::vector<Matrix>{},
                               network_->parameters(), network_->parameterLayer(), spec_.stats, sample ? &*sample : nullptr);
    statsFresh_ = true;
  }
  return stats_;
}

Status Run::evaluateGrid(int resolution, const GridBounds& bounds, Matrix& outputs, std::vector<Matrix>* neurons,
                         int maxUnitsPerLayer) {
  if (!dataset_.raw2dAvailable)
    return Error{"", "this data set is not two-dimensional, so it has no 2-D grid", ErrorCode::NotTwoDimensional, {}};
  if (resolution < 2 || resolution > 400)
    return Error{"resolution",
                 "must be between 2 and 400",
                 ErrorCode::IntegerRange,
                 {{"min", 2}, {"max", 400}, {"got", resolution}}};
  if (!(bounds.xmax > bounds.xmin) || !(bounds.ymax > bounds.ymin) || !std::isfinite(bounds.xmin) ||
      !std::isfinite(bounds.xmax) || !std::isfinite(bounds.ymin) || !std::isfinite(bounds.ymax))
    return Error{"bounds", "need xmin < xmax and ymin < ymax, all finite", ErrorCode::RangeOrder, {}};
  {
    // The grid's buffers come on top of the run's: outputs, and each layer's units when asked for.
    double values = evaluator_->outputSize();
    if (neurons)
      for (const auto& layer : evaluator_->layers())
        values += maxUnitsPerLayer > 0 ? std::min(layer->outputSize(), maxUnitsPerLayer) : layer->outputSize();
    MemoryEstimate need = runMemory(spec_, dataset_);
    need.terms.push_back({"grid", "the decision-boundary grid", values * resolution * resolution * sizeof(Scalar)});
    if (auto error = checkMemoryBudget(need)) return *error;
  }
  syncEvaluator();
  const int points = resolution * resolution;
  outputs.resize(evaluator_->outputSize(), points);
  const auto& layers = evaluator_->layers();
  if (neurons) {
    neurons->resize(layers.size());
    for (size_t l = 0; l < layers.size(); ++l) {
      const int units = layers[l]->outputSize();
      (*neurons)[l].resize(maxUnitsPerLayer > 0 ? std::min(units, maxUnitsPerLayer) : units, points);
    }
  }
  Matrix raw(2, kEvalChunk);
  for (int start = 0; start < points; start += kEvalChunk) {
    const int count = std::min(kEvalChunk, points - start);
    raw.setZero();
    for (int k = 0; k < count; ++k) {
      const int index = start + k, row = index / resolution, col = index % resolution;
      raw(0, k) = static_cast<Scalar>(bounds.xmin + (bounds.xmax - bounds.xmin) * col / (resolution - 1));
      raw(1, k) = static_cast<Scalar>(bounds.ymax - (bounds.ymax - bounds.ymin) * row / (resolution - 1));
    }
    prepareInputs(dataset_, raw, evalInput_);
    evaluator_->forward(evalInput_, Mode::Inference);
    evaluator_->loss(evalTargets_, 0);  // fills predictions (probabilities); the loss value is unused
    outputs.middleCols(start, count) = evaluator_->predictions().leftCols(count);
    if (neurons)
      for (size_t l = 0; l < layers.size(); ++l)
        (*neurons)[l].middleCols(start, count) = layers[l]->output().topLeftCorner((*neurons)[l].rows(), count);
  }
  return std::nullopt;
}

void Run::restoreStepCount(long long steps) {
  stepCount_ = std::max(0LL, steps);
  examplesSeen_ = stepCount_ * batch_;
  statsFresh_ = false;
}

BatchOrder Run::batchOrder() const {
  return BatchOrder{batchRng_.state(), order_, static_cast<long long>(position_), examplesSeen_};
}

Status Run::restoreBatchOrder(const BatchOrder& batchOrder) {
  const size_t n = order_.size();
  if (batchOrder.order.size() != n)
    return Error{"order",
                 "must list each of the " + std::to_string(n) + " training examples once",
                 ErrorCode::ResumeState,
                 {}};
  std::vector<bool> seen(n, false);
  for (int example : batchOrder.order) {
    if (example < 0 || static_cast<size_t>(example) >= n || seen[static_cast<size_t>(example)])
      return Error{"order",
                   "must list each of the " + std::to_string(n) + " training examples once",
                   ErrorCode::ResumeState,
                   {}};
    seen[static_cast<size_t>(example)] = true;
  }
  if (batchOrder.position < 0 || static_cast<size_t>(batchOrder.position) > n)
    return rangeError("position", 0LL, static_cast<long long>(n), batchOrder.position);
  if (batchOrder.examplesSeen < 0) return Error{"examples_seen", "must be at least 0", ErrorCode::ResumeState, {}};
  batchRng_.restore(batchOrder.rng);
  order_ = batchOrder.order;
  position_ = static_cast<size_t>(batchOrder.position);
  examplesSeen_ = batchOrder.examplesSeen;
  statsFresh_ = false;
  return std::nullopt;
}

Status Run::setOptimizer(const OptimizerConfig& config) {
  if (auto error = validate(config, "optimizer")) return error;
  optimizer_.setConfig(config);
  spec_.optimizer = config;
  return std::nullopt;
}

}  // namespace nn
