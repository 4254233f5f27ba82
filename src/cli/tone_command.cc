// `chorus tone train` (a company's own tone model from its own labelled mentions) and
// `chorus tone check` (the tone of one text, for trying a model out).
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "detect/tone.h"
#include "detect/tone_training.h"

namespace chorus::cli {
namespace {

struct TrainArgs {
  std::string data;
  std::string output;
  detect::ToneTrainingOptions options;
  bool no_quantize = false;
  bool progress = true;
};

struct CheckArgs {
  std::string model;
  std::string language;
  std::vector<std::string> text;
};

int RunTrain(TrainArgs args) {
  const bool tty = isatty(STDERR_FILENO);
  int last_step = -1;
  std::string last_stage;
  if (args.progress) {
    args.options.progress = [&](const char* stage, double share) {
      // A line every 10% of each stage (or a refreshed one on a terminal).
      const int step = static_cast<int>(std::clamp(share, 0.0, 1.0) * 10);
      if (stage == last_stage && step <= last_step) return;
      if (stage != last_stage && tty && !last_stage.empty()) std::fputc('\n', stderr);
      last_stage = stage;
      last_step = step;
      std::fprintf(stderr, tty ? "\r%s: %3d%%   " : "%s: %3d%%\n", stage, step * 10);
    };
  }
  args.options.quantize = !args.no_quantize;
  detect::ToneTrainingStats stats;
  std::cerr << "chorus tone train: reading " << args.data << "\n";
  Status s = detect::TrainToneModel(args.data, args.output, args.options, &stats);
  if (tty && args.progress) std::fprintf(stderr, "\r%40s\r", "");
  if (!s.ok()) {
    std::cerr << "chorus tone train: " << s.message() << "\n";
    return kExitUsage;
  }
  std::string labels, languages;
  for (const auto& [l, n] : stats.per_label) labels += " " + l + " " + std::to_string(n) + ",";
  for (const auto& [l, n] : stats.per_language)
    languages += " " + l + " " + std::to_string(n) + ",";
  labels.pop_back();
  languages.pop_back();
  std::cerr << "chorus tone train: " << stats.examples << " posts (" << labels.substr(1) << "; "
            << languages.substr(1) << "); wrote " << args.output << "\n";
  return kExitOk;
}

int RunCheck(const CheckArgs& args) {
  std::shared_ptr<const detect::ToneModel> model;
  Status s = args.model.empty() ? detect::ToneModel::Shipped(&model)
                                : detect::ToneModel::Load(args.model, &model);
  if (!s.ok()) {
    std::cerr << "chorus tone check: " << s.message() << "\n";
    return kExitUsage;
  }
  std::string text;
  if (args.text.empty() || (args.text.size() == 1 && args.text[0] == "-")) {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    for (const auto& t : args.text) text += (text.empty() ? "" : " ") + t;
  }
  const detect::Tone tone = model->Predict(text, args.language);
  nlohmann::json j = {{"label", std::string(detect::ToneLabelName(tone.label))},
                      {"score", std::round(static_cast<double>(tone.score) * 1000) / 1000}};
  std::cout << j.dump() << "\n";
  return kExitOk;
}

}  // namespace

void AddToneCommand(CLI::App& app, int* exit_code) {
  CLI::App* tone = app.add_subcommand(
      "tone", "Tone of posts (negative, neutral, positive): train a model, try one out");
  tone->require_subcommand(1);

  auto train = std::make_shared<TrainArgs>();
  CLI::App* t = tone->add_subcommand(
      "train",
      "Train a tone model from labelled posts, JSON lines {\"lang\", \"text\", \"tone\"} with "
      "tone negative, neutral or positive; use it with `chorus scan --tone --tone-model FILE`");
  t->add_option("--data,-d", train->data, "Labelled posts (JSON lines)")->required();
  t->add_option("--output,-o", train->output, "Where to write the model")->required();
  t->add_option("--epoch", train->options.epoch, "Passes over the data")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  t->add_option("--lr", train->options.learning_rate, "Learning rate")
      ->capture_default_str()
      ->check(CLI::Range(0.001, 10.0));
  t->add_option("--dim", train->options.dimension, "Size of the word vectors")
      ->capture_default_str()
      ->check(CLI::Range(2, 300));
  t->add_option("--word-ngrams", train->options.word_ngrams,
                "Longest run of neighbouring words used as one feature")
      ->capture_default_str()
      ->check(CLI::Range(1, 5));
  t->add_option("--minn", train->options.min_char_ngram,
                "Shortest character n-gram (0: none; helps inflected words)")
      ->capture_default_str()
      ->check(CLI::Range(0, 10));
  t->add_option("--maxn", train->options.max_char_ngram, "Longest character n-gram (0: none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 10));
  t->add_option("--buckets", train->options.buckets,
                "Hashed rows for word pairs and character n-grams")
      ->capture_default_str()
      ->check(CLI::Range(1000, 10000000));
  t->add_option("--cutoff", train->options.cutoff,
                "Rows kept when quantising (0: all; fewer rows, smaller file)")
      ->capture_default_str()
      ->check(CLI::Range(0, 10000000));
  t->add_option("--dsub", train->options.dimensions_per_byte,
                "Dimensions per byte when quantising (1: nearly lossless; 2: smaller)")
      ->capture_default_str()
      ->check(CLI::Range(1, 8));
  t->add_option("--min-count", train->options.min_count,
                "Words seen fewer times than this are left out")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  t->add_option("--seed", train->options.seed, "Random seed (training is on one thread)")
      ->capture_default_str();
  t->add_flag("--no-quantize", train->no_quantize, "Write the full-size model");
  t->add_flag("!--no-progress", train->progress, "Do not report progress");
  t->callback([train, exit_code] { *exit_code = RunTrain(*train); });

  auto check = std::make_shared<CheckArgs>();
  CLI::App* c = tone->add_subcommand(
      "check", "The tone of one text as {\"label\",\"score\"} (the built-in model by default)");
  c->add_option("text", check->text, "The text; \"-\" or nothing reads standard input");
  c->add_option("--lang,-l", check->language, "Language of the text (en, lv, pl, he)");
  c->add_option("--model,-m", check->model, "A model from `chorus tone train`");
  c->callback([check, exit_code] { *exit_code = RunCheck(*check); });
}

}  // namespace chorus::cli
