// The engine end to end, with the demo company's policy (packs/demo/policy.yaml): every
// finding category, positive and negative cases, in English, Latvian, Polish and Hebrew.
#include "policy/scanner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "policy/embedded_data.h"
#include "policy/result_json.h"

namespace chorus {
namespace {

class ScannerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Policy policy;
    ASSERT_TRUE(LoadPolicy(*FindEmbeddedFile("demo/policy.yaml"), &policy).ok());
    std::shared_ptr<const Scanner> s;
    CompileOptions options;
    options.cache_dir = DefaultCacheDir();
    Status status = Scanner::Compile(policy, options, &s);
    ASSERT_TRUE(status.ok()) << status.ToString();
    scanner_ = s;
  }
  static void TearDownTestSuite() { scanner_.reset(); }

  CheckResult Check(std::string_view text, std::string lang = "") {
    CheckResult r;
    CheckOptions o;
    o.language = std::move(lang);
    Status s = scanner_->Check(text, o, &r);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return r;
  }
  // The categories found, as a set.
  std::set<std::string> Categories(std::string_view text, std::string lang = "") {
    std::set<std::string> c;
    for (const auto& f : Check(text, std::move(lang)).findings) c.insert(f.category);
    return c;
  }
  // The matched texts of one category.
  std::vector<std::string> Texts(std::string_view text, const std::string& category,
                                 std::string lang = "") {
    std::vector<std::string> t;
    for (const auto& f : Check(text, std::move(lang)).findings)
      if (f.category == category) t.push_back(f.text);
    return t;
  }
  bool Has(std::string_view text, const std::string& category, std::string lang = "") {
    return Categories(text, std::move(lang)).count(category) > 0;
  }

  static std::shared_ptr<const Scanner> scanner_;
};
std::shared_ptr<const Scanner> ScannerTest::scanner_;

TEST(LocalizedTextTest, LanguageOfNamesTheLanguageGetReturns) {
  LocalizedText text;
  EXPECT_EQ(text.LanguageOf("he"), "");
  text.by_language["pl"] = "Tekst";
  EXPECT_EQ(text.LanguageOf("he"), "pl");
  text.by_language["en"] = "Text";
  EXPECT_EQ(text.LanguageOf("he"), "en") << "English before any other";
  EXPECT_EQ(text.LanguageOf("pl"), "pl");
  EXPECT_EQ(text.Get(text.LanguageOf("he")), text.Get("he"));
}

TEST_F(ScannerTest, StoredFindingsAreExplainedInTheReadersLanguage) {
  const CheckResult r = Check("Our client Riga Dairy signs next week", "en");
  nlohmann::json result = CheckResultToJson(r);
  ASSERT_FALSE(result["findings"].empty());
  const std::string english = result["findings"][0]["message"];
  ExplainResultJson(*scanner_, "lv", &result);
  EXPECT_EQ(result["language"], "en") << "the post's language does not change";
  EXPECT_EQ(result["messages_language"], "lv");
  const Clause* clause =
      scanner_->policy().FindClause(result["findings"][0]["clause"].get<std::string>());
  ASSERT_NE(clause, nullptr);
  const std::string latvian = result["findings"][0]["message"];
  EXPECT_NE(latvian, english);
  EXPECT_NE(latvian.find("Riga Dairy"), std::string::npos) << latvian;
  EXPECT_EQ(latvian.rfind(clause->message.Get("lv").substr(0, 3), 0), 0u) << latvian;
  EXPECT_EQ(result["findings"][0]["message_language"], "lv");

  // A clause the policy no longer has keeps its stored texts; a non-result is left alone.
  nlohmann::json stale = {
      {"findings", {{{"clause", "custom.gone"}, {"text", "x"}, {"message", "kept"}}}}};
  ExplainResultJson(*scanner_, "he", &stale);
  EXPECT_EQ(stale["findings"][0]["message"], "kept");
  nlohmann::json broken = "not a result";
  ExplainResultJson(*scanner_, "he", &broken);
  EXPECT_EQ(broken, "not a result");
  std::string message, advice;
  EXPECT_FALSE(scanner_->Explain("custom.gone", "x", "lv", &message, &advice));
}

