#include "detect/tone.h"

#include <fasttext/fasttext.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <istream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <vector>

#include "detect/tone_model_data.h"
#include "detect/tone_text.h"
#include "text/fold.h"

namespace chorus::detect {
namespace {

constexpr size_t kMaxModelBytes = size_t{512} << 20;
constexpr std::string_view kLabelPrefix = "__label__";

// A read-only stream buffer over bytes held elsewhere.
class ViewBuffer : public std::streambuf {
 public:
  void Reset(std::string_view bytes) {
    char* p = const_cast<char*>(bytes.data());
    setg(p, p, p + bytes.size());
  }
};

// The same for a model file: reading past its end throws. fastText's loader does not check
// its stream while it reads a dictionary word up to its '\0', so a file cut short would
// otherwise have it append end-of-file markers until memory runs out.
class ModelBuffer : public ViewBuffer {
 protected:
  int_type underflow() override { throw std::runtime_error("the file is cut short"); }
  int_type uflow() override { throw std::runtime_error("the file is cut short"); }
};

// fastText checks a file's magic number and version in a protected member, and keeps its
// matrices and dictionary protected too; this exposes what the direct path needs.
class CheckedFastText : public fasttext::FastText {
 public:
  bool CheckHeader(std::istream& in) { return checkModel(in); }
  const fasttext::Matrix& input() const { return *input_; }
  const fasttext::Matrix& output() const { return *output_; }
  bool pruned() const { return dict_->isPruned(); }
};

// fastText's constant for hashing word n-grams (Dictionary::addWordNgrams).
constexpr uint64_t kWordNgramMultiplier = 116049371;

// fastText's word hash (Dictionary::hash, 32-bit FNV-1a over signed chars); checked against
// the library's for every word of a model before the direct path is used.
uint32_t WordHash(std::string_view word) {
  uint32_t h = 2166136261u;
  for (char c : word) {
    h ^= static_cast<uint32_t>(static_cast<int8_t>(c));
    h *= 16777619u;
  }
  return h;
}

}  // namespace

std::string_view ToneLabelName(ToneLabel label) {
  switch (label) {
    case ToneLabel::kNegative:
      return "negative";
    case ToneLabel::kPositive:
      return "positive";
    case ToneLabel::kNeutral:
      break;
  }
  return "neutral";
}

bool ParseToneLabel(std::string_view name, ToneLabel* out) {
  for (ToneLabel l : {ToneLabel::kNegative, ToneLabel::kNeutral, ToneLabel::kPositive}) {
    if (name == ToneLabelName(l)) {
      *out = l;
      return true;
    }
  }
  return false;
}

// The direct path: every input and output row decoded once (quantised rows too).
struct ToneModel::Dense {
  int32_t dim = 0;
  int32_t nwords = 0;
  int32_t nlabels = 0;
  int32_t buckets = 0;
  int32_t word_ngrams = 1;
  std::vector<float> input;   // rows x dim
  std::vector<float> output;  // nlabels x dim
  // The words, for lookups: fastText's own table has 30 million slots, so every lookup there
  // misses the cache; this one has about two per word.
  std::string chars;
  std::vector<uint32_t> offsets;                    // word i is chars[offsets[i], offsets[i + 1])
  std::vector<std::pair<uint32_t, int32_t>> slots;  // (hash, id), id -1 when empty
  size_t mask = 0;

  // Builds the table; false when a word's hash is not what fastText computes.
  bool Index(const fasttext::Dictionary& dict) {
    size_t size = 16;
    while (size < static_cast<size_t>(nwords) * 2) size <<= 1;
    slots.assign(size, {0, -1});
    mask = size - 1;
    offsets.push_back(0);
    for (int32_t id = 0; id < nwords; ++id) {
      const std::string word = dict.getWord(id);
      const uint32_t h = WordHash(word);
      if (h != dict.hash(word)) return false;
      chars += word;
      offsets.push_back(static_cast<uint32_t>(chars.size()));
      size_t slot = h & mask;
      while (slots[slot].second >= 0) slot = (slot + 1) & mask;
      slots[slot] = {h, id};
    }
    return true;
  }
  int32_t Find(std::string_view word, uint32_t h) const {
    for (size_t slot = h & mask; slots[slot].second >= 0; slot = (slot + 1) & mask) {
      const int32_t id = slots[slot].second;
      if (slots[slot].first == h &&
          std::string_view(chars).substr(offsets[id], offsets[id + 1] - offsets[id]) == word)
        return id;
    }
    return -1;
  }
};

ToneModel::ToneModel() = default;
ToneModel::~ToneModel() = default;

Status ToneModel::Load(const std::string& path, std::shared_ptr<const ToneModel>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot open the tone model " + path);
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) return Status::Error("cannot read the tone model " + path);
  if (static_cast<size_t>(size) > kMaxModelBytes)
    return Status::Error("the tone model " + path + " is larger than 512 MiB");
  in.seekg(0);
  std::string bytes(static_cast<size_t>(size), '\0');
  if (!in.read(bytes.data(), size)) return Status::Error("cannot read the tone model " + path);
  Status s = LoadBytes(bytes, out);
  if (!s.ok()) return Status::Error(path + ": " + s.message());
  return s;
}

