#include "detect/term_index.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "detect/cache_file.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace chorus::detect {
namespace {

// Splits folded text into its words (runs of letters and digits); `gaps`, if given, gets
// what stands between consecutive words.
std::vector<std::string> SplitWords(std::string_view folded,
                                    std::vector<std::string>* gaps = nullptr) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < folded.size()) {
    const size_t gap_start = i;
    while (i < folded.size() && !text::IsWordCharAt(folded, i)) ++i;
    if (gaps && !words.empty() && i < folded.size())
      gaps->emplace_back(folded.substr(gap_start, i - gap_start));
    size_t start = i;
    while (i < folded.size() && text::IsWordCharAt(folded, i)) {
      size_t len = 0;
      text::DecodeUtf8(folded, i, &len);
      i += len;
    }
    if (i > start) words.emplace_back(folded.substr(start, i - start));
  }
  return words;
}

// No word of a term, and no prefix, is longer than these; scanning further is wasted (and
// quadratic on a megabyte-long "word").
constexpr size_t kMaxWordBytes = 256;
constexpr size_t kMaxPrefixBytes = 16;

// End of the word that continues at `pos`, or npos if it runs past kMaxWordBytes.
size_t WordEnd(std::string_view folded, size_t pos) {
  const size_t limit = pos + kMaxWordBytes;
  while (pos < folded.size() && text::IsWordCharAt(folded, pos)) {
    if (pos > limit) return std::string_view::npos;
    size_t len = 0;
    text::DecodeUtf8(folded, pos, &len);
    pos += len;
  }
  return pos;
}

// Anchors shorter than this would hit inside almost every word.
constexpr size_t kMinAnchor = 3;
// A common stem shorter than this is replaced by the anchor word's forms (at most
// kMaxAnchorLiterals of them): stems of three bytes or fewer caused most literal hits.
constexpr size_t kLongAnchor = 5;
constexpr size_t kMaxAnchorLiterals = 256;

// What the literal database looks for to find a word of `forms` (common stem `stem`): the
// stem itself when it is long; a short common stem ("rig" of "Rīgas") hits inside
// countless words, so then each form is looked for by itself: a long stem, or a short stem
// with each of its endings (unless that makes more than kMaxAnchorLiterals). A word that
// matches the forms starts with one of these literals, so no hit is lost; and as no
// literal of a word is a prefix of another, a token is reached by one of them only.
bool ExpandsAnchor(const std::vector<text::StemForm>& forms, const std::string& stem) {
  if (stem.size() >= kLongAnchor || forms.empty()) return false;
  size_t count = 0;
  for (const auto& form : forms)
    count += form.stem.size() >= kLongAnchor ? 1 : form.endings->size();
  return count > 0 && count <= kMaxAnchorLiterals;
}

// The length of the shortest of AnchorLiterals(forms, stem), without building them.
size_t ShortestAnchorLiteral(const std::vector<text::StemForm>& forms, const std::string& stem) {
  if (!ExpandsAnchor(forms, stem)) return stem.size();
  size_t shortest = SIZE_MAX;
  for (const auto& form : forms) {
    if (form.stem.size() >= kLongAnchor) {
      shortest = std::min(shortest, form.stem.size());
      continue;
    }
    for (const auto& ending : *form.endings)
      shortest = std::min(shortest, form.stem.size() + ending.size());
  }
  return shortest;
}

std::vector<std::string> AnchorLiterals(const std::vector<text::StemForm>& forms,
                                        const std::string& stem) {
  if (!ExpandsAnchor(forms, stem)) return {stem};
  std::vector<std::string> expanded;
  for (const auto& form : forms) {
    if (form.stem.size() >= kLongAnchor) {
      expanded.push_back(form.stem);
      continue;
    }
    for (const auto& ending : *form.endings) expanded.push_back(form.stem + ending);
  }
  std::sort(expanded.begin(), expanded.end());
  // A literal matcher does not see word boundaries: a literal that is a prefix of another
  // makes the longer one redundant (the longer ones follow it in sorted order).
  std::vector<std::string> literals;
  for (auto& literal : expanded) {
    if (!literals.empty() && literal.compare(0, literals.back().size(), literals.back()) == 0)
      continue;
    literals.push_back(std::move(literal));
  }
  return literals;
}

