// The photo an author checked with a post, kept with the post so that reviewers see what was
// checked (the post's text alone may be harmless while its photo shows a whiteboard or a
// location). One photo per post; deleted with its post (retention or the author).
// Thread-safety: implementations are safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/status.h"

namespace chorus::store {

struct PostPhotoRecord {
  int64_t post_id = 0;
  std::string media_type;  // "image/jpeg", "image/png", "image/webp" or "image/heic"
  std::string bytes;       // the file as uploaded
};

class PostPhotos {
 public:
  virtual ~PostPhotos() = default;
  // Stores (or replaces) the photo of `photo.post_id`, which must exist.
  virtual Status SavePostPhoto(const PostPhotoRecord& photo) = 0;
  // The post's photo; *out empty when it has none.
  virtual Status FindPostPhoto(int64_t post_id, std::optional<PostPhotoRecord>* out) = 0;
  // Whether the post has a photo (without reading it).
  virtual Status HasPostPhoto(int64_t post_id, bool* out) = 0;
};

}  // namespace chorus::store
