// The inside of the Scanner, shared by scanner.cc (compiling, checking, texts) and
// scanner_collect.cc (turning one post's hits into candidate findings). Not an API: only
// those two files include it.
// Thread-safety: as Scanner (an Impl is immutable once built; CollectState is per check).
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "detect/hs_database.h"
#include "detect/regex_set.h"
#include "detect/term_index.h"
#include "policy/scanner.h"
#include "text/fold.h"
#include "text/language.h"

namespace chorus {
namespace scanner_internal {

// How far apart (in folded bytes) two hits may be and still belong together, e.g. "revenue"
// and "4.2 million", or "Baltpay" and "scammers".
constexpr size_t kContextWindow = 60;
enum class Role { kClause, kTarget, kTrigger, kFinancialTerm, kPasswordWord, kApproved, kAllow };
enum TargetKind { kCompetitor = 0, kClient, kColleague, kCompany, kTargetKinds };
constexpr const char* kDisparagementSources[kTargetKinds] = {
    "disparagement:competitor", "disparagement:client", "disparagement:colleague",
    "disparagement:company"};

struct ListInfo {
  Role role = Role::kClause;
  int clause = -1;               // clause index (kClause, kFinancialTerm)
  TargetKind target = kCompany;  // kTarget
  std::string gate_language;     // only in posts of this language ("" = any)
  bool also_trigger = false;     // offensive words also trigger disparagement
};

struct Span {
  size_t start, end;
};

// A finding before its texts are filled in.
struct Candidate {
  int clause;
  size_t start, end;  // original offsets
  std::string detail;
};

inline size_t Gap(const Span& a, const Span& b) {
  return a.end <= b.start ? b.start - a.end : (b.end <= a.start ? a.start - b.end : 0);
}

inline bool Near(const Span& a, const Span& b) {
  return Gap(a, b) <= kContextWindow;
}

// True if the spans overlap any of `spans`.
inline bool OverlapsAny(const Span& s, const std::vector<Span>& spans) {
  for (const Span& o : spans)
    if (s.start < o.end && o.start < s.end) return true;
  return false;
}

// Latin letters with diacritics (ā, ę, ł, ž …).
bool HasLatinDiacritic(std::string_view s);
// True if `between` ends one sentence and starts another: a line break, or ". ", "! ", "? ".
bool CrossesSentence(std::string_view between);
// Lower case ASCII, letters and digits only: how handles and names compare.
std::string Compact(std::string_view s);

// What the steps of Scanner::Impl::Collect share for one post.
struct CollectState {
  struct Target {
    Span span;
    TargetKind kind;
  };
  std::string_view text;
  const text::FoldedText& folded;
  const std::function<const std::string&()>& language;
  std::vector<Candidate>* out;
  int diacritics = -1;  // whether the post has Latin diacritics; -1: not looked yet
  std::vector<Target> targets;
  std::vector<std::pair<Span, int>> triggers;  // folded span, clause of the offensive finding
  std::vector<std::pair<Span, int>> financial_terms;
  std::vector<Span> amounts;
  std::vector<Span> suppress;      // original offsets
  std::vector<Span> identifiers;   // original offsets of validated identifiers
  std::vector<Span> amount_spans;  // original offsets of amounts

  Span Original(const Span& f) const {
    return Span{folded.OriginalStart(f.start), folded.OriginalEnd(f.end)};
  }
  bool PostHasDiacritics() {
    if (diacritics < 0) diacritics = HasLatinDiacritic(text) ? 1 : 0;
    return diacritics == 1;
  }
  void Add(int clause, const Span& original_span, std::string detail) {
    if (clause < 0 || original_span.end <= original_span.start) return;
    out->push_back({clause, original_span.start, original_span.end, std::move(detail)});
  }
};

}  // namespace scanner_internal

using namespace scanner_internal;  // NOLINT: the internal types read as the Impl's own

struct Scanner::Impl {
  Policy policy;
  std::vector<std::string> languages;
  std::string fallback_language = "en";
  text::CommonWords common_words;  // of every pack that has them
  std::vector<ListInfo> lists;
  detect::TermIndex terms;
  detect::RegexSet raw_patterns;        // patterns any post may hold
  detect::RegexSet raw_digit_patterns;  // patterns only posts with digits may hold
  detect::RegexSet folded_patterns;
  std::map<std::string, int, std::less<>> clause_by_source;  // enabled clauses only
  // Per term: a lexicon word of a diacritic-writing language spelled with diacritics.
  std::vector<bool> needs_diacritics;
  // Per language: folded words that are common words when typed without diacritics
  // ("sad", "sadzie"); the lexicon pack's `plain_homographs`.
  std::map<std::string, std::unordered_set<std::string>, std::less<>> homographs;
  std::vector<std::string> org_names;       // compact organisation names and brands
  std::set<std::string> official_accounts;  // compact
  bool cached = false;

  int ClauseFor(std::string_view source) const {
    auto it = clause_by_source.find(source);
    return it == clause_by_source.end() ? -1 : it->second;
  }

  // True if a word of `folded` is a plain homograph of `language`.
  bool IsHomograph(std::string_view language, std::string_view folded) const {
    auto it = homographs.find(language);
    if (it == homographs.end()) return false;
    for (const auto word : text::FoldedWords(folded))
      if (it->second.count(std::string(word))) return true;
    return false;
  }

  int AddList(ListInfo info) {
    lists.push_back(std::move(info));
    return static_cast<int>(lists.size() - 1);
  }

  Status Build(const CompileOptions& options);
  // Turns the hits of one post into candidate findings (scanner_collect.cc), step by step.
  void Collect(std::string_view text, const text::FoldedText& folded,
               const std::vector<detect::TermMatch>& term_hits,
               const std::vector<std::pair<unsigned, Span>>& folded_hits,
               const std::vector<std::pair<unsigned, Span>>& raw_hits,
               const std::function<const std::string&()>& language,
               std::vector<Candidate>* out) const;
  void SortTermHits(CollectState& st, const std::vector<detect::TermMatch>& term_hits) const;
  void NoteAmounts(CollectState& st,
                   const std::vector<std::pair<unsigned, Span>>& folded_hits) const;
  void FindDisparagement(CollectState& st) const;
  void FindFinancialFigures(CollectState& st) const;
  void CheckIdentifiers(CollectState& st,
                        const std::vector<std::pair<unsigned, Span>>& raw_hits) const;
  void CheckOtherPatterns(CollectState& st,
                          const std::vector<std::pair<unsigned, Span>>& raw_hits) const;
  void ApplySuppressions(CollectState& st) const;
  Finding MakeFinding(const Candidate& c, std::string_view text, const std::string& lang) const;
};

}  // namespace chorus
