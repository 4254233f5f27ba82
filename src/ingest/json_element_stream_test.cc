#include "ingest/json_element_stream.h"

#include "ingest/ingest_test_util.h"

namespace chorus::ingest {
namespace {

std::vector<std::string> Elements(std::string_view text, JsonElementOptions options,
                                  Status* status) {
  std::vector<std::string> whole, trickled;
  StringSource a(text);
  JsonElementStream s1(a, options);
  for (std::string e; s1.Next(&e);) whole.push_back(e);
  testing::TrickleSource b(text);
  JsonElementStream s2(b, options);
  for (std::string e; s2.Next(&e);) trickled.push_back(e);
  EXPECT_EQ(whole, trickled);
  EXPECT_EQ(s1.status().ok(), s2.status().ok());
  *status = s1.status();
  return whole;
}

TEST(JsonElementStream, TopLevelArrayWithAwkwardStrings) {
  Status s;
  const auto e =
      Elements(R"( [ {"a": "]}\"[{", "b": [1, {"c": null}]}, "x,y", 12.5e3, true, [] ] )", {}, &s);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(e, (std::vector<std::string>{R"({"a": "]}\"[{", "b": [1, {"c": null}]})", R"("x,y")",
                                         "12.5e3", "true", "[]"}));
}

TEST(JsonElementStream, ArrayUnderAKeyAfterOtherValues) {
  Status s;
  const auto e = Elements(
      R"({"@context": ["x", {"y": "z"}], "totalItems": 2, "orderedItems": [{"n": 1}, {"n": 2}], "tail": {}})",
      {.keys = {"orderedItems"}}, &s);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(e.size(), 2u);
}

TEST(JsonElementStream, JavascriptPrefixAndSemicolon) {
  Status s;
  const auto e =
      Elements("\xEF\xBB\xBFwindow.YTD.tweets.part0 = [1,2];\n", {.javascript_prefix = true}, &s);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(e.size(), 2u);
}

TEST(JsonElementStream, BrokenStructureIsAnError) {
  Status s;
  for (std::string_view bad : {"[1,2", "[1 2]", "[1,]", "[{\"a\": [}]", "[\"unterminated]", "[] []",
                               "{\"k\": [1]}", "", "   ", "[,1]"}) {
    Elements(bad, {}, &s);
    EXPECT_FALSE(s.ok()) << bad;
  }
  Elements(R"({"other": [1]})", {.keys = {"orderedItems"}}, &s);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("orderedItems"), std::string::npos);
  Elements("[" + std::string(600, '[') + std::string(600, ']') + "]", {}, &s);
  EXPECT_FALSE(s.ok());
  Elements("[\"" + std::string(2000, 'x') + "\"]", {.max_element_bytes = 1000}, &s);
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace chorus::ingest
