// The crisis playbook's data: the built-in file parses, every language fills every
// placeholder, dates are written each language's way, and a broken file says where.
#include "program/playbook.h"

#include <gtest/gtest.h>

namespace chorus::program {
namespace {

PlaybookFacts Facts() {
  PlaybookFacts f;
  f.organisation = "Dzintars";
  f.platform = "linkedin";
  f.published = "2026-12-02T17:40:00Z";
  f.categories = {"financial", "confidential"};
  return f;
}

TEST(PlaybookTest, TheBuiltInPlaybookHasFourLanguages) {
  Playbook book;
  ASSERT_TRUE(Playbook::Builtin(&book).ok());
  EXPECT_EQ(book.Languages(), (std::vector<std::string>{"en", "he", "lv", "pl"}));
  std::vector<PlaybookText> texts;
  EXPECT_FALSE(book.Fill("de", Facts(), &texts).ok());
}

TEST(PlaybookTest, FillsTheDateThePlatformAndWhatWasWrong) {
  Playbook book;
  ASSERT_TRUE(Playbook::Builtin(&book).ok());
  std::vector<PlaybookText> texts;
  ASSERT_TRUE(book.Fill("en", Facts(), &texts).ok());
  ASSERT_EQ(texts.size(), 3u);
  EXPECT_EQ(texts[0].kind, "correction");
  EXPECT_EQ(texts[1].kind, "apology");
  EXPECT_EQ(texts[2].kind, "holding_statement");
  EXPECT_NE(texts[0].text.find("on LinkedIn of 2 December 2026"), std::string::npos)
      << texts[0].text;
  // The strictest finding's category names what was wrong.
  EXPECT_NE(texts[0].text.find("figures that had not been published"), std::string::npos);
  EXPECT_NE(texts[2].text.find("Dzintars is aware"), std::string::npos);

  ASSERT_TRUE(book.Fill("lv", Facts(), &texts).ok());
  EXPECT_NE(texts[0].text.find("platformā LinkedIn (2026. gada 2. decembris)"), std::string::npos)
      << texts[0].text;
  ASSERT_TRUE(book.Fill("pl", Facts(), &texts).ok());
  EXPECT_NE(texts[0].text.find("z 2 grudnia 2026"), std::string::npos) << texts[0].text;
  ASSERT_TRUE(book.Fill("he", Facts(), &texts).ok());
  EXPECT_NE(texts[0].text.find("2 בדצמבר 2026"), std::string::npos) << texts[0].text;

  // The team's own words win; an unknown category takes the default phrase.
  PlaybookFacts own = Facts();
  own.summary = "a wrong launch date";
  ASSERT_TRUE(book.Fill("en", own, &texts).ok());
  EXPECT_NE(texts[0].text.find("it contained a wrong launch date."), std::string::npos);
  PlaybookFacts unknown = Facts();
  unknown.categories = {"weather"};
  unknown.published = "";
  ASSERT_TRUE(book.Fill("en", unknown, &texts).ok());
  EXPECT_NE(texts[0].text.find("content that did not meet our standards"), std::string::npos);
}

TEST(PlaybookTest, ABrokenFileSaysWhatIsMissingAndWhere) {
  const std::string good = R"(languages:
  en:
    date: "{day} {month} {year}"
    months: [a, b, c, d, e, f, g, h, i, j, k, l]
    platforms: {x: on X, mastodon: on M, linkedin: on L, facebook: on F, feed: on a blog}
    what: {default: something}
    templates: {correction: "C {what} {unknown}", apology: A, holding_statement: H}
)";
  Playbook book;
  ASSERT_TRUE(Playbook::Parse(good, &book).ok());
  std::vector<PlaybookText> texts;
  ASSERT_TRUE(book.Fill("en", Facts(), &texts).ok());
  EXPECT_EQ(texts[0].text, "C something {unknown}");  // unknown placeholders stay

  std::string no_apology = good;
  no_apology.replace(no_apology.find("apology: A, "), 12, "");
  Status s = Playbook::Parse(no_apology, &book);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("en.templates has no apology"), std::string::npos) << s.ToString();
  EXPECT_EQ(s.line(), 7);

  std::string eleven = good;
  eleven.replace(eleven.find(", l]"), 4, "]");
  s = Playbook::Parse(eleven, &book);
  EXPECT_NE(s.message().find("twelve months"), std::string::npos) << s.ToString();

  std::string no_feed = good;
  no_feed.replace(no_feed.find(", feed: on a blog"), 17, "");
  EXPECT_NE(Playbook::Parse(no_feed, &book).message().find("platforms has no feed"),
            std::string::npos);
  EXPECT_FALSE(Playbook::Parse("languages: {}", &book).ok());
  EXPECT_FALSE(Playbook::Parse("[1, 2]", &book).ok());
}

}  // namespace
}  // namespace chorus::program
