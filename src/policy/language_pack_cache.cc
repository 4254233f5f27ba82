#include "policy/language_pack_cache.h"

#include <memory>

#include "detect/cache_file.h"

namespace chorus {
namespace {

using detect::ByteReader;
using detect::ByteWriter;

void PutStrings(ByteWriter& w, const std::vector<std::string>& v) {
  w.U32(v.size());
  for (const auto& s : v) w.Str(s);
}
std::vector<std::string> GetStrings(ByteReader& r) {
  std::vector<std::string> v(r.Count(4));
  for (auto& s : v) s = r.Str();
  return v;
}
void PutEndings(ByteWriter& w, const std::shared_ptr<const text::EndingSet>& set) {
  w.U32(set ? set->size() + 1 : 0);
  if (set)
    for (const auto& e : *set) w.Str(e);
}
std::shared_ptr<const text::EndingSet> GetEndings(ByteReader& r) {
  const uint32_t n = r.Count(4);
  if (n == 0) return nullptr;
  text::EndingSet set;
  for (uint32_t i = 1; i < n && !r.failed(); ++i) set.insert(r.Str());
  return std::make_shared<const text::EndingSet>(std::move(set));
}
template <typename Map>
void PutMap(ByteWriter& w, const Map& m) {
  w.U32(m.size());
  for (const auto& [k, v] : m) {
    w.Str(k);
    if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>)
      w.Str(v);
    else
      PutStrings(w, v);
  }
}
template <typename Map>
void GetMap(ByteReader& r, Map* m) {
  const uint32_t n = r.Count(8);
  for (uint32_t i = 0; i < n && !r.failed(); ++i) {
    std::string key = r.Str();
    if constexpr (std::is_same_v<typename Map::mapped_type, std::string>)
      (*m)[std::move(key)] = r.Str();
    else
      (*m)[std::move(key)] = GetStrings(r);
  }
}

}  // namespace

std::string EncodeLanguagePacks(const std::vector<LanguagePack>& packs) {
  ByteWriter w;
  w.U32(packs.size());
  for (const auto& p : packs) {
    w.Str(p.code);
    w.Str(p.name);
    w.Pod(static_cast<uint8_t>(p.right_to_left));
    w.Str(p.phone_region);
    const text::InflectionRules& r = p.inflection;
    w.Str(r.language);
    w.Pod(static_cast<uint64_t>(r.min_stem));
    PutStrings(w, r.strip);
    PutEndings(w, r.endings);
    w.U32(r.alternations.size());
    for (const auto& a : r.alternations) {
      w.Str(a.from);
      w.Str(a.to);
      PutEndings(w, a.endings);
    }
    PutStrings(w, r.prefixes);
    PutMap(w, p.lexicons);
    PutMap(w, p.ui);
    PutStrings(w, p.common_words);
  }
  return std::move(w.bytes());
}

bool DecodeLanguagePacks(std::string_view bytes, std::vector<LanguagePack>* out) {
  ByteReader r(bytes);
  std::vector<LanguagePack> packs(r.Count(16));
  for (auto& p : packs) {
    p.code = r.Str();
    p.name = r.Str();
    p.right_to_left = r.Pod<uint8_t>() != 0;
    p.phone_region = r.Str();
    text::InflectionRules& rules = p.inflection;
    rules.language = r.Str();
    rules.min_stem = static_cast<size_t>(r.Pod<uint64_t>());
    rules.strip = GetStrings(r);
    rules.endings = GetEndings(r);
    rules.alternations.resize(r.Count(12));
    for (auto& a : rules.alternations) {
      a.from = r.Str();
      a.to = r.Str();
      a.endings = GetEndings(r);
    }
    rules.prefixes = GetStrings(r);
    GetMap(r, &p.lexicons);
    GetMap(r, &p.ui);
    p.common_words = GetStrings(r);
    if (r.failed()) return false;
  }
  if (r.failed() || !r.at_end()) return false;
  *out = std::move(packs);
  return true;
}

}  // namespace chorus
