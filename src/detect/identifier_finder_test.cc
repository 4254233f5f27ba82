// Identifiers in posts, tested with examples computed here from each format's published
// specification (check-digit algorithms written out again below, independently of the code
// under test): every valid one must be found, in sentences in English, Latvian, Polish and
// Hebrew, written as people write them; every invalid one (a digit changed, a bad date, a
// wrong length) must be flagged as nothing at all.
#include "detect/identifier_finder.h"

#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "detect/iban_structure.h"

namespace chorus::detect {
namespace {

std::vector<IdentifierFinding> Find(const std::string& text, const std::string& region = "LV") {
  std::vector<IdentifierFinding> out;
  IdentifierContext context;
  context.phone_region = [region] { return region; };
  FindIdentifiers(text, context, &out);
  return out;
}

// ---- Check digits, from the published specifications ----

int D(char c) {
  return c - '0';
}

template <size_t N>
int Weighted(const std::string& digits, const std::array<int, N>& w) {
  int s = 0;
  for (size_t i = 0; i < N; ++i) s += w[i] * D(digits[i]);
  return s;
}

char Digit(int v) {
  return static_cast<char>('0' + v);
}

std::string Pesel(const std::string& ten) {
  return ten +
         Digit((10 - Weighted(ten, std::array<int, 10>{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}) % 10) % 10);
}
// Empty when the remainder is 10 (written as 0, so a changed digit could still match).
std::string LatvianCode(const std::string& ten) {
  int r = (1101 - Weighted(ten, std::array<int, 10>{1, 6, 3, 7, 9, 10, 5, 8, 4, 2})) % 11;
  return r == 10 ? "" : ten + Digit(r);
}
std::string IsraeliId(const std::string& eight) {
  int s = 0;
  for (size_t i = 0; i < 8; ++i) {
    int p = D(eight[i]) * (i % 2 == 0 ? 1 : 2);
    s += p > 9 ? p - 9 : p;
  }
  return eight + Digit((10 - s % 10) % 10);
}
std::string Nip(const std::string& nine) {
  int r = Weighted(nine, std::array<int, 9>{6, 5, 7, 2, 3, 4, 5, 6, 7}) % 11;
  return r == 10 ? "" : nine + Digit(r);
}
std::string Regon9(const std::string& eight) {
  return eight + Digit(Weighted(eight, std::array<int, 8>{8, 9, 2, 3, 4, 5, 6, 7}) % 11 % 10);
}
std::string LatvianVat(const std::string& ten) {  // legal persons, first digit 4..9
  for (int c = 0; c <= 9; ++c) {
    std::string n = ten + Digit(c);
    if (Weighted(n, std::array<int, 11>{9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1}) % 11 == 3) return n;
  }
  return "";
}
std::string EstonianVat(const std::string& eight) {
  return eight +
         Digit((10 - Weighted(eight, std::array<int, 8>{3, 7, 1, 3, 7, 1, 3, 7}) % 10) % 10);
}
std::string GermanVat(const std::string& eight) {
  int p = 10;
  for (char c : eight) {
    int s = (D(c) + p) % 10;
    p = (2 * (s == 0 ? 10 : s)) % 11;
  }
  return eight + Digit((11 - p) % 10);
}
std::string LithuanianVat(const std::string& body) {
  int s = 0;
  for (size_t i = 0; i < body.size(); ++i) s += static_cast<int>(1 + i % 9) * D(body[i]);
  if (s % 11 == 10) {
    s = 0;
    for (size_t i = 0; i < body.size(); ++i) s += static_cast<int>(1 + (i + 2) % 9) * D(body[i]);
  }
  return body + Digit(s % 11 % 10);
}
int Mod97(const std::string& s) {
  int r = 0;
  for (char c : s) r = (c >= 'A') ? (r * 100 + (c - 'A' + 10)) % 97 : (r * 10 + D(c)) % 97;
  return r;
}
std::string TwoDigits(int v) {
  return std::string(1, Digit(v / 10)) + Digit(v % 10);
}
std::string FrenchVat(const std::string& eight) {  // the SIREN gets its Luhn digit
  for (int c = 0; c <= 9; ++c) {
    std::string siren = eight + Digit(c);
    int s = 0;
    for (size_t i = 0; i < 9; ++i) {
      int v = D(siren[8 - i]) * (i % 2 == 1 ? 2 : 1);
      s += v > 9 ? v - 9 : v;
    }
    if (s % 10 == 0) return TwoDigits((12 + 3 * (Mod97(siren))) % 97) + siren;
  }
  return "";
}
int Luhn(const std::string& body) {  // the digit that completes body
  int s = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    int v = D(body[body.size() - 1 - i]) * (i % 2 == 0 ? 2 : 1);
    s += v > 9 ? v - 9 : v;
  }
  return (10 - s % 10) % 10;
}
// The IBAN check digits for a country and BBAN (ISO 13616).
std::string Iban(const std::string& country, const std::string& bban) {
  return country + TwoDigits(98 - Mod97(bban + country + "00")) + bban;
}

// A BBAN for `country` following its registry format, with national check digits where the
// country's account numbers carry them. Empty if the draw cannot be completed.
std::string Bban(const std::string& country, std::mt19937& rng) {
  std::string format(IbanBbanFormat(country));
  std::string b;
  for (size_t i = 0; i < format.size();) {
    int n = 0;
    while (format[i] >= '0' && format[i] <= '9') n = n * 10 + D(format[i++]);
    char kind = format[i + 1];
    i += 2;
    for (int k = 0; k < n; ++k) {
      int r = static_cast<int>(rng() % 36);
      if (kind == 'n' || (kind == 'c' && r < 20))
        b.push_back(Digit(r % 10));
      else
        b.push_back(static_cast<char>('A' + r % 26));
    }
  }
  auto digits_only = [&] {
    for (char& c : b)
      if (c >= 'A') c = Digit(c % 10);
  };
  if (country == "BE") {
    int m = Mod97(b.substr(0, 10));
    b = b.substr(0, 10) + TwoDigits(m == 0 ? 97 : m);
  } else if (country == "FR" || country == "MC") {
    std::string acc = b.substr(10, 11);
    for (char& c : acc)
      if (c >= 'A') c = Digit(c <= 'I' ? c - 'A' + 1 : c <= 'R' ? c - 'J' + 1 : c - 'S' + 2);
    int key = 97 - (89 * Mod97(b.substr(0, 5)) + 15 * Mod97(b.substr(5, 5)) + 3 * Mod97(acc)) % 97;
    b = b.substr(0, 21) + TwoDigits(key);
  } else if (country == "ES") {
    auto digit = [](const std::string& ten) {
      static const std::array<int, 10> w = {1, 2, 4, 8, 5, 10, 9, 7, 3, 6};
      int d = 11 - Weighted(ten, w) % 11;
      return d == 11 ? 0 : d == 10 ? 1 : d;
    };
    b[8] = Digit(digit("00" + b.substr(0, 8)));
    b[9] = Digit(digit(b.substr(10, 10)));
  } else if (country == "IT" || country == "SM") {
    static const std::array<int, 26> odd = {1,  0,  5, 7, 9, 13, 15, 17, 19, 21, 2,  4,  18,
                                            20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
    int s = 0;
    for (size_t i = 1; i < b.size(); ++i) {
      int v = b[i] >= 'A' ? b[i] - 'A' : D(b[i]);
      s += (i % 2 == 1) ? odd[static_cast<size_t>(v)] : v;
    }
    b[0] = static_cast<char>('A' + s % 26);
  } else if (country == "PT" || country == "SI" || country == "BA" || country == "ME" ||
             country == "RS" || country == "MK" || country == "TL") {
    std::string body = b.substr(0, b.size() - 2);
    b = body + TwoDigits(98 - Mod97(body + "00"));
  } else if (country == "NO") {
    static const std::array<int, 10> w = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    int d = (11 - Weighted(b, w) % 11) % 11;
    if (d == 10) return "";
    b[10] = Digit(d);
  } else if (country == "FI") {
    b[13] = Digit(Luhn(b.substr(0, 13)));
  } else if (country == "EE") {
    static const std::array<int, 3> w = {7, 3, 1};
    int s = 0;
    for (size_t i = 0; i < 13; ++i) s += w[i % 3] * D(b[14 - i]);
    b[15] = Digit((10 - s % 10) % 10);
  } else if (country == "CZ" || country == "SK") {
    digits_only();
    for (size_t i = 4; i < 10; ++i) b[i] = '0';
    static const std::array<int, 9> w = {6, 3, 7, 9, 10, 5, 8, 4, 2};
    int r = (11 - Weighted(b.substr(10), w) % 11) % 11;
    if (r == 10) return "";
    b[19] = Digit(r);
  }
  return b;
}

// "ABCD EFGH …": groups of four, as IBANs are printed.
std::string InFours(const std::string& s, char sep = ' ') {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back(sep);
    out.push_back(s[i]);
  }
  return out;
}

std::string ChangeDigit(std::string s, size_t pos) {
  s[pos] = s[pos] == '9' ? '0' : static_cast<char>(s[pos] + 1);
  return s;
}

std::string RandomDigits(std::mt19937& rng, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s.push_back(Digit(static_cast<int>(rng() % 10)));
  return s;
}

// ---- The corpus ----

struct Example {
  std::string family;
  std::string written;  // as it appears in the post
  bool valid;
};

// Sentences in the four languages, each with the words people put before such a number.
struct Templates {
  std::array<std::string, 4> before;  // en, lv, pl, he
};

const std::array<const char*, 4> kRegions = {"US", "LV", "PL", "IL"};

struct Tally {
  int valid = 0, found = 0, invalid = 0, flagged = 0;
};

void RunCorpus(const std::vector<Example>& examples, const Templates& t,
               std::map<std::string, Tally>* tally) {
  for (const Example& e : examples) {
    for (size_t lang = 0; lang < 4; ++lang) {
      const std::string post = t.before[lang] + e.written + (lang == 3 ? " תודה." : ", thanks.");
      const size_t start = t.before[lang].size();
      const size_t end = start + e.written.size();
      const auto found = Find(post, kRegions[lang]);
      Tally& c = (*tally)[e.family];
      if (e.valid) {
        ++c.valid;
        bool ok = false;
        for (const auto& f : found)
          ok = ok || (f.start == start && f.end == end && f.source != "identifier:phone");
        if (ok) ++c.found;
        EXPECT_TRUE(ok) << e.family << " not found: " << post;
      } else {
        ++c.invalid;
        bool any = false;
        for (const auto& f : found) any = any || (f.start < end && start < f.end);
        if (any) ++c.flagged;
        EXPECT_FALSE(any) << e.family << " flagged ("
                          << (found.empty() ? "" : std::string(found[0].detail)) << "): " << post;
      }
    }
  }
}

// A family: how to draw a valid number, how to write it, and how to spoil it.
struct Family {
  std::string name;
  Templates templates;
  std::function<std::string(std::mt19937&)> draw;                     // "" = draw again
  std::function<std::vector<std::string>(const std::string&)> forms;  // ways to write it
  std::function<bool(const std::string&)> valid_by_spec;              // recomputes the check
  std::function<std::vector<std::string>(const std::string&, std::mt19937&)> spoiled;
};

std::vector<std::string> Plain(const std::string& s) {
  return {s};
}

// Every digit changed in turn, kept only where the specification says the result is invalid.
std::vector<std::string> DigitChanges(const std::string& s, const Family& f, size_t from = 0) {
  std::vector<std::string> out;
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') continue;
    std::string changed = ChangeDigit(s, i);
    if (!f.valid_by_spec(changed)) out.push_back(changed);
  }
  return out;
}