Status ToneModel::LoadBytes(std::string_view bytes, std::shared_ptr<const ToneModel>* out) {
  auto checked = std::make_unique<CheckedFastText>();
  ModelBuffer buffer;
  buffer.Reset(bytes);
  std::istream in(&buffer);
  try {
    in.exceptions(std::ios::badbit);  // the buffer's exception reaches the catch below
    if (!checked->CheckHeader(in)) return Status::Error("not a fastText model of this version");
    checked->loadModel(in);
  } catch (const std::bad_alloc&) {
    return Status::Error("the tone model is damaged (it asks for more memory than there is)");
  } catch (const std::exception& e) {
    return Status::Error(std::string("the tone model is damaged: ") + e.what());
  }
  if (!in) return Status::Error("the tone model is cut short");
  if (checked->getArgs().model != fasttext::model_name::sup)
    return Status::Error("the tone model is not a supervised (classification) model");
  std::unique_ptr<ToneModel> model(new ToneModel());
  const auto dict = checked->getDictionary();
  const int32_t n = dict->nlabels();
  if (n < 1 || n > 3) return Status::Error("a tone model needs one to three labels");
  for (int32_t i = 0; i < n; ++i) {
    const std::string label = dict->getLabel(i);
    ToneLabel parsed;
    if (label.compare(0, kLabelPrefix.size(), kLabelPrefix) != 0 ||
        !ParseToneLabel(std::string_view(label).substr(kLabelPrefix.size()), &parsed))
      return Status::Error("the tone model has the label \"" + label +
                           "\"; only negative, neutral and positive are known");
    model->labels_[i] = parsed;
  }
  model->label_count_ = n;
  const fasttext::Args a = checked->getArgs();
  if (a.maxn == 0 && !checked->pruned() && a.loss == fasttext::loss_name::softmax &&
      (a.wordNgrams <= 1 || a.bucket > 0)) {
    auto dense = std::make_unique<Dense>();
    dense->dim = checked->getDimension();
    dense->nwords = dict->nwords();
    dense->nlabels = n;
    dense->buckets = a.bucket;
    dense->word_ngrams = a.wordNgrams;
    const int64_t rows = checked->input().size(0);
    if (checked->input().size(1) != dense->dim || checked->output().size(0) != n ||
        checked->output().size(1) != dense->dim ||
        rows != int64_t{dense->nwords} + (a.wordNgrams > 1 ? a.bucket : 0))
      return Status::Error("the tone model's matrices do not fit its dictionary");
    try {
      fasttext::Vector row(dense->dim);
      auto decode = [&](const fasttext::Matrix& m, int64_t count, std::vector<float>* rows_out) {
        rows_out->reserve(static_cast<size_t>(count * dense->dim));
        for (int64_t i = 0; i < count; ++i) {
          row.zero();
          m.addRowToVector(row, static_cast<int32_t>(i));
          rows_out->insert(rows_out->end(), row.data(), row.data() + dense->dim);
        }
      };
      decode(checked->input(), rows, &dense->input);
      decode(checked->output(), n, &dense->output);
    } catch (const std::bad_alloc&) {
      return Status::Error("the tone model is too large to hold in memory");
    }
    if (dense->Index(*dict)) model->dense_ = std::move(dense);
  }
  model->dictionary_ = dict.get();  // owned by the model, which keeps it alive
  model->model_ = std::move(checked);
  *out = std::move(model);
  return Status::Ok();
}

Status ToneModel::Shipped(std::shared_ptr<const ToneModel>* out) {
  static std::once_flag once;
  static std::shared_ptr<const ToneModel> shipped;
  static Status status;
  std::call_once(once, [] { status = LoadBytes(ShippedToneModelBytes(), &shipped); });
  if (!status.ok()) return Status::Error("the built-in tone model: " + status.message());
  *out = shipped;
  return Status::Ok();
}

Tone ToneModel::Predict(std::string_view text, std::string_view language) const {
  thread_local text::FoldedText folded;
  text::Fold(text, &folded);
  return PredictFolded(folded.text, language);
}

