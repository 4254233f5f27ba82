// Finds the personal identifiers in a post's original text: IBANs (written with spaces or
// dashes, after an "IBAN" label or not) and Polish domestic account numbers, payment cards,
// national identity numbers (PESEL, Latvian personal codes, Israeli identity numbers), VAT and
// tax numbers (LV, PL, LT, EE, DE, FR; Polish NIP and REGON; Israeli company numbers) and
// phone numbers. Digits split by single spaces or dashes are joined; every number must pass
// its format's checks, and numbers that pass a check by chance too often also need a cue
// word before them (identifier_cues.h). A run of digits is a phone number only with a '+'
// (or 00) country code, phone-style grouping or a phone cue word, never when the text calls
// it an order, invoice, tracking or reference number, and never where an identifier was found.
// Thread-safety: reentrant; `context` callbacks are called on the calling thread.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace chorus::detect {

struct IdentifierFinding {
  std::string_view source;  // the clause source: "identifier:iban", "identifier:card",
                            // "identifier:national_id" or "identifier:phone"
  std::string_view detail;  // what was found: "iban", "polish_nrb", "payment_card", "pesel",
                            // "latvian_personal_code", "israeli_id", "vat_number",
                            // "polish_nip", "polish_regon", "israeli_company_number", "phone"
  size_t start = 0;         // byte offsets into the text
  size_t end = 0;
};

struct IdentifierContext {
  // The region (ISO 3166 alpha-2, e.g. "LV") for phone numbers written without a country
  // code. Called at most once, and only when a phone candidate needs it.
  std::function<std::string()> phone_region;
};

// Appends the identifiers of `text` to `out`, ordered by start, never overlapping.
void FindIdentifiers(std::string_view text, const IdentifierContext& context,
                     std::vector<IdentifierFinding>* out);

}  // namespace chorus::detect