std::string TwoDigitsOf(int v) {
  return TwoDigits(v);
}

std::vector<Family> Families() {
  std::vector<Family> families;
  // PESEL: YYMMDD (month + 20 in the 2000s) ZZZZ Q.
  auto pesel_date = [](std::mt19937& rng, int month_offset_max) {
    int year = static_cast<int>(rng() % 100);
    int month = 1 + static_cast<int>(rng() % 12) + (rng() % 2 ? 20 : 0) * (month_offset_max > 0);
    int day = 1 + static_cast<int>(rng() % 28);
    return TwoDigitsOf(year) + TwoDigitsOf(month) + TwoDigitsOf(day);
  };
  families.push_back(
      {"pesel",
       {{"PESEL: ", "Viņa PESEL ir ", "Mój PESEL to ", "מספר PESEL: "}},
       [=](std::mt19937& rng) { return Pesel(pesel_date(rng, 1) + RandomDigits(rng, 4)); },
       [](const std::string& n) {
         return std::vector<std::string>{n, n.substr(0, 6) + " " + n.substr(6)};
       },
       [](const std::string& n) { return n.size() == 11 && Pesel(n.substr(0, 10)) == n; },
       nullptr});
  families.back().spoiled = [f = families.back()](const std::string& n, std::mt19937& rng) {
    auto out = DigitChanges(n, f, 4);
    out.push_back(Pesel(n.substr(0, 2) + "13" + n.substr(4, 6)));  // month 13
    out.push_back(Pesel(n.substr(0, 4) + "00" + n.substr(6, 4)));  // day 0
    out.push_back(n.substr(0, 10));                                // too short
    (void)rng;
    return out;
  };

  // Latvian personal code, old format: DDMMYY-CNNNN Q (C: 0 1800s, 1 1900s, 2 2000s).
  families.push_back(
      {"latvian_personal_code",
       {{"Personal code ", "Personas kods: ", "Łotewski kod osobowy ", "קוד אישי לטבי "}},
       [](std::mt19937& rng) {
         int day = 1 + static_cast<int>(rng() % 28), month = 1 + static_cast<int>(rng() % 12);
         int year = 30 + static_cast<int>(rng() % 70);
         return LatvianCode(TwoDigitsOf(day) + TwoDigitsOf(month) + TwoDigitsOf(year) + "1" +
                            RandomDigits(rng, 3));
       },
       [](const std::string& n) {
         return std::vector<std::string>{n, n.substr(0, 6) + "-" + n.substr(6),
                                         n.substr(0, 6) + " " + n.substr(6)};
       },
       [](const std::string& n) { return n.size() == 11 && LatvianCode(n.substr(0, 10)) == n; },
       nullptr});
  families.back().spoiled = [f = families.back()](const std::string& n, std::mt19937&) {
    std::vector<std::string> out;
    for (const auto& c : DigitChanges(n, f, 6)) out.push_back(c.substr(0, 6) + "-" + c.substr(6));
    std::string bad = LatvianCode(n.substr(0, 2) + "13" + n.substr(4, 6));  // month 13
    if (!bad.empty()) out.push_back(bad.substr(0, 6) + "-" + bad.substr(6));
    bad = LatvianCode("30" + std::string("02") + n.substr(4, 6));  // 30 February
    if (!bad.empty()) out.push_back(bad);
    out.push_back(n.substr(0, 6) + "-" + n.substr(6, 4));  // too short
    return out;
  };

  // Latvian personal code, new format (from 2017): 32 NNNN-NNNNN, after a cue word.
  families.push_back(
      {"latvian_personal_code_32",
       {{"My personal code is ", "Personas kods ", "Numer identyfikacyjny ", "מספר זהות "}},
       [](std::mt19937& rng) { return LatvianCode("32" + RandomDigits(rng, 8)); },
       [](const std::string& n) {
         return std::vector<std::string>{n, n.substr(0, 6) + "-" + n.substr(6)};
       },
       [](const std::string& n) { return n.size() == 11 && LatvianCode(n.substr(0, 10)) == n; },
       nullptr});
  families.back().spoiled = [f = families.back()](const std::string& n, std::mt19937&) {
    auto out = DigitChanges(n, f, 2);
    out.push_back(n.substr(0, 10));
    return out;
  };

  // Israeli identity number: nine digits, or fewer (leading zeros left out), or a dash
  // before the check digit.
  families.push_back({"israeli_id",
                      {{"ID number ", "Izraēlas personas kods ", "Numer dowodu ", "ת.ז. "}},
                      [](std::mt19937& rng) {
                        std::string body = RandomDigits(rng, 8);
                        if (rng() % 3 == 0) body[0] = '0';
                        return IsraeliId(body);
                      },
                      [](const std::string& n) {
                        std::vector<std::string> forms = {n, n.substr(0, 8) + "-" + n.substr(8)};
                        if (n[0] == '0') forms.push_back(n.substr(n.find_first_not_of('0')));
                        return forms;
                      },
                      [](const std::string& n) {
                        std::string padded =
                            std::string(9 - std::min<size_t>(9, n.size()), '0') + n;
                        return n.size() <= 9 && IsraeliId(padded.substr(0, 8)) == padded;
                      },
                      nullptr});
  families.back().spoiled = [f = families.back()](const std::string& n, std::mt19937&) {
    auto out = DigitChanges(n, f);
    out.push_back(n + "7");  // too long
    return out;
  };

  // Polish NRB: the 26 digits of a Polish IBAN, grouped 2 + 6 x 4 or not at all.
  families.push_back(
      {"polish_nrb",
       {{"Account number ", "Konta nr. ", "Numer rachunku: ", "מספר חשבון "}},
       [](std::mt19937& rng) { return Iban("PL", RandomDigits(rng, 24)).substr(2); },
       [](const std::string& n) {
         return std::vector<std::string>{n, n.substr(0, 2) + " " + InFours(n.substr(2))};
       },
       [](const std::string& n) {
         return n.size() == 26 && Iban("PL", n.substr(2)).substr(2) == n;
       },
       nullptr});
  families.back().spoiled = [f = families.back()](const std::string& n, std::mt19937&) {
    std::vector<std::string> out;
    for (const auto& c : DigitChanges(n, f))
      out.push_back(c.substr(0, 2) + " " + InFours(c.substr(2)));
    out.push_back(n.substr(0, 25));
    return out;
  };

  // VAT numbers with their country prefix.
  families.push_back(
      {"vat_number",
       {{"VAT number ", "PVN numurs ", "Numer VAT ", "מספר מע\"מ "}},
       [](std::mt19937& rng) -> std::string {
         switch (rng() % 7) {
           case 0: {
             std::string n = LatvianVat("4000" + RandomDigits(rng, 6));
             return n.empty() ? "" : "LV" + n;
           }
           case 1: {
             std::string n = Nip(RandomDigits(rng, 9));
             return n.empty() ? "" : "PL" + n;
           }
           case 2:
             return "LT" + LithuanianVat(RandomDigits(rng, 7) + "1");
           case 3:
             return "LT" + LithuanianVat(RandomDigits(rng, 10) + "1");
           case 4:
             return "EE" + EstonianVat("10" + RandomDigits(rng, 6));
           case 5:
             return "DE" + GermanVat(std::string(1, Digit(1 + static_cast<int>(rng() % 9))) +
                                     RandomDigits(rng, 7));
           default: {
             std::string n = FrenchVat(RandomDigits(rng, 8));
             return n.empty() ? "" : "FR" + n;
           }
         }
       },
       [](const std::string& n) {
         return std::vector<std::string>{n, n.substr(0, 2) + " " + n.substr(2)};
       },
       [](const std::string& n) {
         const std::string cc = n.substr(0, 2), d = n.substr(2);
         if (cc == "LV") return d.size() == 11 && LatvianVat(d.substr(0, 10)) == d;
         if (cc == "PL") return d.size() == 10 && Nip(d.substr(0, 9)) == d;
         if (cc == "LT")
           return (d.size() == 9 && d[7] == '1') || (d.size() == 12 && d[10] == '1')
                      ? LithuanianVat(d.substr(0, d.size() - 1)) == d
                      : false;
         if (cc == "EE")
           return d.size() == 9 && d.substr(0, 2) == "10" && EstonianVat(d.substr(0, 8)) == d;
         if (cc == "DE") return d.size() == 9 && d[0] != '0' && GermanVat(d.substr(0, 8)) == d;
         return d.size() == 11 && FrenchVat(d.substr(2, 8)) == d;
       },
       nullptr});
  families.back().spoiled = [f = families.back()](const std::string& n, std::mt19937&) {
    auto out = DigitChanges(n, f, 2);
    out.push_back(n.substr(0, n.size() - 1));
    return out;
  };

  // Polish NIP without prefix: after "NIP", or in the dashed groups firms print.
  families.push_back(
      {"polish_nip",
       {{"NIP ", "Uzņēmuma NIP ", "NIP: ", "NIP "}},
       [](std::mt19937& rng) { return Nip(RandomDigits(rng, 9)); },
       [](const std::string& n) {
         return std::vector<std::string>{
             n, n.substr(0, 3) + "-" + n.substr(3, 3) + "-" + n.substr(6, 2) + "-" + n.substr(8)};
       },
       [](const std::string& n) { return n.size() == 10 && Nip(n.substr(0, 9)) == n; },
       nullptr});
  families.back().spoiled = [f = families.back()](const std::string& n, std::mt19937&) {
    auto out = DigitChanges(n, f);
    out.push_back(n.substr(0, 9));
    return out;
  };

  // Polish REGON (9 digits), after "REGON".
  families.push_back(
      {"polish_regon",
       {{"REGON ", "REGON numurs ", "REGON: ", "REGON "}},
       [](std::mt19937& rng) { return Regon9(RandomDigits(rng, 8)); },
       Plain,
       [](const std::string& n) { return n.size() == 9 && Regon9(n.substr(0, 8)) == n; },
       nullptr});
  families.back().spoiled = [f = families.back()](const std::string& n, std::mt19937&) {
    auto out = DigitChanges(n, f);
    out.push_back(n.substr(0, 8));
    return out;
  };

  // Israeli company number: 5 and eight digits with the identity number's check digit.
  families.push_back({"israeli_company_number",
                      {{"Company number ", "Uzņēmuma kods ", "Numer firmy ", "ח.פ. "}},
                      [](std::mt19937& rng) { return IsraeliId("5" + RandomDigits(rng, 7)); },
                      Plain,
                      [](const std::string& n) {
                        return n.size() == 9 && n[0] == '5' && IsraeliId(n.substr(0, 8)) == n;
                      },
                      nullptr});
  families.back().spoiled = [f = families.back()](const std::string& n, std::mt19937&) {
    auto out = DigitChanges(n, f, 1);
    out.push_back(n.substr(0, 8) + "-" + n.substr(8) + "1");
    return out;
  };
  return families;
}

