// The IBAN structure of every country in the SWIFT IBAN Registry (ISO 13616): the total length
// and the BBAN format (where letters, digits and either go). The data is a table in
// iban_structure.cc.
// All functions are pure and thread-safe; they never throw and accept any bytes.
#pragma once

#include <cstddef>
#include <string_view>

namespace chorus::detect {

// The IBAN length of the country ("LV" -> 21), or 0 if the code has no IBAN.
int IbanLength(std::string_view country_code);

// The BBAN format of the country in the registry's notation ("4!a13!c": four upper-case
// letters, then thirteen letters or digits; "n" digits), or an empty view.
std::string_view IbanBbanFormat(std::string_view country_code);

// True if `iban` (compact: no separators, upper case) has its country's length and every
// character of its BBAN is of the kind the format says. The check digits are not verified.
bool HasIbanCountryStructure(std::string_view iban);

// How many countries the registry table holds (for tests).
size_t IbanCountryCount();
// The country code of entry `i` (for tests).
std::string_view IbanCountryAt(size_t i);

}  // namespace chorus::detect
