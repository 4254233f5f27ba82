#include "ingest/dates.h"

#include <gtest/gtest.h>

namespace chorus::ingest {
namespace {

TEST(Dates, EachPlatformsForm) {
  EXPECT_EQ(TimeFromUnix(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(TimeFromUnix(1709280000), "2024-03-01T08:00:00Z");
  EXPECT_EQ(TimeFromTwitter("Wed Oct 10 20:19:24 +0000 2018"), "2018-10-10T20:19:24Z");
  EXPECT_EQ(TimeFromTwitter("Wed Oct 10 20:19:24 -0130 2018"), "2018-10-10T21:49:24Z");
  EXPECT_EQ(TimeFromRfc822("Tue, 10 Jun 2003 04:00:00 GMT"), "2003-06-10T04:00:00Z");
  EXPECT_EQ(TimeFromRfc822("10 Jun 2003 04:00 +0300"), "2003-06-10T01:00:00Z");
  EXPECT_EQ(TimeFromRfc822("Sat, 31 Dec 2022 23:30:00 EST"), "2023-01-01T04:30:00Z");
  EXPECT_EQ(TimeFromIso8601("2024-03-01T10:15:00+02:00"), "2024-03-01T08:15:00Z");
  EXPECT_EQ(TimeFromIso8601("2024-03-01T08:15:00.123Z"), "2024-03-01T08:15:00Z");
  EXPECT_EQ(TimeFromIso8601("2024-03-01 08:15:00"), "2024-03-01T08:15:00Z");
  EXPECT_EQ(TimeFromIso8601("2024-03-01"), "2024-03-01T00:00:00Z");
  EXPECT_EQ(TimeFromIso8601("2024-02-29T23:59:59-00:30"), "2024-03-01T00:29:59Z");
}

TEST(Dates, NonsenseGivesEmpty) {
  EXPECT_EQ(TimeFromTwitter("yesterday"), "");
  EXPECT_EQ(TimeFromTwitter("Wed Foo 10 20:19:24 +0000 2018"), "");
  EXPECT_EQ(TimeFromRfc822(""), "");
  EXPECT_EQ(TimeFromRfc822("Tue, 10 Jun 2003 04:00:00 Mars"), "");
  EXPECT_EQ(TimeFromIso8601("2024-13-01T00:00:00Z"), "");
  EXPECT_EQ(TimeFromIso8601("2024-03-01X"), "");
  EXPECT_EQ(TimeFromIso8601("2024-03-01T25:00:00Z"), "");
  EXPECT_EQ(TimeFromUnix(-5), "");
}

}  // namespace
}  // namespace chorus::ingest