TEST_F(ScannerTest, ShortPostsWithoutDiacriticsFindTheirLanguageByCommonWords) {
  // CLD2 cannot judge these; the packs' common words can, and the lexicons then apply.
  const CheckResult polish = Check("Nie ufam tym politykom");
  EXPECT_EQ(polish.language, "pl");
  EXPECT_TRUE(Has("Nie ufam tym politykom", "politics"));
  EXPECT_EQ(Check("Mes esam par velesanam un pret valdibu").language, "lv");
  EXPECT_TRUE(Has("Mes esam par velesanam un pret valdibu", "politics"));
}

TEST_F(ScannerTest, PostsWithoutFindingsGetTheirLanguageToo) {
  // Not the policy's fallback language: the post's own, by its alphabet or by CLD2.
  EXPECT_EQ(Check("Świetny dzień na konferencji w Warszawie, dziękuję wszystkim").language, "pl");
  EXPECT_EQ(Check("היה יום נהדר בכנס היום").language, "he");
  EXPECT_EQ(Check("Mūsu komanda šonedēļ palaida jaunu funkciju").language, "lv");
  EXPECT_EQ(Check("We shipped a new feature this week and the team is proud of it").language, "en");
  const CheckResult clean = Check("Świetny dzień na konferencji");
  EXPECT_TRUE(clean.findings.empty());
  EXPECT_TRUE(clean.language_detected);
}

TEST_F(ScannerTest, LatvianAndPolishWordsCountInEnglishPostsOnlyWhenNotEnglish) {
  // Hunspell's en_US dictionary decides: "wyborach" and "politykom" are no English words.
  EXPECT_TRUE(Has("Big news po wyborach", "politics"));
  EXPECT_TRUE(Has("Great politykom, honestly", "politics"));
  // "premier" and "manager" are (the Polish lexicons list them), so English posts keep them.
  EXPECT_FALSE(Has("The Premier League match was great, the manager is a genius", "politics"));
}

TEST_F(ScannerTest, CleanPostsInEveryLanguage) {
  EXPECT_EQ(Check("Lovely sunset over the harbour tonight", "en").verdict, Severity::kOk);
  EXPECT_EQ(Check("Šodien bija lieliska diena, noskrēju desmit kilometrus", "lv").verdict,
            Severity::kOk);
  EXPECT_EQ(Check("Świetny dzień na konferencji, dziękuję wszystkim", "pl").verdict, Severity::kOk);
  EXPECT_EQ(Check("היה יום נהדר בכנס, תודה לכולם", "he").verdict, Severity::kOk);
  EXPECT_EQ(Check("", "en").verdict, Severity::kOk);
}

TEST_F(ScannerTest, OwnOrganisationNameIsNeverAFinding) {
  EXPECT_TRUE(Check("I love working at Dzintars, and AmberPay is great", "en").findings.empty());
  EXPECT_TRUE(Check("Strādāju Dzintaram jau piecus gadus", "lv").findings.empty());
}

TEST_F(ScannerTest, ConfidentialCodenames) {
  CheckResult r = Check("Project Nightingale launches next month", "en");
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings[0].category, "confidential");
  EXPECT_EQ(r.findings[0].clause, "confidential.codenames");
  EXPECT_EQ(r.findings[0].severity, Severity::kBlock);
  EXPECT_EQ(r.findings[0].start, 0u);
  EXPECT_EQ(r.findings[0].text, "Project Nightingale");
  EXPECT_FALSE(r.findings[0].message.empty());
  EXPECT_FALSE(r.findings[0].advice.empty());
  EXPECT_EQ(r.verdict, Severity::kBlock);
  EXPECT_EQ(Texts("Pracujemy nad Bursztynem 2.0", "confidential", "pl"),
            std::vector<std::string>{"Bursztynem 2.0"});
  EXPECT_TRUE(Has("PROJECT  NIGHTINGALE!!", "confidential", "en"));
  EXPECT_FALSE(Has("A nightingale sang in the project garden", "confidential", "en"));
}

TEST_F(ScannerTest, ConfidentialMarkers) {
  EXPECT_TRUE(Has("This deck is internal only, but look at slide 3", "confidential", "en"));
}

