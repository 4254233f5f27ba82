#include "policy/scanner.h"

#include "policy/scanner_impl.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>
#include <unordered_set>

#include "detect/hs_database.h"
#include "detect/identifiers.h"
#include "detect/image_location.h"
#include "detect/patterns.h"
#include "detect/phone_numbers.h"
#include "detect/term_index.h"
#include "policy/language_pack.h"
#include "text/english_words.h"
#include "text/fold.h"
#include "text/language.h"
#include "text/utf8.h"

namespace chorus {
namespace {

constexpr size_t kMaxQuotedMatch = 60;  // code points of {match} quoted in a message

// Keeps, per pattern id, the maximal spans of overlapping hits.
std::vector<std::pair<unsigned, Span>> MergeHits(std::vector<std::pair<unsigned, Span>> hits) {
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.second.start != b.second.start) return a.second.start < b.second.start;
    return a.second.end > b.second.end;
  });
  std::vector<std::pair<unsigned, Span>> merged;
  for (const auto& h : hits) {
    if (!merged.empty() && merged.back().first == h.first &&
        h.second.start < merged.back().second.end) {
      merged.back().second.end = std::max(merged.back().second.end, h.second.end);
      continue;
    }
    merged.push_back(h);
  }
  return merged;
}

std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
  return s;
}

std::string Quote(std::string_view matched) {
  std::string clean = text::SanitizeUtf8(matched);
  for (char& c : clean)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (text::CountCodePoints(clean) <= kMaxQuotedMatch) return clean;
  std::string cut;
  size_t i = 0, n = 0;
  while (i < clean.size() && n < kMaxQuotedMatch) {
    size_t len = 0;
    text::DecodeUtf8(clean, i, &len);
    cut.append(clean, i, len);
    i += len;
    ++n;
  }
  return cut + "…";
}

}  // namespace

