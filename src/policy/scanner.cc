#include "policy/scanner.h"

#include <algorithm>
#include <cstdlib>
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

// How far apart (in folded bytes) two hits may be and still belong together, e.g. "revenue"
// and "4.2 million", or "Baltpay" and "scammers".
constexpr size_t kContextWindow = 60;
constexpr size_t kMaxQuotedMatch = 60;  // code points of {match} quoted in a message

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

// Latin letters with diacritics (ā, ę, ł, ž …).
bool HasLatinDiacritic(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    const char32_t cp = text::DecodeUtf8(s, i, &len);
    i += len;
    if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) return true;
  }
  return false;
}

// True if `between` ends one sentence and starts another: a line break, or ". ", "! ", "? ".
bool CrossesSentence(std::string_view between) {
  if (between.find('\n') != std::string_view::npos) return true;
  for (size_t i = 0; i + 1 < between.size(); ++i)
    if ((between[i] == '.' || between[i] == '!' || between[i] == '?') && between[i + 1] == ' ')
      return true;
  return false;
}

struct Span {
  size_t start, end;
};

// A finding before its texts are filled in.
struct Candidate {
  int clause;
  size_t start, end;  // original offsets
  std::string detail;
};

size_t Gap(const Span& a, const Span& b) {
  return a.end <= b.start ? b.start - a.end : (b.end <= a.start ? a.start - b.end : 0);
}

bool Near(const Span& a, const Span& b) {
  return Gap(a, b) <= kContextWindow;
}

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

// Lower case ASCII, letters and digits only: how handles and names compare.
std::string Compact(std::string_view s) {
  const std::string folded = text::FoldTerm(s);
  std::string out;
  for (char c : folded)
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)))
      out.push_back(c);
  return out;
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

struct Scanner::Impl {
  Policy policy;
  std::vector<std::string> languages;
  std::string fallback_language = "en";
  text::CommonWords common_words;  // of every pack that has them
  std::vector<ListInfo> lists;
  detect::TermIndex terms;
  detect::HsDatabase raw_patterns;        // patterns any post may hold
  detect::HsDatabase raw_digit_patterns;  // patterns only posts with digits may hold
  detect::HsDatabase folded_patterns;
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
  void Collect(std::string_view text, const text::FoldedText& folded,
               const std::vector<detect::TermMatch>& term_hits,
               const std::vector<std::pair<unsigned, Span>>& folded_hits,
               const std::vector<std::pair<unsigned, Span>>& raw_hits,
               const std::function<const std::string&()>& language,
               std::vector<Candidate>* out) const;
  Finding MakeFinding(const Candidate& c, std::string_view text, const std::string& lang) const;
};

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
  if (Status s = raw_patterns.CompileRegexes(any_text, options.cache_dir); !s.ok()) return s;
  if (Status s = raw_digit_patterns.CompileRegexes(with_digits, options.cache_dir); !s.ok())
    return s;
  if (Status s =
          folded_patterns.CompileRegexes(detect::FoldedPatterns(amount_units), options.cache_dir);
      !s.ok())
    return s;
  cached = terms.loaded_from_cache() || raw_patterns.loaded_from_cache();
  return Status::Ok();
}

