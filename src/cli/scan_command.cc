// `chorus scan`: many posts, one JSON object per line in and out, on every core.
//
// A reader thread cuts the input into batches of lines, worker threads check them, and the
// main thread writes the results strictly in input order. A broken line gives an error line
// with its number and the scan goes on.
//
// Each line is parsed with simdjson (validating, no JSON tree per post) and its result line
// written directly (policy/result_json.h). A line simdjson refuses, or whose fields are not
// the plain case (a duplicate key, an id that is neither a string nor an integer), takes the
// general path through nlohmann::json, which also words the error lines.
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include <simdjson.h>

#include "cli/commands.h"
#include "cli/counted.h"
#include "cli/report.h"
#include "policy/result_json.h"
#include "text/utf8.h"

namespace chorus::cli {
namespace {

struct ScanArgs {
  std::string policy;
  std::string input;
  std::string format = "jsonl";
  std::string fail_on = "review";
  std::string language;
  unsigned threads = 0;
  bool progress = true;
  size_t max_bytes = 1 << 20;
  bool tone = false;
  std::string tone_model;
  std::shared_ptr<const detect::ToneModel> tone_loaded;  // set by RunScan when `tone`
};

// Lines of the input, stored back to back in one buffer that keeps simdjson's padding free
// after its last line.
struct Batch {
  uint64_t sequence = 0;
  uint64_t first_line = 0;  // 1-based number of the batch's first line
  std::string data;
  std::vector<std::pair<size_t, size_t>> lines;  // [start, end) in data, without the '\n'
  std::string_view line(size_t i) const {
    return std::string_view(data).substr(lines[i].first, lines[i].second - lines[i].first);
  }
};

struct BatchResult {
  std::string output;
  uint64_t posts = 0, errors = 0, bytes = 0;
  std::array<uint64_t, 4> verdicts{};
  std::map<std::string, uint64_t> categories;
};

// A bounded queue of batches between the reader and the workers.
class BatchQueue {
 public:
  explicit BatchQueue(size_t capacity) : capacity_(capacity) {}
  void Push(Batch b) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return q_.size() < capacity_; });
    q_.push_back(std::move(b));
    not_empty_.notify_one();
  }
  bool Pop(Batch* b) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return false;
    *b = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return true;
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Batch> q_;
  size_t capacity_;
  bool closed_ = false;
};

