// Tests for render/ledger_csv: cell quoting and formula defusing, and the
// whole ledger of a small archive (BOM, header, CRLF, one row per measure).
#include "render/ledger_csv.h"

#include <gtest/gtest.h>

#include "../test_support.h"

namespace dossier {
namespace {

TEST(CsvCell, PlainTextIsUnchanged) {
  EXPECT_EQ(csv_cell(""), "");
  EXPECT_EQ(csv_cell("主体责任落实还不够深入"), "主体责任落实还不够深入");
  EXPECT_EQ(csv_cell("a#I1"), "a#I1");
  EXPECT_EQ(csv_cell("2023-12-31"), "2023-12-31");
  EXPECT_EQ(csv_cell("A=B"), "A=B");
}

TEST(CsvCell, Quoting) {
  EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_cell("第一行\n第二行"), "\"第一行\n第二行\"");
  EXPECT_EQ(csv_cell("a\r\nb"), "\"a\r\nb\"");
  EXPECT_EQ(csv_cell("，"), "，");  // a full-width comma is text
}

TEST(CsvCell, FormulasAreDefused) {
  EXPECT_EQ(csv_cell("=1+1"), "'=1+1");
  EXPECT_EQ(csv_cell("+86 10 1234"), "'+86 10 1234");
  EXPECT_EQ(csv_cell("-5"), "'-5");
  EXPECT_EQ(csv_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_cell("\t=1"), "'\t=1");
  EXPECT_EQ(csv_cell("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(csv_cell("=HYPERLINK(\"http://x\",\"点击\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"");
}

TEST(LedgerCsv, HeaderAndBomForAnEmptyArchive) {
  Archive a;
  EXPECT_EQ(ledger_csv(a),
            "\xEF\xBB\xBF"
            "问题编号,问题,问题状态,报告,报告日期,单位,涉及法规,措施编号,整改措施,责任单位,"
            "完成时限,措施状态\r\n");
}

TEST(LedgerCsv, OneRowPerIssueAndMeasureNewestReportFirst) {
  test::ArchiveBuilder b;
  b.today({2024, 1, 1})
      .unit("dangwei", "---\ntitle: 局党委\n---\n")
      .unit("jiwei", "---\ntitle: 纪委\n---\n")
      .regulation("dangzhang", "---\ntitle: 中国共产党章程\naliases: [党章]\n---\n")
      .report("reports/2022/b.md",
              "---\ntitle: 报告B\ndate: 2022-05-01\nunit: jiwei\n"
              "issues:\n  - {id: I3, title: '=HYPERLINK(\"http://x\",\"点击\")'}\n---\n")
      .report("reports/2023/a.md",
              "---\ntitle: 报告A\ndate: 2023-07-10\nunit: [局党委, 纪委]\n"
              "issues:\n  - {id: I1, title: 问题一, regulations: [党章]}\n"
              "  - {id: I2, title: '问题二, 含逗号'}\n"
              "measures:\n"
              "  - {id: M1, title: 措施一, addresses: [I1], owner: 局党组, due: 2023-12-31}\n"
              "  - {id: M2, title: 措施二, addresses: [I1], status: done}\n---\n");
  ASSERT_EQ(b.parse_text(), "");
  Diagnostics diags;
  Archive a = b.link(diags);
  ASSERT_EQ(test::text_of(diags), "");
  EXPECT_EQ(
      ledger_csv(a),
      "\xEF\xBB\xBF"
      "问题编号,问题,问题状态,报告,报告日期,单位,涉及法规,措施编号,整改措施,责任单位,"
      "完成时限,措施状态\r\n"
      "a#I1,问题一,已逾期,报告A,2023-07-10,局党委；纪委,中国共产党章程,a#M1,措施一,局党组,"
      "2023-12-31,计划中（已逾期）\r\n"
      "a#I1,问题一,已逾期,报告A,2023-07-10,局党委；纪委,中国共产党章程,a#M2,措施二,,,已完成\r\n"
      "a#I2,\"问题二, 含逗号\",待整改,报告A,2023-07-10,局党委；纪委,,,,,,\r\n"
      "b#I3,\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\",待整改,报告B,2022-05-01,纪委,,,,,,"
      "\r\n");
}

}  // namespace
}  // namespace dossier
