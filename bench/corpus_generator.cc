// Generates the benchmark inputs: a policy with N client names and a corpus of posts in
// English, Latvian, Polish and Hebrew as JSON lines and as plain text (one post per line, for
// the ripgrep baseline). Deterministic for a given seed.
//
// The corpus is meant to behave like real posts for a literal matcher: words are drawn with
// natural (Zipf, p ~ 1/rank) frequencies from each language's vocabulary (its most common
// words, then a long tail of 30,000 rarer words invented in the language's letters), posts
// vary in length, carry hashtags, mentions, links and emoji, and client names look like real
// company and person names: mostly invented family and place names in each language's
// letters and endings ("Kalvēniņš Piens SIA", "Dreski Hurtownia"), a quarter of them with
// common heads ("Rīgas Piens", "Gdańska Logistyka Portowa"), first names with surnames. A
// registry of ten thousand clients does not share two dozen first words. bench/run prints
// ripgrep's speed on this corpus beside its speed on real posts with the same names.
//
// usage: chorus_bench_corpus_generator OUT_DIR [POSTS=500000] [NAMES=10000] [SEED=42]
#include <iconv.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

// The most frequent words of each language, most frequent first (written for this benchmark).
const std::vector<std::vector<std::string>> kWords = {
    // English
    {"the",     "to",      "I",       "a",        "and",      "is",        "in",      "it",
     "you",     "of",      "for",     "on",       "my",       "that",      "this",    "with",
     "be",      "are",     "at",      "have",     "so",       "me",        "not",     "just",
     "we",      "but",     "was",     "all",      "your",     "can",       "like",    "do",
     "out",     "get",     "up",      "now",      "if",       "what",      "good",    "go",
     "day",     "will",    "from",    "love",     "one",      "about",     "no",      "new",
     "they",    "know",    "today",   "time",     "how",      "see",       "when",    "more",
     "there",   "great",   "our",     "got",      "back",     "think",     "been",    "really",
     "people",  "work",    "want",    "still",    "going",    "why",       "need",    "week",
     "night",   "thanks",  "happy",   "first",    "make",     "team",      "best",    "home",
     "some",    "morning", "right",   "much",     "would",    "well",      "year",    "last",
     "could",   "life",    "after",   "over",     "tomorrow", "thing",     "better",  "never",
     "feel",    "weekend", "coffee",  "office",   "meeting",  "customers", "launch",  "project",
     "finally", "looking", "forward", "everyone", "amazing",  "working",   "hope",    "little",
     "always",  "city",    "train",   "music",    "game",     "watch",     "friends", "family",
     "school",  "weather", "summer",  "winter",   "holiday",  "update",    "release", "support",
     "service", "price",   "order",   "delivery", "payment",  "app"},
    // Latvian
    {"un",       "ir",      "es",           "ar",       "uz",         "ka",         "par",
     "no",       "tas",     "bet",          "kas",      "to",         "man",        "vai",
     "arī",      "jā",      "ne",           "tik",      "vēl",        "jau",        "šodien",
     "kā",       "būs",     "bija",         "mēs",      "tu",         "viņš",       "labi",
     "paldies",  "diena",   "ļoti",         "tagad",    "visi",       "kur",        "laiks",
     "rīt",      "darbs",   "mājās",        "jauns",    "nedēļa",     "labs",       "Rīgā",
     "cilvēki",  "vairāk",  "gads",         "pēc",      "kad",        "savu",       "kafija",
     "birojā",   "komanda", "klienti",      "sanāksme", "projekts",   "brīvdienas", "ģimene",
     "jūra",     "pilsēta", "vakar",        "rīts",     "lieliski",   "skaisti",    "beidzot",
     "gaidu",    "prieks",  "sveiki",       "draugi",   "mūzika",     "spēle",      "laikapstākļi",
     "vasara",   "ziema",   "atvaļinājums", "cena",     "pasūtījums", "piegāde",    "maksājums",
     "lietotne", "atbalsts"},
    // Polish
    {"i",        "w",         "nie",        "na",      "się",         "to",        "z",
     "że",       "jest",      "do",         "a",       "jak",         "o",         "co",
     "ale",      "tak",       "mi",         "już",     "po",          "za",        "od",
     "tylko",    "jestem",    "dzisiaj",    "bardzo",  "może",        "mam",       "będzie",
     "był",      "dzień",     "czy",        "ja",      "my",          "ty",        "dobrze",
     "dziękuję", "teraz",     "wszyscy",    "gdzie",   "czas",        "jutro",     "praca",
     "w domu",   "nowy",      "tydzień",    "dobry",   "w Warszawie", "ludzie",    "więcej",
     "rok",      "po",        "kiedy",      "swój",    "kawa",        "w biurze",  "zespół",
     "klienci",  "spotkanie", "projekt",    "weekend", "rodzina",     "morze",     "miasto",
     "wczoraj",  "rano",      "świetnie",   "pięknie", "wreszcie",    "czekam",    "radość",
     "cześć",    "znajomi",   "muzyka",     "mecz",    "pogoda",      "lato",      "zima",
     "urlop",    "cena",      "zamówienie", "dostawa", "płatność",    "aplikacja", "wsparcie"},
    // Hebrew
    {"של",   "את",    "על",   "זה",    "לא",     "עם",    "אני",      "הוא",   "גם",
     "מה",   "כל",    "יש",   "היא",   "אבל",    "רק",    "אם",       "כי",    "היום",
     "עוד",  "אנחנו", "שלי",  "טוב",   "תודה",   "יום",   "מאוד",     "עכשיו", "כולם",
     "איפה", "זמן",   "מחר",  "עבודה", "בבית",   "חדש",   "שבוע",     "אנשים", "יותר",
     "שנה",  "אחרי",  "כאשר", "קפה",   "במשרד",  "הצוות", "לקוחות",   "פגישה", "פרויקט",
     "סופש", "משפחה", "ים",   "עיר",   "אתמול",  "בוקר",  "מעולה",    "יפה",   "סוף",
     "מחכה", "שמחה",  "היי",  "חברים", "מוזיקה", "משחק",  "מזג",      "אוויר", "קיץ",
     "חורף", "חופשה", "מחיר", "הזמנה", "משלוח",  "תשלום", "אפליקציה", "תמיכה"}};
