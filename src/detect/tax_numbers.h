// Tax and business register numbers: EU VAT numbers (Latvia, Poland, Lithuania, Estonia,
// Germany, France), the Polish NIP and REGON, and the Israeli company number. Each function
// takes the digits only (no country prefix, no separators) and checks length, fixed digits
// and the published check digits. Pure and thread-safe; never throws; any bytes are accepted.
#pragma once

#include <string_view>

namespace chorus::detect {

// Latvia (PVN): 11 digits. A legal person's number (first digit 4 to 9) has weights
// 9 1 4 8 3 10 2 5 7 6 1 and a weighted sum of 3 modulo 11; a natural person's number is
// their personal code (IsValidLatvianPersonalCode).
bool IsValidLatvianVat(std::string_view digits);

// Poland (NIP, also the VAT number after "PL"): 10 digits, weights 6 5 7 2 3 4 5 6 7,
// the sum modulo 11 is the last digit (a remainder of 10 is never issued).
bool IsValidPolishNip(std::string_view digits);

// Poland (REGON): 9 digits (weights 8 9 2 3 4 5 6 7) or 14 digits (a valid 9-digit REGON,
// then weights 2 4 8 5 0 9 7 3 6 1 2 4 8 over the first 13); remainder 10 counts as 0.
bool IsValidPolishRegon(std::string_view digits);

// Lithuania (PVM): 9 digits with a 1 in the eighth place, or 12 digits with a 1 in the
// eleventh; check digit modulo 11 with weights 1..9,1,2..., or 3..9,1,2,... when the first
// pass gives 10 (10 again counts as 0).
bool IsValidLithuanianVat(std::string_view digits);

// Estonia (KMKR): 9 digits starting with 10, weights 3 7 1 from the left, check digit
// completing the sum to a multiple of ten.
bool IsValidEstonianVat(std::string_view digits);

// Germany (USt-IdNr): 9 digits, the first not 0, check digit by ISO 7064 MOD 11,10.
bool IsValidGermanVat(std::string_view digits);

// France (TVA): 11 digits, a two-digit key then the SIREN (9 digits passing Luhn); the key is
// (12 + 3 * (SIREN mod 97)) mod 97. Keys with letters are not recognised.
bool IsValidFrenchVat(std::string_view digits);

// Israel: a company number (ח.פ.) is nine digits starting with 5, with the same check digit
// as an identity number.
bool IsValidIsraeliCompanyNumber(std::string_view digits);

}  // namespace chorus::detect
