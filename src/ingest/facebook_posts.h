// Facebook "Download your information" export, JSON format: the posts file
// (your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json, or
// posts/your_posts_1.json in older exports) — an array of posts, or in older exports an
// object holding it under "status_updates_v2". Each post has "timestamp" (seconds) and
// "data": [{"post": "text"}, …]; posts without text (a photo alone) are skipped.
//
// Facebook writes every non-ASCII character as its UTF-8 bytes, each escaped as \u00XX
// ("\u00c4\u0081" for "ā"); FixFacebookText turns such text back into what was written. Text
// that does not decode that way is kept as it is.
//
// The export gives a post neither an id nor an address, so its id is made from its time and
// the hash of its text ("fb:<timestamp>:<hash>"), stable across exports; the address is the
// link the post shared, if any ("" otherwise).
// Thread-safety: none; one call per thread.
#pragma once

#include <string>
#include <string_view>

#include "ingest/byte_source.h"
#include "ingest/ingested_post.h"

namespace chorus::ingest {

bool IsFacebookPostsMember(std::string_view name);

std::string FixFacebookText(std::string_view text);

Status ReadFacebookPosts(ByteSource& source, const PostSink& sink);

}  // namespace chorus::ingest
