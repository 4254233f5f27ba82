#include "ingest/squid_log.h"

#include <gtest/gtest.h>

namespace chorus::ingest {
namespace {

TEST(SquidLog, ReadsEveryFieldOfANativeLine) {
  SquidRecord r;
  std::string error;
  ASSERT_TRUE(
      ParseSquidLine("1732867200.123    842 10.0.4.17 TCP_TUNNEL/200 6120 CONNECT "
                     "www.facebook.com:443 anna%40dzintars.lv HIER_DIRECT/157.240.9.35 -",
                     &r, &error))
      << error;
  EXPECT_EQ(r.time_ms, 1732867200123);
  EXPECT_EQ(r.elapsed_ms, 842);
  EXPECT_EQ(r.client, "10.0.4.17");
  EXPECT_EQ(r.code, "TCP_TUNNEL");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.bytes, 6120);
  EXPECT_EQ(r.method, "CONNECT");
  EXPECT_EQ(r.url, "www.facebook.com:443");
  EXPECT_EQ(r.user, "anna%40dzintars.lv");
  EXPECT_EQ(DecodeSquidUser(r.user), "anna@dzintars.lv");
  EXPECT_EQ(r.hierarchy, "HIER_DIRECT");
  EXPECT_EQ(r.peer, "157.240.9.35");
  EXPECT_EQ(r.type, "-");
  EXPECT_EQ(SquidHost(r), "www.facebook.com");
}

TEST(SquidLog, HostsOfUrlsAndConnect) {
  SquidRecord r;
  std::string error;
  ASSERT_TRUE(
      ParseSquidLine("1732867200.5 10 10.0.0.1 TCP_MISS/200 411 GET "
                     "http://user:pw@WWW.YouTube.com:8080/watch?v=1 anna DIRECT/1.2.3.4 "
                     "text/html\r",
                     &r, &error))
      << error;
  EXPECT_EQ(r.time_ms, 1732867200500);
  EXPECT_EQ(SquidHost(r), "www.youtube.com");
  EXPECT_EQ(r.type, "text/html");
  ASSERT_TRUE(
      ParseSquidLine("1732867200 0 ::1 NONE/000 0 GET /squid-internal-static/x - "
                     "HIER_NONE/- -",
                     &r, &error));
  EXPECT_EQ(r.time_ms, 1732867200000);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(SquidHost(r), "");  // a request to the proxy itself
  ASSERT_TRUE(
      ParseSquidLine("1732867200.001 5 10.0.0.1 TCP_TUNNEL/200 1 CONNECT x.com.:443 b "
                     "HIER_DIRECT/1.1.1.1 - extra fields ignored",
                     &r, &error));
  EXPECT_EQ(SquidHost(r), "x.com");
}

TEST(SquidLog, RefusesBrokenLinesWithTheField) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"", "0 fields"},
      {"1732867200.123 842 10.0.4.17 TCP_TUNNEL/200 6120 CONNECT x.com:443 anna", "8 fields"},
      {"yesterday 842 10.0.4.17 TCP_TUNNEL/200 6120 CONNECT x.com:443 anna HIER_DIRECT/1 -",
       "field 1"},
      {"1732867200.1x 842 c TCP_TUNNEL/200 6120 CONNECT x.com:443 anna HIER_DIRECT/1 -", "field 1"},
      {"1732867200.123 -5 c TCP_TUNNEL/200 6120 CONNECT x.com:443 anna HIER_DIRECT/1 -", "field 2"},
      {"1732867200.123 5 c TCP_TUNNEL 6120 CONNECT x.com:443 anna HIER_DIRECT/1 -", "field 4"},
      {"1732867200.123 5 c TCP_TUNNEL/2000 6120 CONNECT x.com:443 anna HIER_DIRECT/1 -", "field 4"},
      {"1732867200.123 5 c TCP_MISS/200 many GET http://x.com/ anna HIER_DIRECT/1 -", "field 5"},
      {"1732867200.123 5 c TCP_MISS/200 1 GET http://x.com/ anna HIER_DIRECT -", "field 9"},
      {"99999999999999999999 5 c TCP_MISS/200 1 GET http://x.com/ anna HIER_DIRECT/1 -", "field 1"},
  };
  for (const auto& [line, what] : cases) {
    SquidRecord r;
    std::string error;
    EXPECT_FALSE(ParseSquidLine(line, &r, &error)) << line;
    EXPECT_NE(error.find(what), std::string::npos) << line << " -> " << error;
  }
}

TEST(SquidLog, DecodesOnlyWellFormedEscapes) {
  EXPECT_EQ(DecodeSquidUser("anna%40x.lv"), "anna@x.lv");
  EXPECT_EQ(DecodeSquidUser("100%"), "100%");
  EXPECT_EQ(DecodeSquidUser("a%zz"), "a%zz");
  EXPECT_EQ(DecodeSquidUser("a%4"), "a%4");
  EXPECT_EQ(DecodeSquidUser("-"), "-");
}

}  // namespace
}  // namespace chorus::ingest
