// TermIndex: finds words and phrases from lists (client names, codenames, topic lexicons) in
// folded text, in any of their inflected forms, in one pass.
//
// How: each term is split into words and every word expanded into stems and endings
// (inflection.h). One Hyperscan literal database holds the common stem of every term's first
// word; a literal hit is then verified in place: the word must start at a word boundary (or
// after an allowed prefix, for Hebrew), the rest of the token must be an allowed ending, and
// the following words of the phrase must follow with their own allowed forms. Hits are rare
// compared with the text, so verification costs little; the scan itself runs at Hyperscan's
// literal speed.
//
// Thread-safety: built once, then Match() may be called from any number of threads.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "detect/hs_database.h"
#include "text/inflection.h"

namespace chorus::detect {

struct TermSpec {
  std::string text;       // as written in the policy or pack (folded when compiled)
  int list = 0;           // caller's tag: which list or clause the term belongs to
  bool exact = false;     // match only the written form
  bool maskable = false;  // may be written with "*" masks ("f*ck")
  std::vector<const text::InflectionRules*> rules;  // languages whose forms apply
};

struct TermMatch {
  uint32_t term = 0;   // index into the specs given to Build()
  uint32_t start = 0;  // span in the folded text
  uint32_t end = 0;
};

class TermIndex {
 public:
  // Compiles the terms. Terms that fold to nothing are ignored. With a `cache_dir`, the
  // compiled index is cached there (detect/cache_file.h), keyed by everything it depends on
  // (each spec and the content of its inflection rules, the format, the binary): the next
  // Build of the same specs loads it instead of compiling. A damaged cache file is rebuilt.
  Status Build(const std::vector<TermSpec>& specs, const std::string& cache_dir);

  // Appends every occurrence of every term in `folded` (text produced by text::Fold), plus
  // masked words (`masked_tokens` of the folded text) that fit a maskable single-word term.
  Status Match(std::string_view folded,
               const std::vector<std::pair<uint32_t, uint32_t>>& masked_tokens,
               std::vector<TermMatch>* out) const;

  const TermSpec& spec(uint32_t term) const { return specs_[term]; }
  size_t size() const { return specs_.size(); }
  size_t literal_count() const { return literal_groups_.size(); }
  // Bytes of the shortest literal the database looks for (0 without terms).
  size_t shortest_literal() const {
    return literal_length_.empty()
               ? 0
               : *std::min_element(literal_length_.begin(), literal_length_.end());
  }
  bool loaded_from_cache() const { return db_.loaded_from_cache(); }
  // True if the last Build() loaded the compiled index (not only its database) from the cache.
  bool index_loaded_from_cache() const { return index_loaded_from_cache_; }

 private:
  struct CompiledTerm {
    std::vector<std::vector<text::StemForm>> words;
    std::vector<std::string> gaps;  // gaps[i] stands between words i and i+1 in the term
    size_t anchor = 0;              // the word the literal database looks for
    const std::vector<std::string>* prefixes = nullptr;  // may be null
    std::string folded;
  };
  // Terms anchored on the same word under the same rules: the anchor is verified once per
  // group, then each term's other words.
  struct AnchorGroup {
    const std::vector<text::StemForm>* forms = nullptr;  // of the anchor word
    const std::vector<std::string>* prefixes = nullptr;
    std::vector<uint32_t> single_word_terms;
    std::vector<uint32_t> phrases_ending_at_anchor;
    // Phrases with words after the anchor, bucketed by the first code point of the next
    // word's stem, so that a hit only verifies the phrases whose next word can follow.
    std::unordered_map<char32_t, std::vector<uint32_t>> phrases_by_next_initial;
  };
  // Checks the words of `term` around its anchor, found at [*start, *end); widens the span.
  bool VerifyAround(std::string_view folded, const CompiledTerm& term, size_t* start,
                    size_t* end) const;
  static constexpr const char* kCacheKind = "terms";
  static constexpr uint32_t kCacheFormat = 1;  // raise when Save's layout or Compile changes
  // What the compiled index depends on, as bytes to hash: every spec, and the content of
  // every inflection rule set the specs name.
  static std::string KeyInput(const std::vector<TermSpec>& specs);
  // Compiles into the members; `literals` gets the database's literals.
  void Compile(std::vector<HsPattern>* literals);
  // The compiled index (not specs_, not the database) as bytes, with the literals; false if
  // something cannot be written (then nothing is cached).
  bool Save(const std::vector<HsPattern>& literals, std::string* out) const;
  // Reads what Save wrote for the same specs_; false if it does not parse or does not fit.
  bool Load(std::string_view bytes, std::vector<HsPattern>* literals);

  std::vector<TermSpec> specs_;
  std::vector<CompiledTerm> terms_;
  std::vector<AnchorGroup> groups_;
  std::vector<std::vector<uint32_t>> literal_groups_;  // literal id -> groups sharing it
  std::vector<uint32_t> literal_length_;
  // literal id -> whether some group of it accepts prefixes (a hit inside a word can count)
  std::vector<uint8_t> literal_prefixed_;
  std::array<uint8_t, 256> prefix_last_byte_{};        // bytes some prefix ends with
  std::vector<std::vector<std::string>> prefix_sets_;  // owned prefix lists
  std::vector<uint32_t> maskable_;                     // single-word maskable terms
  HsDatabase db_;
  bool index_loaded_from_cache_ = false;
};

}  // namespace chorus::detect
