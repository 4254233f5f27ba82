// The language-pack cache: what BuiltinLanguagePacks() gives (from the cache or not) is what
// parsing the embedded packs gives, and damaged bytes are rejected.
#include "policy/language_pack_cache.h"

#include <gtest/gtest.h>

#include "policy/embedded_data.h"

namespace chorus {
namespace {

std::vector<LanguagePack> ParsedPacks() {
  std::vector<LanguagePack> packs;
  for (const auto& f : EmbeddedFiles()) {
    if (f.path.substr(0, 5) != "lang/") continue;
    LanguagePack pack;
    EXPECT_TRUE(ParseLanguagePack(f.data, &pack).ok()) << f.path;
    packs.push_back(std::move(pack));
  }
  std::sort(packs.begin(), packs.end(),
            [](const LanguagePack& a, const LanguagePack& b) { return a.code < b.code; });
  return packs;
}

TEST(LanguagePackCache, BuiltinPacksEqualTheParsedOnes) {
  const std::string parsed = EncodeLanguagePacks(ParsedPacks());
  EXPECT_EQ(EncodeLanguagePacks(BuiltinLanguagePacks()), parsed);
  std::vector<LanguagePack> back;
  ASSERT_TRUE(DecodeLanguagePacks(parsed, &back));
  ASSERT_EQ(back.size(), 4u);
  EXPECT_EQ(EncodeLanguagePacks(back), parsed);
  const LanguagePack& pl = back[3];
  EXPECT_EQ(pl.code, "pl");
  ASSERT_NE(pl.inflection.endings, nullptr);
  EXPECT_FALSE(pl.inflection.endings->empty());
  EXPECT_FALSE(pl.Lexicon("offensive").empty());
  EXPECT_FALSE(pl.common_words.empty());
}

TEST(LanguagePackCache, RejectsTruncatedOrExtendedBytes) {
  const std::string bytes = EncodeLanguagePacks(ParsedPacks());
  std::vector<LanguagePack> out;
  for (size_t cut = 0; cut < bytes.size(); cut += 1 + bytes.size() / 173)
    EXPECT_FALSE(DecodeLanguagePacks(std::string_view(bytes).substr(0, cut), &out)) << cut;
  EXPECT_FALSE(DecodeLanguagePacks(bytes + "x", &out));
  EXPECT_TRUE(out.empty()) << "unchanged on failure";
}

}  // namespace
}  // namespace chorus
