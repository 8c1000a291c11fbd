// Tests for link/name_index: names compare after NFKC, without spaces.
#include "base/name_index.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(NameIndex, FindsFullWidthFormsByTheirNfkcForm) {
  NameIndex index;
  EXPECT_EQ(index.add("党委（党组）", 0), -1);
  EXPECT_EQ(index.find("党委(党组)"), 0);
  EXPECT_EQ(index.find("党委（党组）"), 0);
  EXPECT_EQ(index.find("党委"), -1);
}

TEST(NameIndex, IgnoresSpacesIncludingIdeographicOnes) {
  NameIndex index;
  index.add("中央八项规定", 3);
  EXPECT_EQ(index.find("中央 八项规定"), 3);
  EXPECT_EQ(index.find("中央\t八项　规定"), 3);
  EXPECT_EQ(index.find(" 中央八项规定 "), 3);
}

TEST(NameIndex, FullWidthLettersAndDigits) {
  NameIndex index;
  index.add("２０２３年ＡＢ", 1);
  EXPECT_EQ(index.find("2023年AB"), 1);
  EXPECT_EQ(index.find("2023年ab"), -1);  // case matters
}

TEST(NameIndex, AddReportsConflicts) {
  NameIndex index;
  EXPECT_EQ(index.add("党章", 0), -1);
  EXPECT_EQ(index.add("党章", 0), -1);  // the same entry again is no conflict
  EXPECT_EQ(index.add("党 章", 2), 0);
  EXPECT_EQ(index.find("党章"), 0);  // the first holder keeps the name
}

TEST(NameIndex, AnEmptyNameNamesNothing) {
  NameIndex index;
  EXPECT_EQ(index.add("", 0), -1);
  EXPECT_EQ(index.add("", 1), -1);     // no conflict between two entries without a title
  EXPECT_EQ(index.add(" 　", 2), -1);  // nor one of spaces
  EXPECT_EQ(index.find(""), -1);
  EXPECT_EQ(index.find(" "), -1);
}

TEST(NameIndex, Key) {
  EXPECT_EQ(NameIndex::key("党委（党组）"), "党委(党组)");
  EXPECT_EQ(NameIndex::key(" Ａ Ｂ "), "AB");
  EXPECT_EQ(NameIndex::key(""), "");
}

}  // namespace
}  // namespace dossier
