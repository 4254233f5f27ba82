// Tone: is a post negative, neutral or positive about what it talks of, and how sure is the
// model. A supervised fastText model (Debian's libfasttext) reads the post's tone tokens
// (detect/tone_text.h) and gives the most probable label with its probability.
//
//   std::shared_ptr<const chorus::detect::ToneModel> model;
//   chorus::Status s = chorus::detect::ToneModel::Shipped(&model);  // packs/tone/model.ftz
//   chorus::detect::Tone t = model->Predict("Worst support ever, nobody answers", "en");
//   // t.label == ToneLabel::kNegative, t.score in [0, 1]
//
// The shipped model is compiled into the binary (packs/tone/, see its PROVENANCE.md); a
// company's own model comes from `chorus tone train` and loads with Load(). A model is read
// once and is immutable afterwards. A model file is trusted input, like a policy's cache:
// Load() refuses files that are not supervised fastText models with only the labels
// negative, neutral and positive, but fastText itself does not validate every byte of a
// crafted file.
//
// Thread-safety: Predict() and PredictFolded() are const and safe from many threads at once
// (fastText's predict keeps its state on the caller's stack); Shipped() loads the built-in
// model once, under std::call_once.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace fasttext {
class Dictionary;
class FastText;
}  // namespace fasttext

namespace chorus::detect {

enum class ToneLabel { kNegative, kNeutral, kPositive };

// "negative", "neutral" or "positive".
std::string_view ToneLabelName(ToneLabel label);
// The inverse of ToneLabelName; false for any other name.
bool ParseToneLabel(std::string_view name, ToneLabel* out);

struct Tone {
  ToneLabel label = ToneLabel::kNeutral;
  // The model's probability of `label`, 0.0-1.0. 0 when the post held no word at all (an
  // empty post): the label is then neutral by convention.
  float score = 0;
};

class ToneModel {
 public:
  // Reads a model written by `chorus tone train` (or `fasttext supervised` + `quantize`).
  static Status Load(const std::string& path, std::shared_ptr<const ToneModel>* out);
  // The same from bytes in memory.
  static Status LoadBytes(std::string_view bytes, std::shared_ptr<const ToneModel>* out);
  // The model shipped in packs/tone/model.ftz, compiled into the binary; loaded on first use.
  static Status Shipped(std::shared_ptr<const ToneModel>* out);

  // The tone of `text` (any bytes) written in `language` (an ISO 639-1 code; "" if unknown).
  Tone Predict(std::string_view text, std::string_view language) const;
  // The same for text already folded by text::Fold (what the Scanner holds).
  Tone PredictFolded(std::string_view folded, std::string_view language) const;
  // The same through fastText's own line reader and predict. PredictFolded computes the
  // model directly (words, hashed word n-grams, averaged rows decoded once at load, softmax)
  // when the model allows it (no character n-grams, no pruned dictionary: `chorus tone
  // train` with --cutoff 0, which the shipped model uses), several times faster; otherwise it
  // comes here. The two agree (tested); this one is for tests and the other models.
  Tone PredictThroughFastText(std::string_view folded, std::string_view language) const;
  // True when PredictFolded takes the direct path.
  bool direct() const { return dense_ != nullptr; }

  ~ToneModel();

 private:
  struct Dense;
  ToneModel();
  Tone PredictDense(std::string_view tokens) const;
  std::unique_ptr<fasttext::FastText> model_;
  std::unique_ptr<const Dense> dense_;                // the direct path's rows, when it applies
  const fasttext::Dictionary* dictionary_ = nullptr;  // model_'s
  ToneLabel labels_[3] = {};                          // fastText label id -> ToneLabel
  int label_count_ = 0;
};

}  // namespace chorus::detect