// Start of the word around `pos`, or npos if it lies more than `max_bytes` before.
size_t WordStartWithin(std::string_view folded, size_t pos, size_t max_bytes) {
  const size_t limit = pos > max_bytes ? pos - max_bytes : 0;
  while (pos > 0 && text::IsWordCharBefore(folded, pos)) {
    if (pos < limit) return std::string_view::npos;
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(folded[pos]) & 0xC0) == 0x80) --pos;
  }
  return pos;
}

bool IsLooseGapChar(char c) {
  return c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r' || c == '\'' || c == '"';
}

// Between the words of a phrase: spaces, a hyphen, a line break; at most a few characters.
size_t SkipPhraseGap(std::string_view folded, size_t pos) {
  size_t i = pos;
  while (i < folded.size() && i - pos < 4) {
    if (!IsLooseGapChar(folded[i])) break;
    ++i;
  }
  return i;
}

// A masked word ("f*ck") fits a term word of the same length whose letters agree wherever
// the mask does not hide them; the first letter must be visible.
bool FitsMask(std::string_view masked, std::string_view word) {
  if (masked.size() != word.size() || masked.empty() || masked[0] == '*') return false;
  int hidden = 0;
  for (size_t i = 0; i < masked.size(); ++i) {
    if (masked[i] == '*') {
      ++hidden;
      continue;
    }
    if (masked[i] != word[i]) return false;
  }
  return hidden > 0 && hidden < static_cast<int>(word.size());
}

// A later word of a phrase: its forms, possibly behind a prefix ("בבית המשפט").
bool MatchesWithPrefix(std::string_view token, const std::vector<text::StemForm>& forms,
                       const std::vector<std::string>* prefixes) {
  if (text::MatchesForms(token, forms)) return true;
  if (!prefixes) return false;
  for (const auto& p : *prefixes) {
    if (token.size() > p.size() && token.compare(0, p.size(), p) == 0 &&
        text::MatchesForms(token.substr(p.size()), forms))
      return true;
  }
  return false;
}

}  // namespace

Status TermIndex::Build(const std::vector<TermSpec>& specs, const std::string& cache_dir) {
  specs_ = specs;
  index_loaded_from_cache_ = false;
  std::vector<HsPattern> literals;
  std::string key, path;
  if (!cache_dir.empty()) {
    key = CacheKey(KeyInput(specs_));
    path = CacheFilePath(cache_dir, key, kCacheKind);
    std::string payload;
    if (ReadCacheFile(path, kCacheKind, kCacheFormat, key, &payload) && Load(payload, &literals)) {
      index_loaded_from_cache_ = true;
      return db_.CompileLiterals(literals, cache_dir);
    }
    literals.clear();
  }
  Compile(&literals);
  if (Status s = db_.CompileLiterals(literals, cache_dir); !s.ok()) return s;
  if (!path.empty()) {
    std::string payload;
    if (Save(literals, &payload)) WriteCacheFile(path, kCacheKind, kCacheFormat, key, payload);
  }
  return Status::Ok();
}

