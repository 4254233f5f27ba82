// LanguagePack: what Chorus knows about one language, loaded from packs/lang/<code>.yaml
// (format in packs/README.md): inflection rules, topic lexicons, the default phone region
// and the interface labels. The built-in packs are embedded in the binary.
//
// Thread-safety: BuiltinLanguagePacks() loads once (thread-safe static) and is immutable.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "text/inflection.h"

namespace chorus {

struct LanguagePack {
  std::string code;  // "lv"
  std::string name;  // "Latviešu"
  bool right_to_left = false;
  std::string phone_region;  // "LV"
  text::InflectionRules inflection;
  std::map<std::string, std::vector<std::string>, std::less<>> lexicons;  // name -> entries
  std::map<std::string, std::string, std::less<>> ui;                     // key -> label
  // Frequent words that tell a short post's language (folded), e.g. "nie", "sie", "jest".
  std::vector<std::string> common_words;

  const std::vector<std::string>& Lexicon(std::string_view name) const;
  // The label for `key`, or the key itself when the pack lacks it.
  std::string Ui(std::string_view key) const;
};

// Parses one pack. Errors carry the line and column in the YAML text. Unknown keys, unknown
// lexicon names and a direction other than `ltr`/`rtl` are errors, not silently ignored.
Status ParseLanguagePack(std::string_view yaml, LanguagePack* out);

// Every embedded pack, ordered by code. A broken embedded pack aborts at startup with a
// message (it is a build defect, caught by the tests).
const std::vector<LanguagePack>& BuiltinLanguagePacks();

// The built-in pack for `code`, or nullptr.
const LanguagePack* FindLanguagePack(std::string_view code);

}  // namespace chorus
