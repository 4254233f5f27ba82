#include "text/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>

#include "text/fold.h"
#include "text/utf8.h"

namespace CLD2 {
const char* LanguageCode(Language lang);  // declared in cld2/internal/lang_script.h
}

namespace chorus::text {
namespace {

bool IsCandidate(const std::vector<std::string>& candidates, const std::string& code) {
  return std::find(candidates.begin(), candidates.end(), code) != candidates.end();
}

// Counts letters that only some languages use.
struct AlphabetSignal {
  int hebrew = 0, latvian = 0, polish = 0, latin = 0;
};

AlphabetSignal CountAlphabets(std::string_view text) {
  AlphabetSignal s;
  for (size_t i = 0; i < text.size();) {
    const unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {  // most bytes: ASCII, only Latin letters count
      s.latin += ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') ? 1 : 0;
      ++i;
      continue;
    }
    size_t len = 0;
    const char32_t cp = DecodeUtf8(text, i, &len);
    i += len;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) ++s.latin;
    if (cp >= 0x05D0 && cp <= 0x05EA) ++s.hebrew;
    switch (cp) {
      case 0x0101:
      case 0x0100:
      case 0x0113:
      case 0x0112:
      case 0x012B:
      case 0x012A:
      case 0x016B:
      case 0x016A:
      case 0x0137:
      case 0x0136:
      case 0x013C:
      case 0x013B:
      case 0x0146:
      case 0x0145:
      case 0x0123:
      case 0x0122:
        ++s.latvian;  // ā ē ī ū ķ ļ ņ ģ
        break;
      case 0x0105:
      case 0x0104:
      case 0x0119:
      case 0x0118:
      case 0x0142:
      case 0x0141:
      case 0x0144:
      case 0x0143:
      case 0x015B:
      case 0x015A:
      case 0x017A:
      case 0x0179:
      case 0x017C:
      case 0x017B:
      case 0x0107:
      case 0x0106:
      case 0x00F3:
      case 0x00D3:
        ++s.polish;  // ą ę ł ń ś ź ż ć ó
        break;
      default:
        break;
    }
  }
  return s;
}

}  // namespace

std::string DetectLanguageByAlphabet(std::string_view text,
                                     const std::vector<std::string>& candidates) {
  // Plain ASCII text has no signal: skip the decoding.
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return {};
  const AlphabetSignal alphabet = CountAlphabets(text);
  if (alphabet.hebrew > alphabet.latin && IsCandidate(candidates, "he")) return "he";
  if (alphabet.hebrew > 0) return {};
  if (alphabet.latvian > 0 && alphabet.polish == 0 && IsCandidate(candidates, "lv")) return "lv";
  if (alphabet.polish > 0 && alphabet.latvian == 0 && IsCandidate(candidates, "pl")) return "pl";
  return {};
}

std::string DetectLanguageByAlphabetConfirmed(std::string_view text,
                                              const std::vector<std::string>& candidates,
                                              const LanguageHints& hints) {
  std::string code = DetectLanguageByAlphabet(text, candidates);
  if (code.empty() || code == "he") return code;
  if (!hints.common_words) return {};
  const std::unordered_set<std::string>* own = nullptr;
  for (const auto& [language, words] : *hints.common_words)
    if (language == code) own = &words;
  if (!own) return {};
  bool confirmed = false;
  std::string word;
  for (const std::string_view w : FoldedWords(hints.folded)) {
    word.assign(w);
    for (const auto& [language, words] : *hints.common_words) {
      if (language == "he" || !words.count(word)) continue;
      if (language != code) return {};  // a word of another Latin-script language
      confirmed = true;
    }
  }
  return confirmed ? code : std::string();
}

std::string VoteByCommonWords(std::string_view folded, const CommonWords& common_words) {
  std::vector<int> votes(common_words.size(), 0);
  for (const std::string_view w : FoldedWords(folded)) {
    const std::string word(w);
    for (size_t l = 0; l < common_words.size(); ++l) votes[l] += common_words[l].second.count(word);
  }
  int best = 0, second = 0;
  size_t winner = 0;
  for (size_t l = 0; l < votes.size(); ++l) {
    if (votes[l] > best) {
      second = best;
      best = votes[l];
      winner = l;
    } else if (votes[l] > second) {
      second = votes[l];
    }
  }
  return best > 0 && best > second ? common_words[winner].first : std::string();
}

std::string DetectLanguage(std::string_view text, const std::vector<std::string>& candidates,
                           const std::string& fallback, const LanguageHints& hints) {
  const AlphabetSignal alphabet = CountAlphabets(text);
  if (alphabet.hebrew > alphabet.latin && IsCandidate(candidates, "he")) return "he";

  bool reliable = false;
  int valid_prefix = 0;
  const CLD2::Language detected = CLD2::DetectLanguageCheckUTF8(
      text.data(), static_cast<int>(std::min<size_t>(text.size(), 1 << 20)), true, &reliable,
      &valid_prefix);
  std::string code = CLD2::LanguageCode(detected);
  if (code == "iw") code = "he";
  if (reliable && IsCandidate(candidates, code)) return code;

  // Short or mixed posts: the alphabet decides, then CLD2's unreliable guess.
  if (alphabet.latvian > alphabet.polish && IsCandidate(candidates, "lv")) return "lv";
  if (alphabet.polish > alphabet.latvian && IsCandidate(candidates, "pl")) return "pl";
  if (alphabet.hebrew > 0 && IsCandidate(candidates, "he")) return "he";
  if (hints.common_words) {
    const std::string voted = VoteByCommonWords(hints.folded, *hints.common_words);
    if (!voted.empty() && IsCandidate(candidates, voted)) return voted;
  }
  if (IsCandidate(candidates, code)) return code;
  return fallback;
}

}  // namespace chorus::text
