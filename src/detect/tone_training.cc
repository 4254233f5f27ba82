#include "detect/tone_training.h"

#include <fasttext/fasttext.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "detect/tone.h"
#include "detect/tone_text.h"
#include "text/utf8.h"

namespace chorus::detect {
namespace {

constexpr size_t kMaxReportedErrors = 20;
constexpr size_t kMaxLineBytes = size_t{1} << 20;

// The reason a labelled line is refused, or "" when it is good; fills the fields.
std::string ParseLabelledLine(std::string_view line, std::string* lang, std::string* text,
                              std::string* tone) {
  if (line.size() > kMaxLineBytes) return "the line is longer than 1 MiB";
  if (!text::IsValidUtf8(line)) return "invalid UTF-8";
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded()) return "not valid JSON";
  if (!j.is_object()) return "expected a JSON object {\"lang\", \"text\", \"tone\"}";
  const auto t = j.find("text");
  if (t == j.end() || !t->is_string()) return "missing \"text\" (a string)";
  const auto l = j.find("lang");
  if (l == j.end() || !l->is_string() || l->get_ref<const std::string&>().empty())
    return "missing \"lang\" (a language code such as \"en\")";
  const auto o = j.find("tone");
  ToneLabel label;
  if (o == j.end() || !o->is_string() || !ParseToneLabel(o->get_ref<const std::string&>(), &label))
    return "\"tone\" must be \"negative\", \"neutral\" or \"positive\"";
  *lang = l->get<std::string>();
  *text = t->get<std::string>();
  *tone = o->get<std::string>();
  return "";
}

}  // namespace

Status PrepareToneTrainingFile(const std::string& data_path, const std::string& training_path,
                               ToneTrainingStats* stats) {
  *stats = ToneTrainingStats{};
  std::ifstream in(data_path, std::ios::binary);
  if (!in) return Status::Error("cannot open " + data_path);
  std::ofstream out(training_path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::Error("cannot write " + training_path);
  std::vector<std::string> errors;
  size_t error_count = 0;
  std::string line, lang, text, tone, tokens;
  size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      ++stats->skipped_blank_lines;
      continue;
    }
    const std::string why = ParseLabelledLine(line, &lang, &text, &tone);
    if (!why.empty()) {
      if (errors.size() < kMaxReportedErrors)
        errors.push_back(data_path + ":" + std::to_string(number) + ": " + why);
      ++error_count;
      continue;
    }
    tokens.assign("__label__").append(tone).push_back(' ');
    tokens.append(ToneTokens(text, lang)).push_back('\n');
    out << tokens;
    ++stats->examples;
    ++stats->per_label[tone];
    ++stats->per_language[lang];
  }
  if (in.bad()) return Status::Error("reading " + data_path + " failed");
  if (error_count > 0) {
    std::string message = std::to_string(error_count) +
                          (error_count == 1 ? " bad line" : " bad lines") +
                          " (nothing was trained):";
    for (const auto& e : errors) message += "\n  " + e;
    if (error_count > errors.size())
      message += "\n  … and " + std::to_string(error_count - errors.size()) + " more";
    return Status::Error(message);
  }
  if (stats->examples == 0) return Status::Error(data_path + " holds no labelled posts");
  if (stats->per_label.size() < 2)
    return Status::Error(data_path + " has posts of one tone only (" +
                         stats->per_label.begin()->first + "); a model needs at least two");
  out.flush();
  if (!out) return Status::Error("writing " + training_path + " failed");
  return Status::Ok();
}

Status TrainToneModel(const std::string& data_path, const std::string& output_path,
                      const ToneTrainingOptions& options, ToneTrainingStats* stats) {
  const std::string pid = std::to_string(getpid());
  const std::string training_path = output_path + ".train-" + pid + ".tmp";
  const std::string model_path = output_path + ".model-" + pid + ".tmp";
  struct Cleanup {
    std::vector<std::string> paths;
    ~Cleanup() {
      std::error_code ec;
      for (const auto& p : paths) std::filesystem::remove(p, ec);
    }
  } cleanup{{training_path, model_path}};
  if (Status s = PrepareToneTrainingFile(data_path, training_path, stats); !s.ok()) return s;

  fasttext::Args args;
  args.input = training_path;
  args.output = model_path;
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::softmax;
  args.dim = options.dimension;
  args.epoch = options.epoch;
  args.lr = options.learning_rate;
  args.wordNgrams = options.word_ngrams;
  args.minCount = options.min_count;
  args.minCountLabel = 0;
  args.minn = options.min_char_ngram;
  args.maxn = options.max_char_ngram;
  args.bucket = options.buckets;
  args.thread = 1;
  args.seed = options.seed;
  args.verbose = 0;
  if (args.wordNgrams <= 1 && args.maxn == 0) args.bucket = 0;
  const char* stage = "training";
  const auto progress = [&](float share, float, double, double, int64_t) {
    if (options.progress) options.progress(stage, share);
  };
  try {
    fasttext::FastText model;
    model.train(args, progress);
    if (options.quantize) {
      stage = "quantising";
      fasttext::Args q = args;
      q.qnorm = true;
      q.retrain = true;
      q.cutoff = options.cutoff;
      q.dsub = static_cast<size_t>(options.dimensions_per_byte);
      model.quantize(q, progress);
    }
    model.saveModel(model_path);
  } catch (const std::bad_alloc&) {
    return Status::Error("training ran out of memory (try fewer --buckets or a smaller --dim)");
  } catch (const std::exception& e) {
    return Status::Error(std::string("training failed: ") + e.what());
  }
  // The written model must load as a tone model before it replaces anything.
  std::shared_ptr<const ToneModel> check;
  if (Status s = ToneModel::Load(model_path, &check); !s.ok())
    return Status::Error("the trained model does not load: " + s.message());
  std::error_code ec;
  std::filesystem::rename(model_path, output_path, ec);
  if (ec) return Status::Error("cannot write " + output_path + ": " + ec.message());
  return Status::Ok();
}

}  // namespace chorus::detect
