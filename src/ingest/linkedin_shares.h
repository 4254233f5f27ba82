// LinkedIn data export: Shares.csv, one row per post the member shared, with the columns
// Date ("2024-03-01 08:15:00", UTC), ShareLink (the post's address, also its id),
// ShareCommentary (the text: quoted, with doubled quotes and line breaks inside), SharedUrl,
// MediaUrl, Visibility. Read with text::CsvReader (libcsv), streaming. Columns are found by
// their header names, in any order; a file without ShareLink and ShareCommentary is not a
// LinkedIn export. Rows without commentary (a reshare without words) are skipped.
// Thread-safety: none; one call per thread.
#pragma once

#include <string_view>

#include "ingest/byte_source.h"
#include "ingest/ingested_post.h"

namespace chorus::ingest {

bool IsLinkedInSharesMember(std::string_view name);

Status ReadLinkedInShares(ByteSource& source, const PostSink& sink);

}  // namespace chorus::ingest
