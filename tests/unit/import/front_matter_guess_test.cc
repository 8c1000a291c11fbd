// Front matter guesses of `dossier import`, rule by rule.
#include "import/front_matter_guess.h"

#include <gtest/gtest.h>

#include "import/importer.h"
#include "import/report_writer.h"

namespace dossier {
namespace {

ArchiveNames names() {
  ArchiveNames n;
  n.units = {{"wenlv", "市文化和旅游局", {"市文化和旅游局", "文旅局"}},
             {"wenlv-jiguan-dangwei", "市文化和旅游局机关党委", {"市文化和旅游局机关党委"}}};
  n.topics = {{"qinglian", "清廉建设", {"清廉建设"}}};
  n.regulations = {{"dangzhang", "中国共产党章程", {"中国共产党章程", "党章"}}};
  n.main_unit = "市文化和旅游局";
  return n;
}

TEST(ImportGuess, DateFromText) {
  std::string why;
  auto d = date_in_text("2022年以来，我们", false, &why);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->iso(), "2022-01-01");
  EXPECT_EQ(why, "2022年以来");
  EXPECT_EQ(date_in_text("落款 2023年7月10日", true, &why)->iso(), "2023-07-10");
  EXPECT_FALSE(date_in_text("***年***月***日", false, &why));
  EXPECT_FALSE(date_in_text("2022年以来", true, &why));
}

TEST(ImportGuess, UnitNamedFirstAndLongest) {
  std::string m;
  EXPECT_EQ(unit_in_text("2022年以来，市文化和旅游局机关党委坚持", names(), &m), 1);
  EXPECT_EQ(m, "市文化和旅游局机关党委");
  EXPECT_EQ(unit_in_text("我局认真落实", names(), &m), -1);
}

TEST(ImportGuess, KindFromWording) {
  std::string why;
  EXPECT_EQ(kind_from_wording("", "督导调研组一行", "", &why), "督导调研报告");
  EXPECT_EQ(kind_from_wording("", "重要讲话精神。现将工作汇报如下", "", &why), "工作汇报");
  EXPECT_EQ(kind_from_wording("", "", "同志们，", &why), "讲话");
  EXPECT_EQ(kind_from_wording("在会上的讲话", "", "", &why), "讲话");
}

TEST(ImportGuess, SubjectOfTheOpening) {
  std::string noun;
  EXPECT_EQ(subject_of("现将我局关于深化作风转变工作汇报如下：", &noun),
            "我局关于深化作风转变工作");
  EXPECT_EQ(noun, "汇报");
  EXPECT_EQ(subject_of("没有。", &noun), "");
}

TEST(ImportGuess, WholeFrontMatter) {
  ReportStructure s;
  s.opening = {
      {"今年以来，***市文化和旅游局推进清廉建设，落实《党章》和《某通知》。现将有关情况报告如下。",
       0, false}};
  auto g = guess_front_matter(s, names(), {"", std::nullopt, Date{2024, 5, 6}});
  EXPECT_EQ(g.unit, "市文化和旅游局");
  EXPECT_EQ(g.unit_slug, "wenlv");
  EXPECT_EQ(g.date.iso(), "2024-05-06");
  EXPECT_EQ(g.title, "市文化和旅游局2024年工作汇报");  // 有关情况 says nothing
  EXPECT_EQ(g.topics, std::vector<std::string>{"清廉建设"});
  EXPECT_EQ(g.regulations, std::vector<std::string>{"中国共产党章程"});
  ASSERT_FALSE(g.not_done.empty());
  EXPECT_EQ(g.not_done[0], "not in the regulation registry: 《某通知》");
}

TEST(ImportGuess, UniqueIdsNeverReuseOne) {
  EXPECT_EQ(unique_report_id({2023, 7, 10}, "wenlv", {}), "2023-07-10-wenlv");
  EXPECT_EQ(unique_report_id({2023, 7, 10}, "wenlv", {"2023-07-10-wenlv", "2023-07-10-wenlv-2"}),
            "2023-07-10-wenlv-3");
}

TEST(ImportWriter, EscapesMarkdown) {
  EXPECT_EQ(markdown_escape("***市"), "\\*\\*\\*市");
  EXPECT_EQ(markdown_escape("1. 项"), "1\\. 项");
  EXPECT_EQ(markdown_escape("# 不是标题"), "\\# 不是标题");
  EXPECT_EQ(markdown_escape("<script>"), "\\<script\\>");
}

}  // namespace
}  // namespace dossier
