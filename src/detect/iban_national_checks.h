// National check digits inside the BBAN of an IBAN, for the countries whose domestic account
// numbers carry them and publish the algorithm: Belgium, France and Monaco (clé RIB), Spain
// (dígitos de control), Italy and San Marino (CIN), Portugal and the countries whose whole
// BBAN is one more than a multiple of 97 (Slovenia, Bosnia and Herzegovina, Montenegro,
// Serbia, North Macedonia, Timor-Leste), Norway, Finland, Estonia, the Czech Republic and
// Slovakia. Pure and thread-safe.
#pragma once

#include <string_view>

namespace chorus::detect {

// True if the national check digits of `iban` are right, or if its country has none we know.
// `iban` is compact (no separators, upper case) and has its country's structure
// (HasIbanCountryStructure); anything else may answer either way but never crashes.
bool PassesIbanNationalCheck(std::string_view iban);

}  // namespace chorus::detect
