#include "ingest/html_text.h"

#include <gtest/gtest.h>

namespace chorus::ingest {
namespace {

TEST(HtmlText, Entities) {
  EXPECT_EQ(DecodeEntities("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x17D;"),
            "a & b <c> \"d\" 'e' Ž");
  EXPECT_EQ(DecodeEntities("&unknown; &amp &#xZZ; &#1114112; &"),
            "&unknown; &amp &#xZZ; \xEF\xBF\xBD &");
}

TEST(HtmlText, ParagraphsBreaksAndLinks) {
  EXPECT_EQ(HtmlToText("<p>one</p><p>two<br>three<br/><br />four</p>"),
            "one\n\ntwo\nthree\n\nfour");
  EXPECT_EQ(
      HtmlToText("<p>See <a href=\"https://x.example/a/b\"><span class=\"invisible\">https://"
                 "</span><span class=\"ellipsis\">x.example/a</span><span class=\"invisible\">"
                 "/b</span></a> now</p>"),
      "See https://x.example/a/b now");
  EXPECT_EQ(HtmlToText("  spaced \n\t out&nbsp;text  "), "spaced out text");
  EXPECT_EQ(HtmlToText("<ul><li>a</li><li>b</li></ul>after"), "a\nb\n\nafter");
  EXPECT_EQ(HtmlToText("x<script>var a = '<p>';</script>y<style>p{}</style>z"), "xyz");
  EXPECT_EQ(HtmlToText("1 < 2 and <unclosed"), "1 < 2 and <unclosed");
  EXPECT_EQ(HtmlToText(""), "");
}

}  // namespace
}  // namespace chorus::ingest
