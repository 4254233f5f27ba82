// Phone number validation through libphonenumber. A candidate is a span of a post that looks
// like a phone number ("+371 2912 3456", "(22) 555 12 34", "052-123-4567"). It is parsed with
// the given default region (ISO 3166 alpha-2, e.g. "LV", "PL", "IL", "US") for numbers
// written without a country code, and accepted only if libphonenumber says the number is
// valid. Thread-safe (libphonenumber's PhoneNumberUtil is a thread-safe singleton).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chorus::detect {

// The number in E.164 form ("+37129123456") if the candidate is a valid phone number, or
// nothing. Never throws; a candidate longer than 64 bytes is never a phone number.
std::optional<std::string> ValidPhoneNumber(std::string_view candidate,
                                            std::string_view default_region);

}  // namespace chorus::detect