TEST(IdentifierCorpusTest, EveryValidNumberFoundNoInvalidOneFlagged) {
  std::mt19937 rng(20261129);
  std::map<std::string, Tally> tally;
  for (const Family& f : Families()) {
    std::vector<Example> examples;
    for (int made = 0; made < 25;) {
      const std::string n = f.draw(rng);
      if (n.empty()) continue;
      ++made;
      ASSERT_TRUE(f.valid_by_spec(n)) << f.name << " " << n;
      for (const std::string& form : f.forms(n)) examples.push_back({f.name, form, true});
      for (const std::string& bad : f.spoiled(n, rng)) examples.push_back({f.name, bad, false});
    }
    RunCorpus(examples, f.templates, &tally);
  }

  // IBANs of every registry country, compact, in fours with spaces or dashes; spoiled by a
  // changed digit, a missing character, or a letter where the country's format has a digit
  // (with check digits recomputed, so only the structure can tell).
  std::vector<Example> ibans;
  for (size_t i = 0; i < IbanCountryCount(); ++i) {
    const std::string cc(IbanCountryAt(i));
    for (int made = 0; made < 3;) {
      const std::string bban = Bban(cc, rng);
      if (bban.empty()) continue;
      ++made;
      const std::string iban = Iban(cc, bban);
      ASSERT_EQ(static_cast<int>(iban.size()), IbanLength(cc)) << iban;
      ibans.push_back({"iban", iban, true});
      ibans.push_back({"iban", InFours(iban), true});
      ibans.push_back({"iban", InFours(iban, '-'), true});
      for (size_t pos = 4; pos < iban.size(); pos += 3) {
        if (iban[pos] < '0' || iban[pos] > '9') continue;
        ibans.push_back({"iban", InFours(ChangeDigit(iban, pos)), false});
      }
      ibans.push_back({"iban", InFours(iban.substr(0, iban.size() - 1)), false});
      const std::string format(IbanBbanFormat(cc));
      // The first position the format reserves for digits.
      size_t at = 0, digit_pos = std::string::npos;
      for (size_t k = 0; k < format.size() && digit_pos == std::string::npos;) {
        int count = 0;
        while (format[k] >= '0' && format[k] <= '9') count = count * 10 + D(format[k++]);
        if (format[k + 1] == 'n') digit_pos = at;
        at += static_cast<size_t>(count);
        k += 2;
      }
      if (digit_pos != std::string::npos) {
        std::string lettered = bban;
        lettered[digit_pos] = 'K';
        ibans.push_back({"iban", InFours(Iban(cc, lettered)), false});
      }
    }
  }
  RunCorpus(ibans, {{"Please pay to IBAN ", "Konta numurs: ", "Numer konta: ", "מספר חשבון: "}},
            &tally);

  for (const auto& [name, c] : tally) {
    std::cout << "[ corpus ] " << name << ": " << c.found << "/" << c.valid << " valid found, "
              << c.flagged << "/" << c.invalid << " invalid flagged\n";
    EXPECT_EQ(c.found, c.valid) << name;
    EXPECT_EQ(c.flagged, 0) << name;
    EXPECT_GT(c.valid, 0) << name;
    EXPECT_GT(c.invalid, 0) << name;
  }
}

