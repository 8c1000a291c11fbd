// Tests for parse/report_parser: every front-matter field rule, item ids and
// heading anchors, each asserted as the full diagnostic a user reads.
#include "parse/report_parser.h"

#include <gtest/gtest.h>

#include "../test_support.h"

namespace dossier {
namespace {

using test::text_of;

constexpr std::string_view kPath = "content/reports/2023/a.md";

Report parse(std::string text, Diagnostics& diags, std::string id = "a") {
  return parse_report(
      test::source(std::string(kPath), std::move(text)), std::move(id),
      [](std::string_view) { return nullptr; }, diags);
}

// The diagnostics of parsing `text` as report "a".
std::string diagnose(std::string text) {
  Diagnostics diags;
  parse(std::move(text), diags);
  return text_of(diags);
}

const char* const kReport = R"(---
title: 关于整改情况的报告
date: 2023-07-10
unit: 市文化和旅游局
kind: 整改情况报告
topics: [作风建设, 全面从严治党]
regulations: [中央八项规定]
issues:
  - id: I1
    title: 主体责任落实还不够深入
    regulations: [主体责任规定]
    measures: [M1]
measures:
  - id: M1
    title: 夯实制度，落实责任
    addresses: [I1, 2022-a#I3]
    owner: 局党组
    due: 2023-12-31
    status: in-progress
  - id: M2
    title: 建立台账
---

## 一、主体责任落实还不够深入 {#I1}

学习《条例》。
)";

TEST(ParseReport, ReadsEveryField) {
  Diagnostics diags;
  Report r = parse(kReport, diags);
  EXPECT_EQ(text_of(diags), "");
  EXPECT_EQ(r.id, "a");
  EXPECT_EQ(r.title, "关于整改情况的报告");
  EXPECT_EQ(r.date, (Date{2023, 7, 10}));
  EXPECT_EQ(r.year(), 2023);
  ASSERT_EQ(r.units.size(), 1u);
  EXPECT_EQ(r.units[0].name, "市文化和旅游局");
  EXPECT_EQ(r.units[0].loc, (Loc{4, 7}));
  EXPECT_EQ(r.kind, "整改情况报告");
  ASSERT_EQ(r.topics.size(), 2u);
  EXPECT_EQ(r.topics[1].name, "全面从严治党");
  EXPECT_EQ(r.topics[1].loc, (Loc{6, 16}));
  ASSERT_EQ(r.regulations.size(), 1u);
  EXPECT_EQ(r.regulations[0].name, "中央八项规定");

  ASSERT_EQ(r.issues.size(), 1u);
  const Item& issue = r.issues[0];
  EXPECT_EQ(issue.kind, ItemKind::kIssue);
  EXPECT_EQ(issue.id, "I1");
  EXPECT_EQ(issue.loc, (Loc{9, 9}));
  EXPECT_EQ(issue.title, "主体责任落实还不够深入");
  ASSERT_EQ(issue.regulations.size(), 1u);
  EXPECT_EQ(issue.regulations[0].name, "主体责任规定");
  ASSERT_EQ(issue.links.size(), 1u);
  EXPECT_EQ(issue.links[0].name, "M1");
  EXPECT_EQ(issue.links[0].loc, (Loc{12, 16}));
  EXPECT_EQ(issue.anchor, 0);

  ASSERT_EQ(r.measures.size(), 2u);
  const Item& m1 = r.measures[0];
  EXPECT_EQ(m1.kind, ItemKind::kMeasure);
  EXPECT_EQ(m1.id, "M1");
  EXPECT_EQ(m1.title, "夯实制度，落实责任");
  ASSERT_EQ(m1.links.size(), 2u);
  EXPECT_EQ(m1.links[1].name, "2022-a#I3");
  EXPECT_EQ(m1.owner, "局党组");
  EXPECT_EQ(m1.due, (Date{2023, 12, 31}));
  EXPECT_EQ(m1.status, MeasureStatus::kInProgress);
  EXPECT_EQ(m1.anchor, -1);
  const Item& m2 = r.measures[1];
  EXPECT_EQ(m2.status, MeasureStatus::kPlanned);  // no status: planned
  EXPECT_EQ(m2.due, std::nullopt);
  EXPECT_EQ(m2.owner, "");

  ASSERT_EQ(r.body.anchors.size(), 1u);
  EXPECT_EQ(r.body.anchors[0].loc.line, 24);
  EXPECT_EQ(r.body.anchors[0].id, "I1");
  EXPECT_EQ(r.body.anchors[0].loc, (Loc{24, 18}));
  ASSERT_EQ(r.body.citations.size(), 1u);
  EXPECT_EQ(r.body.citations[0].title, "条例");
  EXPECT_EQ(r.body.citations[0].loc, (Loc{26, 3}));
  EXPECT_EQ(r.body.citations[0].anchor, 0);
}

TEST(ParseReport, UnitMayBeAList) {
  Diagnostics diags;
  Report r = parse("---\ntitle: t\ndate: 2023-01-01\nunit: [市委, 市政府]\n---\n", diags);
  EXPECT_EQ(text_of(diags), "");
  ASSERT_EQ(r.units.size(), 2u);
  EXPECT_EQ(r.units[1].name, "市政府");
}

TEST(ParseReport, InvalidFileName) {
  Diagnostics diags;
  parse("---\ntitle: t\ndate: 2023-01-01\nunit: u\n---\n", diags, "整改报告_2023");
  EXPECT_EQ(text_of(diags),
            "content/reports/2023/a.md:1:1: error: file name '整改报告_2023' is not a valid report "
            "id: use lower-case ASCII letters, digits and '-' (for example "
            "'zheng-gai-bao-gao-2023') [id]\n"
            "  ---\n"
            "  ^\n");
}

TEST(ParseReport, MissingFrontMatter) {
  EXPECT_EQ(diagnose("# 报告\n"),
            "content/reports/2023/a.md:1:1: error: missing front matter: the file must begin with "
            "a line `---` [front-matter]\n"
            "  # 报告\n"
            "  ^\n");
}

TEST(ParseReport, RequiredFieldsMissing) {
  EXPECT_EQ(diagnose("---\nkind: 讲话\n---\n"),
            "content/reports/2023/a.md:2:1: error: missing required field 'date' [required]\n"
            "  kind: 讲话\n"
            "  ^\n"
            "content/reports/2023/a.md:2:1: error: missing required field 'title' [required]\n"
            "  kind: 讲话\n"
            "  ^\n"
            "content/reports/2023/a.md:2:1: error: missing required field 'unit' [required]\n"
            "  kind: 讲话\n"
            "  ^\n");
}

TEST(ParseReport, RequiredFieldsEmpty) {
  EXPECT_EQ(diagnose("---\ntitle:\ndate: 2023-01-01\nunit: []\n---\n"),
            "content/reports/2023/a.md:2:1: error: 'title' is empty [required]\n"
            "  title:\n"
            "  ^\n"
            "content/reports/2023/a.md:4:7: error: 'unit' is empty [required]\n"
            "  unit: []\n"
            "        ^\n");
}

TEST(ParseReport, BlankQuotedTitleIsEmpty) {
  EXPECT_EQ(diagnose("---\ntitle: \"  \"\ndate: 2023-01-01\nunit: u\n---\n"),
            "content/reports/2023/a.md:2:8: error: 'title' is empty [required]\n"
            "  title: \"  \"\n"
            "         ^\n");
}

TEST(ParseReport, WrongTypes) {
  EXPECT_EQ(diagnose("---\ntitle: [一, 二]\ndate: 2023-01-01\nunit: u\nkind: {a: b}\n---\n"),
            "content/reports/2023/a.md:2:8: error: 'title' must be text, not a list [type]\n"
            "  title: [一, 二]\n"
            "         ^\n"
            "content/reports/2023/a.md:5:7: error: 'kind' must be text, not a map [type]\n"
            "  kind: {a: b}\n"
            "        ^\n");
}

TEST(ParseReport, ListEntriesMustBeText) {
  EXPECT_EQ(diagnose("---\ntitle: t\ndate: 2023-01-01\nunit: [市委, [a], \"\"]\n---\n"),
            "content/reports/2023/a.md:4:12: error: each entry of 'unit' must be text, not a list "
            "[type]\n"
            "  unit: [市委, [a], \"\"]\n"
            "               ^\n"
            "content/reports/2023/a.md:4:17: error: empty entry in 'unit' [required]\n"
            "  unit: [市委, [a], \"\"]\n"
            "                    ^\n");
}

TEST(ParseReport, UnitAsAMap) {
  EXPECT_EQ(diagnose("---\ntitle: t\ndate: 2023-01-01\ntopics: {a: b}\nunit: u\n---\n"),
            "content/reports/2023/a.md:4:9: error: 'topics' must be a name or a list of names, not "
            "a map [type]\n"
            "  topics: {a: b}\n"
            "          ^\n");
}

TEST(ParseReport, RequiredNamesGivenAsAMapAreOneError) {
  // Regression: a second, false "'unit' is empty" followed the type error.
  EXPECT_EQ(diagnose("---\ntitle: t\ndate: 2023-01-01\nunit: {名称: 市委}\n---\n"),
            "content/reports/2023/a.md:4:7: error: 'unit' must be a name or a list of names, not "
            "a map [type]\n"
            "  unit: {名称: 市委}\n"
            "        ^\n");
}

TEST(ParseReport, MalformedDate) {
  EXPECT_EQ(diagnose("---\ntitle: t\ndate: 2023年7月10日\nunit: u\n---\n"),
            "content/reports/2023/a.md:3:7: error: 'date' must be a date written YYYY-MM-DD, not "
            "'2023年7月10日' [date]\n"
            "  date: 2023年7月10日\n"
            "        ^\n");
}

TEST(ParseReport, ImpossibleDate) {
  EXPECT_EQ(diagnose("---\ntitle: t\ndate: 2023-02-30\nunit: u\n---\n"),
            "content/reports/2023/a.md:3:7: error: 'date' is not a real date: 2023-02-30 [date]\n"
            "  date: 2023-02-30\n"
            "        ^\n");
}

TEST(ParseReport, UnknownKeysWarn) {
  EXPECT_EQ(diagnose("---\ntitle: t\ndate: 2023-01-01\nunit: u\n作者: 张三\nissues:\n"
                     "  - id: I1\n    title: x\n    owner: 局党组\n---\n"),
            "content/reports/2023/a.md:5:1: warning: unknown key '作者' in report front matter is "
            "kept but shown nowhere [unknown-key]\n"
            "  作者: 张三\n"
            "  ^\n"
            "content/reports/2023/a.md:9:5: warning: unknown key 'owner' in issue is kept but "
            "shown nowhere [unknown-key]\n"
            "      owner: 局党组\n"
            "      ^\n");
}

const char* const kHead = "---\ntitle: t\ndate: 2023-01-01\nunit: u\n";

TEST(ParseReport, ItemIdRules) {
  EXPECT_EQ(
      diagnose(std::string(kHead) + "issues:\n  - id: 问题 1\n    title: x\n  - title: y\n---\n"),
      "content/reports/2023/a.md:6:9: error: '问题 1' is not a valid issue id (letters, "
      "digits, '-' and '_', at most 64) [id]\n"
      "    - id: 问题 1\n"
      "          ^\n"
      "content/reports/2023/a.md:8:5: error: missing required field 'id' [required]\n"
      "    - title: y\n"
      "      ^\n");
}

TEST(ParseReport, ItemTitleRequired) {
  EXPECT_EQ(diagnose(std::string(kHead) + "measures:\n  - id: M1\n---\n"),
            "content/reports/2023/a.md:6:5: error: missing required field 'title' [required]\n"
            "    - id: M1\n"
            "      ^\n");
}

TEST(ParseReport, ItemsMustBeAListOfMaps) {
  EXPECT_EQ(diagnose(std::string(kHead) + "issues: I1\nmeasures:\n  - M1\n---\n"),
            "content/reports/2023/a.md:5:9: error: 'issues' must be a list of entries (`- id: …`) "
            "[type]\n"
            "  issues: I1\n"
            "          ^\n"
            "content/reports/2023/a.md:7:5: error: each entry of 'measures' must be `id: …` lines, "
            "not text [type]\n"
            "    - M1\n"
            "      ^\n");
}

TEST(ParseReport, DuplicateItemIdsAcrossIssuesAndMeasures) {
  EXPECT_EQ(
      diagnose(std::string(kHead) + "issues:\n  - id: I1\n    title: x\n  - id: I1\n    title: y\n"
                                    "measures:\n  - id: I1\n    title: z\n---\n"),
      "content/reports/2023/a.md:8:9: error: duplicate item id 'I1' (first at line 6) "
      "[duplicate-item]\n"
      "    - id: I1\n"
      "          ^\n"
      "content/reports/2023/a.md:11:9: error: duplicate item id 'I1' (first at line 6) "
      "[duplicate-item]\n"
      "    - id: I1\n"
      "          ^\n");
}

TEST(ParseReport, MeasureStatusValues) {
  Diagnostics diags;
  Report r = parse(std::string(kHead) +
                       "measures:\n"
                       "  - {id: M1, title: a, status: planned}\n"
                       "  - {id: M2, title: b, status: in-progress}\n"
                       "  - {id: M3, title: c, status: done}\n"
                       "  - {id: M4, title: d, status: 已完成}\n"
                       "---\n",
                   diags);
  EXPECT_EQ(r.measures[0].status, MeasureStatus::kPlanned);
  EXPECT_EQ(r.measures[1].status, MeasureStatus::kInProgress);
  EXPECT_EQ(r.measures[2].status, MeasureStatus::kDone);
  EXPECT_EQ(r.measures[3].status, MeasureStatus::kPlanned);
  EXPECT_EQ(text_of(diags),
            "content/reports/2023/a.md:9:32: error: unknown status '已完成': use planned, "
            "in-progress or done [status]\n"
            "    - {id: M4, title: d, status: 已完成}\n"
            "                                 ^\n");
}

TEST(ParseReport, MeasureDueDate) {
  EXPECT_EQ(
      diagnose(std::string(kHead) + "measures:\n  - id: M1\n    title: x\n    due: 年底\n---\n"),
      "content/reports/2023/a.md:8:10: error: 'due' must be a date written YYYY-MM-DD, not "
      "'年底' [date]\n"
      "      due: 年底\n"
      "           ^\n");
}

const char* const kItems =
    "---\ntitle: t\ndate: 2023-01-01\nunit: u\n"
    "issues:\n  - id: I1\n    title: x\n"
    "measures:\n  - id: M1\n    title: y\n"
    "---\n";

TEST(ParseReport, AnchorsAttachToItems) {
  Diagnostics diags;
  Report r = parse(std::string(kItems) + "\n## 问题 {#I1}\n\n### 措施 {#M1}\n", diags);
  EXPECT_EQ(text_of(diags), "");
  EXPECT_EQ(r.issues[0].anchor, 0);
  EXPECT_EQ(r.measures[0].anchor, 1);
}

TEST(ParseReport, AnchorNamingNoItem) {
  EXPECT_EQ(diagnose(std::string(kItems) + "\n## 问题一 {#I9}\n"),
            "content/reports/2023/a.md:13:8: error: heading anchor '{#I9}' names no issue or "
            "measure of this report's front matter [anchor]\n"
            "  ## 问题一 {#I9}\n"
            "            ^\n");
}

TEST(ParseReport, AnchoredTwice) {
  EXPECT_EQ(diagnose(std::string(kItems) + "\n## 问题 {#I1}\n\n## 又一次 {#I1}\n"),
            "content/reports/2023/a.md:15:8: error: 'I1' is anchored twice (first at line 13) "
            "[duplicate-item]\n"
            "  ## 又一次 {#I1}\n"
            "            ^\n");
}

TEST(ParseReport, MalformedAnchor) {
  EXPECT_EQ(diagnose(std::string(kItems) + "\n## 问题 {#问题 1}\n"),
            "content/reports/2023/a.md:13:7: error: '{#问题 1}' is not a valid item id (letters, "
            "digits, '-' and '_', at most 64) [anchor]\n"
            "  ## 问题 {#问题 1}\n"
            "          ^\n");
}

TEST(ParseReport, BodyPositionsAfterCrlfFrontMatter) {
  Diagnostics diags;
  Report r =
      parse("---\r\ntitle: t\r\ndate: 2023-01-01\r\nunit: u\r\n---\r\n\r\n学习《条例》\r\n", diags);
  EXPECT_EQ(text_of(diags), "");
  ASSERT_EQ(r.body.citations.size(), 1u);
  EXPECT_EQ(r.body.citations[0].loc, (Loc{7, 3}));
}

}  // namespace
}  // namespace dossier
