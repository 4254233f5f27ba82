#include "ingest/x_archive.h"

#include "ingest/ingest_test_util.h"

namespace chorus::ingest {
namespace {

using testing::ImportAll;
using testing::MakeZip;
using testing::ReadAll;

// As X writes data/tweets.js: a JavaScript assignment of an array of {"tweet": {...}}, with
// HTML-escaped text, t.co links listed in entities, and retweets among the tweets.
constexpr std::string_view kTweetsJs = R"js(window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : { "initial" : { "editTweetIds" : [ "1712345678901234567" ], "editableUntil" : "2023-10-11T09:15:02.000Z", "editsRemaining" : "5", "isEditEligible" : true } },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ {
          "url" : "https://t.co/AbCdEf123",
          "expanded_url" : "https://intra.example.lv/roadmap",
          "display_url" : "intra.example.lv/roadmap",
          "indices" : [ "62", "85" ]
        } ]
      },
      "display_text_range" : [ "0", "85" ],
      "favorite_count" : "3",
      "id_str" : "1712345678901234567",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1712345678901234567",
      "created_at" : "Wed Oct 11 08:15:02 +0000 2023",
      "favorited" : false,
      "full_text" : "Fish &amp; chips &lt;3 at \"the office\" — see [brackets] {braces} https://t.co/AbCdEf123",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "id_str" : "1712345678901234999",
      "created_at" : "Thu Oct 12 09:00:00 +0000 2023",
      "full_text" : "RT @someone: a boost of another person's tweet",
      "entities" : { "urls" : [ ] }
    }
  },
  {
    "tweet" : {
      "id_str" : "1712345678901235000",
      "created_at" : "Fri Oct 13 10:30:00 +0200 2023",
      "full_text" : "Rīta skrējiens gar Daugavu \ud83c\udfc3 \u017C\u00F3\u0142w",
      "entities" : { "urls" : [ ] }
    }
  }
])js";

TEST(XArchive, ReadsTweetsJsAsXWritesIt) {
  std::vector<IngestedPost> posts;
  ASSERT_TRUE(ReadAll(ReadXTweets, kTweetsJs, &posts).ok());
  ASSERT_EQ(posts.size(), 2u);  // the retweet is someone else's
  EXPECT_EQ(posts[0].platform_id, "1712345678901234567");
  EXPECT_EQ(posts[0].url, "https://x.com/i/web/status/1712345678901234567");
  EXPECT_EQ(posts[0].published, "2023-10-11T08:15:02Z");
  EXPECT_EQ(posts[0].text,
            "Fish & chips <3 at \"the office\" — see [brackets] {braces} "
            "https://intra.example.lv/roadmap");
  EXPECT_EQ(posts[1].published, "2023-10-13T08:30:00Z");
  EXPECT_EQ(posts[1].text, "Rīta skrējiens gar Daugavu \xF0\x9F\x8F\x83 żółw");
}

TEST(XArchive, OlderTweetJsWithoutWrapper) {
  constexpr std::string_view kOld =
      "window.YTD.tweet.part0 = [ {\n  \"id_str\" : \"42\",\n  \"created_at\" : \"Mon Jan 02 "
      "03:04:05 +0000 2017\",\n  \"full_text\" : \"old &amp; gold\"\n} ];\n";
  std::vector<IngestedPost> posts;
  ASSERT_TRUE(ReadAll(ReadXTweets, kOld, &posts).ok());
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].text, "old & gold");
  EXPECT_EQ(posts[0].published, "2017-01-02T03:04:05Z");
}

TEST(XArchive, BrokenFilesAreErrors) {
  std::vector<IngestedPost> posts;
  const std::string truncated(kTweetsJs.substr(0, kTweetsJs.size() / 2));
  EXPECT_FALSE(ReadAll(ReadXTweets, truncated, &posts).ok());
  EXPECT_FALSE(ReadAll(ReadXTweets,
                       "window.YTD.tweets.part0 = [ {\"tweet\": {\"full_text\": \"no id\"}} ]",
                       &posts)
                   .ok());
  EXPECT_FALSE(ReadAll(ReadXTweets,
                       "window.YTD.tweets.part0 = [ {\"tweet\": {\"id_str\": \"1\",}} ]", &posts)
                   .ok());
  EXPECT_FALSE(ReadAll(ReadXTweets, "window.YTD.tweets.part0 = [ ] trailing", &posts).ok());
  EXPECT_FALSE(ReadAll(ReadXTweets, "", &posts).ok());
  EXPECT_TRUE(ReadAll(ReadXTweets, "window.YTD.tweets.part0 = []", &posts).ok());
  EXPECT_TRUE(posts.empty());
}

TEST(XArchive, ZipWithSeveralPartsInOrder) {
  const std::string part1 =
      "window.YTD.tweets.part1 = [ {\"tweet\": {\"id_str\": \"7\", \"full_text\": \"second "
      "part\"}} ]";
  const std::string zip = MakeZip({{"data/manifest.js", "window.__THAR_CONFIG = {}"},
                                   {"data/deleted-tweets.js",
                                    "window.YTD.deleted_tweets.part0 = [ {\"tweet\": {\"id_str\": "
                                    "\"9\", \"full_text\": \"deleted\"}} ]"},
                                   {"data/tweets.js", std::string(kTweetsJs)},
                                   {"data/tweets-part1.js", part1},
                                   {"data/tweets_media/1-a.jpg", "\xFF\xD8\xFF"}});
  Platform platform = Platform::kFeed;
  std::vector<IngestedPost> posts;
  ASSERT_TRUE(ImportAll(zip, &platform, &posts).ok());
  EXPECT_EQ(platform, Platform::kX);
  ASSERT_EQ(posts.size(), 3u);
  EXPECT_EQ(posts[2].text, "second part");
}

TEST(XArchive, MemberNames) {
  EXPECT_TRUE(IsXTweetsMember("data/tweets.js"));
  EXPECT_TRUE(IsXTweetsMember("data/tweet.js"));
  EXPECT_TRUE(IsXTweetsMember("twitter-2023/data/tweets-part12.js"));
  EXPECT_FALSE(IsXTweetsMember("data/deleted-tweets.js"));
  EXPECT_FALSE(IsXTweetsMember("data/tweets-partx.js"));
  EXPECT_FALSE(IsXTweetsMember("tweets.js"));
  EXPECT_FALSE(IsXTweetsMember("data/tweetdeck.js"));
}

}  // namespace
}  // namespace chorus::ingest
