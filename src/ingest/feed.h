// RSS 2.0 and Atom feeds (an employee's blog), read from a file with expat, streaming. Each
// RSS <item> or Atom <entry> is a post: its title, then its body (RSS <content:encoded> or
// <description>; Atom <content> or <summary>) as plain text — HTML bodies (escaped, CDATA or
// Atom's inline xhtml) through HtmlToText, Atom type="text" as is. Its id is the <guid> or
// <id>, else its link; its address the <link> (Atom: rel="alternate" or no rel); its time
// <pubDate>, <dc:date>, <published> or <updated>. A document that is neither RSS nor Atom, or
// is not well-formed XML, is an error with its line and column. Entity expansion is limited by
// expat's own protection against "billion laughs"; external entities are never loaded.
// Polling a feed by URL is not done here (yet): the caller downloads the file.
// Thread-safety: none; one call per thread.
#pragma once

#include "ingest/byte_source.h"
#include "ingest/ingested_post.h"

namespace chorus::ingest {

Status ReadFeed(ByteSource& source, const PostSink& sink);

}  // namespace chorus::ingest
