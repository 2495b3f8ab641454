// Trains a network on a data set: batches, steps, evaluation, divergence, stats.
//
// The run owns two copies of the network: `network_` trains with a fixed
// batch size (its buffers keep the last batch for the statistics), and
// `evaluator_` evaluates splits and grids in large chunks, after the current
// parameters have been copied into it. So evaluating never disturbs training
// and a training step never allocates.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include "core/network.h"
#include "core/optimizer.h"
#include "core/stats.h"
#include "run/run_spec.h"

namespace nn {

struct SplitMetrics {
  double loss = 0.0;
  double accuracy = kNotApplicable;  // NaN for regression
  int count = 0;
};

struct Metrics {
  long long step = 0;
  double epoch = 0.0;  // fractional: examples seen / training examples
  double learningRate = 0.0;
  double batchLoss = 0.0;                // loss of the last training batch (without penalty terms)
  SplitMetrics train, validation, test;  // data losses, without penalty terms
  // l1*|W|_1 + l2/2*|W|^2 of the current weights: the optimizer minimises the data loss plus this.
  double penalty = 0.0;
};

struct Divergence {
  long long step = 0;     // the step (1-based) whose loss or gradients were not finite
  int layer = -1;         // layer index, -1 for the loss
  std::string layerName;  // "Dense 16", or "loss"
  std::string quantity;   // "loss", "output", "gradient", "optimizer_state"
  std::string message;    // an explanation for the learner
};

// Where the batch order stands: with the optimizer's state and the dropout generator, what a model
// file needs so that a loaded run takes the very batches the saved run would have taken next.
struct BatchOrder {
  RngState rng;            // the generator that reshuffles at each epoch's end
  std::vector<int> order;  // this epoch's permutation of the training examples
  long long position = 0;  // next index into order
  long long examplesSeen = 0;
};

// Dropout seen as an ensemble: thinned networks of the trained network (each with its own dropout
// mask, the same for every example), their averaged predictions, and the whole network.
struct ThinnedEnsemble {
  SplitMetrics full;                  // the whole network: dropout off, what metrics() reports
  std::vector<SplitMetrics> thinned;  // each thinned network alone
  std::vector<double>
      thinnedAgreement;            // each thinned network alone: share of examples where it picks the full network's class
  std::vector<double> thinnedGap;  // each thinned network alone: mean |its prediction - full network| over every value
  std::vector<double> averageAccuracy;  // [k - 1]: the first k thinned networks' predictions averaged
  std::vector<double> agreement;        // [k - 1]: share of examples where that average picks the full network's class
  std::vector<double> gap;              // [k - 1]: mean |average - full network| over every prediction value
};

// At most this many thinned networks in one call (each is one pass over the split).
constexpr int kMaxThinnedNetworks = 256;

struct GridBounds {
  double xmin = -6, xmax = 6, ymin = -6, ymax = 6;
};

class Run {
 public:
  // Generates/loads the data of spec.data and builds the network.
  static Expected<std::unique_ptr<Run>> create(const RunSpec& spec);
  // With data prepared elsewhere (tests, uploaded images).
  static Expected<std::unique_ptr<Run>> create(const RunSpec& spec, Dataset dataset);

  // Runs up to n mini-batch steps; returns how many ran (fewer if training diverged).
  int step(int n);
  const std::optional<Divergence>& divergence() const { return divergence_; }

  // Which splits metrics() scores, one bit each. A split left out costs nothing and comes back with
  // its count and NaN loss and accuracy (the lab's charts read one or two splits per epoch).
  enum SplitSet : unsigned { kTrainSplit = 1, kValidationSplit = 2, kTestSplit = 4, kAllSplits = 7 };
  Metrics metrics(unsigned splits = kAllSplits);  // evaluates the splits with the current parameters
  const std::vector<LayerStats>& stats();         // per-layer statistics of the last training step

  // `count` thinned networks of the current parameters scored on one split (kTrainSplit,
  // kValidationSplit or kTestSplit); their masks come from a generator seeded with `seed`, so the same
  // seed gives the same networks. A network without dropout layers gives `count` copies of itself.
  Expected<ThinnedEnsemble> thinnedEnsemble(int count, uint64_t seed, SplitSet split);

  // Network outputs on a resolution x resolution grid over raw 2-D coordinates,
  // row by row from (xmin, ymax) to (xmax, ymin). outputs: (outputUnits, R*R).
  // neurons (if not null): one (units, R*R) matrix per layer output, keeping
  // only the first maxUnitsPerLayer units of each layer when that is > 0.
  Status evaluateGrid(int resolution, const GridBounds& bounds, Matrix& outputs, std::vector<Matrix>* neurons,
                      int maxUnitsPerLayer = 0);

  // A model file's "trained_steps": the imported run continues counting from there.
  void restoreStepCount(long long steps);
  BatchOrder batchOrder() const;
  // Checks that order is a permutation of the training examples and position lies in it.
  Status restoreBatchOrder(const BatchOrder& batchOrder);
  void restoreLastBatchLoss(double loss) { lastBatchLoss_ = loss; }
  Optimizer& optimizer() { return optimizer_; }

  // Replaces the optimizer's hyper-parameters; weights and optimizer state are kept.
  Status setOptimizer(const OptimizerConfig& config);

  Network& network() { return *network_; }
  const Dataset& dataset() const { return dataset_; }
  const RunSpec& spec() const { return spec_; }
  const Optimizer& optimizer() const { return optimizer_; }
  long long stepCount() const { return stepCount_; }
  double epoch() const;
  double lastBatchLoss() const { return lastBatchLoss_; }
  int batchSize() const { return batch_; }

  // Called after parameters were replaced from outside (model import, setParameter).
  void parametersChanged() { statsFresh_ = false; }

 private:
  Run(const RunSpec& spec, Dataset dataset);
  void fillBatch();
  void peekBatch();
  void syncEvaluator();
  // Loss and accuracy on one split, evaluator already synced; predictions (if not null): (outputs, split size).
  SplitMetrics evaluateSynced(const Split& split, Mode mode = Mode::Inference, Matrix* predictions = nullptr);
  bool checkFinite(double loss);
  std::string explain(const std::string& quantity, int layer) const;

  RunSpec spec_;
  Dataset dataset_;
  int batch_;                           // examples per step
  std::unique_ptr<Network> network_;    // trains; batch_ columns
  std::unique_ptr<Network> evaluator_;  // evaluates; kEvalChunk columns
  std::unique_ptr<Network> sampler_;    // statistics sample (histograms, dead units); null without training data
  Matrix sampleInput_;                  // (features, sample): the first training examples
  Optimizer optimizer_;
  Rng batchRng_;
  std::vector<int> order_;  // permutation of the training examples for this epoch
  size_t position_ = 0;     // next index into order_
  long long stepCount_ = 0;
  long long examplesSeen_ = 0;
  double lastBatchLoss_ = 0.0;
  Matrix batchInput_;                  // (features, batch_)
  Matrix batchTargets_;                // (1, batch_)
  Matrix evalInput_;                   // (features, kEvalChunk)
  Matrix evalTargets_;                 // (1, kEvalChunk)
  std::vector<Matrix> weightsBefore_;  // aligned with parameters: values before the last update
  bool lastStepUpdated_ = false;       // the last backward pass was followed by an update (weightsBefore_ holds its W)
  std::vector<LayerStats> stats_;
  bool statsFresh_ = false;
  bool batchFilled_ = false;  // a step has been taken in this run (batchInput_, weightsBefore_ are valid)
  std::optional<Divergence> divergence_;
};

}  // namespace nn