void Scanner::Impl::Collect(std::string_view text, const text::FoldedText& folded,
                            const std::vector<detect::TermMatch>& term_hits,
                            const std::vector<std::pair<unsigned, Span>>& folded_hits,
                            const std::vector<std::pair<unsigned, Span>>& raw_hits,
                            const std::function<const std::string&()>& language,
                            std::vector<Candidate>* out) const {
  auto original = [&](const Span& f) {
    return Span{folded.OriginalStart(f.start), folded.OriginalEnd(f.end)};
  };
  int diacritics = -1;
  auto post_has_diacritics = [&] {
    if (diacritics < 0) diacritics = HasLatinDiacritic(text) ? 1 : 0;
    return diacritics == 1;
  };
  auto add = [&](int clause, const Span& original_span, std::string detail) {
    if (clause < 0 || original_span.end <= original_span.start) return;
    out->push_back({clause, original_span.start, original_span.end, std::move(detail)});
  };

  struct Target {
    Span span;
    TargetKind kind;
  };
  std::vector<Target> targets;
  std::vector<std::pair<Span, int>>
      triggers;  // folded span, clause of the offensive finding (or -1)
  std::vector<std::pair<Span, int>> financial_terms;
  std::vector<Span> amounts;
  std::vector<Span> suppress;  // original offsets

  for (const auto& hit : term_hits) {
    const ListInfo& info = lists[static_cast<size_t>(terms.spec(hit.term).list)];
    // A Latvian or Polish lexicon word in a post taken for English still counts when none of
    // its words is English (Hunspell): "politykom" does, "sad" never.
    if (!info.gate_language.empty() && info.gate_language != language() &&
        (language() != "en" ||
         !text::HasNoEnglishWord(folded.text.substr(hit.start, hit.end - hit.start))))
      continue;
    // Matching ignores diacritics, because many people type without them. But when the
    // author does type them, a lexicon word whose plain spelling is another common word
    // must have them too: Polish "w sadzie" (in the orchard) is not "w sądzie" (in court).
    if (needs_diacritics[hit.term] && post_has_diacritics() &&
        IsHomograph(info.gate_language, folded.text.substr(hit.start, hit.end - hit.start))) {
      const Span o = original({hit.start, hit.end});
      if (!HasLatinDiacritic(text.substr(o.start, o.end - o.start))) continue;
    }
    const Span span{hit.start, hit.end};
    switch (info.role) {
      case Role::kClause:
        if (info.also_trigger)
          triggers.push_back({span, info.clause});
        else
          add(info.clause, original(span), "term");
        break;
      case Role::kTarget:
        targets.push_back({span, info.target});
        break;
      case Role::kTrigger:
        triggers.push_back({span, -1});
        break;
      case Role::kFinancialTerm:
        financial_terms.push_back({span, info.clause});
        break;
      case Role::kPasswordWord: {
        // The value must look like a secret, not like "my password is strong".
        size_t vs = 0, ve = 0;
        bool assigned = false;
        if (!detect::PasswordValueAfter(folded.text, span.end, &vs, &ve, &assigned)) break;
        const Span value = original({vs, ve});
        const std::string_view raw = text.substr(value.start, value.end - value.start);
        const bool secret_like = std::any_of(raw.begin(), raw.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c)) ||
                 std::ispunct(static_cast<unsigned char>(c));
        });
        if ((assigned && raw.size() >= 4) || (secret_like && raw.size() >= 6))
          add(ClauseFor("secret:password"), {original(span).start, value.end}, "password");
        break;
      }
      case Role::kApproved:
      case Role::kAllow:
        suppress.push_back(original(span));
        break;
    }
  }

  for (const auto& [id, span] : folded_hits) {
    if (id == detect::kAmount) {
      amounts.push_back(span);
    }
  }

  // Disparagement: an insult or accusation near a target.
  std::vector<bool> trigger_used(triggers.size(), false);
  for (size_t i = 0; i < triggers.size(); ++i) {
    const Target* best = nullptr;
    // The nearest target is the one insulted; at equal distance the graver kind wins.
    for (const auto& t : targets) {
      if (!Near(triggers[i].first, t.span)) continue;
      const size_t gap = Gap(triggers[i].first, t.span);
      if (!best || gap < Gap(triggers[i].first, best->span) ||
          (gap == Gap(triggers[i].first, best->span) && t.kind < best->kind))
        best = &t;
    }
    if (!best) continue;
    const int clause = ClauseFor(kDisparagementSources[best->kind]);
    if (clause < 0) continue;
    const Span joined{std::min(best->span.start, triggers[i].first.start),
                      std::max(best->span.end, triggers[i].first.end)};
    add(clause, original(joined), "insult");
    trigger_used[i] = true;
  }
  for (size_t i = 0; i < triggers.size(); ++i)
    if (!trigger_used[i] && triggers[i].second >= 0)
      add(triggers[i].second, original(triggers[i].first), "term");

  // Financial figures: a financial term next to an amount; the term alone is a topic.
  for (const auto& [term, topic_clause] : financial_terms) {
    const Span* amount = nullptr;
    for (const auto& a : amounts) {
      if (!Near(term, a)) continue;
      const std::string_view between =
          std::string_view(folded.text)
              .substr(std::min(term.end, a.end),
                      std::max(term.start, a.start) - std::min(term.end, a.end));
      if (CrossesSentence(between)) continue;
      if (!amount) amount = &a;
    }
    if (amount) {
      add(ClauseFor("financial:figures"),
          original({std::min(term.start, amount->start), std::max(term.end, amount->end)}),
          "amount");
    } else {
      add(topic_clause, original(term), "term");
    }
  }

  // Identifiers, secrets and the like, on the original text.
  std::vector<Span> identifiers;
  auto overlaps_any = [](const Span& s, const std::vector<Span>& spans) {
    return std::any_of(spans.begin(), spans.end(),
                       [&](const Span& o) { return s.start < o.end && o.start < s.end; });
  };
  std::vector<Span> amount_spans;
  for (const auto& a : amounts) amount_spans.push_back(original(a));

  for (const auto& [id, span] : raw_hits) {
    std::string_view candidate = text.substr(span.start, span.end - span.start);
    Span s = span;
    switch (id) {
      case detect::kEmail:
        if (detect::IsValidEmail(candidate)) add(ClauseFor("identifier:email"), s, "email");
        identifiers.push_back(s);
        break;
      case detect::kIban:
        if (size_t len = detect::ValidIbanPrefix(candidate)) {
          s.end = s.start + len;
          add(ClauseFor("identifier:iban"), s, "iban");
          identifiers.push_back(s);
        }
        break;
      case detect::kCard:
        if (size_t len = detect::ValidCardPrefix(candidate)) {
          s.end = s.start + len;
          add(ClauseFor("identifier:card"), s, "payment_card");
          identifiers.push_back(s);
        }
        break;
      case detect::kPesel:
        if (detect::IsValidPesel(candidate)) {
          add(ClauseFor("identifier:national_id"), s, "pesel");
          identifiers.push_back(s);
        }
        break;
      case detect::kLatvianCode:
        if (detect::IsValidLatvianPersonalCode(candidate)) {
          add(ClauseFor("identifier:national_id"), s, "latvian_personal_code");
          identifiers.push_back(s);
        }
        break;
      case detect::kIsraeliId: {
        // Nine digits pass the check digit one time in ten, so an Israeli ID also needs
        // words that name it nearby.
        const size_t from = span.start > 40 ? span.start - 40 : 0;
        const std::string before = text::FoldTerm(text.substr(from, span.start - from));
        static const std::vector<std::string> kCues = [] {
          std::vector<std::string> cues;
          for (const char* cue : {"ת.ז", "ת\"ז", "תז", "תעודת זהות", "מספר זהות", "teudat",
                                  "id number", "id no", "identity"})
            cues.push_back(text::FoldTerm(cue));
          return cues;
        }();
        const bool cued = std::any_of(kCues.begin(), kCues.end(), [&](const std::string& cue) {
          return before.find(cue) != std::string::npos;
        });
        if (cued && detect::IsValidIsraeliId(candidate)) {
          add(ClauseFor("identifier:national_id"), s, "israeli_id");
          identifiers.push_back(s);
        }
        break;
      }
      default:
        break;
    }
  }
  for (const auto& [id, span] : raw_hits) {
    std::string_view candidate = text.substr(span.start, span.end - span.start);
    switch (id) {
      case detect::kPhone: {
        if (overlaps_any(span, identifiers) || overlaps_any(span, amount_spans)) break;
        const LanguagePack* pack = FindLanguagePack(language());
        const std::string region = pack && !pack->phone_region.empty() ? pack->phone_region : "US";
        if (detect::ValidPhoneNumber(candidate, region))
          add(ClauseFor("identifier:phone"), span, "phone");
        break;
      }
      case detect::kAwsKey:
      case detect::kGithubToken:
      case detect::kSlackToken:
      case detect::kStripeKey:
      case detect::kGoogleKey:
      case detect::kJwt:
      case detect::kPrivateKey:
      case detect::kGenericSecret:
      case detect::kOpenAiKey:
        add(ClauseFor("secret:key"), span, std::string(detect::RawPatternName(id)));
        break;
      case detect::kInternalHost:
      case detect::kPrivateIp:
        if (!overlaps_any(span, identifiers))
          add(ClauseFor("secret:host"), span, std::string(detect::RawPatternName(id)));
        break;
      case detect::kCoordinates:
        if (detect::IsPlausibleCoordinatePair(candidate))
          add(ClauseFor("pattern:coordinates"), span, "coordinates");
        break;
      case detect::kHandleAt:
      case detect::kHandleUrl: {
        if (id == detect::kHandleAt && span.start > 0 &&
            std::isalnum(static_cast<unsigned char>(text[span.start - 1])))
          break;  // part of an e-mail address
        // A full stop after a handle ends the sentence: "follow @dzintars_deals."
        Span trimmed = span;
        while (trimmed.end > trimmed.start && text[trimmed.end - 1] == '.') --trimmed.end;
        candidate = text.substr(trimmed.start, trimmed.end - trimmed.start);
        std::string_view handle = candidate;
        if (id == detect::kHandleUrl) handle = handle.substr(handle.find('/') + 1);
        const std::string compact = Compact(handle);
        if (official_accounts.count(compact) || official_accounts.count(Compact(candidate))) break;
        const bool uses_name =
            std::any_of(org_names.begin(), org_names.end(),
                        [&](const std::string& n) { return compact.find(n) != std::string::npos; });
        if (uses_name) add(ClauseFor("impersonation:handle"), trimmed, "handle");
        break;
      }
      default:
        break;
    }
  }

  // Approved disclosures and allowed words silence what lies inside them.
  if (!suppress.empty()) {
    out->erase(std::remove_if(out->begin(), out->end(),
                              [&](const Candidate& c) {
                                return std::any_of(suppress.begin(), suppress.end(),
                                                   [&](const Span& s) {
                                                     return c.start >= s.start && c.end <= s.end;
                                                   });
                              }),
               out->end());
  }
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
    raw_hits.push_back({id, Span{static_cast<size_t>(from), static_cast<size_t>(to)}});
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
    candidates[kept++] = std::move(candidates[i]);
  }
  candidates.resize(kept);
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end > b.end;
    return a.clause < b.clause;
  });
  out->language = candidates.empty() && language.empty() ? impl_->fallback_language : lang();
  if (candidates.empty() && requested) out->language_detected = false;
  for (const auto& c : candidates) {
    out->findings.push_back(impl_->MakeFinding(c, text, out->language));
    out->verdict = std::max(out->verdict, out->findings.back().severity);
  }
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
