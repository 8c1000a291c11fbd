// Tests for base/source_text: decoding normalisation and positions.
#include "base/source_text.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(SourceText, RemovesBomAndCrlf) {
  SourceText src("content/reports/a.md", "\xEF\xBB\xBF---\r\ntitle: 标题\r\n---\r\n正文\r\n");
  EXPECT_EQ(src.path(), "content/reports/a.md");
  EXPECT_EQ(src.text(), "---\ntitle: 标题\n---\n正文\n");
  EXPECT_EQ(src.line_count(), 5);
  EXPECT_EQ(src.line(1), "---");
  EXPECT_EQ(src.line(2), "title: 标题");
  EXPECT_EQ(src.line(4), "正文");
  EXPECT_EQ(src.line(5), "");
  EXPECT_EQ(src.line(6), "");
  EXPECT_EQ(src.line(0), "");
}

TEST(SourceText, KeepsALoneCarriageReturn) {
  SourceText src("a.md", "a\rb\r");
  EXPECT_EQ(src.text(), "a\rb\r");
  EXPECT_EQ(src.line_count(), 1);
}

TEST(SourceText, KeepsABomInTheMiddle) {
  SourceText src("a.md", "a\xEF\xBB\xBF");
  EXPECT_EQ(src.text(), "a\xEF\xBB\xBF");
}

TEST(SourceText, LineStarts) {
  SourceText src("a.md", "ab\n整改\n");
  EXPECT_EQ(src.line_start(1), 0u);
  EXPECT_EQ(src.line_start(2), 3u);
  EXPECT_EQ(src.line_start(3), 10u);
  EXPECT_EQ(src.line_start(4), 10u);  // past the end: the text's size
  EXPECT_EQ(src.line_start(0), 0u);
}

TEST(SourceText, LocAtCountsCodePointsOnAChineseLine) {
  SourceText src("a.md", "标题：整改\n学习贯彻《条例》的情况\n");
  const std::string& t = src.text();
  EXPECT_EQ(src.loc_at(0), (Loc{1, 1}));
  EXPECT_EQ(src.loc_at(t.find("整")), (Loc{1, 4}));
  EXPECT_EQ(src.loc_at(t.find('\n')), (Loc{1, 6}));
  EXPECT_EQ(src.loc_at(t.find("学")), (Loc{2, 1}));
  EXPECT_EQ(src.loc_at(t.find("《")), (Loc{2, 5}));
  EXPECT_EQ(src.loc_at(t.find("的")), (Loc{2, 9}));
  EXPECT_EQ(src.loc_at(t.size()), (Loc{3, 1}));
  EXPECT_EQ(src.loc_at(t.size() + 100), (Loc{3, 1}));
}

TEST(SourceText, LocAtAfterCrlfAndBom) {
  SourceText src("a.md", "\xEF\xBB\xBF一\r\n二三《x》\r\n");
  EXPECT_EQ(src.loc_at(src.text().find("《")), (Loc{2, 3}));
}

TEST(SourceText, LocAtLineByteConvertsByteColumns) {
  SourceText src("a.md", "title: 标题\nunit: 市委巡察办 x\n");
  // "unit: " is 6 bytes, each Chinese character 3.
  EXPECT_EQ(src.loc_at_line_byte(2, 1), (Loc{2, 1}));
  EXPECT_EQ(src.loc_at_line_byte(2, 7), (Loc{2, 7}));
  EXPECT_EQ(src.loc_at_line_byte(2, 7 + 5 * 3 + 1), (Loc{2, 13}));  // the 'x'
  EXPECT_EQ(src.loc_at_line_byte(2, 1000), (Loc{2, 14}));           // clamped to the line's end
  EXPECT_EQ(src.loc_at_line_byte(1, 0), (Loc{1, 1}));
  EXPECT_EQ(src.loc_at_line_byte(0, 5), (Loc{}));
}

TEST(SourceText, DiagnosticCarriesItsSourceLine) {
  SourceText src("content/units/a.md", "---\ntitle: 市委\n---\n");
  Diagnostic d = src.diagnostic({2, 8}, Severity::kWarning, "unknown-key", "message");
  EXPECT_EQ(d.path, "content/units/a.md");
  EXPECT_EQ(d.loc, (Loc{2, 8}));
  EXPECT_EQ(d.severity, Severity::kWarning);
  EXPECT_EQ(d.code, "unknown-key");
  EXPECT_EQ(d.message, "message");
  EXPECT_EQ(d.excerpt, "title: 市委");
  EXPECT_EQ(d.caret, 7);
  EXPECT_EQ(src.diagnostic({}, Severity::kError, "io", "m").caret, -1);
}

}  // namespace
}  // namespace dossier
