#include "policy/policy_cache.h"

#include "detect/cache_file.h"

namespace chorus {
namespace {

using detect::ByteReader;
using detect::ByteWriter;

constexpr const char* kKind = kPolicyCacheKind;
constexpr uint32_t kFormat = kPolicyCacheFormat;

void Put(ByteWriter& w, int v) {
  w.Pod(static_cast<int32_t>(v));
}
void Put(ByteWriter& w, bool v) {
  w.Pod(static_cast<uint8_t>(v));
}
void Put(ByteWriter& w, const std::string& s) {
  w.Str(s);
}
void Put(ByteWriter& w, const std::vector<std::string>& v) {
  w.U32(v.size());
  for (const auto& s : v) w.Str(s);
}
void Put(ByteWriter& w, const LocalizedText& t) {
  w.U32(t.by_language.size());
  for (const auto& [language, text] : t.by_language) {
    w.Str(language);
    w.Str(text);
  }
}

void Get(ByteReader& r, int* v) {
  *v = r.Pod<int32_t>();
}
void Get(ByteReader& r, bool* v) {
  *v = r.Pod<uint8_t>() != 0;
}
void Get(ByteReader& r, std::string* s) {
  *s = r.Str();
}
void Get(ByteReader& r, std::vector<std::string>* v) {
  v->assign(r.Count(4), {});
  for (auto& s : *v) s = r.Str();
}
void Get(ByteReader& r, LocalizedText* t) {
  const uint32_t n = r.Count(8);
  t->by_language.clear();
  for (uint32_t i = 0; i < n && !r.failed(); ++i) {
    std::string language = r.Str();
    t->by_language[std::move(language)] = r.Str();
  }
}

// Adding a member to Policy (or MonitoringSettings) changes these sizes: write it in Fields()
// and raise kPolicyCacheFormat, then update the sizes. (A field left out once made a warm
// start lose the policy's monitoring settings.)
static_assert(sizeof(MonitoringSettings) == 8, "a MonitoringSettings field is not cached");
static_assert(sizeof(Policy) == 384, "a Policy field is not cached: see Fields()");

// The fields in one order for both directions. Every member of Policy is written: the
// round-trip test compares a decoded policy with the parsed one field by field.
template <typename IO, typename P>
void Fields(IO& io, P& p) {
  auto f = [&](auto& field) {
    if constexpr (std::is_same_v<IO, ByteWriter>)
      Put(io, field);
    else
      Get(io, &field);
  };
  f(p.organization);
  f(p.aliases);
  f(p.brands);
  f(p.competitors);
  f(p.clients);
  f(p.confidential_terms);
  f(p.approved_disclosures);
  f(p.official_accounts);
  f(p.internal_domains);
  f(p.allow);
  f(p.languages);
  f(p.charter_title);
  f(p.usage_min_group);
  f(p.monitoring.enabled);
  f(p.monitoring.grace_days);
}

}  // namespace

std::string EncodePolicy(const Policy& policy) {
  ByteWriter w;
  Fields(w, policy);
  w.U32(policy.clauses.size());
  for (const auto& c : policy.clauses) {
    w.Str(c.id);
    w.Str(c.category);
    w.Str(c.source);
    w.Pod(static_cast<uint8_t>(c.verdict));
    w.Pod(static_cast<uint8_t>(c.enabled));
    Put(w, c.terms);
    Put(w, c.title);
    Put(w, c.message);
    Put(w, c.advice);
  }
  w.U32(policy.sections.size());
  for (const auto& s : policy.sections) {
    w.Str(s.id);
    Put(w, s.title);
    Put(w, s.body);
  }
  return std::move(w.bytes());
}

bool DecodePolicy(std::string_view bytes, Policy* out) {
  ByteReader r(bytes);
  Policy p;
  Fields(r, p);
  p.clauses.resize(r.Count(16));
  for (auto& c : p.clauses) {
    Get(r, &c.id);
    Get(r, &c.category);
    Get(r, &c.source);
    const uint8_t verdict = r.Pod<uint8_t>();
    if (verdict > static_cast<uint8_t>(Severity::kBlock)) return false;
    c.verdict = static_cast<Severity>(verdict);
    c.enabled = r.Pod<uint8_t>() != 0;
    Get(r, &c.terms);
    Get(r, &c.title);
    Get(r, &c.message);
    Get(r, &c.advice);
    if (r.failed()) return false;
  }
  p.sections.resize(r.Count(16));
  for (auto& s : p.sections) {
    Get(r, &s.id);
    Get(r, &s.title);
    Get(r, &s.body);
  }
  if (r.failed() || !r.at_end()) return false;
  *out = std::move(p);
  return true;
}

Status LoadPolicyFileCached(const std::string& path, const std::string& cache_dir, Policy* out) {
  std::string text;
  if (Status s = ReadPolicyFile(path, &text); !s.ok()) return s;
  if (cache_dir.empty()) return LoadPolicy(text, out);
  ByteWriter input;
  input.Str(kKind);
  input.U32(kFormat);
  input.Str(text);
  const std::string key = detect::CacheKey(input.bytes());
  const std::string file = detect::CacheFilePath(cache_dir, key, kKind);
  std::string payload;
  if (detect::ReadCacheFile(file, kKind, kFormat, key, &payload) && DecodePolicy(payload, out))
    return Status::Ok();
  if (Status s = LoadPolicy(text, out); !s.ok()) return s;
  detect::WriteCacheFile(file, kKind, kFormat, key, EncodePolicy(*out));
  return Status::Ok();
}

}  // namespace chorus
