// Structure rules of `dossier import`, each on a small input.
#include "import/structure.h"

#include <gtest/gtest.h>

#include "import/normalize.h"

namespace dossier {
namespace {

ReportStructure parse(std::string_view text) {
  std::vector<SourceParagraph> ps;
  for (auto& l : normalized_paragraphs(text)) ps.push_back({l, 0, false});
  return detect_structure(std::move(ps));
}

std::vector<std::string> titles(const ReportStructure& s, SectionRole role) {
  std::vector<std::string> out;
  if (const ImportedSection* sec = s.section(role))
    for (const auto& it : sec->items) out.push_back(it.title);
  return out;
}

TEST(ImportStructure, Markers) {
  EXPECT_EQ(leading_marker("一、工作").kind, MarkerKind::kSection);
  EXPECT_EQ(leading_marker("十二、工作").number, 12);
  EXPECT_EQ(leading_marker("（三）工作").kind, MarkerKind::kParenChinese);
  EXPECT_EQ(leading_marker("（3）工作").kind, MarkerKind::kParenNumber);
  EXPECT_EQ(leading_marker("3、工作").kind, MarkerKind::kNumber);
  EXPECT_EQ(leading_marker("3.工作").kind, MarkerKind::kNumber);
  EXPECT_EQ(leading_marker("3.5亿元").kind, MarkerKind::kNone);
  EXPECT_EQ(leading_marker("二是工作").kind, MarkerKind::kShi);
  EXPECT_EQ(leading_marker("2022年以来").kind, MarkerKind::kNone);
  EXPECT_EQ(chinese_number("二十一"), 21);
  EXPECT_EQ(chinese_numeral(15), "十五");
}

TEST(ImportStructure, FullWidthIsNormalisedBeforeStructure) {
  EXPECT_EQ(normalize_line("　三、下一步工作"), "三、下一步工作");
  EXPECT_EQ(normalize_line("５、树牢理念"), "5、树牢理念");
  EXPECT_EQ(normalize_line("(一)提高站位"), "（一）提高站位");
  auto s = parse("开头。\n　二、存在的问题\n１、问题甲。说明。\n２、问题乙。\n");
  EXPECT_EQ(titles(s, SectionRole::kIssues), (std::vector<std::string>{"问题甲", "问题乙"}));
}

// Content may not hold control characters (the encoding error): a DOS
// file's closing ^Z, a bell or a C1 control are dropped, and a vertical tab
// (a manual line break copied from Word) ends a line.
TEST(ImportStructure, ControlCharactersAreDroppedBeforeStructure) {
  EXPECT_EQ(normalize_line("会议\a过多\x7f。\x1a"), "会议过多。");
  EXPECT_EQ(normalize_line("精简\u0085会议"), "精简会议");
  EXPECT_EQ(normalize_line("\x1a"), "");
  EXPECT_EQ(normalized_paragraphs("一、存在的问题\v1、会议过多。\r\n\x1a"),
            (std::vector<std::string>{"一、存在的问题", "1、会议过多。"}));
}

// A damaged .docx can hold bytes that are not UTF-8 (its XML parser lets
// them through): each ill-formed sequence becomes U+FFFD.
TEST(ImportStructure, BytesThatAreNotUtf8AreReplaced) {
  EXPECT_EQ(normalize_line("会议\xF4\x90\x80\x80过多"), "会议\uFFFD\uFFFD\uFFFD\uFFFD过多");
  EXPECT_EQ(normalize_line("\xE4\xB8"
                           "a\xED\xA0\x80"),
            "\uFFFDa\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(normalize_line("\xE4\xB8"), "\uFFFD");
}

TEST(ImportStructure, SectionRoles) {
  EXPECT_EQ(section_role("二、存在的问题"), SectionRole::kIssues);
  EXPECT_EQ(section_role("二、存在的主要问题及原因分析"), SectionRole::kIssues);
  EXPECT_EQ(section_role("三、问题整改提升治理举措"), SectionRole::kMeasures);
  EXPECT_EQ(section_role("三、下一步工作打算"), SectionRole::kMeasures);
  EXPECT_EQ(section_role("三、整改措施"), SectionRole::kMeasures);
  EXPECT_EQ(section_role("一、工作开展情况"), SectionRole::kOther);
}

TEST(ImportStructure, NumberedItems) {
  auto s = parse(
      "一、情况\n正文。\n二、存在的问题\n引言段落。\n1、甲不够。说明。\n2、乙不足。\n"
      "三、整改措施\n1、强化学习，提高认识。内容。\n2、落实责任。\n");
  ASSERT_EQ(s.sections.size(), 3u);
  EXPECT_EQ(s.sections[1].intro.size(), 1u);
  EXPECT_EQ(titles(s, SectionRole::kIssues), (std::vector<std::string>{"甲不够", "乙不足"}));
  EXPECT_EQ(titles(s, SectionRole::kMeasures),
            (std::vector<std::string>{"强化学习，提高认识", "落实责任"}));
  EXPECT_EQ(s.sections[1].items[0].rest, "说明。");
}

TEST(ImportStructure, ParenthesisedHeadingItemsTakeTheParagraphsBelow) {
  auto s = parse(
      "二、存在的问题\n（一）政策理论修养方面\n说明一。\n1、细节。\n（二）作风方面。\n说明二。\n");
  const ImportedSection* sec = s.section(SectionRole::kIssues);
  ASSERT_TRUE(sec);
  ASSERT_EQ(sec->items.size(), 2u);
  EXPECT_EQ(sec->items[0].title, "政策理论修养方面");
  EXPECT_EQ(sec->items[0].more.size(), 2u);  // 1、 is a detail of （一）
  EXPECT_EQ(sec->items[1].title, "作风方面");
}

TEST(ImportStructure, ShiParagraphsWithNestedShi) {
  auto s = parse(
      "二、存在的问题\n一是甲。内容。\n二是乙。一是细一。二是细二。\n三是丙。一是细。二是细。\n");
  EXPECT_EQ(titles(s, SectionRole::kIssues), (std::vector<std::string>{"甲", "乙", "丙"}));
}

TEST(ImportStructure, RunTogetherInOneParagraph) {
  auto s = parse(
      "三、下一步工作打算\n针对问题，我们将努力。\n一是加强学习，提高认识。内容。二是夯实制度。内容"
      "。三是管好队伍。\n");
  EXPECT_EQ(titles(s, SectionRole::kMeasures),
            (std::vector<std::string>{"加强学习，提高认识", "夯实制度", "管好队伍"}));
  EXPECT_EQ(s.section(SectionRole::kMeasures)->intro.size(), 1u);
}

TEST(ImportStructure, RunTogetherAfterAnIntroductionInTheSameParagraph) {
  std::string before;
  auto pieces = split_run_together("下一步，我们将：一是抓学习。二是抓落实。唯一是不够。", &before);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(before, "下一步，我们将：");
  EXPECT_EQ(pieces[1], "二是抓落实。唯一是不够。");
  EXPECT_TRUE(split_run_together("只有一是没有下文。", &before).empty());
}

TEST(ImportStructure, LeadingClause) {
  std::string rest;
  EXPECT_EQ(leading_clause("加强学习，提高认识。进一步加强。", &rest), "加强学习，提高认识");
  EXPECT_EQ(rest, "进一步加强。");
  EXPECT_EQ(leading_clause("干事创业作风方面。", &rest), "干事创业作风方面");
  std::string long_text(3 * 70, 'x');
  EXPECT_LE(leading_clause(long_text, &rest).size(), 60u);
}

TEST(ImportStructure, AnItemWithoutTextGetsATitleToFillIn) {
  ReportStructure s = parse("二、存在的问题\n一是\n二是作风不实。\n三、整改措施\n1、\n");
  EXPECT_EQ(titles(s, SectionRole::kIssues),
            (std::vector<std::string>{std::string(kUntitledItem), "作风不实"}));
  EXPECT_EQ(titles(s, SectionRole::kMeasures),
            (std::vector<std::string>{std::string(kUntitledItem)}));
}

TEST(ImportStructure, TitleLineAndSubheadings) {
  auto s =
      parse("市文化和旅游局关于党建工作的汇报\n开篇。\n一、主要工作\n（一）筑牢责任\n正文。\n");
  EXPECT_EQ(s.title, "市文化和旅游局关于党建工作的汇报");
  ASSERT_EQ(s.sections.size(), 1u);
  EXPECT_TRUE(is_subheading(s.sections[0].intro[0]));
  EXPECT_FALSE(reads_as_title("今年以来，我局认真落实。"));
}

TEST(ImportStructure, NoSectionsKeepsEverythingInTheOpening) {
  auto s = parse("一段话。\n又一段话。\n");
  EXPECT_TRUE(s.sections.empty());
  EXPECT_EQ(s.opening.size(), 2u);
}

}  // namespace
}  // namespace dossier
