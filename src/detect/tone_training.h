// Training a tone model from labelled posts: what `chorus tone train` and
// packs/tools/train-tone run. The labelled data is JSON lines,
//   {"lang": "lv", "text": "…", "tone": "negative"}     (tone: negative, neutral or positive)
// read whole and checked first: a bad line (not JSON, not an object, no "text" string, no
// "lang" string, a tone that is not one of the three, invalid UTF-8) is reported with its
// number and nothing is trained. Blank lines are skipped.
//
// Each post goes through the same tone tokens as prediction (detect/tone_text.h), fastText
// learns a supervised softmax classifier on one thread with a fixed seed (the same data and
// options give the same model), and the model is quantised (product quantisation, one
// dimension a byte by default; with a `cutoff`, only that many rows kept and retrained after
// pruning) so that it ships small. The output file is written whole or not at all (a temporary file
// renamed into place).
//
// Thread-safety: TrainToneModel may run on any thread; it writes only `output` and the
// temporary files beside it.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>

#include "base/status.h"

namespace chorus::detect {

struct ToneTrainingOptions {
  int epoch = 25;
  double learning_rate = 0.5;
  int dimension = 16;
  int word_ngrams = 2;     // 2: pairs of neighbouring words as features too
  int min_char_ngram = 0;  // 0: no character n-grams
  int max_char_ngram = 0;
  int buckets = 20000;  // hashed rows for word pairs and character n-grams
  int seed = 1;
  int min_count = 1;  // words seen fewer times are dropped
  bool quantize = true;
  // Rows kept when quantising; 0 keeps every row, which keeps prediction on the direct path
  // (detect/tone.h): a pruned dictionary's n-gram rows are reachable only through fastText.
  size_t cutoff = 0;
  // Dimensions per quantiser code byte: 1 is nearly lossless (a byte per dimension), 2 halves
  // the size and costs accuracy.
  int dimensions_per_byte = 1;
  // Called now and then with the stage ("training", then "quantising" when it retrains)
  // and the share of it done (0-1); from the training thread.
  std::function<void(const char* stage, double share)> progress;
};

struct ToneTrainingStats {
  size_t examples = 0;
  size_t skipped_blank_lines = 0;
  std::map<std::string, size_t> per_label;     // "negative" -> count
  std::map<std::string, size_t> per_language;  // "lv" -> count
};

// Checks the labelled lines of `data_path` and writes them, as tone tokens with fastText
// labels, to `training_path`. Errors name the lines (the first 20, then how many more).
Status PrepareToneTrainingFile(const std::string& data_path, const std::string& training_path,
                               ToneTrainingStats* stats);

// Trains a model from the labelled lines of `data_path` and writes it to `output_path`.
Status TrainToneModel(const std::string& data_path, const std::string& output_path,
                      const ToneTrainingOptions& options, ToneTrainingStats* stats);

}  // namespace chorus::detect
