// Tests for base/site_paths: id and slug rules, pinyin slugs, output paths
// and relative URLs.
#include "base/site_paths.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(IsValidSlug, Rules) {
  EXPECT_TRUE(is_valid_slug("a"));
  EXPECT_TRUE(is_valid_slug("2023-wenlv-qinglian"));
  EXPECT_TRUE(is_valid_slug("0"));
  EXPECT_TRUE(is_valid_slug(std::string(80, 'a')));
  EXPECT_FALSE(is_valid_slug(std::string(81, 'a')));
  EXPECT_FALSE(is_valid_slug(""));
  EXPECT_FALSE(is_valid_slug("-a"));
  EXPECT_FALSE(is_valid_slug("A"));
  EXPECT_FALSE(is_valid_slug("a_b"));
  EXPECT_FALSE(is_valid_slug("a b"));
  EXPECT_FALSE(is_valid_slug("a.b"));
  EXPECT_FALSE(is_valid_slug("整改"));
}

TEST(IsValidItemId, Rules) {
  EXPECT_TRUE(is_valid_item_id("I1"));
  EXPECT_TRUE(is_valid_item_id("M-2_a"));
  EXPECT_TRUE(is_valid_item_id("1"));
  EXPECT_TRUE(is_valid_item_id(std::string(64, 'M')));
  EXPECT_FALSE(is_valid_item_id(std::string(65, 'M')));
  EXPECT_FALSE(is_valid_item_id(""));
  EXPECT_FALSE(is_valid_item_id("_a"));
  EXPECT_FALSE(is_valid_item_id("-a"));
  EXPECT_FALSE(is_valid_item_id("I 1"));
  EXPECT_FALSE(is_valid_item_id("I#1"));
  EXPECT_FALSE(is_valid_item_id("问题1"));
}

TEST(Slugify, ChineseBecomesPinyin) {
  EXPECT_EQ(slugify("作风建设"), "zuo-feng-jian-she");
  EXPECT_EQ(slugify("市委巡察办"), "shi-wei-xun-cha-ban");
  EXPECT_EQ(slugify("党委（党组）"), "dang-wei-dang-zu");
}

TEST(Slugify, OtherText) {
  EXPECT_EQ(slugify("Hello, World!"), "hello-world");
  EXPECT_EQ(slugify("  2023 年 "), "2023-nian");
  EXPECT_EQ(slugify("a--b"), "a-b");
  EXPECT_EQ(slugify("Ünïcödé"), "unicode");
}

TEST(Slugify, NothingLeftGivesX) {
  EXPECT_EQ(slugify(""), "x");
  EXPECT_EQ(slugify("!!!"), "x");
  EXPECT_EQ(slugify("——"), "x");
}

TEST(Slugify, AtMostSixtyCharactersAndNoTrailingDash) {
  std::string long_name;
  for (int i = 0; i < 30; ++i) long_name += "ab ";
  std::string slug = slugify(long_name);
  EXPECT_LE(slug.size(), 60u);
  EXPECT_EQ(slug, "ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab");
  EXPECT_TRUE(
      is_valid_slug(slugify("全面从严治党主体责任落实情况专项检查整改报告及其附件清单目录汇编")));
}

TEST(SitePath, Pages) {
  EXPECT_EQ(site_path::report("2023-a"), "reports/2023-a/index.html");
  EXPECT_EQ(site_path::regulation("dangzhang"), "regulations/dangzhang/index.html");
  EXPECT_EQ(site_path::unit("shi-wei"), "units/shi-wei/index.html");
  EXPECT_EQ(site_path::topic("zuo-feng-jian-she"), "topics/zuo-feng-jian-she/index.html");
  EXPECT_EQ(site_path::year(2023), "years/2023/index.html");
}

TEST(SitePath, AssetKeepsPlainNamesAndLowersCase) {
  EXPECT_EQ(site_path::asset("assets/a.pdf"), "assets/a.pdf");
  EXPECT_EQ(site_path::asset("assets/2023/Report_v2.PDF"), "assets/2023/report_v2.pdf");
}

TEST(SitePath, AssetWithChineseNames) {
  EXPECT_EQ(site_path::asset("assets/附件/整改方案.PDF"), "assets/fu-jian/zheng-gai-fang-an.pdf");
  EXPECT_EQ(site_path::asset("assets/2023/整改方案(定稿).docx"),
            "assets/2023/zheng-gai-fang-an-ding-gao.docx");
  EXPECT_EQ(site_path::asset("assets/Scan 01.JPG"), "assets/scan-01.jpg");
  EXPECT_EQ(site_path::asset("assets/说明"), "assets/shuo-ming");
}

TEST(RelativeUrl, FromPageToFile) {
  EXPECT_EQ(relative_url("index.html", "reports/a/index.html"), "reports/a/index.html");
  EXPECT_EQ(relative_url("reports/a/index.html", "units/b/index.html"), "../../units/b/index.html");
  EXPECT_EQ(relative_url("reports/a/index.html", "reports/b/index.html#I1"),
            "../../reports/b/index.html#I1");
  EXPECT_EQ(relative_url("ledger/index.html", "ledger/ledger.csv"), "../ledger/ledger.csv");
  EXPECT_EQ(relative_url("404.html", "index.html"), "index.html");
}

}  // namespace
}  // namespace dossier
