#include "cli/counted.h"

#include <gtest/gtest.h>

namespace chorus::cli {
namespace {

TEST(CountedTest, OneIsSingularEverythingElsePlural) {
  EXPECT_EQ(Counted(0, "error", "errors"), "0 errors");
  EXPECT_EQ(Counted(1, "error", "errors"), "1 error");
  EXPECT_EQ(Counted(2, "error", "errors"), "2 errors");
  EXPECT_EQ(Counted(11, "post", "posts"), "11 posts");
  EXPECT_EQ(Counted(21, "thread", "threads"), "21 threads") << "English: no 21 rule";
}

}  // namespace
}  // namespace chorus::cli