void TermIndex::Compile(std::vector<HsPattern>* out_literals) {
  terms_.clear();
  groups_.clear();
  literal_groups_.clear();
  literal_length_.clear();
  literal_prefixed_.clear();
  prefix_last_byte_.fill(0);
  prefix_sets_.clear();
  maskable_.clear();
  terms_.resize(specs_.size());

  // Prefixes (Hebrew) of every language that applies, merged into one list per rule set.
  std::map<std::vector<const text::InflectionRules*>, size_t> prefix_index;
  for (const auto& spec : specs_) {
    auto [it, inserted] = prefix_index.emplace(spec.rules, prefix_sets_.size());
    if (!inserted) continue;
    std::set<std::string> merged;
    for (const auto* r : spec.rules)
      if (r) merged.insert(r->prefixes.begin(), r->prefixes.end());
    prefix_sets_.emplace_back(merged.begin(), merged.end());
  }
  for (const auto& set : prefix_sets_)
    for (const auto& p : set)
      if (!p.empty()) prefix_last_byte_[static_cast<unsigned char>(p.back())] = 1;

  std::map<std::tuple<std::string, std::vector<const text::InflectionRules*>, bool>, uint32_t>
      group_ids;
  std::map<std::string, uint32_t> literal_ids;
  std::unordered_map<std::string, size_t> word_frequency;
  for (uint32_t t = 0; t < specs_.size(); ++t) {
    terms_[t].folded = text::FoldTerm(specs_[t].text);  // once: folding allocates
    for (const auto& w : SplitWords(terms_[t].folded)) ++word_frequency[w];
  }
  for (uint32_t t = 0; t < specs_.size(); ++t) {
    const TermSpec& spec = specs_[t];
    CompiledTerm& term = terms_[t];
    // Masked spellings in a list ("f**k") are covered by matching masks against the word.
    if (term.folded.find('*') != std::string::npos) continue;
    std::vector<std::string> words = SplitWords(term.folded, &term.gaps);
    if (words.empty()) continue;
    const bool exact_phrase = std::all_of(
        words.begin(), words.end(), [](const std::string& w) { return w.size() < kMinAnchor; });
    if (exact_phrase) {  // "P&L": one exact string, from its first to its last letter
      const size_t first = term.folded.find(words.front());
      const size_t last = term.folded.rfind(words.back()) + words.back().size();
      words = {term.folded.substr(first, last - first)};
      term.gaps.clear();
    }
    for (const auto& w : words)
      term.words.push_back(text::WordForms(w, spec.rules, spec.exact || exact_phrase));
    // The anchor: a word whose literals are long enough to be rare in any text ("ligums"
    // rather than "par", "suka" rather than "to"), else the word with the longest literals;
    // then the word fewest terms share ("Riga" rather than "Bank" in a list of banks) among
    // those with a stem long enough to be selective; then the longest stem, the longest word.
    std::string best_stem;
    size_t best_frequency = SIZE_MAX, best_shortest = 0;
    for (size_t w = 0; w < term.words.size(); ++w) {
      std::string stem = text::CommonStem(term.words[w]);
      if (stem.empty()) stem = words[w];
      const size_t shortest = ShortestAnchorLiteral(term.words[w], stem);
      const size_t frequency = stem.size() >= kMinAnchor ? word_frequency[words[w]] : SIZE_MAX;
      const bool is_long = shortest >= kLongAnchor, best_long = best_shortest >= kLongAnchor;
      bool better;
      if (best_stem.empty() || is_long != best_long)
        better = best_stem.empty() || is_long;
      else if (!is_long && shortest != best_shortest)
        better = shortest > best_shortest;
      else if (frequency != best_frequency)
        better = frequency < best_frequency;
      else if (stem.size() != best_stem.size())
        better = stem.size() > best_stem.size();
      else
        better = words[w].size() > words[term.anchor].size();
      if (better) {
        best_stem = std::move(stem);
        best_frequency = frequency;
        best_shortest = shortest;
        term.anchor = w;
      }
    }
    const auto& prefixes = prefix_sets_[prefix_index.at(spec.rules)];
    if (!prefixes.empty()) term.prefixes = &prefixes;
    if (spec.maskable && words.size() == 1) maskable_.push_back(t);

    auto [g, new_group] = group_ids.emplace(
        std::make_tuple(words[term.anchor], spec.rules, spec.exact || exact_phrase),
        static_cast<uint32_t>(groups_.size()));
    if (new_group) {
      groups_.push_back({&term.words[term.anchor], term.prefixes, {}, {}, {}});
      const std::vector<std::string> anchor_literals =
          AnchorLiterals(term.words[term.anchor], best_stem);
      for (const auto& literal : anchor_literals) {
        auto [lit, fresh] =
            literal_ids.emplace(literal, static_cast<uint32_t>(literal_groups_.size()));
        if (fresh) {
          literal_groups_.emplace_back();
          literal_length_.push_back(static_cast<uint32_t>(literal.size()));
          literal_prefixed_.push_back(0);
        }
        literal_groups_[lit->second].push_back(g->second);
        if (term.prefixes) literal_prefixed_[lit->second] = 1;
      }
    }
    AnchorGroup& group = groups_[g->second];
    if (term.words.size() == 1) {
      group.single_word_terms.push_back(t);
    } else if (term.anchor + 1 == term.words.size()) {
      group.phrases_ending_at_anchor.push_back(t);
    } else {
      const std::string next = text::CommonStem(term.words[term.anchor + 1]);
      size_t len = 0;
      const char32_t initial = next.empty() ? 0 : text::DecodeUtf8(next, 0, &len);
      group.phrases_by_next_initial[initial].push_back(t);
    }
  }

  std::vector<HsPattern>& literals = *out_literals;
  literals.reserve(literal_ids.size());
  for (const auto& [text, id] : literal_ids) literals.push_back({text, id, 0});
  std::sort(literals.begin(), literals.end(),
            [](const HsPattern& a, const HsPattern& b) { return a.id < b.id; });
}

