// Mastodon archive: outbox.json, an ActivityStreams OrderedCollection whose "orderedItems"
// are the account's activities. A "Create" of a Note (or Question, Article) is a post: its
// "content" is HTML (paragraphs, <br>, links with hidden URL parts) and becomes plain text,
// preceded by its content warning ("summary") when it has one. "Announce" (a boost) is someone
// else's post and is skipped, as are direct messages (addressed neither to the public nor to
// followers) and other activity types. The post's id is the object's "id"; its address is
// "url" (else the id); its time is "published".
// Thread-safety: none; one call per thread.
#pragma once

#include "ingest/byte_source.h"
#include "ingest/ingested_post.h"

namespace chorus::ingest {

bool IsMastodonOutboxMember(std::string_view name);

Status ReadMastodonOutbox(ByteSource& source, const PostSink& sink);

}  // namespace chorus::ingest
