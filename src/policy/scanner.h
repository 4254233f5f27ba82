// Scanner: the check engine. A Policy compiles into a Scanner once; the Scanner then answers
// "Can I post this?" for any number of posts, from any number of threads.
//
//   chorus::Policy policy;
//   chorus::Status s = chorus::LoadPolicyFile("policy.yaml", &policy);
//   std::shared_ptr<const chorus::Scanner> scanner;
//   s = chorus::Scanner::Compile(policy, {.cache_dir = "/var/cache/chorus"}, &scanner);
//   chorus::CheckResult result;
//   s = scanner->Check("Our Q3 revenue was 4.2 million EUR", {.language = "en"}, &result);
//   // result.verdict == Severity::kBlock; result.findings[0].category == "financial"
//
// A check is a pure function of (policy, text, language): the text is folded once
// (text/fold.h), matched against one literal database (every list and lexicon, inflected)
// and two pattern databases (identifiers, secrets, amounts, handles), and the hits are
// validated (checksums, phone parsing, context windows) before they become findings.
//
// Thread-safety: a compiled Scanner is immutable; Check() is safe from many threads at once.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "detect/tone.h"
#include "policy/policy.h"

namespace chorus {
namespace detect {
struct ImageLocation;
}

struct Finding {
  std::string category;  // one of FindingCategories()
  std::string clause;    // clause id, e.g. "client_info.names"
  Severity severity = Severity::kCaution;
  size_t start = 0;  // byte offsets into the original UTF-8 text
  size_t end = 0;
  std::string text;     // the matched span (invalid UTF-8 replaced by U+FFFD)
  std::string message;  // why it is risky, in the post's language
  std::string advice;   // what to do instead, in the post's language
  std::string detail;   // what was recognised, e.g. "iban", "pesel", "aws_key"
};

struct CheckResult {
  Severity verdict = Severity::kOk;
  std::string language;  // language of the messages
  bool language_detected = false;
  std::vector<Finding> findings;     // ordered by start offset
  std::optional<detect::Tone> tone;  // set when CheckOptions::tone was
};

struct CompileOptions {
  std::string cache_dir;  // where compiled databases are cached; empty: no cache
};

struct CheckOptions {
  std::string language;        // "" = detect
  size_t max_bytes = 1 << 20;  // longer posts are refused with an error
  // When set, the post's tone in its language (detect/tone.h) is added to the result. The
  // model must outlive the check.
  const detect::ToneModel* tone = nullptr;
};

class Scanner {
 public:
  static Status Compile(const Policy& policy, const CompileOptions& options,
                        std::shared_ptr<const Scanner>* out);

  // Checks one post. Fails only for posts over `max_bytes` or an internal matcher error;
  // invalid UTF-8 is checked like any text (bad bytes never match).
  Status Check(std::string_view text, const CheckOptions& options, CheckResult* out) const;

  // Location data of a photo as findings (clause location.photo_gps), messages in `language`.
  Status CheckImage(const std::string& path, const std::string& language,
                    std::vector<Finding>* out) const;
  // The same for a photo held in memory (an upload).
  Status CheckImageBytes(std::string_view bytes, const std::string& language,
                         std::vector<Finding>* out) const;

  // The message and advice of clause `clause_id` for `matched` text, in `language` (falling
  // back as LocalizedText::Get does): how a stored finding is shown to a reader whose
  // language differs from the post's. False when the policy has no such clause.
  bool Explain(std::string_view clause_id, std::string_view matched, std::string_view language,
               std::string* message, std::string* advice) const;

  const Policy& policy() const;
  // Languages with messages and packs, e.g. {"en","he","lv","pl"}.
  const std::vector<std::string>& languages() const;
  // Size of the compiled lists (for diagnostics and benchmarks).
  size_t term_count() const;
  bool loaded_from_cache() const;

  ~Scanner();

 private:
  Scanner();
  void ImageFindings(const detect::ImageLocation& location, const std::string& language,
                     std::vector<Finding>* out) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The default cache directory: $CHORUS_CACHE_DIR, else $XDG_CACHE_HOME/chorus, else
// ~/.cache/chorus, else none.
std::string DefaultCacheDir();

}  // namespace chorus
