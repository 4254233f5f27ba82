#include "detect/tone.h"

#include <fasttext/fasttext.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <istream>
#include <mutex>
#include <sstream>
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

// fastText checks a file's magic number and version in a protected member; this exposes it.
class CheckedFastText : public fasttext::FastText {
 public:
  bool CheckHeader(std::istream& in) { return checkModel(in); }
};

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
  ViewBuffer buffer;
  buffer.Reset(bytes);
  std::istream in(&buffer);
  try {
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
