#include "ingest/feed.h"

#include "ingest/ingest_test_util.h"

namespace chorus::ingest {
namespace {

using testing::ImportAll;
using testing::ReadAll;

constexpr std::string_view kRss = R"xml(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Anna's blog</title>
    <link>https://anna.example.lv/</link>
    <item>
      <title>Kāpēc es mīlu Rīgu</title>
      <link>https://anna.example.lv/2024/riga</link>
      <guid isPermaLink="false">post-101</guid>
      <pubDate>Fri, 01 Mar 2024 10:15:00 +0200</pubDate>
      <description>short summary</description>
      <content:encoded><![CDATA[<p>Pirmā rindkopa &amp; vēl.</p><p>Otrā<br/>rinda.</p><script>alert(1)</script>]]></content:encoded>
    </item>
    <item>
      <title>Escaped HTML</title>
      <link>https://anna.example.lv/2024/escaped</link>
      <pubDate>Sat, 2 Mar 2024 08:00:00 GMT</pubDate>
      <description>&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;</description>
    </item>
  </channel>
</rss>)xml";

constexpr std::string_view kAtom = R"xml(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Ola's notes</title>
  <id>urn:uuid:60a76c80-d399-11d9-b91C-0003939e0af6</id>
  <entry>
    <title type="text">Cześć</title>
    <link rel="alternate" href="https://ola.example.pl/czesc"/>
    <link rel="edit" href="https://ola.example.pl/edit/1"/>
    <id>tag:ola.example.pl,2024:1</id>
    <published>2024-03-01T10:00:00+01:00</published>
    <updated>2024-03-05T10:00:00+01:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Pierwszy akapit.</p><p>Drugi.</p></div></content>
  </entry>
  <entry>
    <title>Plain</title>
    <id>https://ola.example.pl/plain</id>
    <updated>2024-03-06T00:00:00Z</updated>
    <summary type="text">Text with &lt;angle&gt; brackets stays text</summary>
  </entry>
</feed>)xml";

TEST(Feed, ReadsRss) {
  std::vector<IngestedPost> posts;
  ASSERT_TRUE(ReadAll(ReadFeed, kRss, &posts).ok());
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].platform_id, "post-101");
  EXPECT_EQ(posts[0].url, "https://anna.example.lv/2024/riga");
  EXPECT_EQ(posts[0].published, "2024-03-01T08:15:00Z");
  EXPECT_EQ(posts[0].text, "Kāpēc es mīlu Rīgu\n\nPirmā rindkopa & vēl.\n\nOtrā\nrinda.");
  EXPECT_EQ(posts[1].platform_id, "https://anna.example.lv/2024/escaped");
  EXPECT_EQ(posts[1].text, "Escaped HTML\n\nHello & welcome");
  EXPECT_EQ(posts[1].published, "2024-03-02T08:00:00Z");
}

TEST(Feed, ReadsAtom) {
  std::vector<IngestedPost> posts;
  ASSERT_TRUE(ReadAll(ReadFeed, kAtom, &posts).ok());
  ASSERT_EQ(posts.size(), 2u);
  EXPECT_EQ(posts[0].platform_id, "tag:ola.example.pl,2024:1");
  EXPECT_EQ(posts[0].url, "https://ola.example.pl/czesc");
  EXPECT_EQ(posts[0].published, "2024-03-01T09:00:00Z");
  EXPECT_EQ(posts[0].text, "Cześć\n\nPierwszy akapit.\n\nDrugi.");
  EXPECT_EQ(posts[1].url, "https://ola.example.pl/plain");
  EXPECT_EQ(posts[1].published, "2024-03-06T00:00:00Z");
  EXPECT_EQ(posts[1].text, "Plain\n\nText with <angle> brackets stays text");
}

TEST(Feed, DetectedFromContent) {
  Platform platform = Platform::kX;
  std::vector<IngestedPost> posts;
  ASSERT_TRUE(ImportAll(kAtom, &platform, &posts).ok());
  EXPECT_EQ(platform, Platform::kFeed);
  ASSERT_TRUE(ImportAll(kRss, &platform, &posts).ok());
  EXPECT_EQ(platform, Platform::kFeed);
}

TEST(Feed, BrokenXmlIsAnErrorWithItsLine) {
  std::vector<IngestedPost> posts;
  const Status s =
      ReadAll(ReadFeed, "<rss><channel>\n<item><title>x</item></channel></rss>", &posts);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.line(), 2);
  EXPECT_FALSE(ReadAll(ReadFeed, "<html><body>not a feed</body></html>", &posts).ok());
  EXPECT_FALSE(ReadAll(ReadFeed, kRss.substr(0, kRss.size() - 30), &posts).ok());
  // Entity expansion bombs are stopped by expat.
  std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string("<!ENTITY ") + c + " \"";
    for (int i = 0; i < 10; ++i) bomb += std::string("&") + prev + ";";
    bomb += "\">";
    prev = c;
  }
  bomb += "]><rss><channel><item><title>&k;</title><guid>1</guid></item></channel></rss>";
  EXPECT_FALSE(ReadAll(ReadFeed, bomb, &posts).ok());
}

}  // namespace
}  // namespace chorus::ingest
