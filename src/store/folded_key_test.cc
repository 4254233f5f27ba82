#include "store/folded_key.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/migrations.h"
#include "store/sqlite_store.h"

namespace chorus::store {
namespace {

TEST(FoldedKeyTest, CaseAndCompatibilityFormsFoldTogetherDiacriticsStay) {
  EXPECT_EQ(FoldedKey("Pārdošana"), FoldedKey("PĀRDOŠANA"));
  EXPECT_EQ(FoldedKey("ＳＡＬＥＳ"), FoldedKey("sales"));  // full-width letters (NFKC)
  EXPECT_EQ(FoldedKey("Straße"), FoldedKey("STRASSE"));    // full case folding
  EXPECT_EQ(FoldedKey("ŁÓDŹ"), FoldedKey("łódź"));
  EXPECT_NE(FoldedKey("Pārdošana"), FoldedKey("Pardosana"));
  EXPECT_EQ(FoldedKey("שיווק"), "שיווק");
}

class FoldedUniquenessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("chorus_folded_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path() const { return (dir_ / "chorus.db").string(); }
  static UserRecord User(const std::string& email) {
    UserRecord u;
    u.email = email;
    u.name = "x";
    u.role = "employee";
    u.language = "en";
    u.created_at = 1;
    return u;
  }
  std::filesystem::path dir_;
};

TEST_F(FoldedUniquenessTest, TeamNamesAndEmailsAreUniqueUnderUnicodeFolding) {
  std::unique_ptr<SqliteStore> store;
  ASSERT_TRUE(SqliteStore::Open(Path(), &store).ok());
  TeamRecord sales{0, "Pārdošana"}, shouted{0, "PĀRDOŠANA"}, other{0, "Pardosana"};
  ASSERT_TRUE(store->CreateTeam(&sales).ok());
  EXPECT_FALSE(store->CreateTeam(&shouted).ok());
  ASSERT_TRUE(store->CreateTeam(&other).ok());
  std::optional<TeamRecord> found;
  ASSERT_TRUE(store->FindTeamByName("PĀRDOŠANA", &found).ok());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, sales.id);
  EXPECT_FALSE(store->RenameTeam(other.id, "pārdošana").ok());

  UserRecord adams = User("ādams@example.lv"), shouting = User("ĀDAMS@example.lv");
  ASSERT_TRUE(store->CreateUser(&adams).ok());
  EXPECT_FALSE(store->CreateUser(&shouting).ok());
  std::optional<UserRecord> user;
  ASSERT_TRUE(store->FindUserByEmail("ĀDAMS@EXAMPLE.LV", &user).ok());
  ASSERT_TRUE(user.has_value());
  EXPECT_EQ(user->id, adams.id);
}

// Migrations 3 and 4 on a data directory from before them.
TEST_F(FoldedUniquenessTest, TheMigrationKeepsRowsThatAlreadyCollide) {
  {
    SqliteDatabase db;
    ASSERT_TRUE(SqliteDatabase::Open(Path(), &db).ok());
    std::vector<Migration> before_keys;
    for (const auto& m : SqliteMigrations())
      if (m.version < 3) before_keys.push_back(m);
    ASSERT_TRUE(Migrate(db, before_keys, nullptr).ok());
    ASSERT_TRUE(db.Exec("INSERT INTO teams (name) VALUES ('Pārdošana'), ('PĀRDOŠANA'), ('IT');"
                        "INSERT INTO users (email, name, role, created_at) VALUES"
                        " ('ādams@x.lv', 'a', 'employee', 1), ('ĀDAMS@x.lv', 'b', 'employee', 1);"
                        "INSERT INTO api_tokens (token_hash, user_id, name, created_at, revoked)"
                        " VALUES ('h1', 1, 'old', 5, 0), ('h2', 1, 'gone', 6, 1);")
                    .ok());
  }
  std::unique_ptr<SqliteStore> store;
  ASSERT_TRUE(SqliteStore::Open(Path(), &store).ok());
  std::vector<TeamRecord> teams;
  ASSERT_TRUE(store->ListTeams(&teams).ok());
  EXPECT_EQ(teams.size(), 3u);  // nothing lost
  std::optional<TeamRecord> found;
  ASSERT_TRUE(store->FindTeamByName("pārdošana", &found).ok());
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name, "Pārdošana");  // the earliest
  std::vector<UserRecord> users;
  ASSERT_TRUE(store->ListUsers(&users).ok());
  EXPECT_EQ(users.size(), 2u);
  // Tokens from before expiry existed get one (90 days from the upgrade), revoked ones a time.
  std::optional<ApiTokenRecord> old_token, gone;
  ASSERT_TRUE(store->FindApiToken("h1", &old_token).ok());
  ASSERT_TRUE(old_token.has_value());
  EXPECT_GT(old_token->expires_at, 89 * 86400);
  ASSERT_TRUE(store->FindApiToken("h2", &gone).ok());
  EXPECT_EQ(gone->revoked_at, 6);
  // New duplicates are refused from now on.
  TeamRecord again{0, "pĀrdošana"};
  EXPECT_FALSE(store->CreateTeam(&again).ok());
}

}  // namespace
}  // namespace chorus::store
