// Schema migrations of the SQLite store. Each migration has a number and SQL; Migrate()
// applies, in order and each in its own transaction, every migration whose number is above
// the database's recorded version (table schema_migrations), so an old data directory is
// upgraded in place and a new one is created from scratch. Migrations are append-only:
// a released migration is never edited, a change is a new migration.
//
// Thread-safety: call once, before the database is shared.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/sqlite_database.h"

namespace chorus::store {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

const std::vector<Migration>& SqliteMigrations();

// Applies pending migrations; *applied (optional) receives how many ran.
Status Migrate(SqliteDatabase& db, const std::vector<Migration>& migrations, int* applied);

// The highest applied migration number (0 for an empty database).
Status SchemaVersion(SqliteDatabase& db, int* version);

}  // namespace chorus::store
