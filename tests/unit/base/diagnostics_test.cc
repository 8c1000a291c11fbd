// Tests for base/diagnostics: the text a user reads (caret under Chinese
// text, windows of long lines, summary) and the JSON of `check`.
#include "base/diagnostics.h"

#include <gtest/gtest.h>

#include <sstream>

#include "../test_support.h"
#include "base/source_text.h"

namespace dossier {
namespace {

using test::text_of;

// The lines, each ending in "\n".
std::string lines(std::initializer_list<std::string> ls) {
  std::string out;
  for (const auto& l : ls) out += l + "\n";
  return out;
}

TEST(Diagnostics, CaretUnderAChineseSourceLine) {
  SourceText src("content/reports/a.md", "---\ntitle: 关于《条例》的报告\n---\n");
  Diagnostics diags;
  src.error(diags, src.loc_at(src.text().find("《")), "ref", "unknown regulation '条例'");
  // "title: 关于" is 7 narrow and 2 wide characters: the caret goes 11 columns in.
  EXPECT_EQ(text_of(diags),
            "content/reports/a.md:2:10: error: unknown regulation '条例' [ref]\n"
            "  title: 关于《条例》的报告\n"
            "             ^\n");
}

TEST(Diagnostics, CaretAfterAZeroWidthSpace) {
  SourceText src("a.md", "学习\u200B《条例》\n");
  Diagnostics diags;
  src.note(diags, src.loc_at(src.text().find("《")), "citation", "m");
  EXPECT_EQ(text_of(diags),
            "a.md:1:4: note: m [citation]\n"
            "  学习\u200B《条例》\n"
            "      ^\n");
}

TEST(Diagnostics, CaretAtTheFirstColumn) {
  SourceText src("a.md", "整改\n");
  Diagnostics diags;
  src.warning(diags, {1, 1}, "file", "m");
  EXPECT_EQ(text_of(diags),
            "a.md:1:1: warning: m [file]\n"
            "  整改\n"
            "  ^\n");
}

TEST(Diagnostics, LongLinesShowAWindowAroundTheColumn) {
  std::string line;
  for (int i = 0; i < 10; ++i) line += "一二三四五六七八九十";  // 100 characters
  SourceText src("a.md", line + "\n");
  Diagnostics diags;
  src.error(diags, {1, 50}, "ref", "m");
  // 24 characters before the column, the column itself and 23 after.
  std::string shown =
      "六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"
      "二三";
  EXPECT_EQ(text_of(diags), lines({"a.md:1:50: error: m [ref]", "  …" + shown + "…",
                                   "  " + std::string(1 + 2 * 24, ' ') + "^"}));
}

// Regression: any column past 25 used to cut the line, even a short one.
TEST(Diagnostics, LinesThatFitATerminalAreShownWhole) {
  SourceText src("a.md", "  - {id: M4, title: d, status: 已完成}\n");
  Diagnostics diags;
  src.error(diags, {1, 32}, "status", "m");
  EXPECT_EQ(text_of(diags),
            "a.md:1:32: error: m [status]\n"
            "    - {id: M4, title: d, status: 已完成}\n"
            "                                 ^\n");
}

TEST(Diagnostics, WindowStartsAfterSeventyEightColumns) {
  std::string fits(78, 'a'), longer(79, 'a');
  Diagnostics diags;
  Diagnostic a{"fits.md", {1, 70}, Severity::kError, "m", "x", {}, -1};
  Diagnostic b{"long.md", {1, 70}, Severity::kError, "m", "x", {}, -1};
  set_source_line(a, fits);
  set_source_line(b, longer);
  diags.add(a);
  diags.add(b);
  EXPECT_EQ(text_of(diags),
            lines({"fits.md:1:70: error: m [x]", "  " + fits, "  " + std::string(69, ' ') + "^",
                   "long.md:1:70: error: m [x]", "  …" + std::string(34, 'a'),
                   "  " + std::string(25, ' ') + "^"}));
}

TEST(Diagnostics, CaretJustPastTheEndOfTheLine) {
  SourceText src("a.md", "title: 标题\n");
  Diagnostics diags;
  src.error(diags, {1, 10}, "required", "m");
  EXPECT_EQ(text_of(diags), "a.md:1:10: error: m [required]\n  title: 标题\n             ^\n");
}

TEST(Diagnostics, ShortLineNearItsEndHasNoEllipsis) {
  SourceText src("a.md", "unit: 市委\n");
  Diagnostics diags;
  src.error(diags, {1, 7}, "ref", "m");
  EXPECT_EQ(text_of(diags), "a.md:1:7: error: m [ref]\n  unit: 市委\n        ^\n");
}

TEST(Diagnostics, WholeFileDiagnosticsHaveNoPositionOrCaret) {
  Diagnostics diags;
  diags.error("content", {}, "io", "content folder not found");
  diags.warning("content/reports/a.docx", {1, 1}, "file", "not a .md file: ignored");
  EXPECT_EQ(text_of(diags),
            "content: error: content folder not found [io]\n"
            "content/reports/a.docx:1:1: warning: not a .md file: ignored [file]\n");
}

TEST(Diagnostics, SortedByFileLineAndColumnWithoutRepeats) {
  Diagnostics diags;
  diags.error("b.md", {1, 1}, "ref", "b");
  diags.error("a.md", {10, 1}, "ref", "a10");
  diags.error("a.md", {2, 7}, "ref", "a2:7");
  diags.error("a.md", {2, 3}, "ref", "a2:3");
  diags.error("a.md", {2, 3}, "ref", "a2:3");
  EXPECT_EQ(text_of(diags),
            "a.md:2:3: error: a2:3 [ref]\n"
            "a.md:2:7: error: a2:7 [ref]\n"
            "a.md:10:1: error: a10 [ref]\n"
            "b.md:1:1: error: b [ref]\n");
}

TEST(Diagnostics, NotesAreHiddenInBuildModeButCounted) {
  Diagnostics diags;
  diags.note("a.md", {3, 1}, "citation", "unregistered citation 《通知》");
  diags.warning("a.md", {4, 1}, "unknown-unit", "w");
  EXPECT_EQ(text_of(diags, false), "a.md:4:1: warning: w [unknown-unit]\n");
  EXPECT_EQ(text_of(diags, true),
            "a.md:3:1: note: unregistered citation 《通知》 [citation]\n"
            "a.md:4:1: warning: w [unknown-unit]\n");
  EXPECT_EQ(diags.summary(true), "0 errors, 1 warning, 1 note");
  EXPECT_FALSE(diags.has_errors());
}

TEST(Diagnostics, Summary) {
  Diagnostics diags;
  EXPECT_EQ(diags.summary(true), "0 errors, 0 warnings");
  diags.error("a.md", {1, 1}, "ref", "x");
  EXPECT_EQ(diags.summary(true), "1 error, 0 warnings");
  diags.error("a.md", {2, 1}, "ref", "x");
  diags.warning("a.md", {3, 1}, "image", "x");
  diags.warning("a.md", {4, 1}, "image", "x");
  diags.note("a.md", {5, 1}, "citation", "x");
  diags.note("a.md", {6, 1}, "citation", "x");
  EXPECT_EQ(diags.summary(true), "2 errors, 2 warnings, 2 notes");
  EXPECT_TRUE(diags.has_errors());
}

TEST(Diagnostics, PromoteWarningsForStrict) {
  Diagnostics diags;
  diags.warning("a.md", {1, 1}, "unknown-key", "w");
  diags.note("a.md", {2, 1}, "citation", "n");
  diags.promote_warnings();
  EXPECT_EQ(diags.count(Severity::kError), 1);
  EXPECT_EQ(diags.count(Severity::kWarning), 0);
  EXPECT_EQ(diags.count(Severity::kNote), 1);
  EXPECT_EQ(text_of(diags), "a.md:1:1: error: w [unknown-key]\na.md:2:1: note: n [citation]\n");
}

TEST(Diagnostics, AppendTakesTheOthersItems) {
  Diagnostics a, b;
  a.error("a.md", {1, 1}, "ref", "x");
  b.warning("b.md", {1, 1}, "image", "y");
  a.append(b);
  EXPECT_EQ(a.sorted().size(), 2u);
  EXPECT_EQ(b.sorted().size(), 1u);
}

TEST(Diagnostics, Json) {
  SourceText src("content/reports/a.md", "---\ntitle: \"引号\"\n---\n");
  Diagnostics diags;
  src.error(diags, {2, 8}, "yaml", "bad \"quote\"");
  diags.note("content/reports/a.md", {9, 2}, "citation", "unregistered citation 《通知》");
  std::ostringstream out;
  diags.print_json(out);
  EXPECT_EQ(out.str(),
            "{\n"
            "  \"diagnostics\": [\n"
            "    {\n"
            "      \"file\": \"content/reports/a.md\",\n"
            "      \"line\": 2,\n"
            "      \"column\": 8,\n"
            "      \"severity\": \"error\",\n"
            "      \"code\": \"yaml\",\n"
            "      \"message\": \"bad \\\"quote\\\"\"\n"
            "    },\n"
            "    {\n"
            "      \"file\": \"content/reports/a.md\",\n"
            "      \"line\": 9,\n"
            "      \"column\": 2,\n"
            "      \"severity\": \"note\",\n"
            "      \"code\": \"citation\",\n"
            "      \"message\": \"unregistered citation 《通知》\"\n"
            "    }\n"
            "  ],\n"
            "  \"errors\": 1,\n"
            "  \"warnings\": 0,\n"
            "  \"notes\": 1\n"
            "}\n");
}

TEST(Diagnostics, JsonWhenEmpty) {
  Diagnostics diags;
  std::ostringstream out;
  diags.print_json(out);
  EXPECT_EQ(out.str(),
            "{\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"notes\": 0\n}\n");
}

TEST(SeverityName, Names) {
  EXPECT_EQ(severity_name(Severity::kNote), "note");
  EXPECT_EQ(severity_name(Severity::kWarning), "warning");
  EXPECT_EQ(severity_name(Severity::kError), "error");
}

}  // namespace
}  // namespace dossier
