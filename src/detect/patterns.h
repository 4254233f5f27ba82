// The pattern sets of the engine: regular expressions for identifiers, secrets, hostnames,
// coordinates and handles (matched on the original text), and for amounts (matched on folded
// text), plus the validation each hit must pass before it
// becomes a finding. Which patterns exist is fixed here; the words inside some of them
// (currency units, internal domains) come from packs and the policy.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "detect/hs_database.h"

namespace chorus::detect {

// Patterns matched on the original bytes (ASCII-oriented, start of match reported).
enum RawPattern : unsigned {
  kEmail,
  kIban,
  kCard,
  kPesel,
  kLatvianCode,
  kIsraeliId,
  kPhone,
  kAwsKey,
  kGithubToken,
  kSlackToken,
  kStripeKey,
  kGoogleKey,
  kJwt,
  kPrivateKey,
  kGenericSecret,
  kOpenAiKey,
  kInternalHost,
  kPrivateIp,
  kCoordinates,
  kHandleAt,
  kHandleUrl,
  kRawPatternCount
};

// Patterns matched on folded text.
enum FoldedPattern : unsigned { kAmount, kFoldedPatternCount };

// The raw patterns; `internal_domains` (from the policy) extend kInternalHost. Most report
// the start of their match (HS_FLAG_SOM_LEFTMOST); kEmail and kHandleAt do not, because
// tracking starts slows the whole database: they report one short match per "@", and
// CompleteRawHit gives the span the full pattern would have matched.
std::vector<HsPattern> RawPatterns(const std::vector<std::string>& internal_domains);

// Turns a raw hit [*from, *to) of pattern `id` in `text` into the leftmost-longest span the
// written pattern describes (see RawPatterns); other patterns are left as reported.
// Ends reported for one "@" give the same span, so merging hits removes the repeats.
void CompleteRawHit(std::string_view text, unsigned id, size_t* from, size_t* to);

// The folded patterns, built from folded currency and magnitude units.
std::vector<HsPattern> FoldedPatterns(const std::vector<std::string>& amount_units);

// After a password word ending at `pos` of folded text ("password", "hasło do VPN"): the
// span of the value it introduces, if the text goes on like an assignment — up to three
// words naming what the password opens, then ":" or "=" or a copula ("is", "ir", "to",
// "jest", "הוא" …), then the value. Returns false when no value follows. `assigned` tells
// whether ":" or "=" was used (a copula needs a value that looks like a secret).
bool PasswordValueAfter(std::string_view folded, size_t pos, size_t* value_start, size_t* value_end,
                        bool* assigned);

// True for raw patterns that can only match text holding an ASCII digit (identifiers,
// phones, IP addresses, coordinates); a post without digits skips them. Every folded
// pattern (amounts) needs a digit too.
bool RawPatternNeedsDigit(unsigned id);

// A short name of what a raw pattern recognises ("iban", "aws_key", ...).
std::string_view RawPatternName(unsigned id);

// Escapes a literal for use inside a Hyperscan regular expression.
std::string EscapeRegex(std::string_view literal);

// The identifier inside a candidate span that validates, trimming trailing digit groups the
// pattern may have swallowed: returns the length of the valid prefix, or 0.
size_t ValidIbanPrefix(std::string_view candidate);
size_t ValidCardPrefix(std::string_view candidate);

// Decimal coordinates "56.9496, 24.1052" within latitude/longitude ranges.
bool IsPlausibleCoordinatePair(std::string_view candidate);

}  // namespace chorus::detect