// The details found in `text`, in order.
std::vector<std::string> Details(const std::string& text, const std::string& region = "LV") {
  std::vector<std::string> out;
  for (const auto& f : Find(text, region)) out.emplace_back(f.detail);
  return out;
}
using V = std::vector<std::string>;

TEST(IdentifierFinderTest, DigitsSplitBySpaceOrDashAreStillTheId) {
  EXPECT_EQ(Details("PESEL 440514 01359"), V{"pesel"});
  EXPECT_EQ(Details("Mans personas kods ir 161175 19997."), V{"latvian_personal_code"});
  EXPECT_EQ(Details("kods 161175-19997"), V{"latvian_personal_code"});
  EXPECT_EQ(Details("PESEL 440514 01358"), V{});
}

TEST(IdentifierFinderTest, IbansAsPeopleWriteThem) {
  EXPECT_EQ(Details("IBAN: LV80 BANK 0000 4351 9500 1"), V{"iban"});
  EXPECT_EQ(Details("IBAN LV80-BANK-0000-4351-9500-1."), V{"iban"});
  EXPECT_EQ(Details("konts LV80BANK 0000 435195001 paldies"), V{"iban"});
  EXPECT_EQ(Details("PL 61 1090 1014 0000 0712 1981 2874"), V{"iban"});
  // A letter where Latvia's format has a digit, check digits recomputed: not an IBAN.
  EXPECT_EQ(Details("IBAN LV26BANK00004351950X1"), V{});
  // One character more than the country's length.
  EXPECT_EQ(Details("IBAN LV80BANK00004351950012"), V{});
}

