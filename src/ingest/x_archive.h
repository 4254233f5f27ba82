// X (Twitter) archive: data/tweets.js as X writes it — `window.YTD.tweets.part0 = [ {"tweet":
// {...}}, ... ]` (older archives: tweet.js, `window.YTD.tweet.part0`; large ones split into
// tweets-part1.js ...; very old ones without the {"tweet": …} wrapper). Each tweet gives
// id_str, created_at and full_text; full_text is HTML-escaped (&amp; &lt; &gt;) and is
// decoded, and its t.co links are replaced by the expanded addresses X lists in
// entities.urls. Retweets ("RT @name: …") are other people's posts and are skipped.
// The post's address is https://x.com/i/web/status/<id>.
//
// ReadXTweets streams one tweets file; an element that is not a tweet object, or a tweet
// without an id, is an error naming its position (the import is all or nothing).
// Thread-safety: none; one call per thread.
#pragma once

#include "ingest/byte_source.h"
#include "ingest/ingested_post.h"

namespace chorus::ingest {

// True for a member name X uses for the account's own tweets (data/tweets.js,
// data/tweets-part2.js, data/tweet.js), not deleted-tweets.js or others.
bool IsXTweetsMember(std::string_view name);

Status ReadXTweets(ByteSource& source, const PostSink& sink);

}  // namespace chorus::ingest
