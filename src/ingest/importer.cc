#include "ingest/importer.h"

#include <memory>
#include <vector>

#include "ingest/facebook_posts.h"
#include "ingest/feed.h"
#include "ingest/linkedin_shares.h"
#include "ingest/mastodon_outbox.h"
#include "ingest/x_archive.h"

namespace chorus::ingest {
namespace {

constexpr size_t kSniffBytes = 8192;

// Reports progress every few MiB while passing the bytes through.
class ProgressSource final : public ByteSource {
 public:
  ProgressSource(ByteSource& inner, const std::function<void(size_t)>& progress)
      : inner_(inner), progress_(progress) {}
  Status Read(char* buffer, size_t capacity, size_t* got) override {
    Status s = inner_.Read(buffer, capacity, got);
    if (progress_ && inner_.Position() >= next_) {
      next_ = inner_.Position() + (8 << 20);
      progress_(inner_.Position());
    }
    return s;
  }
  size_t Position() const override { return inner_.Position(); }

 private:
  ByteSource& inner_;
  const std::function<void(size_t)>& progress_;
  size_t next_ = 8 << 20;
};

// A source that first replays the bytes already read for sniffing.
class PrefixedSource final : public ByteSource {
 public:
  PrefixedSource(std::string head, ByteSource& rest) : head_(std::move(head)), rest_(rest) {}
  Status Read(char* buffer, size_t capacity, size_t* got) override {
    if (used_ < head_.size()) {
      *got = std::min(capacity, head_.size() - used_);
      std::copy_n(head_.data() + used_, *got, buffer);
      used_ += *got;
      return Status::Ok();
    }
    return rest_.Read(buffer, capacity, got);
  }
  size_t Position() const override { return rest_.Position(); }

 private:
  std::string head_;
  size_t used_ = 0;
  ByteSource& rest_;
};

Status ReadPlatform(Platform platform, ByteSource& source, const PostSink& sink) {
  switch (platform) {
    case Platform::kX:
      return ReadXTweets(source, sink);
    case Platform::kMastodon:
      return ReadMastodonOutbox(source, sink);
    case Platform::kLinkedIn:
      return ReadLinkedInShares(source, sink);
    case Platform::kFacebook:
      return ReadFacebookPosts(source, sink);
    case Platform::kFeed:
      return ReadFeed(source, sink);
  }
  return Status::Error("unknown platform");
}

Status ReadHead(ByteSource& source, std::string* head) {
  head->resize(kSniffBytes);
  size_t filled = 0;
  while (filled < kSniffBytes) {
    size_t got = 0;
    if (Status s = source.Read(head->data() + filled, kSniffBytes - filled, &got); !s.ok())
      return s;
    if (got == 0) break;
    filled += got;
  }
  head->resize(filled);
  return Status::Ok();
}

Status ImportZip(ZipArchive& zip, const ImportOptions& options, Platform* platform,
                 const PostSink& sink) {
  struct Candidate {
    Platform platform;
    bool (*matches)(std::string_view);
  };
  const Candidate candidates[] = {{Platform::kX, &IsXTweetsMember},
                                  {Platform::kMastodon, &IsMastodonOutboxMember},
                                  {Platform::kLinkedIn, &IsLinkedInSharesMember},
                                  {Platform::kFacebook, &IsFacebookPostsMember}};
  for (const auto& c : candidates) {
    std::vector<std::string> members;
    for (const auto& name : zip.names())
      if (c.matches(name)) members.push_back(name);
    if (members.empty()) continue;
    *platform = c.platform;
    for (const auto& name : members) {
      std::unique_ptr<ByteSource> member;
      if (Status s = zip.OpenMember(name, &member); !s.ok()) return s;
      ProgressSource source(*member, options.progress);
      if (Status s = ReadPlatform(c.platform, source, sink); !s.ok()) {
        return Status::Error(name + ": " + s.message(), s.line(), s.column());
      }
    }
    return Status::Ok();
  }
  return Status::Error(
      "the archive holds no posts Chorus can read (looked for data/tweets.js, outbox.json, "
      "Shares.csv, posts/your_posts*.json)");
}

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')) {
    s.remove_prefix(1);
  }
  return s;
}

Status ImportPlain(std::string head, ByteSource& rest, const ImportOptions& options,
                   Platform* platform, const PostSink& sink) {
  if (!DetectPlainFormat(head, platform)) {
    return Status::Error(
        "not a format Chorus reads (an X, Mastodon, LinkedIn or Facebook export, or an RSS or "
        "Atom feed)");
  }
  PrefixedSource whole(std::move(head), rest);
  ProgressSource source(whole, options.progress);
  return ReadPlatform(*platform, source, sink);
}

}  // namespace

bool DetectPlainFormat(std::string_view head, Platform* out) {
  const std::string_view s = SkipBomAndSpace(head);
  if (s.empty()) return false;
  if (s.rfind("window.YTD.", 0) == 0) {
    *out = Platform::kX;
    return true;
  }
  if (s[0] == '<') {
    if (s.find("<rss") != std::string_view::npos || s.find("<feed") != std::string_view::npos ||
        s.find("<rdf:RDF") != std::string_view::npos) {
      *out = Platform::kFeed;
      return true;
    }
    return false;
  }
  if (s[0] == '{' || s[0] == '[') {
    if (s.find("\"orderedItems\"") != std::string_view::npos ||
        s.find("activitystreams") != std::string_view::npos) {
      *out = Platform::kMastodon;
      return true;
    }
    if (s.find("\"timestamp\"") != std::string_view::npos ||
        s.find("\"status_updates") != std::string_view::npos || s == "[]" ||
        s.find("\"posts_v2\"") != std::string_view::npos) {
      *out = Platform::kFacebook;
      return true;
    }
    if (s.find("\"tweet\"") != std::string_view::npos) {
      *out = Platform::kX;
      return true;
    }
    return false;
  }
  const std::string_view first_line = s.substr(0, s.find('\n'));
  if (first_line.find("ShareLink") != std::string_view::npos &&
      first_line.find("ShareCommentary") != std::string_view::npos) {
    *out = Platform::kLinkedIn;
    return true;
  }
  return false;
}

Status ImportFile(const std::string& path, const ImportOptions& options, Platform* platform,
                  const PostSink& sink) {
  FileSource file;
  if (Status s = file.Open(path); !s.ok()) return s;
  std::string head;
  if (Status s = ReadHead(file, &head); !s.ok()) return s;
  if (LooksLikeZip(head)) {
    std::unique_ptr<ZipArchive> zip;
    if (Status s = ZipArchive::Open(path, options.zip, &zip); !s.ok()) return s;
    return ImportZip(*zip, options, platform, sink);
  }
  return ImportPlain(std::move(head), file, options, platform, sink);
}

Status ImportBytes(std::string_view bytes, const ImportOptions& options, Platform* platform,
                   const PostSink& sink) {
  if (LooksLikeZip(bytes)) {
    std::unique_ptr<ZipArchive> zip;
    if (Status s = ZipArchive::OpenBytes(bytes, options.zip, &zip); !s.ok()) return s;
    return ImportZip(*zip, options, platform, sink);
  }
  StringSource source(bytes);
  std::string head;
  if (Status s = ReadHead(source, &head); !s.ok()) return s;
  return ImportPlain(std::move(head), source, options, platform, sink);
}

}  // namespace chorus::ingest