TEST(IdentifierFinderTest, PolishNrbWithoutPrefix) {
  EXPECT_EQ(Details("Numer konta: 61 1090 1014 0000 0712 1981 2874", "PL"), V{"polish_nrb"});
  EXPECT_EQ(Details("konto 61109010140000071219812874", "PL"), V{"polish_nrb"});
  EXPECT_EQ(Details("konto 61 1090 1014 0000 0712 1981 2875", "PL"), V{});
}

TEST(IdentifierFinderTest, IsraeliIdNeedsACueOrAHebrewPost) {
  // The cue requirement: without it, one nine-digit number in ten would be an identity number.
  EXPECT_EQ(Details("Call 123456782 now", "US"), V{});
  EXPECT_EQ(Details("the code was 123456782", "US"), V{});
  EXPECT_EQ(Details("my ID number 123456782", "US"), V{"israeli_id"});
  EXPECT_EQ(Details("ID number 12345678-2", "US"), V{"israeli_id"});
  EXPECT_EQ(Details("teudat zehut 39337423", "US"), V{"israeli_id"});  // 039337423 padded
  EXPECT_EQ(Details("מספר תעודת הזהות שלי 123456782", "IL"), V{"israeli_id"});
  EXPECT_EQ(Details("שלחתי לך את 123456782 אתמול", "IL"), V{"israeli_id"});
  EXPECT_EQ(Details("שלחתי לך את 123456789 אתמול", "IL"), V{});
  // In a Hebrew post an order number is still an order number.
  EXPECT_EQ(Details("מספר הזמנה 123456782", "IL"), V{});
}

