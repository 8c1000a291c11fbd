// Tests for parse/body_parser: anchors, links and 《…》 citations collected
// from a body, each with its position in the file, and the body's HTML with
// its markers.
#include "parse/body_parser.h"

#include <gtest/gtest.h>

#include "../test_support.h"

namespace dossier {
namespace {

using test::text_of;

// The facts of a body that starts on line 4, after a three-line front matter.
struct Facts {
  explicit Facts(std::string body) : src("a.md", "---\nx: 1\n---\n" + body) {
    facts =
        parse_body(src, src.line_start(4), 4, BodyContext{"reports/a/index.html", {}, {}}, diags);
  }
  SourceText src;
  Diagnostics diags;
  Body facts;
};

std::string anchors(const Body& f) {
  std::string out;
  for (const auto& a : f.anchors)
    out += a.id + "@" + std::to_string(a.loc.line) + ":" + std::to_string(a.loc.column) + " ";
  return out;
}

std::string links(const Body& f) {
  std::string out;
  for (const auto& l : f.links)
    out += (l.image ? "!" : "") + l.url + "@" + std::to_string(l.loc.line) + ":" +
           std::to_string(l.loc.column) + " ";
  return out;
}

// title@line:column#anchor for each citation.
std::string citations(const Body& f) {
  std::string out;
  for (const auto& c : f.citations)
    out += c.title + "@" + std::to_string(c.loc.line) + ":" + std::to_string(c.loc.column) + "#" +
           std::to_string(c.anchor) + " ";
  return out;
}

TEST(ParseBody, AnchorsWithPositions) {
  Facts f("# 报告\n\n## 一、存在的问题 {#I1}\n\n### 整改措施 {#M-1_a}\n\n正文\n");
  EXPECT_EQ(anchors(f.facts), "I1@6:12 M-1_a@8:10 ");
  EXPECT_EQ(text_of(f.diags), "");
}

TEST(ParseBody, SetextHeadingAnchor) {
  Facts f("问题 {#I1}\n---\n");
  EXPECT_EQ(anchors(f.facts), "I1@4:4 ");
}

TEST(ParseBody, HeadingWithoutAnchorOrWithBracesInside) {
  Facts f("## 普通标题\n\n## {#I1} 不在末尾\n\n## 代码 `{#I2}`\n");
  EXPECT_EQ(anchors(f.facts), "");
}

TEST(ParseBody, MalformedAnchorIsAnError) {
  Facts f("## 问题 {#I 1}\n");
  EXPECT_EQ(anchors(f.facts), "");
  EXPECT_EQ(text_of(f.diags),
            "a.md:4:7: error: '{#I 1}' is not a valid item id (letters, digits, '-' and '_', at "
            "most 64) [anchor]\n"
            "  ## 问题 {#I 1}\n"
            "          ^\n");
}

TEST(ParseBody, LinksAndImages) {
  Facts f(
      "见[附件](../assets/方案.pdf)和[报告](report:2022-a)。\n\n"
      "> 引用 ![图](https://example.com/a.png)\n\n"
      "- 列表 [措施](measure:M1 \"标题\")\n");
  EXPECT_EQ(links(f.facts),
            "../assets/方案.pdf@4:2 report:2022-a@4:25 !https://example.com/a.png@6:6 "
            "measure:M1@8:6 ");
}

TEST(ParseBody, CitationsWithCodePointColumns) {
  Facts f("学习贯彻《中国共产党纪律处分条例》和《党章》。\n");
  EXPECT_EQ(citations(f.facts), "中国共产党纪律处分条例@4:5#-1 党章@4:19#-1 ");
}

TEST(ParseBody, CitationColumnsAfterEscapes) {
  // The text node's literal is "***同志学习《条例》": the escapes are gone, the
  // column must still count the characters of the line as written.
  Facts f("\\*\\*\\*同志学习《条例》，又学《办法》。\n");
  EXPECT_EQ(citations(f.facts), "条例@4:11#-1 办法@4:18#-1 ");
}

TEST(ParseBody, CitationsOnLaterLinesOfAParagraphAndInBlocks) {
  Facts f("第一行\n第二行《甲》\n\n- 列表《乙》\n\n> 引用《丙》\n\n| 列 |\n|---|\n| 《丁》 |\n");
  EXPECT_EQ(citations(f.facts), "甲@5:4#-1 乙@7:5#-1 丙@9:5#-1 丁@13:3#-1 ");
}

TEST(ParseBody, CitationsAfterCodeSpans) {
  Facts f("`《代码》` 学习《条例》\n");
  EXPECT_EQ(citations(f.facts), "条例@4:10#-1 ");
}

TEST(ParseBody, EmptyAndUnclosedQuotesAreNotCitations) {
  Facts f("《》和《 》及《未完\n");
  EXPECT_EQ(citations(f.facts), "");
}

TEST(ParseBody, CitationInsideATitleQuoteCountsTheInnerTitle) {
  // Regression: the column was the outer 《's (4:1), found by counting
  // citations instead of 《s.
  Facts f("《关于学习《条例》的通知》\n");
  EXPECT_EQ(citations(f.facts), "条例@4:6#-1 ");
}

TEST(ParseBody, CitationsBelongToTheInnermostAnchoredSection) {
  Facts f(
      "前言《甲》\n\n"      // line 4: no section
      "## 问题 {#I1}\n\n"   // line 6
      "说明《乙》\n\n"      // line 8: I1
      "### 措施 {#M1}\n\n"  // line 10
      "落实《丙》\n\n"      // line 12: M1
      "### 小节\n\n"        // line 14: ends M1, still inside I1
      "补充《丁》\n\n"      // line 16: I1
      "## 其他\n\n"         // line 18: ends I1
      "结尾《戊》\n");      // line 20: no section
  EXPECT_EQ(anchors(f.facts), "I1@6:7 M1@10:8 ");
  EXPECT_EQ(citations(f.facts), "甲@4:3#-1 乙@8:3#0 丙@12:3#1 丁@16:3#0 戊@20:3#-1 ");
}

TEST(ParseBody, CitationInAnAnchoredHeadingBelongsToItsItem) {
  Facts f("## 违反《条例》的问题 {#I1}\n");
  EXPECT_EQ(citations(f.facts), "条例@4:6#0 ");
}

TEST(ParseBody, MalformedAnchorStillEndsTheSectionAbove) {
  Facts f("## 问题 {#I1}\n\n## 坏 {#I 1}\n\n《甲》\n");
  EXPECT_EQ(citations(f.facts), "甲@8:1#-1 ");
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

// The plain text search reads: blocks end with a line break, headings lose
// their {#ID}, link text stays, raw HTML does not.
TEST(ParseBodyText, BodyAndSectionTexts) {
  Facts f(
      "导语[链接](https://x.cn)和`代码`。\n\n"
      "## 问题 {#I1}\n\n"
      "说明<b>粗</b>\n第二行\n\n"
      "### 措施 {#M1}\n\n"
      "落实\n\n"
      "## 其他\n\n尾\n");
  EXPECT_EQ(f.facts.text, "导语链接和代码。\n问题\n说明粗\n第二行\n措施\n落实\n其他\n尾\n");
  ASSERT_EQ(f.facts.anchors.size(), 2u);
  EXPECT_EQ(f.facts.anchors[0].text, "说明粗\n第二行\n措施\n落实\n");
  EXPECT_EQ(f.facts.anchors[1].text, "落实\n");
}

}  // namespace
}  // namespace dossier