std::string ErrorLine(uint64_t line, const nlohmann::json& id, const std::string& message) {
  nlohmann::json j = {{"line", line}, {"error", message}};
  if (!id.is_null()) j["id"] = id;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The general path: nlohmann::json's parse, and its wording of every error.
void CheckLineSlowly(const Scanner& scanner, const ScanArgs& args, std::string_view view,
                     uint64_t number, BatchResult* r) {
  nlohmann::json input;
  try {
    input = nlohmann::json::parse(view);
  } catch (const nlohmann::json::exception& e) {
    std::string what = e.what();
    if (!text::IsValidUtf8(view)) what = "invalid UTF-8 in the line";
    r->output += ErrorLine(number, nullptr, "not valid JSON: " + what) + "\n";
    ++r->errors;
    return;
  }
  if (!input.is_object()) {
    r->output +=
        ErrorLine(number, nullptr, "expected a JSON object with \"id\" and \"text\"") + "\n";
    ++r->errors;
    return;
  }
  const nlohmann::json id = input.contains("id") ? input["id"] : nlohmann::json();
  if (!input.contains("text") || !input["text"].is_string()) {
    r->output += ErrorLine(number, id, "missing \"text\" (a string)") + "\n";
    ++r->errors;
    return;
  }
  CheckOptions options;
  options.max_bytes = args.max_bytes;
  options.tone = args.tone_loaded.get();
  options.language = args.language;
  if (input.contains("lang") && input["lang"].is_string()) options.language = input["lang"];
  CheckResult result;
  const std::string& text = input["text"].get_ref<const std::string&>();
  if (Status s = scanner.Check(text, options, &result); !s.ok()) {
    r->output += ErrorLine(number, id, s.ToString()) + "\n";
    ++r->errors;
    return;
  }
  const std::string id_json = id.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (args.format == "compact")
    AppendCompactResultLine(id_json, result, &r->output);
  else
    AppendResultLine(id_json, result, &r->output);
  ++r->posts;
  ++r->verdicts[static_cast<size_t>(result.verdict)];
  for (const auto& f : result.findings) ++r->categories[f.category];
}

// Per worker thread: the parser and buffers reused from line to line.
struct LineScratch {
  simdjson::dom::parser parser;
  std::string id_json;
  CheckResult result;
};

// `view` must be followed by simdjson::SIMDJSON_PADDING readable bytes (Batch keeps them).
void CheckLine(const Scanner& scanner, const ScanArgs& args, std::string_view line, uint64_t number,
               LineScratch* scratch, BatchResult* r) {
  r->bytes += line.size() + 1;
  std::string_view view = line;
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  if (view.find_first_not_of(" \t") == std::string_view::npos) {
    r->output += ErrorLine(number, nullptr, "empty line") + "\n";
    ++r->errors;
    return;
  }
  simdjson::dom::element doc;
  simdjson::dom::object object;
  if (scratch->parser.parse(view.data(), view.size(), false).get(doc) != simdjson::SUCCESS ||
      doc.get_object().get(object) != simdjson::SUCCESS)
    return CheckLineSlowly(scanner, args, view, number, r);
  std::string_view text, lang;
  bool lang_is_string = false;
  int ids = 0, texts = 0, langs = 0;
  scratch->id_json = "null";
  for (const auto field : object) {
    const std::string_view key = field.key;
    if (key == "text") {
      if (++texts > 1 || field.value.get_string().get(text) != simdjson::SUCCESS)
        return CheckLineSlowly(scanner, args, view, number, r);
    } else if (key == "lang") {
      if (++langs > 1) return CheckLineSlowly(scanner, args, view, number, r);
      lang_is_string = field.value.get_string().get(lang) == simdjson::SUCCESS;
    } else if (key == "id") {
      if (++ids > 1) return CheckLineSlowly(scanner, args, view, number, r);
      // The id is written back as the JSON library would write it: strings and integers
      // here, every other kind on the general path.
      scratch->id_json.clear();
      const simdjson::dom::element& v = field.value;
      if (v.is_string()) {
        AppendJsonString(v.get_string().value_unsafe(), &scratch->id_json);
      } else if (v.is_int64()) {
        scratch->id_json = std::to_string(v.get_int64().value_unsafe());
      } else if (v.is_uint64()) {
        scratch->id_json = std::to_string(v.get_uint64().value_unsafe());
      } else {
        return CheckLineSlowly(scanner, args, view, number, r);
      }
    }
  }
  if (texts == 0) return CheckLineSlowly(scanner, args, view, number, r);
  CheckOptions options;
  options.max_bytes = args.max_bytes;
  options.tone = args.tone_loaded.get();
  options.language = lang_is_string ? std::string(lang) : args.language;
  CheckResult& result = scratch->result;
  if (Status s = scanner.Check(text, options, &result); !s.ok())
    return CheckLineSlowly(scanner, args, view, number, r);  // words the error line
  if (args.format == "compact")
    AppendCompactResultLine(scratch->id_json, result, &r->output);
  else
    AppendResultLine(scratch->id_json, result, &r->output);
  ++r->posts;
  ++r->verdicts[static_cast<size_t>(result.verdict)];
  for (const auto& f : result.findings) ++r->categories[f.category];
}

int RunScan(ScanArgs& args) {
  Severity fail_on;
  if (!ParseFailOn(args.fail_on, &fail_on)) {
    std::cerr << "chorus scan: --fail-on must be caution, review or block\n";
    return kExitUsage;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (!args.input.empty() && args.input != "-") {
    file.open(args.input, std::ios::binary);
    if (!file) {
      std::cerr << "chorus scan: cannot open " << args.input << "\n";
      return kExitUsage;
    }
    in = &file;
  }
  std::shared_ptr<const Scanner> scanner;
  if (!LoadScanner(args.policy, &scanner)) return kExitUsage;
  if (!args.tone_model.empty()) args.tone = true;
  if (args.tone) {
    Status s = args.tone_model.empty()
                   ? detect::ToneModel::Shipped(&args.tone_loaded)
                   : detect::ToneModel::Load(args.tone_model, &args.tone_loaded);
    if (!s.ok()) {
      std::cerr << "chorus scan: " << s.message() << "\n";
      return kExitUsage;
    }
  }

  const unsigned threads =
      args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  BatchQueue queue(threads * 4);
  std::mutex results_mu;
  std::condition_variable results_cv;
  std::map<uint64_t, BatchResult> results;
  std::atomic<uint64_t> batches_total{UINT64_MAX};

  if (args.format == "compact") {
    std::string clauses;
    AppendCompactClauseLines(*scanner, &clauses);
    std::fwrite(clauses.data(), 1, clauses.size(), stdout);
  }

  std::thread reader([&] {
    constexpr size_t kBatchLines = 256;
    constexpr size_t kBatchBytes = 1 << 20;
    uint64_t sequence = 0, line_number = 0;
    Batch batch;
    auto push = [&] {
      batch.sequence = sequence++;
      batch.data.append(simdjson::SIMDJSON_PADDING, '\0');
      queue.Push(std::move(batch));
      batch = Batch{};
    };
    // Reads blocks and cuts them at line breaks; a line may span blocks.
    std::vector<char> block(1 << 20);
    std::string partial;
    auto add_line = [&](std::string_view line) {
      if (batch.lines.empty()) batch.first_line = line_number + 1;
      ++line_number;
      batch.lines.emplace_back(batch.data.size(), batch.data.size() + line.size());
      batch.data.append(line);
      if (batch.lines.size() >= kBatchLines || batch.data.size() >= kBatchBytes) push();
    };
    while (*in) {
      in->read(block.data(), static_cast<std::streamsize>(block.size()));
      const size_t got = static_cast<size_t>(in->gcount());
      if (got == 0) break;
      std::string_view chunk(block.data(), got);
      for (size_t nl; (nl = chunk.find('\n')) != std::string_view::npos;) {
        if (partial.empty()) {
          add_line(chunk.substr(0, nl));
        } else {
          partial.append(chunk.substr(0, nl));
          add_line(partial);
          partial.clear();
        }
        chunk.remove_prefix(nl + 1);
      }
      partial.append(chunk);
    }
    if (!partial.empty()) add_line(partial);  // a last line without a line break
    if (!batch.lines.empty()) push();
    queue.Close();
    batches_total = sequence;
    std::lock_guard<std::mutex> lock(results_mu);
    results_cv.notify_all();
  });

  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      Batch batch;
      LineScratch scratch;
      while (queue.Pop(&batch)) {
        BatchResult r;
        r.output.reserve(batch.data.size() / 2);
        for (size_t i = 0; i < batch.lines.size(); ++i)
          CheckLine(*scanner, args, batch.line(i), batch.first_line + i, &scratch, &r);
        std::lock_guard<std::mutex> lock(results_mu);
        results.emplace(batch.sequence, std::move(r));
        results_cv.notify_all();
      }
    });
  }

  const bool show_progress = args.progress && isatty(STDERR_FILENO);
  const auto started = std::chrono::steady_clock::now();
  auto last_progress = started;
  BatchResult total;
  uint64_t next = 0;
  while (true) {
    BatchResult r;
    {
      std::unique_lock<std::mutex> lock(results_mu);
      results_cv.wait(lock, [&] { return results.count(next) || next >= batches_total.load(); });
      if (!results.count(next)) break;
      r = std::move(results[next]);
      results.erase(next);
    }
    std::fwrite(r.output.data(), 1, r.output.size(), stdout);
    total.posts += r.posts;
    total.errors += r.errors;
    total.bytes += r.bytes;
    for (size_t v = 0; v < 4; ++v) total.verdicts[v] += r.verdicts[v];
    for (const auto& [c, n] : r.categories) total.categories[c] += n;
    ++next;
    const auto now = std::chrono::steady_clock::now();
    if (show_progress && now - last_progress > std::chrono::milliseconds(250)) {
      const double s = std::chrono::duration<double>(now - started).count();
      std::fprintf(stderr, "\rscanned %llu posts, %.1f MB, %.0f posts/s   ",
                   static_cast<unsigned long long>(total.posts + total.errors), total.bytes / 1e6,
                   (total.posts + total.errors) / s);
      last_progress = now;
    }
  }
  reader.join();
  for (auto& w : workers) w.join();
  std::fflush(stdout);

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (show_progress) std::fprintf(stderr, "\r%60s\r", "");
  const std::string counts =
      Counted(total.posts, "post", "posts") + ", " + Counted(total.errors, "error", "errors");
  const std::string thread_count = Counted(threads, "thread", "threads");
  std::fprintf(stderr,
               "chorus scan: %s, %.1f MB in %.2f s (%.0f posts/s, %.1f MB/s, %s)\n"
               "  verdicts: ok %llu, caution %llu, review %llu, block %llu\n",
               counts.c_str(), total.bytes / 1e6, seconds, total.posts / std::max(seconds, 1e-9),
               total.bytes / 1e6 / std::max(seconds, 1e-9), thread_count.c_str(),
               static_cast<unsigned long long>(total.verdicts[0]),
               static_cast<unsigned long long>(total.verdicts[1]),
               static_cast<unsigned long long>(total.verdicts[2]),
               static_cast<unsigned long long>(total.verdicts[3]));
  if (!total.categories.empty()) {
    std::string line = "  findings:";
    for (const auto& [c, n] : total.categories) line += " " + c + " " + std::to_string(n) + ",";
    line.pop_back();
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  if (in->bad()) {
    std::cerr << "chorus scan: reading the input failed\n";
    return kExitUsage;
  }
  if (total.errors > 0) return kExitUsage;
  for (size_t v = static_cast<size_t>(fail_on); v < 4; ++v)
    if (total.verdicts[v] > 0) return kExitFindings;
  return kExitOk;
}

}  // namespace

void AddScanCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ScanArgs>();
  CLI::App* cmd = app.add_subcommand("scan",
                                     "Check many posts: JSON lines {\"id\", \"text\", \"lang\"?} "
                                     "in, one result line per input line out");
  cmd->add_option("input", args->input,
                  "Input file (JSON lines); \"-\" or nothing reads standard input");
  cmd->add_option("--policy,-p", args->policy, "Policy file (default: the built-in policy)");
  cmd->add_option("--format,-f", args->format,
                  "Output format: jsonl (default; every finding with its message and advice in "
                  "the post's language) or compact (for bulk scans: first one line per clause "
                  "with its texts in every language, then per post "
                  "{\"id\",\"verdict\",\"language\",\"findings\":[[clause,start,end,detail]]}, "
                  "\"{match}\" in a text standing for the matched span)")
      ->check(CLI::IsMember({"jsonl", "compact"}));
  cmd->add_option("--lang,-l", args->language,
                  "Language of posts without \"lang\" (default: detected)");
  cmd->add_option("--fail-on", args->fail_on,
                  "Exit with 1 when any post has a finding at least this severe")
      ->check(CLI::IsMember({"caution", "review", "block"}));
  cmd->add_option("--threads,-j", args->threads, "Worker threads (default: every core)");
  cmd->add_option("--max-bytes", args->max_bytes,
                  "Refuse posts longer than this many bytes (error line)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("!--no-progress", args->progress, "Do not show progress on the terminal");
  cmd->add_flag("--tone", args->tone,
                "Add each post's tone, \"tone\":{\"label\":\"negative|neutral|positive\","
                "\"score\":0.0-1.0}, by the built-in model (packs/tone/)");
  cmd->add_option("--tone-model", args->tone_model,
                  "Tone model from `chorus tone train` (implies --tone)");
  cmd->callback([args, exit_code] { *exit_code = RunScan(*args); });
}

}  // namespace chorus::cli
