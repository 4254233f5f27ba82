#include "detect/patterns.h"

#include <hs/hs.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "detect/identifiers.h"

namespace chorus::detect {

std::string EscapeRegex(std::string_view literal) {
  std::string out;
  for (char c : literal) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && !std::isalnum(u) && c != ' ') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::vector<HsPattern> RawPatterns(const std::vector<std::string>& internal_domains) {
  const unsigned som = HS_FLAG_SOM_LEFTMOST;
  const unsigned caseless = HS_FLAG_CASELESS;
  std::vector<HsPattern> p = {
      // Written without the local part's "+" and without start of match: CompleteRawHit.
      {R"([A-Za-z0-9._%+\-]@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z][A-Za-z]+)", kEmail, 0},
      {R"(\b[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]){11,32})", kIban, som},
      {R"(\b[0-9](?:[ \-]?[0-9]){12,18}\b)", kCard, som},
      {R"(\b[0-9]{11}\b)", kPesel, som},
      {R"(\b[0-9]{6}-?[0-9]{5}\b)", kLatvianCode, som},
      {R"(\b[0-9]{8,9}\b)", kIsraeliId, som},
      {R"((?:\+|\b)[0-9][0-9 ()\-.]{6,18}[0-9]\b)", kPhone, som},
      {R"(\b(?:AKIA|ASIA)[0-9A-Z]{16}\b)", kAwsKey, som},
      {R"(\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{50,}))", kGithubToken, som},
      {R"(\bxox[baprs]-[A-Za-z0-9\-]{10,})", kSlackToken, som},
      {R"(\b[sr]k_live_[0-9A-Za-z]{16,})", kStripeKey, som},
      {R"(\bAIza[0-9A-Za-z_\-]{35})", kGoogleKey, som},
      {R"(\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,})", kJwt, som},
      {R"(-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----)",
       kPrivateKey, som},
      {R"(\b(?:api[_\-]?key|secret[_\-]?key|access[_\-]?token|auth[_\-]?token|client[_\-]?secret|bearer)\s*[:=]?\s*["']?[A-Za-z0-9_\-/+.=]{16,})",
       kGenericSecret, som | caseless},
      {R"(\bsk-(?:proj-)?[A-Za-z0-9_\-]{32,})", kOpenAiKey, som},
      {R"(\b[A-Za-z0-9][A-Za-z0-9\-]*(?:\.[A-Za-z0-9][A-Za-z0-9\-]*)*\.(?:internal|intranet|corp|lan|local|localdomain|intra)\b)",
       kInternalHost, som | caseless},
      {R"(\b(?:10(?:\.[0-9]{1,3}){3}|192\.168(?:\.[0-9]{1,3}){2}|172\.(?:1[6-9]|2[0-9]|3[01])(?:\.[0-9]{1,3}){2})\b)",
       kPrivateIp, som},
      {R"(-?\b[0-9]{1,2}\.[0-9]{4,8}\s{0,2},\s{0,2}-?[0-9]{1,3}\.[0-9]{4,8}\b)", kCoordinates, som},
      // "@" and two handle characters, once per "@"; CompleteRawHit takes the rest.
      {R"(@[A-Za-z0-9_.]{2})", kHandleAt, 0},
      {R"(\b(?:facebook|fb|instagram|twitter|x|tiktok|linkedin|youtube|threads)\.com/(?:in/|company/|@)?[A-Za-z0-9_.\-]{2,}|\bt\.me/[A-Za-z0-9_]{3,})",
       kHandleUrl, som | caseless},
  };
  for (const auto& domain : internal_domains) {
    if (domain.empty()) continue;
    p.push_back({R"(\b(?:[A-Za-z0-9\-]+\.)*)" + EscapeRegex(domain) + R"(\b)", kInternalHost,
                 som | caseless});
  }
  return p;
}

namespace {

bool IsHandleChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}
bool IsEmailLocalChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' ||
         c == '+' || c == '-';
}

}  // namespace

void CompleteRawHit(std::string_view text, unsigned id, size_t* from, size_t* to) {
  if (id == kHandleAt) {
    // `@[A-Za-z0-9_.]{2,}`: from the "@" to the end of the run of handle characters.
    *from = *to - 3;
    size_t end = *to;
    while (end < text.size() && IsHandleChar(text[end])) ++end;
    *to = end;
  } else if (id == kEmail) {
    // `[A-Za-z0-9._%+\-]+@...`: the domain part holds no "@", so the "@" is the last one
    // before the end; the leftmost start runs back over the local part's characters.
    size_t at = *to;
    while (at > 0 && text[at - 1] != '@') --at;
    size_t start = at - 1;  // the "@"
    while (start > 0 && IsEmailLocalChar(text[start - 1])) --start;
    *from = start;
  }
}

