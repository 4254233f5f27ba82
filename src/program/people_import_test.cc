#include <gtest/gtest.h>

#include "program/accounts.h"
#include "store/sqlite_store.h"

namespace chorus::program {
namespace {

class PeopleImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store::SqliteStore::Open(":memory:", &store_).ok());
    accounts_ = std::make_unique<Accounts>(*store_, throttle_, [] { return 1'700'000'000; });
    store::UserRecord admin;
    ASSERT_TRUE(
        accounts_->AddUser({"admin@x.lv", "", "admin", "", "", "admin-pass-1"}, nullptr, &admin)
            .ok());
    admin_ = Accounts::ActorOf(admin);
  }
  int64_t Users() {
    int64_t n = 0;
    EXPECT_TRUE(store_->CountUsers(&n).ok());
    return n;
  }

  std::unique_ptr<store::SqliteStore> store_;
  LoginThrottle throttle_;
  std::unique_ptr<Accounts> accounts_;
  Actor admin_;
};

TEST_F(PeopleImportTest, AnExcelExportWithBomSemicolonsAndLineBreaksInCells) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "E-mail;Name;Role;Team;Language\r\n"
      "anna@x.lv;\"Bērziņa; Anna\";employee;Pārdošana;lv\r\n"
      "piotr@x.pl;\"Kowalski\nPiotr\";reviewer;Prawny;pl\r\n";
  // "E-mail" is not "email": the header is refused, nothing created.
  std::vector<ImportRowReport> report;
  EXPECT_EQ(accounts_->ImportCsv(csv, admin_, &report).code, "invalid_csv_header");
  const std::string fixed =
      "\xEF\xBB\xBF"
      "email" +
      csv.substr(9);
  const Outcome o = accounts_->ImportCsv(fixed, admin_, &report);
  ASSERT_TRUE(o.ok()) << o.code << " " << o.message;
  ASSERT_EQ(report.size(), 2u);
  EXPECT_EQ(report[1].row, 3);
  std::optional<store::UserRecord> anna, piotr;
  ASSERT_TRUE(store_->FindUserByEmail("anna@x.lv", &anna).ok());
  ASSERT_TRUE(anna.has_value());
  EXPECT_EQ(anna->name, "Bērziņa; Anna");
  ASSERT_TRUE(store_->FindUserByEmail("piotr@x.pl", &piotr).ok());
  ASSERT_TRUE(piotr.has_value());
  EXPECT_EQ(piotr->name, "Kowalski\nPiotr");
  EXPECT_EQ(piotr->role, "reviewer");
  SignedIn signed_in;
  EXPECT_TRUE(
      accounts_->SignIn("piotr@x.pl", report[1].initial_password, "127.0.0.1", &signed_in).ok());
}

TEST_F(PeopleImportTest, TabsFromASpreadsheetPaste) {
  std::vector<ImportRowReport> report;
  ASSERT_TRUE(accounts_->ImportCsv("email\tname\nben@x.lv\tBen, Jr\n", admin_, &report).ok());
  std::optional<store::UserRecord> ben;
  ASSERT_TRUE(store_->FindUserByEmail("ben@x.lv", &ben).ok());
  ASSERT_TRUE(ben.has_value());
  EXPECT_EQ(ben->name, "Ben, Jr");
}

TEST_F(PeopleImportTest, AnyBadRowMeansNobodyIsImportedAndEveryBadRowIsReported) {
  std::vector<ImportRowReport> report;
  const std::string csv =
      "email,name,role,team,language\n"
      "anna@x.lv,Anna,employee,Sales,lv\n"
      "bad-email,Bad,employee,,\n"
      "ANNA@x.lv,Anna again,employee,,\n"
      "admin@x.lv,Me,employee,,\n"
      "dora@x.lv,Dora,wizard,,\n";
  const Outcome o = accounts_->ImportCsv(csv, admin_, &report);
  EXPECT_EQ(o.code, "import_rows_invalid");
  ASSERT_EQ(report.size(), 4u);
  EXPECT_EQ(report[0].row, 3);
  EXPECT_EQ(report[0].code, "invalid_email");
  EXPECT_EQ(report[1].code, "duplicate_in_file");
  EXPECT_EQ(report[2].code, "email_taken");
  EXPECT_EQ(report[3].row, 6);
  EXPECT_EQ(report[3].code, "invalid_role");
  EXPECT_EQ(Users(), 1);  // only the admin
}

TEST_F(PeopleImportTest, MoreRowsThanTheCapAreRefusedAsAWhole) {
  std::string csv = "email\n";
  for (int i = 0; i < 11; ++i) csv += "p" + std::to_string(i) + "@x.lv\n";
  std::vector<ImportRowReport> report;
  Accounts::ImportOptions options;
  options.max_rows = 10;
  EXPECT_EQ(accounts_->ImportCsv(csv, admin_, &report, options).code, "too_many_rows");
  EXPECT_EQ(Users(), 1);
  // The default cap is 10,000.
  EXPECT_EQ(Accounts::ImportOptions{}.max_rows, 10000);
}

TEST_F(PeopleImportTest, AMalformedFileIsRefusedWithItsRow) {
  std::vector<ImportRowReport> report;
  const Outcome o =
      accounts_->ImportCsv("email,name\nanna@x.lv,\"Anna\nben@x.lv,Ben\n", admin_, &report);
  EXPECT_EQ(o.code, "invalid_csv");
  EXPECT_NE(o.message.find("record 2"), std::string::npos) << o.message;
  EXPECT_EQ(Users(), 1);
}

TEST_F(PeopleImportTest, AStopBetweenRowsImportsNobody) {
  std::string csv = "email\n";
  for (int i = 0; i < 50; ++i) csv += "p" + std::to_string(i) + "@x.lv\n";
  int asked = 0;
  Accounts::ImportOptions options;
  options.cancelled = [&] { return ++asked > 20; };  // the client leaves during the import
  std::vector<ImportRowReport> report;
  EXPECT_EQ(accounts_->ImportCsv(csv, admin_, &report, options).code, "import_cancelled");
  EXPECT_EQ(Users(), 1);
  accounts_->Stop();  // server shutdown
  EXPECT_EQ(accounts_->ImportCsv("email\nz@x.lv\n", admin_, &report).code, "import_cancelled");
  EXPECT_EQ(Users(), 1);
}

}  // namespace
}  // namespace chorus::program