Status Scanner::Impl::Build(const CompileOptions& options) {
  for (const auto& pack : BuiltinLanguagePacks()) {
    languages.push_back(pack.code);
    if (!pack.common_words.empty()) {
      common_words.emplace_back(pack.code, std::unordered_set<std::string>(
                                               pack.common_words.begin(), pack.common_words.end()));
    }
  }
  if (!policy.languages.empty()) fallback_language = policy.languages.front();

  for (size_t i = 0; i < policy.clauses.size(); ++i) {
    const Clause& c = policy.clauses[i];
    if (c.enabled && !c.source.empty() && c.source != "terms")
      clause_by_source.emplace(c.source, static_cast<int>(i));
  }

  std::vector<const text::InflectionRules*> all_rules;
  for (const auto& pack : BuiltinLanguagePacks()) all_rules.push_back(&pack.inflection);

  std::vector<detect::TermSpec> specs;
  // `joined`: also match multi-word entries run together. Not for the long lists of client
  // and competitor names: their hashtags are found by the camelCase split of the folding,
  // and doubling ten thousand names costs about a tenth of the scan time.
  auto add_terms = [&](const std::vector<std::string>& entries, int list,
                       const std::vector<const text::InflectionRules*>& rules, bool maskable,
                       bool joined = true) {
    for (const auto& raw : entries) {
      detect::TermSpec spec;
      spec.exact = !raw.empty() && raw[0] == '=';
      spec.text = spec.exact ? raw.substr(1) : raw;
      spec.list = list;
      spec.rules = rules;
      spec.maskable = maskable;
      for (auto& variant : text::SocialSpellings(spec.text, joined)) {
        detect::TermSpec other = spec;
        other.text = std::move(variant);
        specs.push_back(std::move(other));
      }
      specs.push_back(std::move(spec));
    }
  };

  // Company lists: every language's inflection applies.
  if (int c = ClauseFor("policy:confidential_terms"); c >= 0)
    add_terms(policy.confidential_terms, AddList({Role::kClause, c}), all_rules, false);
  if (int c = ClauseFor("policy:clients"); c >= 0)
    add_terms(policy.clients, AddList({Role::kClause, c}), all_rules, false, false);
  for (size_t i = 0; i < policy.clauses.size(); ++i) {
    const Clause& c = policy.clauses[i];
    if (c.enabled && !c.terms.empty())
      add_terms(c.terms, AddList({Role::kClause, static_cast<int>(i)}), all_rules, false);
  }
  bool any_disparagement = false;
  for (const char* source : kDisparagementSources) any_disparagement |= ClauseFor(source) >= 0;
  if (any_disparagement) {
    ListInfo t{Role::kTarget};
    t.target = kCompetitor;
    add_terms(policy.competitors, AddList(t), all_rules, false, false);
    t.target = kClient;
    add_terms(policy.clients, AddList(t), all_rules, false, false);
    t.target = kCompany;
    std::vector<std::string> own = policy.aliases;
    if (!policy.organization.empty()) own.push_back(policy.organization);
    own.insert(own.end(), policy.brands.begin(), policy.brands.end());
    add_terms(own, AddList(t), all_rules, false);
  }
  add_terms(policy.approved_disclosures, AddList({Role::kApproved}), {}, false);
  add_terms(policy.allow, AddList({Role::kAllow}), all_rules, false);

  // Lexicons of every language pack. Latin-script lexicons of languages other than English
  // apply only to posts in their language: without diacritics, a Polish word may be an
  // English one ("sad").
  std::vector<std::string> amount_units;
  for (const auto& pack : BuiltinLanguagePacks()) {
    const std::vector<const text::InflectionRules*> rules{&pack.inflection};
    const std::string gate = (pack.code == "en" || pack.code == "he") ? "" : pack.code;
    for (const auto& w : pack.Lexicon("plain_homographs"))
      homographs[pack.code].insert(text::FoldTerm(w));
    for (const auto& [lexicon_name, lexicon_entries] : pack.lexicons) {
      ListInfo info;
      info.gate_language = gate;
      bool maskable = false;
      std::string_view name = lexicon_name;
      const std::vector<std::string>* list = &lexicon_entries;
      // Words that insult only when aimed at someone ("you trash", "X is trash", but not
      // "take the trash out"): each aim marker of the pack before each word of an
      // "aimed_<lexicon>", added to <lexicon>.
      std::vector<std::string> aimed;
      if (name.rfind("aimed_", 0) == 0) {  // "aimed_insults" feeds "insults", and so on
        for (const auto& marker : pack.Lexicon("aim_markers"))
          for (const auto& word : lexicon_entries) aimed.push_back(marker + " " + word);
        list = &aimed;
        name.remove_prefix(6);
      }
      const std::vector<std::string>& entries = *list;
      if (name == "aim_markers" || name == "plain_homographs") continue;
      if (name == "complaints") {
        // Complaints ("sucks", "a joke", "I hate") say nothing on their own ("I hate
        // Mondays"); near a name or a target they disparage it.
        if (!any_disparagement) continue;
        info.role = Role::kTrigger;
      } else if (name == "company_disparagement") {
        // Phrases that disparage the employer without naming it ("the worst place to work").
        info.clause = ClauseFor("disparagement:company");
        if (info.clause < 0) continue;
      } else if (name == "insults") {
        // An insult is offensive on its own, and disparagement when aimed at a target.
        info.clause = ClauseFor("lexicon:insults");
        info.also_trigger = any_disparagement;
        maskable = true;
        if (info.clause < 0 && !any_disparagement) continue;
        if (info.clause < 0) info.role = Role::kTrigger;
      } else if (name == "colleague_targets" || name == "company_targets" ||
                 name == "client_targets") {
        if (!any_disparagement) continue;
        info.role = Role::kTarget;
        info.target = name == "colleague_targets" ? kColleague
                      : name == "client_targets"  ? kClient
                                                  : kCompany;
      } else if (name == "financial_terms") {
        info.role = Role::kFinancialTerm;
        info.clause = ClauseFor("lexicon:financial_terms");
      } else if (name == "amount_units") {
        for (const auto& u : entries)
          amount_units.push_back(text::FoldTerm(!u.empty() && u[0] == '=' ? u.substr(1) : u));
        continue;
      } else if (name == "password_words") {
        if (ClauseFor("secret:password") < 0) continue;
        info.role = Role::kPasswordWord;
      } else {
        info.clause = ClauseFor("lexicon:" + std::string(name));
        if (info.clause < 0) continue;
        if (name == "offensive" || name == "personal_attacks") {
          info.also_trigger = any_disparagement;
          maskable = true;
        }
      }
      add_terms(entries, AddList(info), rules, maskable);
    }
  }

  for (const auto& name : policy.aliases) org_names.push_back(Compact(name));
  for (const auto& name : policy.brands) org_names.push_back(Compact(name));
  if (!policy.organization.empty()) org_names.push_back(Compact(policy.organization));
  org_names.erase(std::remove_if(org_names.begin(), org_names.end(),
                                 [](const std::string& s) { return s.size() < 3; }),
                  org_names.end());
  for (const auto& account : policy.official_accounts) official_accounts.insert(Compact(account));

  needs_diacritics.resize(specs.size());
  for (size_t t = 0; t < specs.size(); ++t) {
    const ListInfo& info = lists[static_cast<size_t>(specs[t].list)];
    needs_diacritics[t] = !info.gate_language.empty() && HasLatinDiacritic(specs[t].text);
  }
  if (Status s = terms.Build(specs, options.cache_dir); !s.ok()) return s;
  std::vector<detect::HsPattern> any_text, with_digits;
  for (auto& p : detect::RawPatterns(policy.internal_domains))
    (detect::RawPatternNeedsDigit(p.id) ? with_digits : any_text).push_back(std::move(p));
  if (Status s = raw_patterns.Compile(any_text, options.cache_dir); !s.ok()) return s;
  if (Status s = raw_digit_patterns.Compile(with_digits, options.cache_dir); !s.ok()) return s;
  if (Status s = folded_patterns.Compile(detect::FoldedPatterns(amount_units), options.cache_dir);
      !s.ok())
    return s;
  cached = terms.loaded_from_cache() || raw_patterns.loaded_from_cache();
  return Status::Ok();
}