bool TermIndex::VerifyAround(std::string_view folded, const CompiledTerm& term, size_t* start,
                             size_t* end) const {
  // Words after the anchor, left to right.
  size_t pos = *end;
  for (size_t w = term.anchor + 1; w < term.words.size(); ++w) {
    // Spaces and hyphens between words are loose; other punctuation ("2.0") must match.
    const std::string& gap = term.gaps[w - 1];
    size_t next;
    if (std::all_of(gap.begin(), gap.end(), IsLooseGapChar)) {
      next = SkipPhraseGap(folded, pos);
      if (next == pos) return false;
    } else {
      if (folded.compare(pos, gap.size(), gap) != 0) return false;
      next = pos + gap.size();
    }
    if (next >= folded.size()) return false;
    const size_t next_end = WordEnd(folded, next);
    if (next_end == next || next_end == std::string_view::npos) return false;
    if (!MatchesWithPrefix(folded.substr(next, next_end - next), term.words[w], term.prefixes))
      return false;
    pos = next_end;
  }
  // Words before the anchor, right to left.
  size_t back = *start;
  for (size_t w = term.anchor; w-- > 0;) {
    const std::string& gap = term.gaps[w];
    size_t prev;
    if (std::all_of(gap.begin(), gap.end(), IsLooseGapChar)) {
      prev = back;
      while (prev > 0 && back - prev < 4 && IsLooseGapChar(folded[prev - 1])) --prev;
      if (prev == back) return false;
    } else {
      if (back < gap.size() || folded.compare(back - gap.size(), gap.size(), gap) != 0)
        return false;
      prev = back - gap.size();
    }
    const size_t prev_start = WordStartWithin(folded, prev, kMaxWordBytes);
    if (prev_start == std::string_view::npos || prev_start == prev) return false;
    if (!MatchesWithPrefix(folded.substr(prev_start, prev - prev_start), term.words[w],
                           term.prefixes))
      return false;
    back = prev_start;
  }
  *start = back;
  *end = pos;
  return true;
}