Tone ToneModel::PredictFolded(std::string_view folded, std::string_view language) const {
  if (!dense_) return PredictThroughFastText(folded, language);
  thread_local std::string tokens;
  tokens.clear();
  AppendToneTokens(folded, language, &tokens);
  return PredictDense(tokens);
}

// What fastText's Dictionary::getLine and FastText::predict compute for a supervised model
// with word n-grams and no character n-grams, in the same order: the ids of the known words
// and of "</s>" (the line's end), then per run of up to `word_ngrams` neighbouring words
// (known or not) the bucket of their combined hash; the rows averaged; softmax over labels.
Tone ToneModel::PredictDense(std::string_view tokens) const {
  const Dense& d = *dense_;
  thread_local std::vector<int32_t> rows;
  // Signed, as fastText keeps them: a hash joins a word n-gram sign-extended.
  thread_local std::vector<int32_t> hashes;
  thread_local std::vector<float> hidden, scores;
  rows.clear();
  hashes.clear();
  auto add = [&](std::string_view word) {
    const uint32_t h = WordHash(word);
    const int32_t id = d.Find(word, h);
    if (id >= 0) rows.push_back(id);
    hashes.push_back(static_cast<int32_t>(h));
  };
  size_t start = 0;
  while (start < tokens.size()) {
    size_t end = tokens.find(' ', start);
    if (end == std::string_view::npos) end = tokens.size();
    if (end > start) add(tokens.substr(start, end - start));
    start = end + 1;
  }
  add(fasttext::Dictionary::EOS);
  if (d.word_ngrams > 1) {
    for (size_t i = 0; i < hashes.size(); ++i) {
      uint64_t h = static_cast<uint64_t>(int64_t{hashes[i]});
      for (size_t j = i + 1; j < hashes.size() && j < i + static_cast<size_t>(d.word_ngrams); ++j) {
        h = h * kWordNgramMultiplier + static_cast<uint64_t>(int64_t{hashes[j]});
        rows.push_back(d.nwords + static_cast<int32_t>(h % static_cast<uint64_t>(d.buckets)));
      }
    }
  }
  Tone tone;
  if (rows.empty()) return tone;
  const size_t dim = static_cast<size_t>(d.dim);
  hidden.assign(dim, 0.0f);
  for (int32_t r : rows) {
    const float* v = d.input.data() + static_cast<size_t>(r) * dim;
    for (size_t k = 0; k < dim; ++k) hidden[k] += v[k];
  }
  const float inverse = 1.0f / static_cast<float>(rows.size());
  for (size_t k = 0; k < dim; ++k) hidden[k] *= inverse;
  scores.assign(static_cast<size_t>(d.nlabels), 0.0f);
  float max = -INFINITY;
  for (int32_t l = 0; l < d.nlabels; ++l) {
    const float* w = d.output.data() + static_cast<size_t>(l) * dim;
    float dot = 0;
    for (size_t k = 0; k < dim; ++k) dot += w[k] * hidden[k];
    scores[static_cast<size_t>(l)] = dot;
    max = std::max(max, dot);
  }
  float sum = 0;
  for (float& x : scores) sum += (x = std::exp(x - max));
  int32_t best = 0;
  for (int32_t l = 1; l < d.nlabels; ++l)
    if (scores[static_cast<size_t>(l)] > scores[static_cast<size_t>(best)]) best = l;
  tone.label = labels_[best];
  tone.score = std::clamp(scores[static_cast<size_t>(best)] / sum, 0.0f, 1.0f);
  return tone;
}

Tone ToneModel::PredictThroughFastText(std::string_view folded, std::string_view language) const {
  thread_local std::string line;
  thread_local ViewBuffer buffer;
  thread_local std::istream in(&buffer);
  thread_local std::vector<int32_t> words, labels;
  thread_local fasttext::Predictions predictions;
  line.clear();
  AppendToneTokens(folded, language, &line);
  line.push_back('\n');  // training lines end so too: fastText reads it as the word "</s>"
  buffer.Reset(line);
  in.clear();
  dictionary_->getLine(in, words, labels);
  predictions.clear();
  Tone tone;
  if (words.empty()) return tone;
  model_->predict(1, words, predictions);
  if (predictions.empty()) return tone;
  const int32_t id = predictions.front().second;
  if (id < 0 || id >= label_count_) return tone;
  tone.label = labels_[id];
  tone.score = std::clamp(std::exp(predictions.front().first), 0.0f, 1.0f);
  return tone;
}

}  // namespace chorus::detect