const std::vector<std::string> kLangs = {"en", "lv", "pl", "he"};
constexpr size_t kVocabularySize = 30000;  // words per language

// Parts of client names: places and family names in their adjective or genitive forms,
// trades, and legal forms, per language.
const std::vector<std::string> kLvHeads = {
    "Rīgas",     "Daugavas", "Kurzemes",  "Vidzemes", "Latgales", "Zemgales", "Jūrmalas", "Cēsu",
    "Valmieras", "Liepājas", "Ventspils", "Siguldas", "Bauskas",  "Tukuma",   "Ogres",    "Bērziņa",
    "Kalniņa",   "Ozoliņa",  "Liepiņa",   "Krūmiņa",  "Baltijas", "Ziemeļu",  "Dienvidu"};
const std::vector<std::string> kLvTrades = {
    "Piens", "Maiznīca", "Koks",     "Būvnieks", "Transports", "Enerģija",    "Aptieka", "Dārzi",
    "Zivis", "Gaļa",     "Tekstils", "Metāls",   "Logistika",  "Tipogrāfija", "Mēbeles", "Stikls"};
const std::vector<std::string> kPlHeads = {
    "Gdańska",    "Krakowska", "Warszawska", "Poznańska", "Łódzka",   "Śląska",    "Pomorska",
    "Mazowiecka", "Lubelska",  "Wrocławska", "Bałtycka",  "Podlaska", "Kaszubska", "Tatrzańska"};
const std::vector<std::string> kPlTrades = {"Logistyka Portowa",
                                            "Spółdzielnia Mleczarska",
                                            "Piekarnia",
                                            "Hurtownia",
                                            "Drukarnia",
                                            "Stocznia",
                                            "Huta",
                                            "Energetyka",
                                            "Farmacja",
                                            "Meble",
                                            "Budowa",
                                            "Przetwórnia Rybna",
                                            "Chłodnia",
                                            "Cukrownia",
                                            "Szklarnia"};
const std::vector<std::string> kEnHeads = {
    "Northwind", "Harbour", "Silverline", "Maple",       "Bluewater",  "Redwood",   "Granite",
    "Oakridge",  "Summit",  "Lakeside",   "Brightstone", "Ironbridge", "Westfield", "Kingsway"};