TEST_F(ScannerTest, ClientsInInflectedForms) {
  EXPECT_EQ(Texts("Šodien tikāmies ar Rīgas Pienam komandu", "client_info", "lv"),
            std::vector<std::string>{"Rīgas Pienam"});
  EXPECT_EQ(Texts("Wdrożenie dla Gdańskiej Logistyce Portowej idzie dobrze", "client_info", "pl"),
            std::vector<std::string>{"Gdańskiej Logistyce Portowej"});
  EXPECT_EQ(Texts("סגרנו עסקה למגדל אופטיקה", "client_info", "he"),
            std::vector<std::string>{"למגדל אופטיקה"});
  EXPECT_EQ(Texts("Visited Riga Dairy's plant", "client_info", "en"),
            std::vector<std::string>{"Riga Dairy"});
  EXPECT_FALSE(Has("Riga is lovely, the dairy aisle too", "client_info", "en"));
}

TEST_F(ScannerTest, FinancialFigures) {
  EXPECT_TRUE(Has("Our Q3 revenue was 4.2 million EUR", "financial", "en"));
  EXPECT_EQ(Check("Our Q3 revenue was 4.2 million EUR", "en").verdict, Severity::kBlock);
  EXPECT_TRUE(Has("Mūsu apgrozījums pagājušajā gadā bija 3 miljoni eiro", "financial", "lv"));
  EXPECT_TRUE(Has("Nasz przychód w tym roku to 5 mln zł", "financial", "pl"));
  EXPECT_TRUE(Has("ההכנסות שלנו ברבעון הגיעו ל-10 מיליון ש\"ח", "financial", "he"));
  EXPECT_FALSE(Has("I ran 4.2 km this morning", "financial", "en"));
  // The term and the amount must share a sentence.
  for (const auto& f : Check("Great quarterly results. Just finished a 10k run!", "en").findings)
    EXPECT_NE(f.clause, "financial.figures") << f.text;
  EXPECT_TRUE(Has("Great quarterly results: salaries up by 10,000 EUR!", "financial", "en"));
  EXPECT_EQ(Texts("the wifi password: Summer2024!.", "credentials", "en"),
            std::vector<std::string>{"wifi password: Summer2024!"});
}

TEST_F(ScannerTest, PersonalDataValidatedNotGuessed) {
  EXPECT_EQ(Texts("PESEL: 44051401359", "personal_data", "pl"),
            std::vector<std::string>{"44051401359"});
  EXPECT_FALSE(Has("PESEL: 44051401358", "personal_data", "pl"));
  EXPECT_TRUE(Has("Personas kods 061193-06460", "personal_data", "lv"));
  EXPECT_FALSE(Has("Personas kods 061193-06461", "personal_data", "lv"));
  EXPECT_TRUE(Has("מספר ת.ז. 123456782", "personal_data", "he"));
  EXPECT_FALSE(Has("מספר ת.ז. 123456789", "personal_data", "he"));
  EXPECT_EQ(Texts("IBAN LV80BANK0000435195001 please", "personal_data", "en"),
            std::vector<std::string>{"LV80BANK0000435195001"});
  EXPECT_FALSE(Has("IBAN LV80BANK0000435195002", "personal_data", "en"));
  EXPECT_TRUE(Has("card 4111 1111 1111 1111 exp 12/27", "personal_data", "en"));
  EXPECT_FALSE(Has("card 4111 1111 1111 1112", "personal_data", "en"));
  EXPECT_TRUE(Has("zvaniet +371 29 123 456", "personal_data", "lv"));
  EXPECT_TRUE(Has("write to jan.kowalski@example.com", "personal_data", "en"));
  EXPECT_FALSE(Has("Meeting on 2024-01-15 at 10:30", "personal_data", "en"));
  // Identifiers as people write them (detect/identifier_finder.h), all personal_data.
  EXPECT_EQ(Texts("Mans personas kods ir 161175 19997.", "personal_data", "lv"),
            std::vector<std::string>{"161175 19997"});
  EXPECT_EQ(Texts("Numer konta: 61 1090 1014 0000 0712 1981 2874", "personal_data", "pl"),
            std::vector<std::string>{"61 1090 1014 0000 0712 1981 2874"});
  EXPECT_TRUE(Has("IBAN: LV80-BANK-0000-4351-9500-1", "personal_data", "en"));
  EXPECT_TRUE(Has("שלחתי לך את 123456782 אתמול", "personal_data", "he"));
  EXPECT_FALSE(Has("the code was 123456782", "personal_data", "en"));
  EXPECT_FALSE(Has("Numer zamówienia: 601 234 567", "personal_data", "pl"));
  EXPECT_FALSE(Has("numurs 29123456", "personal_data", "lv"));
}

