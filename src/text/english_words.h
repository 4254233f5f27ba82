// EnglishWords: whether a folded word (lower case, no diacritics) may be an English word,
// by Hunspell with Debian's en_US dictionary. The scanner asks it before letting a Latvian
// or Polish lexicon word count in a post taken for English: "politykom" is no English word,
// so it counts; "sad" is, so the Polish lexicons stay out of English posts.
//
// The dictionary is loaded on first use (about 0.1 s) from $CHORUS_HUNSPELL_DIR, else
// /usr/share/hunspell. Without it every word "may be English", so callers stay as strict as
// before. Answers are cached per word (at most 100,000 words; the cache then starts over).
//
// Thread-safety: MayBeEnglish may be called from any thread (Hunspell is used under a mutex).
#pragma once

#include <string_view>

namespace chorus::text {

bool MayBeEnglish(std::string_view folded_word);

// True when every word of `folded` (split at anything but letters and digits) is certainly
// not English; false for text without words.
bool HasNoEnglishWord(std::string_view folded);

}  // namespace chorus::text