const std::vector<std::string> kEnTrades = {
    "Freight", "Dairy",     "Optics",   "Textiles", "Foods",   "Energy",    "Pharma", "Logistics",
    "Systems", "Analytics", "Robotics", "Holdings", "Capital", "Insurance", "Motors"};
const std::vector<std::string> kHeHeads = {"מגדל",  "כרמל", "גליל", "נגב",  "תמר",  "ארז",
                                           "רימון", "אופק", "שקד",  "אלון", "ירדן", "חרמון"};
const std::vector<std::string> kHeTrades = {"אופטיקה", "לוגיסטיקה", "מזון",   "אנרגיה", "טקסטיל",
                                            "תוכנה",   "ביטוח",     "השקעות", "תעשיות", "משקאות"};
const std::vector<std::string> kFirstNames = {
    "Anna",   "Jānis", "Līga",  "Andris",  "Ilze",  "Jan", "Katarzyna", "Piotr", "Agnieszka",
    "Tomasz", "David", "Sarah", "Michael", "Emily", "Noa", "Yossi",     "Maya",  "Oren"};
const std::vector<std::string> kSurnames = {
    "Bērziņa",     "Kalniņš", "Ozols",   "Liepa",  "Kowalski", "Nowak", "Wiśniewska", "Wójcik",
    "Lewandowski", "Smith",   "Johnson", "Walker", "Cohen",    "Levi",  "Mizrahi",    "Peretz"};
const std::vector<std::string> kLegal = {"",           "",     "",    "SIA",   "AS",
                                         "Sp. z o.o.", "S.A.", "Ltd", "Group", "& Co"};

const std::vector<std::string> kRisky = {"our Q3 revenue reached 4.2 million EUR",
                                         "call me at +371 29 123 456",
                                         "the password: Summer2024!",
                                         "this is internal only, do not share",
                                         "the elections are coming, vote for change",
                                         "my boss is an idiot"};
const std::vector<std::string> kEmoji = {"🙂", "😂", "🔥", "❤️", "👍", "🎉"};

template <typename T>
const T& Pick(std::mt19937& rng, const std::vector<T>& v) {
  return v[rng() % v.size()];
}

// Zipf sampling over the ranks of one word list.
class Zipf {
 public:
  explicit Zipf(size_t n) {
    double total = 0;
    for (size_t r = 1; r <= n; ++r) cumulative_.push_back(total += 1.0 / static_cast<double>(r));
  }
  size_t operator()(std::mt19937& rng) const {
    const double x = std::uniform_real_distribution<double>(0, cumulative_.back())(rng);
    return static_cast<size_t>(std::lower_bound(cumulative_.begin(), cumulative_.end(), x) -
                               cumulative_.begin());
  }

 private:
  std::vector<double> cumulative_;
};