TEST_F(ScannerTest, Credentials) {
  EXPECT_TRUE(Has("the wifi password: Hunter22!", "credentials", "en"));
  EXPECT_TRUE(Has("Hasło do VPN: Zima2024!", "credentials", "pl"));
  EXPECT_FALSE(Has("my password is strong and I like it", "credentials", "en"));
  EXPECT_TRUE(Has("key AKIAIOSFODNN7EXAMPLE leaked", "credentials", "en"));
  EXPECT_TRUE(Has("-----BEGIN RSA PRIVATE KEY-----\nMIIE", "credentials", "en"));
  EXPECT_TRUE(Has("deploy to build.intra.dzintars.lv tonight", "credentials", "en"));
  EXPECT_TRUE(Has("db at 10.1.2.3 is down", "credentials", "en"));
}

TEST_F(ScannerTest, LegalPoliticsReligion) {
  EXPECT_TRUE(Has("We were sued by a supplier, the lawsuit starts in May", "legal", "en"));
  EXPECT_TRUE(Has("Mūsu uzņēmumam ir tiesvedība", "legal", "lv"));
  EXPECT_TRUE(Has("Złożyliśmy pozew do sądu", "legal", "pl"));
  EXPECT_TRUE(Has("הגשנו תביעה נגד הספק", "legal", "he"));
  EXPECT_TRUE(Has("Everyone should vote in the elections", "politics", "en"));
  EXPECT_TRUE(Has("Saeimā šodien balsoja par budžetu", "politics", "lv"));
  EXPECT_TRUE(Has("Rząd znowu podniósł podatki", "politics", "pl"));
  EXPECT_TRUE(Has("מחר הבחירות לכנסת", "politics", "he"));
  EXPECT_EQ(Check("מחר הבחירות לכנסת", "he").verdict, Severity::kCaution);
  EXPECT_TRUE(Has("Pray for us, see you at church", "religion", "en"));
}

TEST_F(ScannerTest, DisparagementIsAimedOffensiveIsNot) {
  CheckResult r = Check("Baltpay are scammers", "en");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].clause, "disparagement.competitors");
  EXPECT_EQ(r.findings[0].text, "Baltpay are scammers");
  EXPECT_TRUE(Has("PayWave Polska to banda oszustów", "disparagement", "pl"));
  EXPECT_TRUE(Has("הבוס שלי הוא אידיוט", "disparagement", "he"));
  EXPECT_TRUE(Has("Mans priekšnieks ir idiots", "disparagement", "lv"));
  EXPECT_TRUE(Has("my boss is a f*cking idiot", "disparagement", "en"));
  EXPECT_FALSE(Has("Baltpay launched a new app today", "disparagement", "en"));
  EXPECT_TRUE(Has("this traffic is shit", "offensive", "en"));
  EXPECT_TRUE(Has("what the f*ck", "offensive", "en"));
  EXPECT_TRUE(Has("what a sh1t show", "offensive", "en"));
  EXPECT_FALSE(Has("what a ship show", "offensive", "en"));
}

TEST_F(ScannerTest, LocationAndImpersonation) {
  EXPECT_TRUE(Has("we are here: 56.9496, 24.1052", "location", "en"));
  EXPECT_FALSE(Has("we are here: 56.9, 24.1", "location", "en"));          // too coarse
  EXPECT_FALSE(Has("we are here: 95.12345, 24.10520", "location", "en"));  // no such latitude
  EXPECT_EQ(Texts("Follow @dzintars_deals for offers", "impersonation", "en"),
            std::vector<std::string>{"@dzintars_deals"});
  EXPECT_FALSE(Has("Follow @dzintars for news", "impersonation", "en"));
  EXPECT_FALSE(Has("write to info@dzintars.lv", "impersonation", "en"));
  EXPECT_TRUE(Has("see instagram.com/amberpay.official", "impersonation", "en"));
}