Status TermIndex::Match(std::string_view folded,
                        const std::vector<std::pair<uint32_t, uint32_t>>& masked_tokens,
                        std::vector<TermMatch>* out) const {
  Status status = db_.Scan(folded, [&](unsigned id, unsigned long long, unsigned long long to) {
    const size_t hit_end = static_cast<size_t>(to);
    const size_t hit_start = hit_end - literal_length_[id];
    // Where the word around the hit starts and ends, computed once for every group. Most
    // hits of short stems fall inside other words ("ban" in "urban"); without prefixes to
    // allow for, they end here.
    const bool inside_word = text::IsWordCharBefore(folded, hit_start);
    // A prefix can only end in a byte some prefix ends in (Latin letters never do).
    if (inside_word && (!literal_prefixed_[id] ||
                        !prefix_last_byte_[static_cast<unsigned char>(folded[hit_start - 1])]))
      return;
    const size_t word_start =
        inside_word ? WordStartWithin(folded, hit_start, kMaxPrefixBytes) : hit_start;
    const size_t word_end = WordEnd(folded, hit_end);
    if (word_start == std::string_view::npos || word_end == std::string_view::npos) return;
    const std::string_view prefix = folded.substr(word_start, hit_start - word_start);
    const std::string_view token = folded.substr(hit_start, word_end - hit_start);
    const std::vector<std::string>* checked_prefixes = nullptr;
    bool prefix_ok = !inside_word;
    for (uint32_t g : literal_groups_[id]) {
      const AnchorGroup& group = groups_[g];
      if (inside_word) {
        if (!group.prefixes) continue;
        if (group.prefixes != checked_prefixes) {
          checked_prefixes = group.prefixes;
          prefix_ok = std::binary_search(group.prefixes->begin(), group.prefixes->end(), prefix);
        }
        if (!prefix_ok) continue;
      }
      if (!text::MatchesForms(token, *group.forms)) continue;
      for (uint32_t t : group.single_word_terms)
        out->push_back({t, static_cast<uint32_t>(word_start), static_cast<uint32_t>(word_end)});
      auto verify = [&](uint32_t t) {
        size_t start = word_start, end = word_end;
        if (VerifyAround(folded, terms_[t], &start, &end))
          out->push_back({t, static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
      };
      for (uint32_t t : group.phrases_ending_at_anchor) verify(t);
      if (group.phrases_by_next_initial.empty()) continue;
      // The first letters the next word may start with: its own, or the one after a prefix.
      size_t next = word_end;
      while (next < folded.size() && next - word_end < 8 && !text::IsWordCharAt(folded, next))
        ++next;
      if (next >= folded.size()) continue;
      char32_t initials[4];
      size_t initial_count = 0;
      size_t len = 0;
      initials[initial_count++] = text::DecodeUtf8(folded, next, &len);
      if (group.prefixes) {
        for (const auto& p : *group.prefixes) {
          if (initial_count == 4) break;
          if (folded.compare(next, p.size(), p) != 0 || next + p.size() >= folded.size()) continue;
          const char32_t after = text::DecodeUtf8(folded, next + p.size(), &len);
          if (std::find(initials, initials + initial_count, after) == initials + initial_count)
            initials[initial_count++] = after;
        }
      }
      for (size_t k = 0; k < initial_count; ++k) {
        auto bucket = group.phrases_by_next_initial.find(initials[k]);
        if (bucket == group.phrases_by_next_initial.end()) continue;
        for (uint32_t t : bucket->second) verify(t);
      }
    }
  });
  for (const auto& [s, e] : masked_tokens) {
    const std::string_view token = folded.substr(s, e - s);
    for (uint32_t t : maskable_) {
      const auto& forms = terms_[t].words.front();
      for (const auto& f : forms) {
        if (f.endings->size() != 1 || !f.endings->begin()->empty()) continue;  // whole words only
        if (FitsMask(token, f.stem)) {
          out->push_back({t, s, e});
          break;
        }
      }
    }
  }
  return status;
}

}  // namespace chorus::detect
