// Cue words that tell what a number in a post is: "PESEL", "ת.ז.", "VAT", "tel.", "order
// no.", in English, Latvian, Polish and Hebrew (the word lists are data in
// identifier_cues.cc). A number that passes a check digit by chance needs the words around it
// to count as an identifier; a run of digits is a phone number only when something says so,
// and never when the text calls it an order, invoice, tracking or reference number.
// Words are compared folded (case, diacritics), at word starts for Latin words and anywhere
// for Hebrew ones, which take one-letter prefixes ("והטלפון").
// Thread-safety: the folded word lists are built once (thread-safe static) and immutable;
// CuesBefore is a value.
#pragma once

#include <cstddef>
#include <string_view>

namespace chorus::detect {

enum class Cue : unsigned {
  kNone = 0,
  kNationalId = 1u << 0,  // an identity number or personal code
  kVat = 1u << 1,         // a VAT or tax identification number
  kRegon = 1u << 2,       // the Polish REGON
  kCompany = 1u << 3,     // a company registration number (Israeli ח.פ.)
  kPhone = 1u << 4,       // a phone number
  kNotPhone = 1u << 5,    // an order, invoice, tracking or reference number
};

constexpr unsigned operator|(Cue a, Cue b) {
  return static_cast<unsigned>(a) | static_cast<unsigned>(b);
}
constexpr unsigned operator|(unsigned a, Cue b) {
  return a | static_cast<unsigned>(b);
}

// How many bytes before a number are searched for its cue word.
constexpr size_t kCueWindow = 48;

// The cue words found before a position of a post: for each kind, how far (in folded bytes)
// before the position its nearest word ends.
class CuesBefore {
 public:
  // Searches the kCueWindow bytes before `text[pos]`.
  CuesBefore(std::string_view text, size_t pos);

  // True if a word of `kind` was found.
  bool Has(Cue kind) const { return Distance(kind) != kAbsent; }
  // The kind among `kinds` (a mask of Cue values) whose word ends nearest; Cue::kNone if none.
  Cue Nearest(unsigned kinds) const;

 private:
  static constexpr size_t kKinds = 6;
  static constexpr size_t kAbsent = static_cast<size_t>(-1);
  size_t Distance(Cue kind) const;
  size_t distance_[kKinds];
};

}  // namespace chorus::detect