TEST_F(ScannerTest, ApprovedDisclosuresSuppressFindings) {
  EXPECT_TRUE(Check("Great news: AmberPay now supports instant payments in Poland!", "en")
                  .findings.empty());
}

TEST_F(ScannerTest, ObfuscationDoesNotHide) {
  EXPECT_TRUE(Has("Pr0ject N1ghtingale", "confidential", "en"));
  EXPECT_TRUE(Has("B\xD0\xB0ltpay are scammers", "disparagement", "en"));  // Cyrillic а
  EXPECT_TRUE(Has("you are an i d i o t", "offensive", "en"));
}

TEST_F(ScannerTest, OffsetsAreBytesOfTheOriginal) {
  const std::string post = "Šodien — Rīgas Pienam!";
  for (const auto& f : Check(post, "lv").findings) {
    ASSERT_LE(f.end, post.size());
    EXPECT_EQ(post.substr(f.start, f.end - f.start), f.text);
  }
}

TEST_F(ScannerTest, MessagesInThePostLanguage) {
  const CheckResult lv = Check("Project Nightingale ir slepens", "lv");
  const CheckResult he = Check("Project Nightingale סודי", "he");
  ASSERT_FALSE(lv.findings.empty());
  ASSERT_FALSE(he.findings.empty());
  EXPECT_NE(lv.findings[0].message, he.findings[0].message);
  EXPECT_EQ(lv.language, "lv");
  EXPECT_EQ(he.language, "he");
}

TEST_F(ScannerTest, DetectsLanguageWhenNotGiven) {
  EXPECT_EQ(Check("Šodien tikāmies ar Rīgas Pienam komandu un runājām par sadarbību").language,
            "lv");
  EXPECT_EQ(Check("Wdrożenie dla Gdańskiej Logistyki Portowej idzie świetnie").language, "pl");
  EXPECT_EQ(Check("סגרנו עסקה עם מגדל אופטיקה").language, "he");
}

TEST_F(ScannerTest, BadInputNeverCrashes) {
  EXPECT_NO_FATAL_FAILURE(Check(std::string("Baltpay \xff\xfe scammers \xc3", 22)));
  const std::string big(2 << 20, 'a');
  CheckResult r;
  EXPECT_FALSE(scanner_->Check(big, {}, &r).ok());
  CheckOptions bigger;
  bigger.max_bytes = 4 << 20;
  EXPECT_TRUE(scanner_->Check(big, bigger, &r).ok());
  std::string nul("Project\0Nightingale", 19);
  EXPECT_NO_FATAL_FAILURE(Check(nul));
}

// Inputs shaped to make matchers do quadratic work: one endless word, endless digits,
// endless upper-case letters and digits (IBAN-like), endless spaced letters.
TEST_F(ScannerTest, PathologicalInputsFinish) {
  CheckOptions big;
  big.max_bytes = 4 << 20;
  for (const std::string unit : {"a", "1", "AB12", "a ", "@x", "1 ", "ש"}) {
    std::string post;
    while (post.size() < (1 << 20)) post += unit;
    CheckResult r;
    EXPECT_TRUE(scanner_->Check(post, big, &r).ok()) << unit;
  }
}

TEST_F(ScannerTest, PhotoLocationFromFileAndBytes) {
  std::string path = __FILE__;
  path = path.substr(0, path.rfind("src/policy/")) + "tests/data/geotagged.jpg";
  std::vector<Finding> from_file, from_bytes;
  ASSERT_TRUE(scanner_->CheckImage(path, "lv", &from_file).ok());
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  ASSERT_TRUE(scanner_->CheckImageBytes(bytes.str(), "lv", &from_bytes).ok());
  ASSERT_EQ(from_file.size(), 1u);
  ASSERT_EQ(from_bytes.size(), 1u);
  EXPECT_EQ(from_file[0].clause, "location.photo_gps");
  EXPECT_EQ(from_bytes[0].text, from_file[0].text);
  EXPECT_NE(from_file[0].text.find("56.94960"), std::string::npos);
  std::vector<Finding> none;
  EXPECT_FALSE(scanner_->CheckImageBytes("not an image", "en", &none).ok());
  EXPECT_FALSE(scanner_->CheckImageBytes("", "en", &none).ok());
}