Finding Scanner::Impl::MakeFinding(const Candidate& c, std::string_view text,
                                   const std::string& lang) const {
  const Clause& clause = policy.clauses[static_cast<size_t>(c.clause)];
  Finding f;
  f.category = clause.category;
  f.clause = clause.id;
  f.severity = clause.verdict;
  f.start = c.start;
  f.end = c.end;
  f.text = text::SanitizeUtf8(text.substr(c.start, c.end - c.start));
  f.message = ReplaceAll(clause.message.Get(lang), "{match}", Quote(f.text));
  f.advice = ReplaceAll(clause.advice.Get(lang), "{match}", Quote(f.text));
  f.detail = c.detail;
  return f;
}

bool Scanner::Explain(std::string_view clause_id, std::string_view matched,
                      std::string_view language, std::string* message, std::string* advice) const {
  const Clause* clause = impl_->policy.FindClause(clause_id);
  if (clause == nullptr) return false;
  const std::string quoted = Quote(text::SanitizeUtf8(matched));
  *message = ReplaceAll(clause->message.Get(language), "{match}", quoted);
  *advice = ReplaceAll(clause->advice.Get(language), "{match}", quoted);
  return true;
}

Scanner::Scanner() : impl_(std::make_unique<Impl>()) {}
Scanner::~Scanner() = default;

Status Scanner::Compile(const Policy& policy, const CompileOptions& options,
                        std::shared_ptr<const Scanner>* out) {
  std::shared_ptr<Scanner> scanner(new Scanner());
  scanner->impl_->policy = policy;
  if (Status s = scanner->impl_->Build(options); !s.ok()) return s;
  *out = std::move(scanner);
  return Status::Ok();
}

