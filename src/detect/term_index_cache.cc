// TermIndex's cache: the key of a compiled index and its serialised form (term_index.h).
#include <algorithm>
#include <unordered_map>

#include "detect/cache_file.h"
#include "detect/term_index.h"

namespace chorus::detect {
namespace {

// The ending sets forms may point to: the bare ending, then each rule set's (in the order
// the specs first name them), so that a form's set is saved as its index in this table.
std::vector<std::shared_ptr<const text::EndingSet>> EndingTable(
    const std::vector<TermSpec>& specs) {
  std::vector<std::shared_ptr<const text::EndingSet>> table{text::BareEnding()};
  std::vector<const text::InflectionRules*> seen;
  for (const auto& spec : specs) {
    for (const auto* r : spec.rules) {
      if (!r || std::find(seen.begin(), seen.end(), r) != seen.end()) continue;
      seen.push_back(r);
      table.push_back(r->endings);
      for (const auto& alt : r->alternations) table.push_back(alt.endings);
    }
  }
  return table;
}

void WriteStrings(ByteWriter& w, const std::vector<std::string>& v) {
  w.U32(v.size());
  for (const auto& s : v) w.Str(s);
}

std::vector<std::string> ReadStrings(ByteReader& r) {
  std::vector<std::string> v(r.Count(4));
  for (auto& s : v) s = r.Str();
  return v;
}

void WriteIds(ByteWriter& w, const std::vector<uint32_t>& v) {
  w.U32(v.size());
  for (uint32_t x : v) w.U32(x);
}

// Ids below `limit`; fails the reader otherwise.
std::vector<uint32_t> ReadIds(ByteReader& r, size_t limit, bool* ok) {
  std::vector<uint32_t> v(r.Count(4));
  for (auto& x : v) {
    x = r.U32();
    if (x >= limit) *ok = false;
  }
  return v;
}

void WriteRules(ByteWriter& w, const text::InflectionRules& r) {
  w.Str(r.language);
  w.Pod(static_cast<uint64_t>(r.min_stem));
  WriteStrings(w, r.strip);
  auto endings = [&](const std::shared_ptr<const text::EndingSet>& set) {
    w.U32(set ? set->size() + 1 : 0);
    if (set)
      for (const auto& e : *set) w.Str(e);
  };
  endings(r.endings);
  w.U32(r.alternations.size());
  for (const auto& alt : r.alternations) {
    w.Str(alt.from);
    w.Str(alt.to);
    endings(alt.endings);
  }
  WriteStrings(w, r.prefixes);
}

}  // namespace

std::string TermIndex::KeyInput(const std::vector<TermSpec>& specs) {
  ByteWriter w;
  w.Str(kCacheKind);
  w.U32(kCacheFormat);
  std::vector<const text::InflectionRules*> seen;
  for (const auto& spec : specs)
    for (const auto* r : spec.rules)
      if (r && std::find(seen.begin(), seen.end(), r) == seen.end()) seen.push_back(r);
  w.U32(seen.size());
  for (const auto* r : seen) WriteRules(w, *r);
  w.U32(specs.size());
  for (const auto& spec : specs) {
    w.Str(spec.text);
    w.Pod(static_cast<int32_t>(spec.list));
    w.Pod(static_cast<uint8_t>(spec.exact));
    w.Pod(static_cast<uint8_t>(spec.maskable));
    w.U32(spec.rules.size());
    for (const auto* r : spec.rules) {
      const auto it = std::find(seen.begin(), seen.end(), r);
      w.U32(r ? static_cast<size_t>(it - seen.begin()) + 1 : 0);
    }
  }
  return std::move(w.bytes());
}

bool TermIndex::Save(const std::vector<HsPattern>& literals, std::string* out) const {
  const auto table = EndingTable(specs_);
  std::unordered_map<const text::EndingSet*, uint32_t> ending_index;
  for (size_t i = table.size(); i-- > 0;) ending_index[table[i].get()] = static_cast<uint32_t>(i);
  auto prefix_index = [&](const std::vector<std::string>* p) -> uint32_t {
    if (!p) return 0;
    return static_cast<uint32_t>(p - prefix_sets_.data()) + 1;
  };
  std::unordered_map<const std::vector<text::StemForm>*, uint32_t> anchor_owner;
  for (size_t t = terms_.size(); t-- > 0;)
    if (!terms_[t].words.empty())
      anchor_owner[&terms_[t].words[terms_[t].anchor]] = static_cast<uint32_t>(t);

  ByteWriter w;
  w.U32(specs_.size());
  w.U32(prefix_sets_.size());
  for (const auto& set : prefix_sets_) WriteStrings(w, set);
  w.bytes().append(reinterpret_cast<const char*>(prefix_last_byte_.data()),
                   prefix_last_byte_.size());
  for (const auto& term : terms_) {
    w.U32(term.words.size());
    for (const auto& forms : term.words) {
      w.U32(forms.size());
      for (const auto& f : forms) {
        const auto it = ending_index.find(f.endings.get());
        if (it == ending_index.end()) return false;
        w.Str(f.stem);
        w.U32(it->second);
      }
    }
    WriteStrings(w, term.gaps);
    w.U32(term.anchor);
    w.U32(prefix_index(term.prefixes));
    w.Str(term.folded);
  }
  w.U32(groups_.size());
  for (const auto& g : groups_) {
    const auto owner = anchor_owner.find(g.forms);
    if (owner == anchor_owner.end()) return false;
    w.U32(owner->second);
    w.U32(prefix_index(g.prefixes));
    WriteIds(w, g.single_word_terms);
    WriteIds(w, g.phrases_ending_at_anchor);
    w.U32(g.phrases_by_next_initial.size());
    for (const auto& [initial, ids] : g.phrases_by_next_initial) {
      w.Pod(static_cast<uint32_t>(initial));
      WriteIds(w, ids);
    }
  }
  w.U32(literal_groups_.size());
  for (size_t l = 0; l < literal_groups_.size(); ++l) {
    WriteIds(w, literal_groups_[l]);
    w.U32(literal_length_[l]);
    w.Pod(literal_prefixed_[l]);
  }
  WriteIds(w, maskable_);
  w.U32(literals.size());
  for (const auto& p : literals) {
    w.Str(p.expression);
    w.U32(p.id);
  }
  *out = std::move(w.bytes());
  return true;
}

bool TermIndex::Load(std::string_view bytes, std::vector<HsPattern>* literals) {
  ByteReader r(bytes);
  bool ok = r.U32() == specs_.size();
  const auto table = EndingTable(specs_);
  prefix_sets_.assign(ok ? r.Count(4) : 0, {});
  for (auto& set : prefix_sets_) set = ReadStrings(r);
  for (auto& b : prefix_last_byte_) b = r.Pod<uint8_t>();
  auto prefixes = [&](uint32_t index) -> const std::vector<std::string>* {
    if (index == 0) return nullptr;
    if (index > prefix_sets_.size()) {
      ok = false;
      return nullptr;
    }
    return &prefix_sets_[index - 1];
  };
  terms_.assign(specs_.size(), {});
  for (auto& term : terms_) {
    term.words.resize(ok ? r.Count(4) : 0);
    for (auto& forms : term.words) {
      forms.resize(r.Count(8));
      for (auto& f : forms) {
        f.stem = r.Str();
        const uint32_t e = r.U32();
        if (e >= table.size()) {
          ok = false;
          break;
        }
        f.endings = table[e];
      }
    }
    term.gaps = ReadStrings(r);
    term.anchor = r.U32();
    if (!term.words.empty() &&
        (term.anchor >= term.words.size() || term.gaps.size() + 1 != term.words.size()))
      ok = false;
    term.prefixes = prefixes(r.U32());
    term.folded = r.Str();
    if (!ok || r.failed()) return false;
  }
  groups_.assign(r.Count(8), {});
  for (auto& g : groups_) {
    const uint32_t owner = r.U32();
    if (owner >= terms_.size() || terms_[owner].words.empty()) return false;
    g.forms = &terms_[owner].words[terms_[owner].anchor];
    g.prefixes = prefixes(r.U32());
    g.single_word_terms = ReadIds(r, terms_.size(), &ok);
    g.phrases_ending_at_anchor = ReadIds(r, terms_.size(), &ok);
    const uint32_t buckets = r.Count(8);
    for (uint32_t b = 0; b < buckets && ok && !r.failed(); ++b) {
      const char32_t initial = r.Pod<uint32_t>();
      g.phrases_by_next_initial[initial] = ReadIds(r, terms_.size(), &ok);
    }
    if (!ok || r.failed()) return false;
  }
  const uint32_t literal_count = r.Count(9);
  literal_groups_.assign(literal_count, {});
  literal_length_.assign(literal_count, 0);
  literal_prefixed_.assign(literal_count, 0);
  for (uint32_t l = 0; l < literal_count && ok; ++l) {
    literal_groups_[l] = ReadIds(r, groups_.size(), &ok);
    literal_length_[l] = r.U32();
    literal_prefixed_[l] = r.Pod<uint8_t>();
  }
  maskable_ = ReadIds(r, terms_.size(), &ok);
  for (uint32_t t : maskable_)
    if (terms_[t].words.empty()) ok = false;
  literals->assign(ok ? r.Count(8) : 0, {});
  for (auto& p : *literals) {
    p.expression = r.Str();
    p.id = r.U32();
    if (p.id >= literal_count || p.expression.size() != literal_length_[p.id]) ok = false;
  }
  return ok && !r.failed() && r.at_end();
}

}  // namespace chorus::detect
