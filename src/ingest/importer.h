// The front door of src/ingest: reads one export file of any supported platform, detected
// from its content (never from its name), and hands its posts to a sink, streaming.
//
// - A zip archive is searched for the members each platform writes: X's data/tweets.js (all
//   parts, in order), Mastodon's outbox.json, LinkedIn's Shares.csv, Facebook's
//   posts/your_posts*.json; the first platform found is read. Zip limits: zip_archive.h.
// - A plain file is sniffed from its first bytes: `window.YTD.` (X), an ActivityStreams
//   object (Mastodon), a JSON array or object of posts with "timestamp" (Facebook), <rss> or
//   <feed> (feed), a CSV header with ShareLink (LinkedIn).
// - Errors name the file and, where the format has them, the element or line. The sink sees
//   posts as they are read: a caller that needs all or nothing (the monitoring import) keeps
//   them aside until the importer returns OK.
//
//   ingest::Platform platform;
//   Status s = ingest::ImportFile("archive.zip", {}, &platform, [&](ingest::IngestedPost&& p) {
//     ...; return Status::Ok(); });
//
// Thread-safety: none beyond the sink's; one call per thread.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "ingest/ingested_post.h"
#include "ingest/zip_archive.h"

namespace chorus::ingest {

struct ImportOptions {
  ZipLimits zip;
  // Called now and then with the bytes read so far of the file (or the member being read).
  std::function<void(size_t bytes)> progress;
};

// Which plain-file format `head` (the first few KiB of a file) is; false when none.
bool DetectPlainFormat(std::string_view head, Platform* out);

Status ImportFile(const std::string& path, const ImportOptions& options, Platform* platform,
                  const PostSink& sink);
// The same for bytes in memory (tests, fuzz targets).
Status ImportBytes(std::string_view bytes, const ImportOptions& options, Platform* platform,
                   const PostSink& sink);

}  // namespace chorus::ingest
