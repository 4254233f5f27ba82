// Validators for personal identifiers found in posts. Each function takes the candidate
// exactly as it appeared in the text (separators such as spaces or dashes included where the
// format allows them) and answers whether it is a real identifier of that kind: checksums,
// dates and lengths are verified, so a number whose checksum fails is not personal data.
// All functions are pure and thread-safe; they never throw and accept any bytes.
#pragma once

#include <string_view>

namespace chorus::detect {

// Polish PESEL: 11 digits, a valid birth date (month encodes the century) and check digit.
bool IsValidPesel(std::string_view candidate);

// Latvian personal code: "DDMMYY-NNNNN", "DDMMYY NNNNN" or 11 digits. Old codes: valid date,
// century digit and checksum. New codes (since 2017): start with "32", checksum applies as well.
bool IsValidLatvianPersonalCode(std::string_view candidate);

// Israeli identity number (Teudat Zehut): 5 to 9 digits (left-padded with zeros to 9),
// Luhn-like check digit; all zeros is invalid.
bool IsValidIsraeliId(std::string_view candidate);

// IBAN of any country in the SWIFT registry: the country's length and BBAN structure (letters
// and digits where its format puts them), the ISO 7064 mod-97 check and the national check
// digits where the country has them (iban_national_checks.h). Single spaces or dashes between
// groups are allowed; case-insensitive.
bool IsValidIban(std::string_view candidate);

// Polish domestic account number (NRB): 26 digits, single spaces or dashes between groups
// allowed; its first two digits are the check digits of the IBAN "PL" + the 26 digits.
bool IsValidPolishNrb(std::string_view candidate);

// Payment card number: 13 to 19 digits (spaces or dashes between groups allowed), Luhn check,
// and an issuer prefix of a known scheme (Visa, Mastercard, Amex, Discover, JCB, Diners,
// Maestro, UnionPay, Mir).
bool IsValidPaymentCard(std::string_view candidate);

// E-mail address: a plausible local part, a domain with at least one dot and a top-level
// domain of two or more letters; no consecutive dots; total length at most 254.
bool IsValidEmail(std::string_view candidate);

}  // namespace chorus::detect
