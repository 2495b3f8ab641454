// Stable codes of the engine's errors: the page words each error in the learner's language
// from its code and parameters (web/js/i18n: "engine.<code>"); the CLI prints the English message.
//
// A new code goes into this list only: errorCodeName() and allErrorCodes() follow from it, and a
// test checks that every code has an English and a Korean text.
#pragma once
#include <vector>

namespace nn {

// X(enumerator, "code"). The table is aligned by hand (a code, then its parameters), so the
// formatter leaves it alone.
// clang-format off
#define NN_ERROR_CODES(X)                                                                              \
  X(Invalid, "invalid")                 /* generic: the English message is all there is */            \
  X(NotObject, "not_object")            /* params: type */                                            \
  X(WrongType, "type")                  /* params: expected (a type id), type (the one given) */      \
  X(Range, "range")                     /* params: min, max, got */                                   \
  X(PositiveRange, "positive_range")    /* params: max, got */                                        \
  X(Fraction, "fraction")               /* params: got (must be 0 <= x < 1) */                        \
  X(WholeNumber, "whole_number")        /* params: got */                                             \
  X(IntegerRange, "integer_range")      /* params: min, max, got */                                   \
  X(Choice, "choice")                   /* params: got, allowed */                                    \
  X(UnknownKey, "unknown_key")                                                                        \
  X(Missing, "missing")                                                                               \
  X(Parse, "parse")                     /* params: what, line, column */                              \
  X(Empty, "empty")                     /* params: what */                                            \
  X(TooLarge, "too_large")              /* params: what, bytes, max */                                \
  X(TooDeep, "too_deep")                /* params: what, max */                                       \
  X(NotFinite, "not_finite")            /* params: index */                                           \
  X(MustBeFinite, "must_be_finite")                                                                   \
  X(Count, "count")                     /* params: expected, got */                                   \
  X(Shape, "shape")                     /* params: rows, cols */                                      \
  X(NotModel, "not_model")                                                                            \
  X(ModelVersion, "model_version")      /* params: supported */                                       \
  X(LayerCount, "layer_count")          /* params: max, got */                                        \
  X(LastLayerDense, "last_layer_dense")                                                               \
  X(DropAll, "drop_all")                                                                              \
  X(HistogramRange, "histogram_range")                                                                \
  X(HistogramNarrow, "histogram_narrow")                                                              \
  X(HistogramWide, "histogram_wide")                                                                  \
  X(PerFeature, "per_feature")          /* params: features */                                        \
  X(PerFeatureValues, "per_feature_values")                                                           \
  X(PerFeatureNonZero, "per_feature_nonzero")                                                         \
  X(NoFeatures, "no_features")                                                                        \
  X(UnknownFeature, "unknown_feature")  /* params: got, allowed */                                    \
  X(DuplicateFeature, "duplicate_feature") /* params: got */                                          \
  X(EmptyTrainSplit, "empty_train_split")                                                             \
  X(SplitSum, "split_sum")              /* params: got */                                             \
  X(LossNeedsClasses, "loss_needs_classes")                                                           \
  X(LossNeedsTwoClasses, "loss_needs_two_classes") /* params: classes */                              \
  X(OutputUnits, "output_units")        /* params: expected, got */                                   \
  X(MseOutputUnits, "mse_output_units") /* params: classes, got */                                    \
  X(SoftmaxCurve, "softmax_curve")                                                                    \
  X(RangeOrder, "range_order")                                                                        \
  X(NotTwoDimensional, "not_2d")                                                                      \
  X(NoParameter, "no_parameter")                                                                      \
  X(CannotOpen, "cannot_open")          /* params: path */                                            \
  /* IDX files; params: what ("image" or "label") and: */                                            \
  X(IdxGzip, "idx_gzip")                                                                              \
  X(IdxShort, "idx_short")              /* bytes */                                                   \
  X(IdxMagic, "idx_magic")                                                                            \
  X(IdxType, "idx_type")                /* data_type */                                                   \
  X(IdxDimensions, "idx_dimensions")    /* got, expected */                                           \
  X(IdxHeader, "idx_header")                                                                          \
  X(IdxCount, "idx_count")              /* got, max */                                                \
  X(IdxTruncated, "idx_truncated")      /* expected, bytes */                                         \
  X(IdxTrailing, "idx_trailing")        /* bytes */                                                   \
  X(IdxSide, "idx_side")                /* rows, cols, max */                                         \
  X(IdxPixels, "idx_pixels")                                                                          \
  X(IdxLimit, "idx_limit")              /* got */                                                     \
  X(LabelCount, "label_count")          /* params: labels, images */                                  \
  X(NoImages, "no_images")                                                                            \
  X(StepCount, "step_count")            /* params: max, got */                                        \
  X(ResumeState, "resume_state")      /* a version-2 model's saved training state is damaged or does not fit */ \
  X(MemoryBudget, "memory_budget")      /* params: need_mb, budget_mb, term, term_mb */               \
  X(OutOfMemory, "out_of_memory")
// clang-format on

enum class ErrorCode {
#define NN_ERROR_ENUM(name, text) name,
  NN_ERROR_CODES(NN_ERROR_ENUM)
#undef NN_ERROR_ENUM
};

inline const char* errorCodeName(ErrorCode code) {
  switch (code) {
#define NN_ERROR_NAME(name, text) \
  case ErrorCode::name: return text;
    NN_ERROR_CODES(NN_ERROR_NAME)
#undef NN_ERROR_NAME
  }
  return "invalid";
}

inline std::vector<const char*> allErrorCodes() {
  return {
#define NN_ERROR_TEXT(name, text) text,
      NN_ERROR_CODES(NN_ERROR_TEXT)
#undef NN_ERROR_TEXT
  };
}

}  // namespace nn
