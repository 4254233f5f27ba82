// Playbook: the crisis playbook's texts — a correction and an apology in the author's voice
// and a holding statement in the organisation's — per language, read from
// packs/playbook.yaml (data, not code: a new language is a new entry there). Fill() puts an
// incident's details into every template of one language:
//
//   Playbook book;
//   Status s = Playbook::Builtin(&book);
//   std::vector<PlaybookText> texts;
//   s = book.Fill("lv", {.organisation = "Dzintars", .platform = "x",
//                        .published = "2026-12-01T09:00:00Z", .categories = {"financial"}},
//                 &texts);
//
// Placeholders: {organisation}; {platform} (with its preposition, "on X"); {date} (the
// post's publication day, written in the language's own way); {what} (the incident's summary
// when the team wrote one, else the language's phrase for the strictest finding's category).
// Checking the filled texts against the policy is the caller's (program/incidents.h): this
// file knows nothing of policies.
//
// Thread-safety: immutable after Parse; Fill is safe from several threads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace chorus::program {

// The template kinds, in the order Fill returns them.
inline constexpr std::string_view kPlaybookKinds[] = {"correction", "apology", "holding_statement"};

struct PlaybookFacts {
  std::string organisation;
  std::string platform;   // x, mastodon, linkedin, facebook, feed
  std::string published;  // RFC 3339 ("2026-12-01T09:00:00Z"); "" leaves {date} out as ""
  std::string summary;    // what was wrong, in the team's words; "" for the category phrase
  std::vector<std::string> categories;  // the findings' categories, strictest first
};

struct PlaybookText {
  std::string kind;  // one of kPlaybookKinds
  std::string text;
};

class Playbook {
 public:
  // Reads the YAML text; errors carry line and column. Every language must have every
  // template, twelve months, every platform and a "default" phrase.
  static Status Parse(std::string_view yaml_text, Playbook* out);
  // The playbook built into the binary (packs/playbook.yaml).
  static Status Builtin(Playbook* out);

  // The language codes, sorted.
  std::vector<std::string> Languages() const;
  bool HasLanguage(std::string_view code) const { return languages_.count(std::string(code)); }

  // The filled templates of `language` (which must be one of Languages()).
  Status Fill(std::string_view language, const PlaybookFacts& facts,
              std::vector<PlaybookText>* out) const;

 private:
  struct Language {
    std::string date;
    std::vector<std::string> months;
    std::map<std::string, std::string> platforms;
    std::map<std::string, std::string> what;
    std::map<std::string, std::string> templates;
  };
  std::map<std::string, Language> languages_;
};

}  // namespace chorus::program