// Letters by language, for the long tail of rare words and the invented family and place
// names: onsets, vowels and word endings written for this benchmark, so that rare words carry
// each language's letters (ā, ņ, ł, ż, final ם) in roughly their usual places.
struct Phonology {
  std::vector<std::string> onsets, vowels, codas, endings;
};
// Each letter list is weighted by repetition: plain letters are far more frequent than
// those with diacritics, as in real text (about one letter in twelve carries one in Latvian
// and Polish posts); Hebrew letters roughly by their frequency.
const std::vector<Phonology> kPhonology = {
    // English
    {{"b",  "c",  "d",  "f",  "g",  "h",  "l",  "m",  "n",  "p",  "r", "s", "t", "w", "br", "cl",
      "st", "tr", "sh", "ch", "th", "pl", "gr", "fr", "sp", "wh", "s", "t", "m", "d", "l",  "r"},
     {"a", "e", "i", "o", "u", "ea", "ou", "ai", "ee", "oo", "y", "a", "e", "i", "o"},
     {"", "", "n", "r", "l", "s", "t", "nd", "st", "ck", "ng", "rt", "m"},
     {"", "", "", "s", "ed", "ing", "er", "ly", "tion", "ness", "ment"}},
    // Latvian
    {{"b",  "d",  "g",  "k",  "l",  "m",  "n", "p", "r", "s", "t", "v", "z", "j", "c", "dz",
      "st", "sk", "pr", "kr", "sv", "br", "k", "l", "m", "n", "p", "r", "s", "t", "v", "d",
      "b",  "g",  "j",  "k",  "t",  "s",  "p", "č", "š", "ž", "ķ", "ļ", "ņ", "ģ"},
     {"a", "e", "i", "u", "o", "ie", "ai", "au", "a", "e",
      "i", "u", "a", "e", "i", "a",  "ā",  "ē",  "ī", "ū"},
     {"", "", "", "", "", "r", "l", "n", "s", "t", "k", "m"},
     {"s", "a", "e", "is", "us", "i", "as", "s", "a", "e", "i", "ās", "ai", "ām", "iem", "ību",
      "ais", "ajā"}},
    // Polish
    {{"b",  "c",  "d",  "g",  "k",  "l",   "m",  "n",  "p",  "r",  "s",  "t",  "w",  "z",
      "cz", "sz", "rz", "ch", "dz", "prz", "st", "kr", "gr", "zw", "ws", "sk", "dr", "k",
      "m",  "n",  "p",  "r",  "s",  "t",   "w",  "z",  "d",  "b",  "ł",  "ż",  "ś"},
     {"a", "e", "i", "o", "u", "y", "ie", "ia", "a", "e", "i", "o", "y", "a", "e", "o", "ó", "ą",
      "ę"},
     {"", "", "", "", "n", "r", "s", "k", "st", "m", "ł", "ć", "ń"},
     {"", "a", "e", "i", "y", "ie", "ów", "ach", "ego", "ej", "ami", "owi", "a", "e", "i", "y",
      "ować", "ość"}},
    // Hebrew (no vowels written)
    {{"ב", "ג", "ד", "ה", "ו", "ז", "ח", "ט", "י", "כ", "ל", "מ", "נ", "ס", "ע", "פ", "צ", "ק",
      "ר", "ש", "ת", "י", "ה", "ל", "מ", "ר", "ב", "ש", "ת", "נ", "א", "א", "ה", "י", "ו", "ל"},
     {"", "", "ו", "י", "א"},
     {"", ""},
     {"", "", "ם", "ן", "ת", "ה", "ים", "ות", "י", "ך", "ה", "ת", "ר", "ל"}}};

std::string Invent(std::mt19937& rng, const Phonology& p, int min_syllables, int max_syllables) {
  std::string w;
  const int n = min_syllables + static_cast<int>(rng() % (max_syllables - min_syllables + 1));
  for (int s = 0; s < n; ++s) w += Pick(rng, p.onsets) + Pick(rng, p.vowels) + Pick(rng, p.codas);
  return w + Pick(rng, p.endings);
}

// Upper case of a word's first letter (ASCII and the Latin letters with diacritics used
// here; Hebrew has no case).
std::string Capitalize(std::string w) {
  if (w.empty()) return w;
  if (w[0] >= 'a' && w[0] <= 'z') {
    w[0] = static_cast<char>(w[0] - 32);
    return w;
  }
  static const std::vector<std::pair<std::string, std::string>> kUpper = {
      {"č", "Č"}, {"š", "Š"}, {"ž", "Ž"}, {"ķ", "Ķ"}, {"ļ", "Ļ"}, {"ņ", "Ņ"}, {"ģ", "Ģ"},
      {"ł", "Ł"}, {"ż", "Ż"}, {"ś", "Ś"}, {"ā", "Ā"}, {"ē", "Ē"}, {"ī", "Ī"}, {"ū", "Ū"}};
  for (const auto& [lower, upper] : kUpper)
    if (w.compare(0, lower.size(), lower) == 0) return upper + w.substr(lower.size());
  return w;
}

// The words of a Hunspell dictionary (Debian's hunspell-en-us, -lv, -pl, -he, which Chorus
// already depends on), converted to UTF-8: `common` are written in lower case, `proper` are
// capitalised (places, family names). Empty if the file is missing.
struct Dictionary {
  std::vector<std::string> common, proper;
};

Dictionary ReadDictionary(const std::string& path, const char* encoding) {
  Dictionary d;
  std::ifstream in(path);
  std::string line;
  iconv_t cd = std::string_view(encoding) == "UTF-8" ? nullptr : iconv_open("UTF-8", encoding);
  if (cd == reinterpret_cast<iconv_t>(-1)) return d;
  std::getline(in, line);  // the word count
  while (std::getline(in, line)) {
    std::string word = line.substr(0, line.find_first_of("/\t "));
    if (cd) {
      std::string out(word.size() * 2 + 4, '\0');
      char* src = word.data();
      char* dst = out.data();
      size_t src_left = word.size(), dst_left = out.size();
      if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<size_t>(-1)) continue;
      out.resize(out.size() - dst_left);
      word = std::move(out);
    }
    if (word.size() < 2 || word.find_first_of("0123456789.'-") != std::string::npos) continue;
    (word[0] >= 'A' && word[0] <= 'Z' ? d.proper : d.common).push_back(std::move(word));
  }
  if (cd) iconv_close(cd);
  return d;
}

