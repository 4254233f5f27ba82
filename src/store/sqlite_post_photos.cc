// SqliteStore: the photos checked with posts (table post_photos, migration 8; rows go with
// their post through ON DELETE CASCADE).
#include "store/sqlite_rows.h"
#include "store/sqlite_store.h"

namespace chorus::store {

Status SqliteStore::SavePostPhoto(const PostPhotoRecord& photo) {
  return Write([&] {
    SqliteStatement st;
    if (Status s = db_.Prepare("INSERT OR REPLACE INTO post_photos (post_id, media_type, bytes)"
                               " VALUES (?, ?, ?)",
                               &st);
        !s.ok())
      return s;
    st.Bind(1, photo.post_id);
    st.Bind(2, photo.media_type);
    st.BindBlob(3, photo.bytes);
    return st.Run();
  });
}

Status SqliteStore::FindPostPhoto(int64_t post_id, std::optional<PostPhotoRecord>* out) {
  return SelectOne(
      "SELECT post_id, media_type, bytes FROM post_photos WHERE post_id = ?",
      [](const SqliteStatement& st) {
        return PostPhotoRecord{st.ColumnInt(0), st.ColumnText(1), st.ColumnText(2)};
      },
      out, post_id);
}

Status SqliteStore::HasPostPhoto(int64_t post_id, bool* out) {
  std::optional<int64_t> found;
  if (Status s = SelectOne(
          "SELECT post_id FROM post_photos WHERE post_id = ?",
          [](const SqliteStatement& st) { return st.ColumnInt(0); }, &found, post_id);
      !s.ok())
    return s;
  *out = found.has_value();
  return Status::Ok();
}

}  // namespace chorus::store
