// Generates the benchmark inputs: a policy with N client names and a corpus of realistic
// multilingual posts (English, Latvian, Polish, Hebrew) as JSON lines and as plain text (one
// post per line, for the ripgrep baseline). Deterministic for a given seed.
//
// usage: chorus_bench_corpus_generator OUT_DIR [POSTS=500000] [NAMES=10000] [SEED=42]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

const std::vector<std::string> kSyllables = {
    "bal", "tik", "ro",  "na",  "dzin", "ars", "lat", "vi",  "ja",  "pol", "ska", "mar", "ko",
    "gal", "ven", "tra", "sol", "nor",  "dis", "kar", "len", "mo",  "ber", "zin", "ta",  "gre",
    "vo",  "lux", "ter", "ra",  "sil",  "va",  "ne",  "ris", "pro", "dar", "um",  "el"};
const std::vector<std::string> kSuffixes = {"SIA",   "AS",    "Sp. z o.o.", "S.A.",
                                            "Ltd",   "Group", "Logistics",  "Systems",
                                            "Foods", "Bank",  "Tech"};
const std::vector<std::string> kHebrewNames = {"מגדל", "אופק", "ים",  "כרמל",  "גליל", "נגב",
                                               "שקד",  "תמר",  "ארז", "רימון", "זית",  "אלון"};

const std::vector<std::vector<std::string>> kFragments = {
    // English
    {"Had a great time at the conference today", "Our team shipped a new feature this week",
     "Looking forward to the weekend with my family", "Just finished a 10k run in the park",
     "Proud of everyone who helped at the charity event", "Coffee first, then the backlog",
     "We are hiring backend engineers, come join us", "Beautiful sunset over the harbour tonight",
     "Learning Rust on the train every morning", "Thanks to the customers who visited our booth",
     "The new office plants are thriving", "Reading a great book about product design"},
    // Latvian
    {"Šodien bija lieliska diena birojā", "Mūsu komanda šonedēļ palaida jaunu funkciju",
     "Gaidu nedēļas nogali kopā ar ģimeni", "Tikko noskrēju desmit kilometrus Mežaparkā",
     "Paldies visiem, kas piedalījās labdarības pasākumā", "Rīts sākas ar kafiju un plānošanu",
     "Mēs meklējam jaunus kolēģus programmētājus", "Skaists saulriets pie jūras šovakar",
     "Lasu lielisku grāmatu par dizainu", "Konferencē uzzināju daudz jauna"},
    // Polish
    {"Świetny dzień na konferencji w Warszawie", "Nasz zespół wdrożył nową funkcję w tym tygodniu",
     "Czekam na weekend z rodziną", "Właśnie przebiegłem dziesięć kilometrów w parku",
     "Dziękuję wszystkim za pomoc przy akcji charytatywnej", "Najpierw kawa, potem zadania",
     "Szukamy programistów do naszego zespołu", "Piękny zachód słońca nad morzem",
     "Czytam świetną książkę o projektowaniu", "Dziękujemy klientom za odwiedziny na stoisku"},
    // Hebrew
    {"היה יום נהדר בכנס היום", "הצוות שלנו השיק פיצ'ר חדש השבוע", "מחכה לסוף השבוע עם המשפחה",
     "סיימתי ריצה של עשרה קילומטרים בפארק", "תודה לכל מי שעזר באירוע ההתנדבות",
     "קודם קפה ואחר כך משימות", "אנחנו מגייסים מפתחים לצוות", "שקיעה יפה מעל הים הערב",
     "קורא ספר מעולה על עיצוב מוצר", "תודה ללקוחות שביקרו בדוכן שלנו"}};
const std::vector<std::string> kLangs = {"en", "lv", "pl", "he"};
const std::vector<std::string> kRiskyEn = {"our Q3 revenue reached 4.2 million EUR",
                                           "call me at +371 29 123 456",
                                           "the password: Summer2024!",
                                           "this is internal only, do not share",
                                           "the elections are coming, vote for change",
                                           "my boss is an idiot"};

std::string CompanyName(std::mt19937& rng, bool hebrew) {
  if (hebrew) {
    return kHebrewNames[rng() % kHebrewNames.size()] + " " +
           kHebrewNames[rng() % kHebrewNames.size()] + std::to_string(rng() % 100);
  }
  std::string name;
  const int parts = 2 + static_cast<int>(rng() % 2);
  for (int i = 0; i < parts; ++i) name += kSyllables[rng() % kSyllables.size()];
  name[0] = static_cast<char>(name[0] - 32);
  return name + " " + kSuffixes[rng() % kSuffixes.size()];
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

  std::vector<std::string> names;
  for (long i = 0; i < names_count; ++i) names.push_back(CompanyName(rng, i % 10 == 0));

  std::ofstream policy(dir + "/policy.yaml"), names_file(dir + "/names.txt");
  policy << "organization: {name: Dzintars, aliases: [Dzintars SIA], brands: [AmberPay]}\n"
            "competitors: [Baltpay, PayWave Polska]\nconfidential_terms: [Project Nightingale]\n"
            "clients:\n";
  for (const auto& n : names) {
    policy << "  - " << nlohmann::json(n).dump() << "\n";
    names_file << n << "\n";
  }

  std::ofstream jsonl(dir + "/posts.jsonl"), plain(dir + "/posts.txt");
  for (long i = 0; i < posts; ++i) {
    const size_t lang = rng() % 4;
    std::string text;
    const int sentences = 1 + static_cast<int>(rng() % 4);
    for (int s = 0; s < sentences; ++s) {
      if (s) text += ". ";
      text += kFragments[lang][rng() % kFragments[lang].size()];
    }
    const unsigned roll = rng() % 100;
    if (roll < 5)
      text += ", with " + names[rng() % names.size()];
    else if (roll < 8)
      text += ", " + kRiskyEn[rng() % kRiskyEn.size()];
    text += (rng() % 3 == 0) ? "! #work" : ".";
    jsonl << nlohmann::json({{"id", i + 1}, {"text", text}}).dump() << "\n";
    plain << text << "\n";
  }
  std::cerr << "wrote " << posts << " posts and " << names.size() << " client names to " << dir
            << "\n";
  return 0;
}
