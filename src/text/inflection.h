// Inflection rules of one language, as data from its language pack (packs/lang/*.yaml), and
// the expansion of a dictionary-form word into the stems and endings it takes in running
// text. Latvian and Polish change the ends of names and nouns ("Rīgas Piens" → "Rīgas
// Pienam", "Logistyka" → "Logistyce"); Hebrew glues prefixes to the front ("למגדל").
// Everything here works on folded text (see fold.h).
//
// Thread-safety: rules and forms are immutable values once built.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::text {

// A set of endings a stem may take; "" (the bare stem) only where the rules list it.
using EndingSet = std::set<std::string, std::less<>>;

struct InflectionRules {
  std::string language;
  size_t min_stem = 3;             // bytes of folded text a stem keeps at least
  std::vector<std::string> strip;  // dictionary-form endings, folded
  std::shared_ptr<const EndingSet> endings;
  struct Alternation {
    std::string from;  // stem-final letters in the dictionary form, folded
    std::string to;    // what replaces them before `endings`
    std::shared_ptr<const EndingSet> endings;
  };
  std::vector<Alternation> alternations;
  std::vector<std::string> prefixes;  // folded, e.g. Hebrew "ו", "של"; before any word
};

// One way a word may be written: `stem` followed by one of `endings`.
struct StemForm {
  std::string stem;
  std::shared_ptr<const EndingSet> endings;
  bool operator<(const StemForm& o) const {
    return stem != o.stem ? stem < o.stem : endings.get() < o.endings.get();
  }
};

// The ending set of a word's own, uninflected form (only ""); one shared object, which the
// forms WordForms gives point to (alongside the rules' own sets).
const std::shared_ptr<const EndingSet>& BareEnding();

// The forms of a folded word under the given rules (several languages may apply, e.g. a
// client name may appear in Latvian and Polish posts). The word itself is always a form.
// With `exact`, the word is its only form.
std::vector<StemForm> WordForms(std::string_view folded_word,
                                const std::vector<const InflectionRules*>& rules, bool exact);

// Expands the alternatives of a lexicon entry: each "{a,b,}" group stands for one of its
// comma-separated parts (an empty part is allowed), so "{wy,za,}jeb{ać,any}" is "wyjebać",
// "wyjebany", "zajebać", "zajebany", "jebać" and "jebany". Groups do not nest; an entry
// without braces, or with an unmatched brace, is returned as it is. At most `limit` results.
std::vector<std::string> ExpandAlternatives(std::string_view entry, size_t limit = 4096);

// Other spellings social media gives a dictionary entry (not folded): with
// `run_together`, a Latin-script phrase of two to four words written as one ("Project
// Nightingale" → "ProjectNightingale", "fuck you" → "fuckyou", as in hashtags); and a
// camelCase word split at its capitals ("AmberPay" → "Amber Pay"), as the folding splits
// "#AmberPay". Entries with punctuation or in scripts that do not join words get none.
std::vector<std::string> SocialSpellings(std::string_view entry, bool run_together);

// True if `token` (a whole folded word) is one of `forms`.
bool MatchesForms(std::string_view token, const std::vector<StemForm>& forms);

// The longest common prefix of the stems of `forms` (what a literal matcher can look for).
std::string CommonStem(const std::vector<StemForm>& forms);

}  // namespace chorus::text