TEST(IdentifierFinderTest, NewLatvianCodesNeedACue) {
  EXPECT_EQ(Details("Personas kods: 321234-56785"), V{"latvian_personal_code"});
  EXPECT_EQ(Details("Pasūtījums 321234-56785 ir ceļā"), V{});
  EXPECT_EQ(Details("skaitlis 32123456785"), V{});
}

TEST(IdentifierFinderTest, VatNumbers) {
  EXPECT_EQ(Details("PVN LV40003245752"), V{"vat_number"});
  EXPECT_EQ(Details("VAT: PL 856-734-62-15"), V{"vat_number"});
  EXPECT_EQ(Details("NIP 856-734-62-15", "PL"), V{"polish_nip"});
  EXPECT_EQ(Details("firma 856-734-62-15", "PL"), V{"polish_nip"});
  EXPECT_EQ(Details("NIP 8567346216", "PL"), V{});
  EXPECT_EQ(Details("USt-IdNr. DE136695976"), V{"vat_number"});
  EXPECT_EQ(Details("DE136695977"), V{});
  EXPECT_EQ(Details("EE100207415 ja LT119511515"), (V{"vat_number", "vat_number"}));
  EXPECT_EQ(Details("TVA FR40303265045"), V{"vat_number"});
  EXPECT_EQ(Details("PVN reģ. nr. 40003245752"), V{"vat_number"});
}

