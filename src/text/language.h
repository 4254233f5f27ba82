// Language identification of a post: which of the languages Chorus has packs for it is
// written in. Uses CLD2 for running text; for short posts, which CLD2 cannot judge reliably,
// the alphabet (Hebrew letters, Latvian and Polish diacritics), then the language packs'
// common words ("nie", "się" / "un", "ir" / "the", "and") counted in the folded text.
// Thread-safety: pure function, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace chorus::text {

// Frequent words that mark a language, folded as text::FoldTerm folds them, per language code.
using CommonWords = std::vector<std::pair<std::string, std::unordered_set<std::string>>>;

// What else a caller knows about the post: its folded text (lower case, no diacritics) and
// the common words to count in it.
struct LanguageHints {
  std::string_view folded;
  const CommonWords* common_words = nullptr;
};

// The language whose common words occur most often among the words of `folded`; empty when
// none occurs or two languages tie.
std::string VoteByCommonWords(std::string_view folded, const CommonWords& common_words);

// The language the alphabet alone shows, among `candidates`, without CLD2: "he" when Hebrew
// letters outnumber Latin ones, "lv" for Latin text with letters only Latvian uses (ā ē ī ū
// ķ ļ ņ ģ) and none only Polish uses, "pl" the other way round (ą ę ł ń ś ź ż ć ó); empty
// when the alphabet does not decide (plain ASCII, both kinds, no letters), and the caller
// runs DetectLanguage. Cheap: one pass over the bytes, most of them skipped as ASCII.
std::string DetectLanguageByAlphabet(std::string_view text,
                                     const std::vector<std::string>& candidates);

// The alphabet's answer (DetectLanguageByAlphabet) when it is certain enough to stand in for
// DetectLanguage: "he" as DetectLanguage's own first step gives it; "lv" or "pl" only when
// the folded text also holds a common word of that language and none of another Latin-script
// language (an English post naming "Rīgas Piens", a Polish one quoting a Latvian company, a
// Latvian one with an English sentence are left to DetectLanguage). Empty otherwise.
std::string DetectLanguageByAlphabetConfirmed(std::string_view text,
                                              const std::vector<std::string>& candidates,
                                              const LanguageHints& hints);

// The ISO 639-1 code of the post's language among `candidates` (e.g. {"en","he","lv","pl"}),
// or `fallback` when the text gives no usable signal or its language is not a candidate.
std::string DetectLanguage(std::string_view text, const std::vector<std::string>& candidates,
                           const std::string& fallback, const LanguageHints& hints = {});

}  // namespace chorus::text
