#include "ingest/linkedin_shares.h"

#include "ingest/ingest_test_util.h"

namespace chorus::ingest {
namespace {

using testing::ImportAll;
using testing::MakeZip;
using testing::ReadAll;

// As LinkedIn's export writes Shares.csv: a header, quoted commentary with line breaks and
// doubled quotes, reshares without commentary, CRLF line ends.
constexpr std::string_view kShares =
    "\xEF\xBB\xBF"
    "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\r\n"
    "2024-03-01 "
    "08:15:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7169000000000000001,"
    "\"Proud of the team!\r\nWe shipped \"\"AmberPay Instant\"\" today, with Rīgas Piens, "
    "a comma, and a second line.\",https://example.com/news,,MEMBER_NETWORK\r\n"
    "2024-03-02 "
    "10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7169000000000000002,"
    ",https://example.com/reshare,,MEMBER_NETWORK\r\n"
    "2024-03-03 "
    "12:30:45,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7169000000000000003,"
    "Cześć wszystkim,,,CONNECTIONS\r\n";

TEST(LinkedInShares, ReadsQuotedMultiLineCommentary) {
  std::vector<IngestedPost> posts;
  ASSERT_TRUE(ReadAll(ReadLinkedInShares, kShares, &posts).ok());
  ASSERT_EQ(posts.size(), 2u);  // the reshare without words is skipped
  EXPECT_EQ(posts[0].text,
            "Proud of the team!\r\nWe shipped \"AmberPay Instant\" today, with Rīgas Piens, a "
            "comma, and a second line.");
  EXPECT_EQ(posts[0].platform_id,
            "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7169000000000000001");
  EXPECT_EQ(posts[0].url, posts[0].platform_id);
  EXPECT_EQ(posts[0].published, "2024-03-01T08:15:00Z");
  EXPECT_EQ(posts[1].text, "Cześć wszystkim");
  EXPECT_EQ(posts[1].published, "2024-03-03T12:30:45Z");
}

TEST(LinkedInShares, ZipAndDetection) {
  const std::string zip = MakeZip(
      {{"Connections.csv", "First Name,Last Name\n"}, {"Shares.csv", std::string(kShares)}});
  Platform platform = Platform::kX;
  std::vector<IngestedPost> posts;
  ASSERT_TRUE(ImportAll(zip, &platform, &posts).ok());
  EXPECT_EQ(platform, Platform::kLinkedIn);
  EXPECT_EQ(posts.size(), 2u);
  ASSERT_TRUE(ImportAll(kShares, &platform, &posts).ok());
  EXPECT_EQ(platform, Platform::kLinkedIn);
}

TEST(LinkedInShares, BrokenFilesAreErrors) {
  std::vector<IngestedPost> posts;
  EXPECT_FALSE(ReadAll(ReadLinkedInShares, "Date,Text\n2024-01-01,hello\n", &posts).ok());
  EXPECT_FALSE(ReadAll(ReadLinkedInShares,
                       "Date,ShareLink,ShareCommentary\n2024-01-01,https://l/1,\"unterminated\n",
                       &posts)
                   .ok());
  EXPECT_FALSE(
      ReadAll(ReadLinkedInShares, "Date,ShareLink,ShareCommentary\n2024-01-01,,words\n", &posts)
          .ok());
}

}  // namespace
}  // namespace chorus::ingest
