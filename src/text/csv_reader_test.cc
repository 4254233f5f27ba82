#include "text/csv_reader.h"

#include <gtest/gtest.h>

namespace chorus::text {
namespace {

using Rows = std::vector<std::pair<int64_t, std::vector<std::string>>>;

// Reads `csv` fed in pieces of `piece` bytes.
Rows Read(std::string_view csv, size_t piece = 1 << 20, CsvReader* out_reader = nullptr,
          std::string* error = nullptr, char* separator = nullptr) {
  Rows rows;
  CsvReader reader([&](int64_t n, std::vector<std::string>& fields) {
    rows.emplace_back(n, fields);
    return true;
  });
  for (size_t pos = 0; pos < csv.size(); pos += piece) reader.Feed(csv.substr(pos, piece));
  reader.Finish();
  if (error) *error = reader.error();
  if (separator) *separator = reader.separator();
  (void)out_reader;
  return rows;
}

TEST(CsvReaderTest, ByteOrderMarkSemicolonsAndQuotedLineBreaks) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "email;name;team\r\n"
      "anna@x.lv;\"Bērziņa; Anna\";Pārdošana\r\n"
      "\r\n"
      "ben@x.lv;\"Ben\nsecond line\";\"say \"\"hi\"\"\"\r\n";
  for (size_t piece : {size_t{1}, size_t{2}, size_t{7}, size_t{1000}}) {
    char separator = 0;
    const Rows rows = Read(csv, piece, nullptr, nullptr, &separator);
    EXPECT_EQ(separator, ';') << piece;
    ASSERT_EQ(rows.size(), 3u) << piece;
    EXPECT_EQ(rows[0].second, (std::vector<std::string>{"email", "name", "team"}));
    EXPECT_EQ(rows[1].second[1], "Bērziņa; Anna");
    EXPECT_EQ(rows[2].first, 3);
    EXPECT_EQ(rows[2].second[1], "Ben\nsecond line");
    EXPECT_EQ(rows[2].second[2], "say \"hi\"");
  }
}

TEST(CsvReaderTest, TabsCommasAndAHeaderWithoutALineEnd) {
  char separator = 0;
  Rows rows = Read("email\tname\nanna@x.lv\tAnna, Ltd\n", 3, nullptr, nullptr, &separator);
  EXPECT_EQ(separator, '\t');
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].second[1], "Anna, Ltd");
  rows = Read("email,name", 100, nullptr, nullptr, &separator);
  EXPECT_EQ(separator, ',');
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].second.size(), 2u);
}

TEST(CsvReaderTest, AnUnterminatedQuoteAndAnOversizedRecordAreErrors) {
  std::string error;
  Read("email,name\nanna@x.lv,\"Anna\n", 100, nullptr, &error);
  EXPECT_NE(error.find("unterminated"), std::string::npos) << error;
  Rows rows;
  CsvReader reader(
      [&](int64_t n, std::vector<std::string>& f) {
        rows.emplace_back(n, f);
        return true;
      },
      100);
  reader.Feed("email\n" + std::string(500, 'x') + "\nlast\n");
  reader.Finish();
  EXPECT_NE(reader.error().find("longer than"), std::string::npos);
  EXPECT_EQ(rows.size(), 1u);  // stopped at the long record
}

TEST(CsvReaderTest, TheCallbackStopsTheReader) {
  int seen = 0;
  CsvReader reader([&](int64_t, std::vector<std::string>&) { return ++seen < 2; });
  EXPECT_FALSE(reader.Feed("a\nb\nc\nd\n"));
  reader.Finish();
  EXPECT_EQ(seen, 2);
  EXPECT_TRUE(reader.stopped_by_callback());
}

}  // namespace
}  // namespace chorus::text
