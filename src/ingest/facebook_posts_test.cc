#include "ingest/facebook_posts.h"

#include "ingest/ingest_test_util.h"

namespace chorus::ingest {
namespace {

using testing::ImportAll;
using testing::MakeZip;
using testing::ReadAll;

// As Facebook's JSON export writes your_posts_1.json: every non-ASCII character as its UTF-8
// bytes, each escaped as \u00XX.
constexpr std::string_view kPosts = R"json([
  {
    "timestamp": 1709280000,
    "attachments": [
      {"data": [{"external_context": {"url": "https://example.lv/raksts"}}]}
    ],
    "data": [
      {"post": "Sveiki, R\u00c4\u00abga! \u00c4\u00b6ekava"},
      {"update_timestamp": 1709280100}
    ],
    "title": "Anna B\u00c4\u0093rzi\u00c5\u0086a shared a link."
  },
  {
    "timestamp": 1709366400,
    "data": [{"post": "\u00c5\u00bb\u00c3\u00b3\u00c5\u0082w i \u00c5\u0082\u00c3\u00b3d\u00c5\u00ba \u00f0\u009f\u008e\u0089"}]
  },
  {
    "timestamp": 1709452800,
    "attachments": [{"data": [{"media": {"uri": "photos/1.jpg"}}]}],
    "title": "Anna updated her profile picture."
  },
  {
    "timestamp": 1709539200,
    "data": [{"post": "\u00d7\u00a9\u00d7\u009c\u00d7\u0095\u00d7\u009d \u00d7\u00a2\u00d7\u0095\u00d7\u009c\u00d7\u009d"}]
  }
])json";

TEST(FacebookPosts, UndoesFacebooksByteEscapes) {
  std::vector<IngestedPost> posts;
  ASSERT_TRUE(ReadAll(ReadFacebookPosts, kPosts, &posts).ok());
  ASSERT_EQ(posts.size(), 3u);  // the photo without words is skipped
  EXPECT_EQ(posts[0].text, "Sveiki, Rīga! Ķekava");
  EXPECT_EQ(posts[0].url, "https://example.lv/raksts");
  EXPECT_EQ(posts[0].published, "2024-03-01T08:00:00Z");
  EXPECT_EQ(posts[1].text, "Żółw i łódź 🎉");
  EXPECT_EQ(posts[2].text, "שלום עולם");
  EXPECT_EQ(posts[2].platform_id.rfind("fb:1709539200:", 0), 0u);
  // The id is stable: the same post read again gets the same id.
  std::vector<IngestedPost> again;
  ASSERT_TRUE(ReadAll(ReadFacebookPosts, kPosts, &again).ok());
  EXPECT_EQ(again[2].platform_id, posts[2].platform_id);
  EXPECT_NE(posts[1].platform_id, posts[2].platform_id);
}

TEST(FacebookPosts, TextThatIsAlreadyRightStaysAsItIs) {
  EXPECT_EQ(FixFacebookText("café"), "café");  // é alone is not a UTF-8 sequence
  EXPECT_EQ(FixFacebookText("Rīga"), "Rīga");  // ī is above U+00FF: real text
  EXPECT_EQ(FixFacebookText("plain"), "plain");
  EXPECT_EQ(FixFacebookText("R\xC3\x84\xC2\xAB"
                            "ga"),
            "Rīga");
}

TEST(FacebookPosts, OlderObjectFormZipAndDetection) {
  const std::string older =
      R"({"status_updates_v2": [{"timestamp": 1500000000, "data": [{"post": "old post"}]}]})";
  std::vector<IngestedPost> posts;
  ASSERT_TRUE(ReadAll(ReadFacebookPosts, older, &posts).ok());
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].text, "old post");
  const std::string zip = MakeZip(
      {{"your_activity_across_facebook/comments_and_reactions/comments.json", "{}"},
       {"your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json",
        std::string(kPosts)}});
  Platform platform = Platform::kX;
  ASSERT_TRUE(ImportAll(zip, &platform, &posts).ok());
  EXPECT_EQ(platform, Platform::kFacebook);
  EXPECT_EQ(posts.size(), 3u);
  ASSERT_TRUE(ImportAll(kPosts, &platform, &posts).ok());
  EXPECT_EQ(platform, Platform::kFacebook);
}

TEST(FacebookPosts, BrokenFilesAreErrors) {
  std::vector<IngestedPost> posts;
  EXPECT_FALSE(ReadAll(ReadFacebookPosts, R"([{"data": [{"post": "no time"}]}])", &posts).ok());
  EXPECT_FALSE(ReadAll(ReadFacebookPosts, kPosts.substr(0, 200), &posts).ok());
  EXPECT_FALSE(ReadAll(ReadFacebookPosts, R"({"other": []})", &posts).ok());
}

}  // namespace
}  // namespace chorus::ingest