// Each language's vocabulary: its common words first, then a long tail of rarer ones from
// the language's dictionary (invented in its letters when the dictionary is missing). Real
// posts draw about half their words from the first hundred or so ranks and the rest from
// tens of thousands of rarer ones; Zipf over this list does the same.
std::vector<std::string> Vocabulary(std::mt19937& rng, size_t lang, size_t size,
                                    const Dictionary& dictionary) {
  std::vector<std::string> words = kWords[lang];
  std::set<std::string> seen(words.begin(), words.end());
  for (int tries = 0; words.size() < size && tries < 10 * static_cast<int>(size); ++tries) {
    std::string w = dictionary.common.empty() ? Invent(rng, kPhonology[lang], 1, 3)
                                              : Pick(rng, dictionary.common);
    if (w.size() >= 2 && seen.insert(w).second) words.push_back(std::move(w));
  }
  return words;
}

// A family or place name as registries hold them: a capitalised dictionary word of the
// language (Hebrew has no capitals: any word), else one invented in its letters.
std::string FamilyName(std::mt19937& rng, size_t lang, const Dictionary& dictionary) {
  if (!dictionary.proper.empty()) return Pick(rng, dictionary.proper);
  if (lang == 3 && !dictionary.common.empty()) return Pick(rng, dictionary.common);
  static const std::vector<std::vector<std::string>> kSuffix = {
      {"son", "ton", "field", "wood", "ley", "ford", "man", "er", "well", "ham"},
      {"iņš", "iņa", "s", "e", "a", "ais", "is", "ova", "ēns", "ija"},
      {"ski", "ska", "cki", "cka", "wicz", "ak", "ek", "czyk", "owski", "ewska"},
      {"י", "ן", "ה", "ר", "", ""}};
  std::string stem = Invent(rng, kPhonology[lang], 1, 2);
  while (stem.size() > 2 && lang != 3 &&
         std::string_view("aeiouy").find(stem.back()) != std::string_view::npos)
    stem.pop_back();  // a suffix follows a consonant (ASCII vowels only: bytes stay whole)
  return Capitalize(stem + Pick(rng, kSuffix[lang]));
}

