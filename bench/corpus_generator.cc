// Generates the benchmark inputs: a policy with N client names and a corpus of posts in
// English, Latvian, Polish and Hebrew as JSON lines and as plain text (one post per line, for
// the ripgrep baseline). Deterministic for a given seed.
//
// The corpus is meant to behave like real posts for a literal matcher: words are drawn with
// natural (Zipf, p ~ 1/rank) frequencies from each language's most common words, posts vary
// in length, carry hashtags, mentions, links and emoji, and client names look like real
// company and person names ("Rīgas Piens", "Gdańska Logistyka Portowa", "Anna Bērziņa"),
// which share the alphabet and the frequent letters of the text around them.
//
// usage: chorus_bench_corpus_generator OUT_DIR [POSTS=500000] [NAMES=10000] [SEED=42]
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <string>
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
    size_t lo = 0, hi = cumulative_.size() - 1;
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      if (cumulative_[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo;
  }

 private:
  std::vector<double> cumulative_;
};

std::string ClientName(std::mt19937& rng, size_t i) {
  std::string name;
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
      name = Pick(rng, kLvHeads) + " " + Pick(rng, kLvTrades);
      break;
    case 3:
    case 4:
    case 5:
      name = Pick(rng, kPlHeads) + " " + Pick(rng, kPlTrades);
      break;
    case 6:
    case 7:
      name = Pick(rng, kEnHeads) + " " + Pick(rng, kEnTrades);
      break;
    case 8:
      return Pick(rng, kFirstNames) + " " + Pick(rng, kSurnames);
    default:
      return Pick(rng, kHeHeads) + " " + Pick(rng, kHeTrades);
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

  // Distinct names; the space of combinations is large enough for 10,000 with suffixes, and
  // beyond it names get a branch number as real registries do ("Rīgas Piens 2").
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (size_t i = 0; static_cast<long>(names.size()) < names_count; ++i) {
    std::string n = ClientName(rng, i);
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

  std::vector<Zipf> zipf;
  for (const auto& words : kWords) zipf.emplace_back(words.size());
  std::ofstream jsonl(dir + "/posts.jsonl"), plain(dir + "/posts.txt");
  for (long i = 0; i < posts; ++i) {
    const size_t lang = rng() % 4;
    // Lengths like short social posts: mostly 6-30 words, sometimes up to 60.
    const int words =
        4 + static_cast<int>(rng() % 20) + ((rng() % 5 == 0) ? static_cast<int>(rng() % 40) : 0);
    std::string text;
    bool sentence_start = true;
    for (int w = 0; w < words; ++w) {
      std::string word = kWords[lang][zipf[lang](rng)];
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
    const unsigned roll = rng() % 100;
    if (roll < 5)
      text += " " + names[rng() % names.size()];
    else if (roll < 8)
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
