// Plain text from the bits of HTML that platform exports carry: Mastodon's notes, feed
// entries, X's escaped tweet text.
//
// - DecodeEntities: &amp; &lt; &gt; &quot; &apos; &nbsp; and a few dozen other named
//   entities, and numeric ones (&#233; &#x1F600;). Unknown or malformed entities stay as
//   written; numeric ones that are not Unicode scalar values become U+FFFD.
// - HtmlToText: tags removed; <p>, <div>, <li>, headings and <blockquote> end a paragraph
//   (one blank line between paragraphs), <br> is a line break; <script> and <style> contents
//   are dropped; text inside links, including Mastodon's hidden URL parts
//   (<span class="invisible">https://</span>), is kept, so a link reads whole; runs of white
//   space outside <pre> fold to one space; entities decoded; the result is trimmed.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace chorus::ingest {

std::string DecodeEntities(std::string_view text);
std::string HtmlToText(std::string_view html);

}  // namespace chorus::ingest