TEST(IdentifierFinderTest, PhonesNeedACountryCodeGroupingOrACue) {
  EXPECT_EQ(Details("zvaniet +371 29 123 456"), V{"phone"});
  EXPECT_EQ(Details("2912 3456 ir mans"), V{"phone"});
  EXPECT_EQ(Details("tālr. 29123456"), V{"phone"});
  EXPECT_EQ(Details("numurs 29123456"), V{});                // a bare run of digits
  EXPECT_EQ(Details("Sezona 2023-2024 un 2024 2025"), V{});  // years
  EXPECT_EQ(Details("zadzwoń 601234567", "PL"), V{"phone"});
  EXPECT_EQ(Details("601 234 567", "PL"), V{"phone"});
  EXPECT_EQ(Details("liczba 601234567", "PL"), V{});
  EXPECT_EQ(Details("נייד 0521234567", "IL"), V{"phone"});
  EXPECT_EQ(Details("052-123-4567", "IL"), V{"phone"});
  EXPECT_EQ(Details("call 2015550123", "US"), V{"phone"});
  EXPECT_EQ(Details("(201) 555-0123", "US"), V{"phone"});
}

TEST(IdentifierFinderTest, OrderInvoiceTrackingAndReferenceNumbersAreNoPhones) {
  EXPECT_EQ(Details("Order 2015550123 shipped", "US"), V{});
  EXPECT_EQ(Details("invoice no. 201-555-0123", "US"), V{});
  EXPECT_EQ(Details("tracking: +1 201 555 0123", "US"), V{});
  EXPECT_EQ(Details("Pasūtījuma nr. 2912 3456"), V{});
  EXPECT_EQ(Details("Rēķins 29123456"), V{});
  EXPECT_EQ(Details("Numer zamówienia: 601 234 567", "PL"), V{});
  EXPECT_EQ(Details("faktura 601-234-567", "PL"), V{});
  EXPECT_EQ(Details("numer przesyłki 601234567", "PL"), V{});
  EXPECT_EQ(Details("מספר הזמנה 052-123-4567", "IL"), V{});
  EXPECT_EQ(Details("אסמכתא 0521234567", "IL"), V{});
  // The nearest word decides: an order question, then a phone number to call.
  EXPECT_EQ(Details("Order questions? Call 2912 3456"), V{"phone"});
}

TEST(IdentifierFinderTest, BadInputNeverCrashes) {
  for (const std::string unit : {"1", "1 ", "1-", "LV80", "+", "(1", "ת.ז. 1",
                                 "\xff"
                                 "1"}) {
    std::string post;
    while (post.size() < (1 << 16)) post += unit;
    EXPECT_NO_FATAL_FAILURE(Find(post));
  }
  EXPECT_TRUE(Find("").empty());
}

}  // namespace
}  // namespace chorus::detect
