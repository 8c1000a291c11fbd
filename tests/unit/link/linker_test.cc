// Tests for link/linker: link_archive on small archives parsed from strings:
// issue <-> measure links, backlinks, the unit tree, unregistered units and
// topics, duplicate ids and names, and body links and citations.
#include "link/linker.h"

#include <gtest/gtest.h>

#include "../test_support.h"
#include "base/site_paths.h"

namespace dossier {
namespace {

using test::text_of;

// A report of unit "u" with the given front-matter lines (after unit:) and body.
std::string report(std::string_view fields, std::string_view body = "") {
  return "---\ntitle: 报告\ndate: 2023-07-10\nunit: dangwei\n" + std::string(fields) + "---\n" +
         std::string(body);
}

const char* const kUnit = "---\ntitle: 党委（党组）\n---\n";

std::string keys(const Archive& a, const std::vector<ItemKey>& ks) {
  std::string out;
  for (const auto& k : ks) {
    if (!out.empty()) out += " ";
    out += a.reports[static_cast<size_t>(k.report)].id + "#" + a.item(k).id;
  }
  return out;
}

std::string report_ids(const Archive& a, const std::vector<int>& rs) {
  std::string out;
  for (int r : rs) out += (out.empty() ? "" : " ") + a.reports[static_cast<size_t>(r)].id;
  return out;
}

template <typename Entry>
std::string slugs(const std::vector<Entry>& entries, const std::vector<int>& ids) {
  std::string out;
  for (int i : ids) out += (out.empty() ? "" : " ") + entries[static_cast<size_t>(i)].slug;
  return out;
}

TEST(LinkArchive, LinkDeclaredOnEitherSideIsOneLink) {
  test::ArchiveBuilder b;
  b.unit("dangwei", kUnit)
      .report("reports/a.md", report("issues:\n  - {id: I1, title: x, measures: [M1]}\n"
                                     "  - {id: I2, title: y}\n"
                                     "measures:\n  - {id: M1, title: z, addresses: [I1, I2]}\n"));
  ASSERT_EQ(b.parse_text(), "");
  Diagnostics diags;
  Archive a = b.link(diags);
  EXPECT_EQ(text_of(diags), "");
  const Report& r = a.reports[0];
  EXPECT_EQ(keys(a, r.issues[0].counterparts), "a#M1");
  EXPECT_EQ(keys(a, r.issues[1].counterparts), "a#M1");
  EXPECT_EQ(keys(a, r.measures[0].counterparts), "a#I1 a#I2");
}

TEST(LinkArchive, CrossReportLinks) {
  test::ArchiveBuilder b;
  b.unit("dangwei", kUnit)
      .report("reports/2022/old.md", report("issues:\n  - {id: I3, title: 旧问题}\n"))
      .report("reports/2023/new.md",
              report("measures:\n  - {id: M1, title: 措施, addresses: [old#I3]}\n"));
  ASSERT_EQ(b.parse_text(), "");
  Diagnostics diags;
  Archive a = b.link(diags);
  EXPECT_EQ(text_of(diags), "");
  int old_report = test::report_index(a, "old"), new_report = test::report_index(a, "new");
  EXPECT_EQ(keys(a, a.reports[static_cast<size_t>(old_report)].issues[0].counterparts), "new#M1");
  EXPECT_EQ(keys(a, a.reports[static_cast<size_t>(new_report)].measures[0].counterparts), "old#I3");
}

TEST(LinkArchive, DanglingItemReferences) {
  test::ArchiveBuilder b;
  b.unit("dangwei", kUnit)
      .report("reports/a.md",
              report("issues:\n  - {id: I1, title: x, measures: [I1]}\n"
                     "measures:\n  - {id: M1, title: z, addresses: [I9, zz#I1, M1]}\n"));
  ASSERT_EQ(b.parse_text(), "");
  Diagnostics diags;
  b.link(diags);
  EXPECT_EQ(text_of(diags),
            "content/reports/a.md:6:35: error: 'I1' is an issue, not a measure [ref]\n"
            "    - {id: I1, title: x, measures: [I1]}\n"
            "                                    ^\n"
            "content/reports/a.md:8:36: error: unknown issue 'I9' [ref]\n"
            "    - {id: M1, title: z, addresses: [I9, zz#I1, M1]}\n"
            "                                     ^\n"
            "content/reports/a.md:8:40: error: unknown report 'zz' in 'zz#I1' [ref]\n"
            "    - {id: M1, title: z, addresses: [I9, zz#I1, M1]}\n"
            "                                         ^\n"
            "content/reports/a.md:8:47: error: 'M1' is a measure, not an issue [ref]\n"
            "    - {id: M1, title: z, addresses: [I9, zz#I1, M1]}\n"
            "                                                ^\n");
}

class RegulationBacklinks : public ::testing::Test {
 protected:
  void SetUp() override {
    test::ArchiveBuilder b;
    b.unit("dangwei", kUnit)
        .regulation("dangzhang", "---\ntitle: 中国共产党章程\naliases: [党章]\n---\n")
        .regulation("baxiang", "---\ntitle: 中央八项规定\n---\n")
        .regulation("tiaoli", "---\ntitle: 中国共产党纪律处分条例\n---\n")
        .regulation("wenze", "---\ntitle: 中国共产党问责条例\n---\n")
        .report(
            "reports/a.md",
            report("regulations: [党章]\n"
                   "issues:\n  - {id: I1, title: x, regulations: [中央八项规定]}\n"
                   "measures:\n  - {id: M1, title: y, addresses: [I1]}\n",
                   "\n## 措施 {#M1}\n\n按《中国共产党纪律处分条例》办理，见[问责](reg:wenze)。\n"))
        .report("reports/b.md", report("", "学习《党章》。\n"));
    ASSERT_EQ(b.parse_text(), "");
    Diagnostics diags;
    a_ = b.link(diags);
    ASSERT_EQ(text_of(diags), "");
  }
  const Regulation& reg(std::string_view slug) {
    return a_.regulations[static_cast<size_t>(test::index_of(a_.regulations, slug))];
  }
  Archive a_;
};

TEST_F(RegulationBacklinks, ReportsCitingByFrontMatterOrBody) {
  EXPECT_EQ(report_ids(a_, reg("dangzhang").reports), "a b");
  EXPECT_EQ(report_ids(a_, reg("baxiang").reports), "a");  // through its issue
  EXPECT_EQ(report_ids(a_, reg("tiaoli").reports), "a");   // cited in the body
  EXPECT_EQ(report_ids(a_, reg("wenze").reports), "a");    // a reg: link
  EXPECT_EQ(slugs(a_.regulations, a_.reports[0].regulation_ids), "baxiang dangzhang tiaoli wenze");
}

TEST_F(RegulationBacklinks, IssuesAndMeasuresCiting) {
  EXPECT_EQ(keys(a_, reg("baxiang").items), "a#I1");
  EXPECT_EQ(keys(a_, reg("tiaoli").items), "a#M1");  // 《…》 in M1's section
  EXPECT_EQ(keys(a_, reg("dangzhang").items), "");
}

TEST_F(RegulationBacklinks, RegLinkInsideASectionCountsForItsItem) {
  // README: "`reg:` links count too", for the item whose section holds them.
  EXPECT_EQ(keys(a_, reg("wenze").items), "a#M1");
}

TEST(LinkArchive, UnitTree) {
  test::ArchiveBuilder b;
  b.unit("shi-wei", "---\ntitle: 市委\n---\n")
      .unit("wenlv-ju", "---\ntitle: 市文化和旅游局\nparent: 市委\n---\n")
      .unit("xuanchuan-bu", "---\ntitle: 市委宣传部\nparent: shi-wei\n---\n")
      .unit("wenlv-dangzu", "---\ntitle: 局党组\nparent: 市文化和旅游局\n---\n");
  ASSERT_EQ(b.parse_text(), "");
  Diagnostics diags;
  Archive a = b.link(diags);
  EXPECT_EQ(text_of(diags), "");
  auto unit = [&](std::string_view slug) -> const Unit& {
    return a.units[static_cast<size_t>(test::index_of(a.units, slug))];
  };
  EXPECT_EQ(unit("shi-wei").parent_id, -1);
  EXPECT_EQ(slugs(a.units, unit("shi-wei").children), "wenlv-ju xuanchuan-bu");
  EXPECT_EQ(unit("wenlv-ju").parent_id, test::index_of(a.units, "shi-wei"));
  EXPECT_EQ(slugs(a.units, unit("wenlv-ju").children), "wenlv-dangzu");
  EXPECT_TRUE(unit("xuanchuan-bu").children.empty());
}

TEST(LinkArchive, UnitParentErrors) {
  test::ArchiveBuilder b;
  b.unit("a", "---\ntitle: 甲\nparent: 乙\n---\n")
      .unit("b", "---\ntitle: 乙\nparent: a\n---\n")
      .unit("self", "---\ntitle: 自己\nparent: self\n---\n")
      .unit("orphan", "---\ntitle: 孤儿\nparent: 无此单位\n---\n");
  ASSERT_EQ(b.parse_text(), "");
  Diagnostics diags;
  Archive a = b.link(diags);
  EXPECT_EQ(text_of(diags),
            "content/units/a.md:3:9: error: unit 'a' is its own ancestor through 'parent' [ref]\n"
            "  parent: 乙\n"
            "          ^\n"
            "content/units/orphan.md:3:9: error: unknown parent unit '无此单位' [ref]\n"
            "  parent: 无此单位\n"
            "          ^\n"
            "content/units/self.md:3:9: error: a unit cannot be its own parent [ref]\n"
            "  parent: self\n"
            "          ^\n");
  // The cycle is broken once; b keeps its parent.
  EXPECT_EQ(a.units[static_cast<size_t>(test::index_of(a.units, "a"))].parent_id, -1);
  EXPECT_EQ(a.units[static_cast<size_t>(test::index_of(a.units, "b"))].parent_id,
            test::index_of(a.units, "a"));
}

// Regression: a unit whose parent chain runs into a cycle was reported as
// its own ancestor (and lost its parent) when it sorted before the cycle.
TEST(LinkArchive, UnitLeadingIntoACycleIsNotPartOfIt) {
  test::ArchiveBuilder b;
  b.unit("a-child", "---\ntitle: 子\nparent: b\n---\n")
      .unit("b", "---\ntitle: 乙\nparent: c\n---\n")
      .unit("c", "---\ntitle: 丙\nparent: b\n---\n");
  ASSERT_EQ(b.parse_text(), "");
  Diagnostics diags;
  Archive a = b.link(diags);
  EXPECT_EQ(text_of(diags),
            "content/units/b.md:3:9: error: unit 'b' is its own ancestor through 'parent' [ref]\n"
            "  parent: c\n"
            "          ^\n");
  EXPECT_EQ(a.units[static_cast<size_t>(test::index_of(a.units, "a-child"))].parent_id,
            test::index_of(a.units, "b"));
}

TEST(LinkArchive, UnknownUnitWarnsAndGetsAPage) {
  test::ArchiveBuilder b;
  b.unit("dangwei", kUnit)
      .report("reports/a.md",
              "---\ntitle: t\ndate: 2023-07-10\nunit: [党委(党组), 市委巡察办]\ntopics: "
              "[作风建设]\n---\n")
      .report("reports/b.md", "---\ntitle: t\ndate: 2023-07-10\nunit: 市委巡察办\n---\n");
  ASSERT_EQ(b.parse_text(), "");
  Diagnostics diags;
  Archive a = b.link(diags);
  EXPECT_EQ(
      text_of(diags),
      "content/reports/a.md:4:16: warning: unknown unit '市委巡察办' (not in units/): it gets a "
      "page all the same [unknown-unit]\n"
      "  unit: [党委(党组), 市委巡察办]\n"
      "                     ^\n");
  int xuncha = test::index_of(a.units, "shi-wei-xun-cha-ban");
  ASSERT_GE(xuncha, 0);
  const Unit& u = a.units[static_cast<size_t>(xuncha)];
  EXPECT_EQ(u.title, "市委巡察办");
  EXPECT_FALSE(u.registered);
  EXPECT_EQ(report_ids(a, u.reports), "a b");
  EXPECT_EQ(slugs(a.units, a.reports[0].unit_ids), "dangwei shi-wei-xun-cha-ban");
  // An unknown topic gets a page too, without a warning.
  int topic = test::index_of(a.topics, "zuo-feng-jian-she");
  ASSERT_GE(topic, 0);
  EXPECT_FALSE(a.topics[static_cast<size_t>(topic)].registered);
  EXPECT_EQ(report_ids(a, a.topics[static_cast<size_t>(topic)].reports), "a");
}

TEST(LinkArchive, GeneratedSlugThatIsTakenGetsAHashSuffix) {
  test::ArchiveBuilder b;
  b.unit("shi-wei", "---\ntitle: 市委\n---\n")
      .report("reports/a.md", "---\ntitle: t\ndate: 2023-07-10\nunit: 市委！\n---\n");
  Diagnostics diags;
  Archive a = b.link(diags);
  ASSERT_EQ(a.units.size(), 2u);
  const Unit& generated = a.units[a.units[0].registered ? 1 : 0];
  EXPECT_EQ(generated.title, "市委！");
  EXPECT_TRUE(generated.slug.starts_with("shi-wei-")) << generated.slug;
  EXPECT_EQ(generated.slug.size(), std::string("shi-wei-").size() + 8);
  EXPECT_TRUE(is_valid_slug(generated.slug));
}

TEST(LinkArchive, DuplicateReportIdNamesBothFiles) {
  test::ArchiveBuilder b;
  b.unit("dangwei", kUnit)
      .report("reports/2023/a.md", report(""))
      .report("reports/2022/a.md", report(""));
  Diagnostics diags;
  Archive a = b.link(diags);
  EXPECT_EQ(text_of(diags),
            "content/reports/2023/a.md:1:1: error: duplicate report id 'a': "
            "content/reports/2022/a.md has the same file name [duplicate-id]\n"
            "  ---\n"
            "  ^\n");
  ASSERT_EQ(a.reports.size(), 1u);
  EXPECT_EQ(a.reports[0].source->path(), "content/reports/2022/a.md");
}

TEST(LinkArchive, DuplicateRegistryNames) {
  test::ArchiveBuilder b;
  b.regulation("dangzhang", "---\ntitle: 中国共产党章程\naliases: [党章]\n---\n")
      .regulation("dangzhang-2017", "---\ntitle: 党 章\n---\n")
      .unit("a", "---\ntitle: 市委\n---\n")
      .unit("b", "---\ntitle: 市政府\naliases: [a]\n---\n");
  Diagnostics diags;
  b.link(diags);
  EXPECT_EQ(text_of(diags),
            "content/regulations/dangzhang-2017.md:2:8: error: '党 章' already names regulation "
            "'dangzhang' [duplicate-name]\n"
            "  title: 党 章\n"
            "         ^\n"
            "content/units/b.md:3:11: error: 'a' already names unit 'a' [duplicate-name]\n"
            "  aliases: [a]\n"
            "            ^\n");
}

TEST(LinkArchive, UnknownAndSupersededRegulations) {
  test::ArchiveBuilder b;
  b.unit("dangwei", kUnit)
      .regulation("old", "---\ntitle: 旧规定\nsuperseded_by: 新规定\n---\n")
      .report("reports/a.md", report("regulations: [旧规定, 不存在的规定]\n"));
  Diagnostics diags;
  b.link(diags);
  EXPECT_EQ(text_of(diags),
            "content/regulations/old.md:3:16: error: unknown regulation '新规定' in "
            "'superseded_by' [ref]\n"
            "  superseded_by: 新规定\n"
            "                 ^\n"
            "content/reports/a.md:5:20: warning: unknown regulation '不存在的规定' (not in "
            "regulations/) [unknown-regulation]\n"
            "  regulations: [旧规定, 不存在的规定]\n"
            "                        ^\n");
}

TEST(LinkArchive, BodyLinksAndCitations) {
  test::ArchiveBuilder b;
  b.unit("dangwei", kUnit)
      .regulation("dangzhang", "---\ntitle: 中国共产党章程\naliases: [党章]\n---\n")
      .report("reports/a.md", report("",
                                     "见[旧报告](report:zz)和[外](../../../x.md)。\n\n"
                                     "![照片](https://example.com/a.jpg)\n\n"
                                     "学习《党章》和《关于开展专项整治的通知》。\n"));
  ASSERT_EQ(b.parse_text(), "");
  Diagnostics diags;
  Archive a = b.link(diags);
  EXPECT_EQ(text_of(diags),
            "content/reports/a.md:6:2: error: unknown report 'zz' [ref]\n"
            "  见[旧报告](report:zz)和[外](../../../x.md)。\n"
            "    ^\n"
            "content/reports/a.md:6:19: error: link '../../../x.md' leads outside the content "
            "folder [path]\n"
            "  见[旧报告](report:zz)和[外](../../../x.md)。\n"
            "                         ^\n"
            "content/reports/a.md:8:1: warning: image from outside the archive is shown as a link: "
            "put it in assets/ [image]\n"
            "  ![照片](https://example.com/a.jpg)\n"
            "  ^\n"
            "content/reports/a.md:10:8: note: unregistered citation 《关于开展专项整治的通知》 "
            "[citation]\n"
            "  学习《党章》和《关于开展专项整治的通知》。\n"
            "                ^\n");
  EXPECT_EQ(slugs(a.regulations, a.reports[0].regulation_ids), "dangzhang");
}

TEST(LinkArchive, SetsDerivedStatus) {
  test::ArchiveBuilder b;
  b.unit("dangwei", kUnit)
      .today({2024, 1, 1})
      .report("reports/a.md",
              report("issues:\n  - {id: I1, title: x}\n  - {id: I2, title: y}\n"
                     "measures:\n  - {id: M1, title: z, addresses: [I2], due: 2023-12-31}\n"));
  Diagnostics diags;
  Archive a = b.link(diags);
  EXPECT_EQ(a.reports[0].issues[0].issue_status, IssueStatus::kOpen);
  EXPECT_EQ(a.reports[0].issues[1].issue_status, IssueStatus::kOverdue);
  EXPECT_TRUE(a.reports[0].measures[0].overdue);
}

}  // namespace
}  // namespace dossier