Status Scanner::Check(std::string_view text, const CheckOptions& options, CheckResult* out) const {
  *out = CheckResult{};
  if (text.size() > options.max_bytes) {
    return Status::Error("the post is " + std::to_string(text.size()) +
                         " bytes long; the limit is " + std::to_string(options.max_bytes) +
                         " bytes");
  }
  thread_local text::FoldedText folded;
  thread_local std::vector<detect::TermMatch> term_hits;
  thread_local std::vector<std::pair<unsigned, Span>> folded_hits, raw_hits;
  thread_local std::vector<Candidate> candidates;
  text::Fold(text, &folded);
  term_hits.clear();
  folded_hits.clear();
  raw_hits.clear();
  candidates.clear();

  if (Status s = impl_->terms.Match(folded.text, folded.masked_tokens, &term_hits); !s.ok())
    return s;
  const auto on_raw_hit = [&](unsigned id, unsigned long long from, unsigned long long to) {
    Span span{static_cast<size_t>(from), static_cast<size_t>(to)};
    detect::CompleteRawHit(text, id, &span.start, &span.end);
    raw_hits.push_back({id, span});
  };
  if (Status s = impl_->raw_patterns.Scan(text, on_raw_hit); !s.ok()) return s;
  // Amounts, identifiers and phone numbers all need digits; most posts have none.
  const bool has_digit =
      std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (has_digit) {
    if (Status s = impl_->folded_patterns.Scan(
            folded.text,
            [&](unsigned id, unsigned long long from, unsigned long long to) {
              folded_hits.push_back({id, Span{static_cast<size_t>(from), static_cast<size_t>(to)}});
            });
        !s.ok())
      return s;
    if (Status s = impl_->raw_digit_patterns.Scan(text, on_raw_hit); !s.ok()) return s;
  }

  const bool requested = !options.language.empty() && FindLanguagePack(options.language);
  std::string language = requested ? options.language : std::string();
  auto lang = [&]() -> const std::string& {
    if (language.empty() && !folded.had_invalid_utf8) {
      // The alphabet, when it is certain, instead of CLD2 (language.h).
      language = text::DetectLanguageByAlphabetConfirmed(text, impl_->languages,
                                                         {folded.text, &impl_->common_words});
      if (!language.empty()) out->language_detected = true;
    }
    if (language.empty()) {
      const std::string sample = folded.had_invalid_utf8 ? text::SanitizeUtf8(text) : std::string();
      language = text::DetectLanguage(folded.had_invalid_utf8 ? std::string_view(sample) : text,
                                      impl_->languages, impl_->fallback_language,
                                      {folded.text, &impl_->common_words});
      out->language_detected = true;
    }
    return language;
  };

  if (!term_hits.empty() || !folded_hits.empty() || !raw_hits.empty()) {
    impl_->Collect(text, folded, term_hits, MergeHits(folded_hits), MergeHits(raw_hits), lang,
                   &candidates);
  }
  // Overlapping findings of one clause become one finding over their union
  // ("הבחירות" + "לכנסת" inside "הבחירות לכנסת").
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.clause != b.clause) return a.clause < b.clause;
    if (a.start != b.start) return a.start < b.start;
    return a.end > b.end;
  });
  size_t kept = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (kept > 0 && candidates[kept - 1].clause == candidates[i].clause &&
        candidates[i].start < candidates[kept - 1].end) {
      candidates[kept - 1].end = std::max(candidates[kept - 1].end, candidates[i].end);
      continue;
    }
    // Not onto itself: a self-moved std::string is left empty (every `detail` was "").
    if (kept != i) candidates[kept] = std::move(candidates[i]);
    ++kept;
  }
  candidates.resize(kept);
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    return a.clause < b.clause;
  });
  // Every post gets its language. A post without findings whose alphabet shows it (Hebrew
  // letters, Latvian-only or Polish-only letters) is not sent through CLD2; the others, and
  // every post with findings (whose messages and lexicon gates depend on it), get the full
  // detection.
  if (candidates.empty() && language.empty()) {
    language = text::DetectLanguageByAlphabet(text, impl_->languages);
    if (!language.empty()) out->language_detected = true;
  }
  out->language = lang();
  if (candidates.empty() && requested) out->language_detected = false;
  for (const auto& c : candidates) {
    out->findings.push_back(impl_->MakeFinding(c, text, out->language));
    out->verdict = std::max(out->verdict, out->findings.back().severity);
  }
  if (options.tone) out->tone = options.tone->PredictFolded(folded.text, out->language);
  return Status::Ok();
}

Status Scanner::CheckImage(const std::string& path, const std::string& language,
                           std::vector<Finding>* out) const {
  detect::ImageLocation location;
  if (Status s = detect::ReadImageLocation(path, &location); !s.ok()) return s;
  ImageFindings(location, language, out);
  return Status::Ok();
}

Status Scanner::CheckImageBytes(std::string_view bytes, const std::string& language,
                                std::vector<Finding>* out) const {
  detect::ImageLocation location;
  if (Status s = detect::ReadImageLocationFromBytes(bytes, &location); !s.ok()) return s;
  ImageFindings(location, language, out);
  return Status::Ok();
}

void Scanner::ImageFindings(const detect::ImageLocation& location, const std::string& language,
                            std::vector<Finding>* out) const {
  const int clause = impl_->ClauseFor("image:gps");
  if (clause < 0 || location.empty()) return;
  const std::string lang = FindLanguagePack(language) ? language : impl_->fallback_language;
  auto add = [&](const std::string& what, const std::string& detail) {
    Candidate c{clause, 0, 0, detail};
    Finding f = impl_->MakeFinding(c, "", lang);
    f.text = what;
    f.message = ReplaceAll(impl_->policy.clauses[static_cast<size_t>(clause)].message.Get(lang),
                           "{match}", what);
    out->push_back(std::move(f));
  };
  if (location.has_gps()) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%.5f, %.5f", *location.latitude, *location.longitude);
    add(buf, "exif_gps");
  }
  for (const auto& d : location.details) add(d, "location_metadata");
}

const Policy& Scanner::policy() const {
  return impl_->policy;
}
const std::vector<std::string>& Scanner::languages() const {
  return impl_->languages;
}
size_t Scanner::term_count() const {
  return impl_->terms.size();
}
bool Scanner::loaded_from_cache() const {
  return impl_->cached;
}

std::string DefaultCacheDir() {
  if (const char* dir = std::getenv("CHORUS_CACHE_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::string(xdg) + "/chorus";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.cache/chorus";
  return {};
}

}  // namespace chorus