std::string ClientName(std::mt19937& rng, size_t i, const std::vector<Dictionary>& dictionaries) {
  std::string name;
  const bool known = rng() % 4 == 0;  // a quarter reuse the common heads ("Rīgas", "Gdańska")
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
      name = (known ? Pick(rng, kLvHeads) : FamilyName(rng, 1, dictionaries[1])) + " " +
             Pick(rng, kLvTrades);
      break;
    case 3:
    case 4:
    case 5:
      name = (known ? Pick(rng, kPlHeads) : FamilyName(rng, 2, dictionaries[2])) + " " +
             Pick(rng, kPlTrades);
      break;
    case 6:
    case 7:
      name = (known ? Pick(rng, kEnHeads) : FamilyName(rng, 0, dictionaries[0])) + " " +
             Pick(rng, kEnTrades);
      break;
    case 8: {
      const size_t lang = rng() % 4;
      return Pick(rng, kFirstNames) + " " +
             (known || lang == 3 ? Pick(rng, kSurnames)
                                 : FamilyName(rng, lang, dictionaries[lang]));
    }
    default:
      return (known ? Pick(rng, kHeHeads) : FamilyName(rng, 3, dictionaries[3])) + " " +
             Pick(rng, kHeTrades);
  }
  const std::string& legal = Pick(rng, kLegal);
  return legal.empty() ? name : name + " " + legal;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr
        << "usage: chorus_bench_corpus_generator OUT_DIR [POSTS=500000] [NAMES=10000] [SEED=42]\n";
    return 2;
  }
  const std::string dir = argv[1];
  const long posts = argc > 2 ? std::atol(argv[2]) : 500000;
  const long names_count = argc > 3 ? std::atol(argv[3]) : 10000;
  std::mt19937 rng(argc > 4 ? static_cast<unsigned>(std::atol(argv[4])) : 42u);
  const char* dir_env = std::getenv("CHORUS_HUNSPELL_DIR");
  const std::string hunspell = dir_env && *dir_env ? dir_env : "/usr/share/hunspell";
  std::vector<Dictionary> dictionaries;
  for (const auto& [file, encoding] : std::vector<std::pair<std::string, const char*>>{
           {"en_US", "UTF-8"}, {"lv_LV", "UTF-8"}, {"pl_PL", "ISO-8859-2"}, {"he_IL", "UTF-8"}}) {
    dictionaries.push_back(ReadDictionary(hunspell + "/" + file + ".dic", encoding));
    if (dictionaries.back().common.empty())
      std::cerr << "no words in " << hunspell << "/" << file
                << ".dic: rare words and names are invented instead\n";
  }

  // Distinct names; the space of combinations is large enough for 10,000 with suffixes, and
  // beyond it names get a branch number as real registries do ("Rīgas Piens 2").
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (size_t i = 0; static_cast<long>(names.size()) < names_count; ++i) {
    std::string n = ClientName(rng, i, dictionaries);
    if (i > static_cast<size_t>(names_count) * 4) n += " " + std::to_string(i % 97 + 2);
    if (seen.insert(n).second) names.push_back(n);
  }

  std::ofstream policy(dir + "/policy.yaml"), names_file(dir + "/names.txt");
  policy << "organization: {name: Dzintars, aliases: [Dzintars SIA], brands: [AmberPay]}\n"
            "competitors: [Baltpay, PayWave Polska]\nconfidential_terms: [Project Nightingale]\n"
            "clients:\n";
  for (const auto& n : names) {
    policy << "  - " << nlohmann::json(n).dump() << "\n";
    names_file << n << "\n";
  }

  std::vector<std::vector<std::string>> vocabulary;
  std::vector<Zipf> zipf;
  for (size_t lang = 0; lang < kWords.size(); ++lang) {
    vocabulary.push_back(Vocabulary(rng, lang, kVocabularySize, dictionaries[lang]));
    zipf.emplace_back(vocabulary.back().size());
  }
  std::ofstream jsonl(dir + "/posts.jsonl"), plain(dir + "/posts.txt");
  for (long i = 0; i < posts; ++i) {
    const size_t lang = rng() % 4;
    // Lengths like short social posts: mostly 6-30 words, sometimes up to 60.
    const int words =
        4 + static_cast<int>(rng() % 20) + ((rng() % 5 == 0) ? static_cast<int>(rng() % 40) : 0);
    std::string text;
    bool sentence_start = true;
    for (int w = 0; w < words; ++w) {
      std::string word = vocabulary[lang][zipf[lang](rng)];
      if (sentence_start && lang != 3 && word[0] >= 'a' && word[0] <= 'z') word[0] -= 32;
      if (!text.empty()) text += ' ';
      text += word;
      sentence_start = false;
      const unsigned r = rng() % 100;
      if (r < 8) {
        text += (r < 5) ? "." : (r < 7 ? "!" : "?");
        sentence_start = true;
      } else if (r < 14) {
        text += ',';
      }
    }
    // One post in a hundred names a client: ripgrep pays about ten milliseconds for every
    // line its 10,000 names match, so a corpus where one post in twenty did (as this one
    // once had) made it twenty times slower than on real posts.
    const unsigned roll = rng() % 1000;
    if (roll < 10)
      text += " " + names[rng() % names.size()];
    else if (roll < 40)
      text += ", " + Pick(rng, kRisky);
    const unsigned tail = rng() % 10;
    if (tail == 0) text += " #" + Pick(rng, kWords[lang]);
    if (tail == 1) text += " @" + Pick(rng, kWords[0]) + "_" + std::to_string(rng() % 1000);
    if (tail == 2) text += " https://example.com/p/" + std::to_string(rng() % 100000);
    if (tail == 3) text += " " + Pick(rng, kEmoji);
    jsonl << nlohmann::json({{"id", i + 1}, {"text", text}}).dump() << "\n";
    plain << text << "\n";
  }
  std::cerr << "wrote " << posts << " posts and " << names.size() << " client names to " << dir
            << "\n";
  return 0;
}