TEST_F(ScannerTest, ManyThreadsShareOneScanner) {
  std::vector<std::thread> threads;
  std::atomic<int> blocked{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        CheckResult r;
        if (scanner_->Check("Project Nightingale and Rīgas Pienam", {}, &r).ok() &&
            r.verdict == Severity::kBlock)
          ++blocked;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(blocked.load(), 800);
}

}  // namespace
}  // namespace chorus

namespace chorus {
namespace {

// Tests that fail when a feature is switched off (issue 8, section 5): each first shows that
// the text has a finding without the feature, then that the feature removes it.

std::shared_ptr<const Scanner> CompileText(const std::string& yaml) {
  Policy policy;
  EXPECT_TRUE(LoadPolicy(yaml, &policy).ok()) << yaml;
  std::shared_ptr<const Scanner> s;
  CompileOptions options;
  options.cache_dir = DefaultCacheDir();
  EXPECT_TRUE(Scanner::Compile(policy, options, &s).ok());
  return s;
}

std::set<std::string> CategoriesOf(const Scanner& scanner, std::string_view text,
                                   const std::string& lang) {
  CheckResult r;
  CheckOptions o;
  o.language = lang;
  EXPECT_TRUE(scanner.Check(text, o, &r).ok());
  std::set<std::string> c;
  for (const auto& f : r.findings) c.insert(f.category);
  return c;
}

TEST(FeatureGuard, ApprovedDisclosureSuppressesAFindingThatIsOtherwiseThere) {
  const std::string post = "Join us at the Falcon launch event tonight";
  const std::string base = "organization: Acme\nconfidential_terms: [Falcon]\n";
  const auto without = CompileText(base);
  EXPECT_EQ(CategoriesOf(*without, post, "en").count("confidential"), 1u);
  const auto with = CompileText(base + "approved_disclosures: [Falcon launch event]\n");
  EXPECT_EQ(CategoriesOf(*with, post, "en").count("confidential"), 0u);
  // Only the approved phrase is covered: the term elsewhere is still found.
  EXPECT_EQ(CategoriesOf(*with, "Falcon ships in May", "en").count("confidential"), 1u);
}

TEST(FeatureGuard, AnIsraeliIdNeedsACue) {
  const auto scanner = CompileText("organization: Acme\n");
  // 123456782 has a valid check digit: with a cue it is an identity number ...
  EXPECT_EQ(CategoriesOf(*scanner, "מספר ת.ז. 123456782", "he").count("personal_data"), 1u);
  // ... without one it is any nine-digit number (an order, an invoice).
  EXPECT_EQ(CategoriesOf(*scanner, "הזמנה 123456782 נשלחה היום", "he").count("personal_data"), 0u);
  EXPECT_EQ(CategoriesOf(*scanner, "Order 123456782 shipped today", "en").count("personal_data"),
            0u);
}

TEST(FeatureGuard, APolishWordTypedWithDiacriticsMustHaveThem) {
  const auto scanner = CompileText("organization: Acme\n");
  EXPECT_EQ(CategoriesOf(*scanner, "Sprawa jest w sądzie, czekamy", "pl").count("legal"), 1u);
  // Typed without any diacritics, "w sadzie" may still mean the court ...
  EXPECT_EQ(CategoriesOf(*scanner, "Sprawa jest w sadzie, czekamy", "pl").count("legal"), 1u);
  // ... but from someone who types them it is the orchard.
  EXPECT_EQ(CategoriesOf(*scanner, "Jabłka dojrzewają w sadzie, będzie dżem", "pl").count("legal"),
            0u);
}

}  // namespace
}  // namespace chorus
