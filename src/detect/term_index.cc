#include "detect/term_index.h"

#include <algorithm>
#include <map>
#include <set>

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

size_t WordEnd(std::string_view folded, size_t pos) {
  while (pos < folded.size() && text::IsWordCharAt(folded, pos)) {
    size_t len = 0;
    text::DecodeUtf8(folded, pos, &len);
    pos += len;
  }
  return pos;
}

size_t WordStart(std::string_view folded, size_t pos) {
  while (pos > 0 && text::IsWordCharBefore(folded, pos)) {
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
  terms_.clear();
  literal_terms_.clear();
  literal_length_.clear();
  prefix_sets_.clear();
  maskable_.clear();
  terms_.resize(specs_.size());

  std::map<std::vector<const text::InflectionRules*>, size_t> prefix_index;
  std::map<std::string, uint32_t> literal_ids;
  for (uint32_t t = 0; t < specs_.size(); ++t) {
    const TermSpec& spec = specs_[t];
    CompiledTerm& term = terms_[t];
    term.folded = text::FoldTerm(spec.text);
    const std::vector<std::string> words = SplitWords(term.folded, &term.gaps);
    if (words.empty()) continue;
    for (const auto& w : words) term.words.push_back(text::WordForms(w, spec.rules, spec.exact));

    // Prefixes (Hebrew) of every language that applies, merged into one shared list.
    auto [it, inserted] = prefix_index.emplace(spec.rules, prefix_sets_.size());
    if (inserted) {
      std::set<std::string> merged;
      for (const auto* r : spec.rules)
        if (r) merged.insert(r->prefixes.begin(), r->prefixes.end());
      prefix_sets_.emplace_back(merged.begin(), merged.end());
    }

    std::string literal = text::CommonStem(term.words.front());
    if (literal.empty()) literal = words.front();
    auto [lit, fresh] = literal_ids.emplace(literal, static_cast<uint32_t>(literal_terms_.size()));
    if (fresh) {
      literal_terms_.emplace_back();
      literal_length_.push_back(static_cast<uint32_t>(literal.size()));
    }
    literal_terms_[lit->second].push_back(t);
    if (spec.maskable && words.size() == 1) maskable_.push_back(t);
  }
  // Prefix pointers are taken once prefix_sets_ no longer grows.
  for (uint32_t t = 0; t < specs_.size(); ++t) {
    auto it = prefix_index.find(specs_[t].rules);
    if (it != prefix_index.end() && !prefix_sets_[it->second].empty())
      terms_[t].prefixes = &prefix_sets_[it->second];
  }

  std::vector<HsPattern> literals;
  literals.reserve(literal_ids.size());
  for (const auto& [text, id] : literal_ids) literals.push_back({text, id, 0});
  std::sort(literals.begin(), literals.end(),
            [](const HsPattern& a, const HsPattern& b) { return a.id < b.id; });
  return db_.CompileLiterals(literals, cache_dir);
}

bool TermIndex::Verify(std::string_view folded, uint32_t term_id, size_t hit_start, size_t hit_end,
                       TermMatch* match) const {
  const CompiledTerm& term = terms_[term_id];
  if (term.words.empty()) return false;
  size_t start = hit_start;
  if (text::IsWordCharBefore(folded, hit_start)) {
    if (!term.prefixes) return false;
    start = WordStart(folded, hit_start);
    const std::string_view prefix = folded.substr(start, hit_start - start);
    if (!std::binary_search(term.prefixes->begin(), term.prefixes->end(), prefix)) return false;
  }
  size_t end = WordEnd(folded, hit_end);
  if (!text::MatchesForms(folded.substr(hit_start, end - hit_start), term.words.front()))
    return false;
  for (size_t w = 1; w < term.words.size(); ++w) {
    // Spaces and hyphens between words are loose; other punctuation ("2.0") must match.
    const std::string& gap = term.gaps[w - 1];
    size_t next;
    if (std::all_of(gap.begin(), gap.end(), IsLooseGapChar)) {
      next = SkipPhraseGap(folded, end);
      if (next == end) return false;
    } else {
      if (folded.compare(end, gap.size(), gap) != 0) return false;
      next = end + gap.size();
    }
    if (next >= folded.size()) return false;
    const size_t next_end = WordEnd(folded, next);
    if (next_end == next) return false;
    if (!MatchesWithPrefix(folded.substr(next, next_end - next), term.words[w], term.prefixes))
      return false;
    end = next_end;
  }
  match->term = term_id;
  match->start = static_cast<uint32_t>(start);
  match->end = static_cast<uint32_t>(end);
  return true;
}

Status TermIndex::Match(std::string_view folded,
                        const std::vector<std::pair<uint32_t, uint32_t>>& masked_tokens,
                        std::vector<TermMatch>* out) const {
  Status status = db_.Scan(folded, [&](unsigned id, unsigned long long, unsigned long long to) {
    const size_t hit_end = static_cast<size_t>(to);
    const size_t hit_start = hit_end - literal_length_[id];
    for (uint32_t t : literal_terms_[id]) {
      TermMatch m;
      if (Verify(folded, t, hit_start, hit_end, &m)) out->push_back(m);
    }
  });
  for (const auto& [s, e] : masked_tokens) {
    const std::string_view token = folded.substr(s, e - s);
    for (uint32_t t : maskable_) {
      const auto& forms = terms_[t].words.front();
      for (const auto& f : forms) {
        if (*f.endings->begin() != "" || f.endings->size() != 1) continue;  // whole words only
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
