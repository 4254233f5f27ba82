// Look-alike accounts: screens a handle, profile URL or display name against the names an
// organisation goes by (its name, aliases and brands) and its official accounts, and says
// whether it is one of the official accounts, an account that imitates them, or unrelated.
//
// Names are compared on keys built per code point: NFKC case folding, then the Unicode
// TR39 confusable skeleton (ICU's spoof checker), then diacritics removed; ASCII digits
// stay digits, and a second key reads them as letters (0→o, 1→i, 3→e, 4→a, 5→s, 7→t, 8→b).
// Separators (space . _ - and invisible characters) are dropped. A candidate resembles a
// name when its key is the name's key with affixes around it (words such as "support",
// "help", "official", "hq", country codes such as "lv" or "pl", digits — the list is data,
// LookalikeConfig::affixes), allowing a few typing slips: Damerau edit distance 0 for
// names of up to 4 letters, 1 up to 8, 2 from 9.
//
//   LookalikeScreen screen;
//   Status s = LookalikeScreen::Create(config, &screen);
//   LookalikeResult r = screen.Screen("@dzintars_support");  // impersonation, "affix"
//
// Reasons (a contract of `chorus handles`):
//   exact         the handle or URL is an official account (verdict official)
//   name          an organisation name or brand, as such, on an account that is not official
//   separator     the name with separators added or moved ("dzin.tars", "Amber Pay")
//   homoglyph     look-alike characters ("dzіntars" with a Cyrillic і, "amb3rpay", "dzintarš")
//   mixed_script  letters of several scripts in one name together with any of the above
//   affix         the name with affixes ("dzintars_support", "helpamberpay_lv")
//   typo          a typing slip within the distance above ("dzintrs", "amberapy")
//   none          nothing resembles (verdict ok); also "empty", "invalid_utf8", "too_long"
//
// Thread-safety: Screen() is const and safe from several threads (ICU's spoof checker is
// read-only once configured).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace chorus::detect {

struct LookalikeConfig {
  std::vector<std::string> names;              // organisation name, aliases, brands
  std::vector<std::string> official_accounts;  // handles and profile URLs (profile_ref.h)
  std::vector<std::string> affixes;            // words and codes that may surround a name
};

enum class LookalikeVerdict { kOk, kOfficial, kImpersonation };
std::string_view LookalikeVerdictName(LookalikeVerdict verdict);

struct LookalikeResult {
  LookalikeVerdict verdict = LookalikeVerdict::kOk;
  std::string similar_to;  // the official account or name it resembles; "" when none
  std::string reason = "none";
};

// Inputs longer than this many bytes are answered "too_long" without screening.
constexpr size_t kMaxLookalikeInputBytes = 512;

class LookalikeScreen {
 public:
  LookalikeScreen();
  ~LookalikeScreen();
  LookalikeScreen(LookalikeScreen&&) noexcept;
  LookalikeScreen& operator=(LookalikeScreen&&) noexcept;

  // Fails when ICU's spoof checker cannot be opened, or an official account is neither a
  // handle nor a profile URL (the policy loader reports those with their line first).
  static Status Create(const LookalikeConfig& config, LookalikeScreen* out);

  // One handle, profile URL or display name (surrounding spaces ignored).
  LookalikeResult Screen(std::string_view input) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chorus::detect
