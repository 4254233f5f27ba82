// Scanner::Impl::Collect: from the hits of one post (terms, patterns on folded and on
// original text) to candidate findings, as named steps. See scanner_impl.h.
#include <algorithm>
#include <cctype>

#include "detect/identifier_finder.h"
#include "detect/identifiers.h"
#include "detect/patterns.h"
#include "detect/phone_numbers.h"
#include "policy/language_pack.h"
#include "policy/scanner_impl.h"
#include "text/english_words.h"
#include "text/utf8.h"

namespace chorus {
namespace scanner_internal {

bool HasLatinDiacritic(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    const char32_t cp = text::DecodeUtf8(s, i, &len);
    i += len;
    if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) return true;
  }
  return false;
}

bool CrossesSentence(std::string_view between) {
  if (between.find('\n') != std::string_view::npos) return true;
  for (size_t i = 0; i + 1 < between.size(); ++i)
    if ((between[i] == '.' || between[i] == '!' || between[i] == '?') && between[i + 1] == ' ')
      return true;
  return false;
}

std::string Compact(std::string_view s) {
  const std::string folded = text::FoldTerm(s);
  std::string out;
  for (char c : folded)
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c)))
      out.push_back(c);
  return out;
}

}  // namespace scanner_internal

void Scanner::Impl::Collect(std::string_view text, const text::FoldedText& folded,
                            const std::vector<detect::TermMatch>& term_hits,
                            const std::vector<std::pair<unsigned, Span>>& folded_hits,
                            const std::vector<std::pair<unsigned, Span>>& raw_hits,
                            const std::function<const std::string&()>& language,
                            std::vector<Candidate>* out) const {
  CollectState st{text, folded, language, out};
  SortTermHits(st, term_hits);
  NoteAmounts(st, folded_hits);
  FindDisparagement(st);
  FindFinancialFigures(st);
  CheckIdentifiers(st, raw_hits);
  CheckOtherPatterns(st, raw_hits);
  ApplySuppressions(st);
}

// Term hits by the role of their list: clause findings, disparagement targets and
// triggers, financial terms, password words, and spans that silence others.
void Scanner::Impl::SortTermHits(CollectState& st,
                                 const std::vector<detect::TermMatch>& term_hits) const {
  const std::string_view text = st.text;
  const text::FoldedText& folded = st.folded;
  auto original = [&](const Span& f) { return st.Original(f); };
  auto add = [&](int clause, const Span& span, std::string detail) {
    st.Add(clause, span, std::move(detail));
  };
  const auto& language = st.language;
  auto post_has_diacritics = [&] { return st.PostHasDiacritics(); };
  auto& targets = st.targets;
  auto& triggers = st.triggers;
  auto& financial_terms = st.financial_terms;
  auto& suppress = st.suppress;
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
}

// Amounts found in the folded text.
void Scanner::Impl::NoteAmounts(CollectState& st,
                                const std::vector<std::pair<unsigned, Span>>& folded_hits) const {
  auto& amounts = st.amounts;
  for (const auto& [id, span] : folded_hits) {
    if (id == detect::kAmount) {
      amounts.push_back(span);
    }
  }
}

void Scanner::Impl::FindDisparagement(CollectState& st) const {
  auto original = [&](const Span& f) { return st.Original(f); };
  auto add = [&](int clause, const Span& span, std::string detail) {
    st.Add(clause, span, std::move(detail));
  };
  auto& targets = st.targets;
  auto& triggers = st.triggers;
  // Disparagement: an insult or accusation near a target.
  std::vector<bool> trigger_used(triggers.size(), false);
  for (size_t i = 0; i < triggers.size(); ++i) {
    const CollectState::Target* best = nullptr;
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
}

void Scanner::Impl::FindFinancialFigures(CollectState& st) const {
  const text::FoldedText& folded = st.folded;
  auto original = [&](const Span& f) { return st.Original(f); };
  auto add = [&](int clause, const Span& span, std::string detail) {
    st.Add(clause, span, std::move(detail));
  };
  auto& financial_terms = st.financial_terms;
  auto& amounts = st.amounts;
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
}

void Scanner::Impl::CheckIdentifiers(CollectState& st,
                                     const std::vector<std::pair<unsigned, Span>>& raw_hits) const {
  const std::string_view text = st.text;
  auto original = [&](const Span& f) { return st.Original(f); };
  auto add = [&](int clause, const Span& span, std::string detail) {
    st.Add(clause, span, std::move(detail));
  };
  auto& amounts = st.amounts;
  auto& identifiers = st.identifiers;
  auto& amount_spans = st.amount_spans;
  // Identifiers, secrets and the like, on the original text.
  for (const auto& a : amounts) amount_spans.push_back(original(a));

  for (const auto& [id, span] : raw_hits) {
    std::string_view candidate = text.substr(span.start, span.end - span.start);
    Span s = span;
    switch (id) {
      case detect::kEmail:
        if (detect::IsValidEmail(candidate)) add(ClauseFor("identifier:email"), s, "email");
        identifiers.push_back(s);
        break;
      default:
        break;
    }
  }
  // IBANs, cards, national ids, VAT numbers and phones (detect/identifier_finder.h); the
  // raw patterns kIban, kCard, kPesel, kLatvianCode, kIsraeliId and kPhone are not used.
  if (std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    thread_local std::vector<detect::IdentifierFinding> found;
    found.clear();
    detect::IdentifierContext context;
    context.phone_region = [&] {
      const LanguagePack* pack = FindLanguagePack(st.language());
      return pack && !pack->phone_region.empty() ? pack->phone_region : std::string("US");
    };
    detect::FindIdentifiers(text, context, &found);
    for (const detect::IdentifierFinding& f : found) {
      const Span s{f.start, f.end};
      // A number inside an amount ("€ 1 234 567") is no phone number.
      if (f.source == "identifier:phone" && OverlapsAny(s, amount_spans)) continue;
      add(ClauseFor(f.source), s, std::string(f.detail));
      identifiers.push_back(s);
    }
  }
}

// Secrets, hosts, coordinates and handles, once identifiers are known.
void Scanner::Impl::CheckOtherPatterns(
    CollectState& st, const std::vector<std::pair<unsigned, Span>>& raw_hits) const {
  const std::string_view text = st.text;
  auto add = [&](int clause, const Span& span, std::string detail) {
    st.Add(clause, span, std::move(detail));
  };
  auto& identifiers = st.identifiers;
  for (const auto& [id, span] : raw_hits) {
    std::string_view candidate = text.substr(span.start, span.end - span.start);
    switch (id) {
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
        if (!OverlapsAny(span, identifiers))
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
}

void Scanner::Impl::ApplySuppressions(CollectState& st) const {
  auto& out = st.out;
  auto& suppress = st.suppress;
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

}  // namespace chorus
