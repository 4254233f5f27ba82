#include "ingest/mastodon_outbox.h"

#include "ingest/ingest_test_util.h"

namespace chorus::ingest {
namespace {

using testing::ImportAll;
using testing::MakeZip;
using testing::ReadAll;

// As Mastodon's archive writes outbox.json: an ActivityStreams OrderedCollection of Create
// and Announce activities; notes in HTML with Mastodon's hidden URL parts.
constexpr std::string_view kOutbox = R"json({
  "@context": "https://www.w3.org/ns/activitystreams",
  "id": "outbox.json",
  "type": "OrderedCollection",
  "totalItems": 4,
  "orderedItems": [
    {
      "id": "https://mastodon.example/users/anna/statuses/111/activity",
      "type": "Create",
      "actor": "https://mastodon.example/users/anna",
      "published": "2024-02-01T09:30:00Z",
      "to": ["https://www.w3.org/ns/activitystreams#Public"],
      "cc": ["https://mastodon.example/users/anna/followers"],
      "object": {
        "id": "https://mastodon.example/users/anna/statuses/111",
        "type": "Note",
        "summary": null,
        "inReplyTo": null,
        "published": "2024-02-01T09:30:00Z",
        "url": "https://mastodon.example/@anna/111",
        "attributedTo": "https://mastodon.example/users/anna",
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "cc": ["https://mastodon.example/users/anna/followers"],
        "sensitive": false,
        "content": "<p>First paragraph &amp; more,<br />second line.</p><p>Read <a href=\"https://blog.example.com/a/very/long/path\" target=\"_blank\" rel=\"nofollow noopener noreferrer\" translate=\"no\"><span class=\"invisible\">https://</span><span class=\"ellipsis\">blog.example.com/a/very/</span><span class=\"invisible\">long/path</span></a> <a href=\"https://mastodon.example/tags/fintech\" class=\"mention hashtag\" rel=\"tag\">#<span>fintech</span></a></p>",
        "contentMap": {"en": "<p>…</p>"},
        "attachment": [],
        "tag": []
      }
    },
    {
      "id": "https://mastodon.example/users/anna/statuses/112/activity",
      "type": "Announce",
      "actor": "https://mastodon.example/users/anna",
      "published": "2024-02-02T10:00:00Z",
      "to": ["https://www.w3.org/ns/activitystreams#Public"],
      "object": "https://other.example/users/bob/statuses/999"
    },
    {
      "id": "https://mastodon.example/users/anna/statuses/113/activity",
      "type": "Create",
      "published": "2024-02-03T11:00:00Z",
      "to": ["https://other.example/users/bob"],
      "object": {
        "id": "https://mastodon.example/users/anna/statuses/113",
        "type": "Note",
        "to": ["https://other.example/users/bob"],
        "cc": [],
        "content": "<p>a direct message, not a published post</p>"
      }
    },
    {
      "id": "https://mastodon.example/users/anna/statuses/114/activity",
      "type": "Create",
      "to": "https://www.w3.org/ns/activitystreams#Public",
      "object": {
        "id": "https://mastodon.example/users/anna/statuses/114",
        "type": "Note",
        "summary": "Spoilers: ąčę",
        "published": "2024-02-04T12:00:00+02:00",
        "to": "https://www.w3.org/ns/activitystreams#Public",
        "content": "<p>שלום &lt;עולם&gt;</p>"
      }
    }
  ]
})json";

TEST(MastodonOutbox, ReadsNotesSkipsBoostsAndDirectMessages) {
  std::vector<IngestedPost> posts;
  ASSERT_TRUE(ReadAll(ReadMastodonOutbox, kOutbox, &posts).ok());
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].platform_id, "https://mastodon.example/users/anna/statuses/111");
  EXPECT_EQ(posts[0].url, "https://mastodon.example/@anna/111");
  EXPECT_EQ(posts[0].published, "2024-02-01T09:30:00Z");
  EXPECT_EQ(posts[0].text,
            "First paragraph & more,\nsecond line.\n\nRead "
            "https://blog.example.com/a/very/long/path #fintech");
  EXPECT_EQ(posts[1].text, "Spoilers: ąčę\n\nשלום <עולם>");
  EXPECT_EQ(posts[1].url, posts[1].platform_id);  // no url: the id is the address
  EXPECT_EQ(posts[1].published, "2024-02-04T10:00:00Z");
}

TEST(MastodonOutbox, ZipAndDetection) {
  const std::string zip = MakeZip({{"actor.json", "{}"},
                                   {"outbox.json", std::string(kOutbox)},
                                   {"media_attachments/files/1.png", "png"}});
  Platform platform = Platform::kX;
  std::vector<IngestedPost> posts;
  ASSERT_TRUE(ImportAll(zip, &platform, &posts).ok());
  EXPECT_EQ(platform, Platform::kMastodon);
  EXPECT_EQ(posts.size(), 2u);
  ASSERT_TRUE(ImportAll(kOutbox, &platform, &posts).ok());
  EXPECT_EQ(platform, Platform::kMastodon);
}

TEST(MastodonOutbox, BrokenOrMissingItemsAreErrors) {
  std::vector<IngestedPost> posts;
  EXPECT_FALSE(ReadAll(ReadMastodonOutbox, R"({"type": "OrderedCollection"})", &posts).ok());
  EXPECT_FALSE(ReadAll(ReadMastodonOutbox, kOutbox.substr(0, kOutbox.size() - 10), &posts).ok());
  EXPECT_FALSE(
      ReadAll(
          ReadMastodonOutbox,
          R"({"orderedItems": [{"type": "Create", "to": "https://www.w3.org/ns/activitystreams#Public", "object": {"type": "Note", "content": "x"}}]})",
          &posts)
          .ok());
}

}  // namespace
}  // namespace chorus::ingest