std::vector<HsPattern> FoldedPatterns(const std::vector<std::string>& amount_units) {
  const unsigned flags = HS_FLAG_SOM_LEFTMOST | HS_FLAG_UTF8;
  std::string units;
  for (const auto& u : amount_units) {
    if (u.empty()) continue;
    units += (units.empty() ? "" : "|") + EscapeRegex(u);
  }
  const std::string number = R"([0-9](?:[0-9]|[.,' ][0-9])*)";
  std::string amount = R"((?:[€$£₪]|\bus\$) ?)" + number;
  if (!units.empty()) amount += "|" + number + " ?(?:" + units + ")|(?:" + units + ") ?" + number;
  amount += "|" + number + " ?%";
  return {{amount, kAmount, flags}};
}

bool PasswordValueAfter(std::string_view folded, size_t pos, size_t* value_start, size_t* value_end,
                        bool* assigned) {
  static const std::string_view kCopulas[] = {"is",    "ir",  "to",  "jest",
                                              "brzmi", "הוא", "היא", "זה"};
  auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  const size_t n = folded.size();
  size_t i = pos;
  *assigned = false;
  bool found = false;
  for (int words = 0; words <= 3 && i < n; ++words) {
    while (i < n && is_space(folded[i])) ++i;
    if (i < n && (folded[i] == ':' || folded[i] == '=')) {
      ++i;
      *assigned = true;
      found = true;
      break;
    }
    size_t j = i;
    while (j < n && !is_space(folded[j]) && folded[j] != ':' && folded[j] != '=' &&
           folded[j] != '\n')
      ++j;
    if (j == i) return false;  // a line break or the end
    const std::string_view word = folded.substr(i, j - i);
    i = j;
    if (std::find(std::begin(kCopulas), std::end(kCopulas), word) != std::end(kCopulas)) {
      found = true;
      break;
    }
  }
  if (!found) return false;
  while (i < n && is_space(folded[i])) ++i;
  size_t j = i;
  while (j < n && !is_space(folded[j]) && folded[j] != '\n') ++j;
  // Sentence punctuation after the value is not part of it ("Summer2024!." ends with ".").
  while (j > i + 1 && (folded[j - 1] == '.' || folded[j - 1] == ',' || folded[j - 1] == ';' ||
                       folded[j - 1] == ')'))
    --j;
  if (j - i < 3) return false;
  *value_start = i;
  *value_end = j;
  return true;
}

bool RawPatternNeedsDigit(unsigned id) {
  switch (id) {
    case kIban:
    case kCard:
    case kPesel:
    case kLatvianCode:
    case kIsraeliId:
    case kPhone:
    case kPrivateIp:
    case kCoordinates:
      return true;
    default:
      return false;
  }
}

std::string_view RawPatternName(unsigned id) {
  static const char* const kNames[] = {
      "email",      "iban",           "payment_card", "pesel",        "latvian_personal_code",
      "israeli_id", "phone",          "aws_key",      "github_token", "slack_token",
      "stripe_key", "google_api_key", "jwt",          "private_key",  "secret_assignment",
      "openai_key", "internal_host",  "private_ip",   "coordinates",  "handle",
      "profile_url"};
  return id < kRawPatternCount ? kNames[id] : "unknown";
}

size_t ValidIbanPrefix(std::string_view candidate) {
  candidate = candidate.substr(0, 34 + 8);  // the longest IBAN with a space every 4 characters
  // Try the longest prefix first; a following word or number may have been swallowed.
  for (size_t len = candidate.size(); len >= 15; --len) {
    if (candidate[len - 1] == ' ') continue;
    if (IsValidIban(candidate.substr(0, len))) return len;
  }
  return 0;
}

size_t ValidCardPrefix(std::string_view candidate) {
  candidate = candidate.substr(0, 19 + 18);  // 19 digits, a separator between each
  for (size_t len = candidate.size(); len >= 13; --len) {
    const char last = candidate[len - 1];
    if (last < '0' || last > '9') continue;
    if (len < candidate.size() && candidate[len] >= '0' && candidate[len] <= '9') continue;
    if (IsValidPaymentCard(candidate.substr(0, len))) return len;
  }
  return 0;
}

bool IsPlausibleCoordinatePair(std::string_view candidate) {
  const std::string s(candidate);
  char* end = nullptr;
  const double lat = std::strtod(s.c_str(), &end);
  if (end == s.c_str()) return false;
  const char* p = end;
  while (*p == ' ' || *p == ',' || *p == '\t') ++p;
  char* end2 = nullptr;
  const double lon = std::strtod(p, &end2);
  if (end2 == p) return false;
  return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && !(lat == 0 && lon == 0);
}

}  // namespace chorus::detect
