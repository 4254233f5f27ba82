#include "server/http_message.h"

#include <gtest/gtest.h>

#include "server/client_address.h"
#include "server/http_router.h"

namespace chorus::server {
namespace {

TEST(ParseTarget, DecodesPathAndQuery) {
  std::string path;
  std::vector<std::pair<std::string, std::string>> params;
  ASSERT_TRUE(ParseTarget("/api/v1/audit?kind=sign%2Din&q=a+b&flag", &path, &params));
  EXPECT_EQ(path, "/api/v1/audit");
  ASSERT_EQ(params.size(), 3u);
  EXPECT_EQ(params[0], (std::pair<std::string, std::string>{"kind", "sign-in"}));
  EXPECT_EQ(params[1].second, "a b");
  EXPECT_EQ(params[2], (std::pair<std::string, std::string>{"flag", ""}));
}

TEST(ParseTarget, RefusesWhatIsNotAnOriginPath) {
  std::string path;
  std::vector<std::pair<std::string, std::string>> params;
  EXPECT_FALSE(ParseTarget("", &path, &params));
  EXPECT_FALSE(ParseTarget("http://example.com/", &path, &params));
  EXPECT_FALSE(ParseTarget("/a%2", &path, &params));    // cut escape
  EXPECT_FALSE(ParseTarget("/a%zz", &path, &params));   // not hex
  EXPECT_FALSE(ParseTarget("/a%00b", &path, &params));  // NUL
  EXPECT_FALSE(ParseTarget("/a?x=%", &path, &params));
}

TEST(HttpRequest, HeaderNamesIgnoreCase) {
  HttpRequest request;
  request.headers = {{"Content-Type", "application/json"}, {"x-csrf-token", "t"}};
  EXPECT_EQ(request.get_header_value("content-type"), "application/json");
  EXPECT_EQ(request.get_header_value("X-CSRF-Token"), "t");
  EXPECT_FALSE(request.has_header("Cookie"));
}

TEST(HttpResponse, SetHeaderReplacesButCookiesRepeat) {
  HttpResponse response;
  response.set_header("Cache-Control", "a");
  response.set_header("cache-control", "b");
  response.set_header("Set-Cookie", "x=1");
  response.set_header("Set-Cookie", "y=2");
  EXPECT_EQ(response.headers.size(), 3u);
  EXPECT_EQ(response.get_header_value("Cache-Control"), "b");
}

TEST(HttpRouter, CapturesNumbersAndTellsWrongMethodFromNoPath) {
  HttpRouter router;
  int called = 0;
  router.Add("GET", R"(/api/v1/posts/(\d+)/comments)",
             [&](HttpRequest&, HttpResponse&) { ++called; });
  router.Add("POST", "/api/v1/posts", [&](HttpRequest&, HttpResponse&) { called += 10; });
  HttpRouter::Match match;
  std::string allowed;

  HttpRequest get{.method = "GET", .path = "/api/v1/posts/42/comments"};
  const RouteHandler* handler = router.Find(get, &match, &allowed);
  ASSERT_NE(handler, nullptr);
  EXPECT_EQ(get.matches, (std::vector<std::string>{"/api/v1/posts/42/comments", "42"}));

  HttpRequest head{.method = "HEAD", .path = "/api/v1/posts/7/comments"};
  EXPECT_NE(router.Find(head, &match, &allowed), nullptr);

  HttpRequest not_number{.method = "GET", .path = "/api/v1/posts/4x/comments"};
  EXPECT_EQ(router.Find(not_number, &match, &allowed), nullptr);
  EXPECT_EQ(match, HttpRouter::Match::kNoSuchPath);

  HttpRequest wrong{.method = "DELETE", .path = "/api/v1/posts"};
  EXPECT_EQ(router.Find(wrong, &match, &allowed), nullptr);
  EXPECT_EQ(match, HttpRouter::Match::kWrongMethod);
  EXPECT_EQ(allowed, "POST");

  HttpRequest longer{.method = "POST", .path = "/api/v1/posts/extra"};
  EXPECT_EQ(router.Find(longer, &match, &allowed), nullptr);
  EXPECT_EQ(match, HttpRouter::Match::kNoSuchPath);
}

TEST(HttpRouter, RefusesRegexItDoesNotUnderstand) {
  HttpRouter router;
  EXPECT_THROW(router.Add("GET", "/api/(.*)", [](HttpRequest&, HttpResponse&) {}),
               std::invalid_argument);
  EXPECT_THROW(router.Add("GET", "no-slash", [](HttpRequest&, HttpResponse&) {}),
               std::invalid_argument);
}

TEST(ClientAddressResolver, BelievesForwardedForOnlyFromTrustedProxies) {
  ClientAddressResolver none;
  EXPECT_EQ(none.Resolve("198.51.100.2", "203.0.113.7"), "198.51.100.2");

  ClientAddressResolver r;
  ASSERT_TRUE(r.AddTrustedProxy("10.0.0.0/8").ok());
  ASSERT_TRUE(r.AddTrustedProxy("::1").ok());
  EXPECT_EQ(r.Resolve("10.1.2.3", "203.0.113.7"), "203.0.113.7");
  EXPECT_EQ(r.Resolve("::1", "203.0.113.7, 10.0.0.9"), "203.0.113.7");
  // A client cannot pass itself off as another by writing the header itself: the proxy
  // appends the real address, which is the rightmost untrusted one.
  EXPECT_EQ(r.Resolve("10.1.2.3", "1.1.1.1, 203.0.113.7"), "203.0.113.7");
  EXPECT_EQ(r.Resolve("198.51.100.2", "203.0.113.7"), "198.51.100.2");
  EXPECT_EQ(r.Resolve("10.1.2.3", ""), "10.1.2.3");
  EXPECT_EQ(r.Resolve("10.1.2.3", "not-an-address"), "10.1.2.3");
  EXPECT_TRUE(r.IsTrusted("10.255.0.1"));
  EXPECT_FALSE(r.IsTrusted("11.0.0.1"));
}

TEST(ClientAddressResolver, RefusesMalformedProxies) {
  ClientAddressResolver r;
  EXPECT_FALSE(r.AddTrustedProxy("10.0.0.0/33").ok());
  EXPECT_FALSE(r.AddTrustedProxy("10.0.0/8").ok());
  EXPECT_FALSE(r.AddTrustedProxy("proxy.example").ok());
  EXPECT_TRUE(r.AddTrustedProxy("2001:db8::/32").ok());
  EXPECT_TRUE(r.IsTrusted("2001:db8::5"));
  EXPECT_FALSE(r.IsTrusted("2001:db9::5"));
}

}  // namespace
}  // namespace chorus::server
