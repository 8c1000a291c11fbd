// `dossier check` on the invalid fixture archives (tests/sites/invalid/):
// one test per diagnostic code of README's table, each asserting the exact
// `path:line:col: severity: message [code]` lines a user sees; then the
// JSON format, exit codes (SPEC §3), --strict and files in GBK.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/harness.h"

namespace dossier::e2e {
namespace {

using Lines = std::vector<std::string>;

// Runs `dossier check` on a copy of invalid fixture `name` (as ./content).
RunResult check_fixture(std::string_view name, std::vector<std::string> extra = {}) {
  TempDir dir;
  copy_fixture(dir, "invalid", name);
  std::vector<std::string> args = {"check"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_dossier(dir.path(), args);
}

// The fixture's diagnostic lines are exactly `expected`, and the exit code `exit`.
void expect_check(std::string_view name, const Lines& expected, int exit) {
  RunResult r = check_fixture(name);
  EXPECT_EQ(diagnostic_lines(r.out), expected) << r.out;
  EXPECT_EQ(r.exit_code, exit) << r.out << r.err;
  EXPECT_EQ(r.err, "");
}

TEST(E2eDiagnosticCodes, Io) {
  TempDir dir;
  RunResult r = run_dossier(dir.path(), {"check", "missing"});
  EXPECT_EQ(diagnostic_lines(r.out), Lines{"missing: error: content folder not found [io]"});
  EXPECT_EQ(r.exit_code, 1);
  // `build` says the same and writes nothing.
  r = run_dossier(dir.path(), {"build", "missing", "-o", "site"});
  EXPECT_EQ(diagnostic_lines(r.err), Lines{"missing: error: content folder not found [io]"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(fs::exists(dir / "site"));
}

// GBK bytes of "title: 市测试局关于作风建设的自查报告" and a paragraph.
constexpr std::string_view kGbkTitle =
    "\xca\xd0\xb2\xe2\xca\xd4\xbe\xd6\xb9\xd8\xd3\xda\xd7\xf7\xb7\xe7\xbd\xa8\xc9\xe8\xb5\xc4\xd7"
    "\xd4\xb2\xe9\xb1\xa8\xb8\xe6";
constexpr std::string_view kGbkParagraph =
    "\xbd\xf1\xc4\xea\xd2\xd4\xc0\xb4\xa3\xac\xce\xd2\xbe\xd6\xc8\xcf\xd5\xe6\xc2\xe4\xca\xb5\xc8"
    "\xab\xc3\xe6\xb4\xd3\xd1\xcf\xd6\xce\xb5\xb3\xd6\xf7\xcc\xe5\xd4\xf0\xc8\xce\xa3\xac\xc9\xee"
    "\xc8\xeb\xbf\xaa\xd5\xb9\xd7\xf7\xb7\xe7\xbd\xa8\xc9\xe8\xd7\xa8\xcf\xee\xd5\xfb\xd6\xce\xa1"
    "\xa3";

TEST(E2eDiagnosticCodes, EncodingOfGbkMarkdownReport) {
  TempDir dir;
  write_file(dir / "content/units/ceshi-ju.md", "---\ntitle: 市测试局\n---\n");
  std::string report = "---\ntitle: " + std::string(kGbkTitle) + "\ndate: 2023-05-01\n";
  report += "unit: ceshi-ju\n---\n\n" + std::string(kGbkParagraph) + "\n";
  write_file(dir / "content/reports/gbk.md", report);
  RunResult r = run_dossier(dir.path(), {"check"});
  EXPECT_EQ(diagnostic_lines(r.out),
            Lines{"content/reports/gbk.md:2:8: error: file is not UTF-8 (byte 0xCA; it looks like "
                  "GB18030): convert it with `dossier import` [encoding]"})
      << r.out;
  EXPECT_EQ(r.exit_code, 1);
}

TEST(E2eDiagnosticCodes, EncodingOfGbkTextReport) {
  TempDir dir;
  write_file(dir / "content/units/ceshi-ju.md", "---\ntitle: 市测试局\n---\n");
  write_file(dir / "content/reports/2023-zicha.txt",
             std::string(kGbkTitle) + "\n" + std::string(kGbkParagraph) + "\n");
  RunResult r = run_dossier(dir.path(), {"check"});
  EXPECT_EQ(diagnostic_lines(r.out),
            Lines{"content/reports/2023-zicha.txt:1:1: error: file is not UTF-8 (byte 0xCA; it "
                  "looks like GB18030): convert it with `dossier import` [encoding]"})
      << r.out;
  EXPECT_EQ(r.exit_code, 1);
}

TEST(E2eDiagnosticCodes, FrontMatter) {
  expect_check("front-matter",
               {"content/reports/no-front-matter.md:1:1: error: missing front matter: the file "
                "must begin with a line `---` [front-matter]",
                "content/reports/not-closed.md:1:1: error: front matter is not closed: add a line "
                "`---` after it [front-matter]",
                // Two units without a title (their front matter failed) do not
                // clash over the empty name.
                "content/units/not-closed-a.md:1:1: error: front matter is not closed: add a line "
                "`---` after it [front-matter]",
                "content/units/not-closed-b.md:1:1: error: front matter is not closed: add a line "
                "`---` after it [front-matter]"},
               1);
}

TEST(E2eDiagnosticCodes, Yaml) {
  expect_check("yaml",
               {"content/reports/duplicate-key.md:5:1: error: duplicate key 'title' (first at "
                "line 2) [yaml]",
                "content/reports/list-not-map.md:2:1: error: front matter must be `key: value` "
                "lines, not a single value or a list [yaml]",
                "content/reports/syntax-error.md:5:1: error: YAML syntax error: end of sequence "
                "flow not found [yaml]"},
               1);
}

TEST(E2eDiagnosticCodes, Required) {
  expect_check("required",
               {"content/reports/empty-unit.md:4:1: error: 'unit' is empty [required]",
                "content/reports/missing-title.md:2:1: error: missing required field 'title' "
                "[required]",
                "content/reports/missing-title.md:5:5: error: missing required field 'title' "
                "[required]"},
               1);
}

TEST(E2eDiagnosticCodes, Type) {
  expect_check(
      "type",
      {"content/reports/wrong-shapes.md:2:8: error: 'title' must be text, not a list [type]",
       "content/reports/wrong-shapes.md:5:9: error: 'topics' must be a name or a list of names, "
       "not a map [type]",
       "content/reports/wrong-shapes.md:7:3: error: 'issues' must be a list of entries (`- id: "
       "…`) [type]",
       "content/reports/wrong-shapes.md:9:5: error: each entry of 'measures' must be `id: …` "
       "lines, not text [type]"},
      1);
}

TEST(E2eDiagnosticCodes, Date) {
  expect_check("date",
               {"content/reports/bad-dates.md:3:7: error: 'date' must be a date written "
                "YYYY-MM-DD, not '2023/02/03' [date]",
                "content/reports/bad-dates.md:8:10: error: 'due' is not a real date: 2023-02-30 "
                "[date]"},
               1);
}

TEST(E2eDiagnosticCodes, DateWithSourceLineAndCaret) {
  RunResult r = check_fixture("date");
  EXPECT_EQ(r.out,
            "content/reports/bad-dates.md:3:7: error: 'date' must be a date written YYYY-MM-DD, "
            "not '2023/02/03' [date]\n"
            "  date: 2023/02/03\n"
            "        ^\n"
            "content/reports/bad-dates.md:8:10: error: 'due' is not a real date: 2023-02-30 "
            "[date]\n"
            "      due: 2023-02-30\n"
            "           ^\n"
            "2 errors, 0 warnings\n");
}

TEST(E2eDiagnosticCodes, Id) {
  expect_check("id",
               {"content/reports/Bad_Name.md:1:1: error: file name 'Bad_Name' is not a valid "
                "report id: use lower-case ASCII letters, digits and '-' (for example 'bad-name') "
                "[id]",
                "content/reports/Bad_Name.md:6:9: error: '问题1' is not a valid issue id "
                "(letters, digits, '-' and '_', at most 64) [id]",
                "content/reports/Bad_Name.md:8:9: error: 'I 2' is not a valid issue id (letters, "
                "digits, '-' and '_', at most 64) [id]"},
               1);
}

TEST(E2eDiagnosticCodes, Status) {
  expect_check("status",
               {"content/regulations/jilv-chufen-tiaoli.md:3:9: error: unknown status 'valid': "
                "use in-force, amended or repealed [status]",
                "content/reports/bad-status.md:8:13: error: unknown status 'finished': use "
                "planned, in-progress or done [status]"},
               1);
}

TEST(E2eDiagnosticCodes, Url) {
  expect_check("url",
               {"content/regulations/jilv-chufen-tiaoli.md:3:6: error: 'url' must be a web address "
                "(https://… or http://…, no spaces or quotes) [url]",
                "content/regulations/yinhao.md:3:6: error: 'url' must be a web address "
                "(https://… or http://…, no spaces or quotes) [url]",
                "content/site.yaml:2:11: error: 'base_url' must be a web address (https://… or "
                "http://…, no spaces or quotes) [url]"},
               1);
}

TEST(E2eDiagnosticCodes, DuplicateId) {
  expect_check("duplicate-id",
               {"content/reports/2023/zicha-baogao.md:1:1: error: duplicate report id "
                "'zicha-baogao': content/reports/2022/zicha-baogao.md has the same file name "
                "[duplicate-id]"},
               1);
}

TEST(E2eDiagnosticCodes, DuplicateItem) {
  expect_check("duplicate-item",
               {"content/reports/twice.md:8:9: error: duplicate item id 'I1' (first at line 6) "
                "[duplicate-item]",
                "content/reports/twice.md:18:11: error: 'M1' is anchored twice (first at line 16) "
                "[duplicate-item]"},
               1);
}

TEST(E2eDiagnosticCodes, DuplicateName) {
  expect_check("duplicate-name",
               {"content/regulations/wenze-tiaoli.md:3:17: error: '条例' already names regulation "
                "'jilv-chufen-tiaoli' [duplicate-name]"},
               1);
}

TEST(E2eDiagnosticCodes, Anchor) {
  expect_check("anchor",
               {"content/reports/anchors.md:12:12: error: heading anchor '{#I9}' names no issue or "
                "measure of this report's front matter [anchor]",
                "content/reports/anchors.md:14:9: error: '{#问题}' is not a valid item id "
                "(letters, digits, '-' and '_', at most 64) [anchor]"},
               1);
}

// Front-matter item refs (both sides, same and other report), body links
// (scheme and file) and a unit's parent.
TEST(E2eDiagnosticCodes, Ref) {
  expect_check(
      "ref",
      {"content/reports/dangling.md:8:16: error: unknown measure 'M9' [ref]",
       "content/reports/dangling.md:12:21: error: unknown report 'meiyou-baogao' in "
       "'meiyou-baogao#I1' [ref]",
       "content/reports/dangling.md:12:39: error: unknown issue 'I2' [ref]",
       "content/reports/dangling.md:15:2: error: unknown report 'meiyou-baogao' [ref]",
       "content/reports/dangling.md:15:32: error: unknown measure 'M7' [ref]",
       "content/reports/dangling.md:15:49: error: link target not found: 'assets/meiyou.pdf' "
       "(attachments belong in the content folder's assets/) [ref]",
       "content/units/ceshi-ju.md:3:9: error: unknown parent unit 'buzai-ju' [ref]"},
      1);
}

TEST(E2eDiagnosticCodes, Path) {
  expect_check("path",
               {"content/assets/附件.txt:1:1: error: is published as assets/fu-jian.txt, like "
                "content/assets/fu-jian.txt: rename one of them [path]",
                "content/reports/outside.md:7:2: error: link '../../outside.md' leads outside the "
                "content folder [path]"},
               1);
}

// Two attachments whose names differ only in case (made here: such a pair
// cannot be checked out on a case-insensitive file system).
TEST(E2eDiagnosticCodes, PathOfAssetsDifferingOnlyInCase) {
  TempDir dir;
  copy_fixture(dir, "invalid", "warnings");
  write_file(dir / "content/assets/Scan.PDF", "%PDF-1.4\n");
  write_file(dir / "content/assets/scan.pdf", "%PDF-1.4\n");
  RunResult r = run_dossier(dir.path(), {"check"});
  Lines lines = diagnostic_lines(r.out);
  ASSERT_FALSE(lines.empty()) << r.out;
  EXPECT_EQ(lines.front(),
            "content/assets/scan.pdf:1:1: error: is published as assets/scan.pdf, like "
            "content/assets/Scan.PDF: rename one of them [path]");
  EXPECT_EQ(r.exit_code, 1);
}

TEST(E2eDiagnosticCodes, PathOfSymlinkLeavingContent) {
  TempDir dir;
  copy_fixture(dir, "invalid", "warnings");
  write_file(dir / "secret.md", "---\ntitle: 外部文件\n---\n");
  fs::create_symlink("../../secret.md", dir / "content/reports/linked.md");
  RunResult r = run_dossier(dir.path(), {"check"});
  Lines lines = diagnostic_lines(r.out);
  ASSERT_FALSE(lines.empty()) << r.out;
  EXPECT_EQ(lines.front(),
            "content/reports/linked.md:1:1: error: symbolic link leads outside the content "
            "folder: ignored [path]");
  EXPECT_EQ(r.exit_code, 1);
}

// An attachment whose published path would pass 200 characters (Windows
// shares): each of its Chinese folder names becomes a 60-character slug.
TEST(E2eDiagnosticCodes, PathTooLongForAnAsset) {
  TempDir dir;
  copy_fixture(dir, "invalid", "warnings");
  std::string folder;
  for (int i = 0; i < 6; ++i) folder += "很长的文件夹名称";
  std::string rel = "assets", published = "assets";
  for (int i = 0; i < 4; ++i) {
    rel += "/" + folder;
    published += "/hen-zhang-de-wen-jian-jia-ming-cheng-hen-zhang-de-wen-jian-j";
  }
  write_file(dir / "content" / rel / "a.pdf", "%PDF-1.4\n");
  RunResult r = run_dossier(dir.path(), {"check"});
  Lines lines = diagnostic_lines(r.out);
  ASSERT_FALSE(lines.empty()) << r.out;
  std::string expected = "content/" + rel + "/a.pdf:1:1: error: output path longer than 200 ";
  expected += "characters: " + published + "/a.pdf [path]";
  EXPECT_EQ(lines.front(), expected);
  EXPECT_EQ(r.exit_code, 1);
}

// The lines of the "warnings" fixture's check with code `code`.
Lines warnings_with_code(std::string_view code) {
  RunResult r = check_fixture("warnings");
  EXPECT_EQ(r.exit_code, 0) << "warnings and notes do not fail a check";
  Lines out;
  for (auto& line : diagnostic_lines(r.out))
    if (line.ends_with(" [" + std::string(code) + "]")) out.push_back(line);
  return out;
}

TEST(E2eDiagnosticCodes, UnknownUnit) {
  EXPECT_EQ(warnings_with_code("unknown-unit"),
            Lines{"content/reports/warned.md:4:14: warning: unknown unit '市不存在局' (not in "
                  "units/): it gets a page all the same [unknown-unit]"});
}

TEST(E2eDiagnosticCodes, UnknownRegulation) {
  EXPECT_EQ(warnings_with_code("unknown-regulation"),
            Lines{"content/reports/warned.md:5:15: warning: unknown regulation '不存在的规定' (not "
                  "in regulations/) [unknown-regulation]"});
}

TEST(E2eDiagnosticCodes, UnknownKey) {
  EXPECT_EQ(warnings_with_code("unknown-key"),
            (Lines{"content/reports/warned.md:6:1: warning: unknown key 'shenpi_ren' in report "
                   "front matter is kept but shown nowhere [unknown-key]",
                   "content/reports/warned.md:10:5: warning: unknown key 'owner' in issue is kept "
                   "but shown nowhere [unknown-key]"}));
}

TEST(E2eDiagnosticCodes, Image) {
  EXPECT_EQ(warnings_with_code("image"),
            Lines{"content/reports/warned.md:13:1: warning: image from outside the archive is "
                  "shown as a link: put it in assets/ [image]"});
}

TEST(E2eDiagnosticCodes, Citation) {
  EXPECT_EQ(warnings_with_code("citation"),
            Lines{"content/reports/warned.md:15:3: note: unregistered citation "
                  "《关于某某工作的通知》 [citation]"});
}

// The whole list of the fixture, sorted by position, exit 0.
TEST(E2eDiagnosticCodes, WarningsAndNoteTogether) {
  expect_check(
      "warnings",
      {"content/reports/warned.md:4:14: warning: unknown unit '市不存在局' (not in units/): it "
       "gets a page all the same [unknown-unit]",
       "content/reports/warned.md:5:15: warning: unknown regulation '不存在的规定' (not in "
       "regulations/) [unknown-regulation]",
       "content/reports/warned.md:6:1: warning: unknown key 'shenpi_ren' in report front matter "
       "is kept but shown nowhere [unknown-key]",
       "content/reports/warned.md:10:5: warning: unknown key 'owner' in issue is kept but shown "
       "nowhere [unknown-key]",
       "content/reports/warned.md:13:1: warning: image from outside the archive is shown as a "
       "link: put it in assets/ [image]",
       "content/reports/warned.md:15:3: note: unregistered citation 《关于某某工作的通知》 "
       "[citation]"},
      0);
}

TEST(E2eDiagnosticCodes, File) {
  expect_check("file",
               {"content/reports/2024-baogao.txt:1:1: warning: not a Markdown report: ignored "
                "(convert it with `dossier import`) [file]",
                "content/reports/notes.csv:1:1: warning: not a .md file: ignored [file]",
                "content/units/sub/ceshi-ke.md:1:1: warning: registry files belong directly in "
                "units/: ignored [file]"},
               0);
}

TEST(E2eDiagnostics, SummaryLineCountsEachSeverity) {
  RunResult r = check_fixture("warnings");
  ASSERT_FALSE(lines_of(r.out).empty());
  EXPECT_EQ(lines_of(r.out).back(), "0 errors, 5 warnings, 1 note");
}

TEST(E2eDiagnostics, EveryProblemOfOneFileInOneRun) {
  expect_check(
      "many-problems",
      {"content/reports/mixed.md:3:7: error: 'date' is not a real date: 2023-13-01 [date]",
       "content/reports/mixed.md:5:1: warning: unknown key 'pizhun' in report front matter is "
       "kept but shown nowhere [unknown-key]",
       "content/reports/mixed.md:9:16: error: unknown measure 'M9' [ref]",
       "content/reports/mixed.md:14:10: error: 'due' is not a real date: 2024-02-30 [date]",
       "content/reports/mixed.md:15:13: error: unknown status 'done-ish': use planned, "
       "in-progress or done [status]",
       "content/reports/mixed.md:20:8: error: heading anchor '{#I2}' names no issue or measure "
       "of this report's front matter [anchor]",
       "content/reports/mixed.md:22:2: error: link target not found: 'assets/meiyou.pdf' "
       "(attachments belong in the content folder's assets/) [ref]",
       "content/reports/mixed.md:22:29: note: unregistered citation 《某某通知》 [citation]",
       "content/reports/mixed.md:24:1: warning: image from outside the archive is shown as a "
       "link: put it in assets/ [image]"},
      1);
}

// `--format json` lists the same diagnostics as the text, with the counts.
TEST(E2eDiagnostics, JsonFormatGivesTheSameList) {
  for (std::string_view name : {"many-problems", "ref", "warnings"}) {
    SCOPED_TRACE(name);
    RunResult text = check_fixture(name);
    RunResult json = check_fixture(name, {"--format", "json"});
    EXPECT_EQ(json.exit_code, text.exit_code);
    auto doc = nlohmann::json::parse(json.out);
    Lines from_json;
    int counts[3] = {0, 0, 0};
    for (const auto& d : doc.at("diagnostics")) {
      std::string severity = d.at("severity");
      from_json.push_back(
          d.at("file").get<std::string>() + ":" + std::to_string(d.at("line").get<int>()) + ":" +
          std::to_string(d.at("column").get<int>()) + ": " + severity + ": " +
          d.at("message").get<std::string>() + " [" + d.at("code").get<std::string>() + "]");
      ++counts[severity == "error" ? 0 : severity == "warning" ? 1 : 2];
    }
    EXPECT_EQ(from_json, diagnostic_lines(text.out));
    EXPECT_EQ(doc.at("errors"), counts[0]);
    EXPECT_EQ(doc.at("warnings"), counts[1]);
    EXPECT_EQ(doc.at("notes"), counts[2]);
  }
}

TEST(E2eExitCodes, CleanArchiveIsZero) {
  TempDir dir;
  copy_fixture(dir, "valid", "status");
  RunResult r = run_dossier(dir.path(), {"check"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "0 errors, 0 warnings\n");
}

TEST(E2eExitCodes, ContentErrorsAreOne) {
  EXPECT_EQ(check_fixture("ref").exit_code, 1);
  EXPECT_EQ(check_fixture("many-problems", {"--format", "json"}).exit_code, 1);
}

TEST(E2eExitCodes, BadOptionsAreTwo) {
  TempDir dir;
  copy_fixture(dir, "valid", "status");
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {},
           {"frobnicate"},
           {"check", "--format", "xml"},
           {"check", "--no-such-option"},
           {"build", "--jobs", "-1"},
           {"build", "--jobs", "many"},
           {"build", "content", "extra-argument"},
       }) {
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    SCOPED_TRACE(joined);
    RunResult r = run_dossier(dir.path(), args);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_NE(r.err, "");
  }
  EXPECT_FALSE(fs::exists(dir / "site"));
  RunResult jobs = run_dossier(dir.path(), {"build", "--jobs", "-1"});
  EXPECT_EQ(lines_of(jobs.err).front(), "--jobs: Value -1 not in range 0 to 1024");
}

TEST(E2eExitCodes, HelpAndVersionAreZero) {
  TempDir dir;
  EXPECT_EQ(run_dossier(dir.path(), {"--help"}).exit_code, 0);
  RunResult v = run_dossier(dir.path(), {"--version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_TRUE(v.out.starts_with("dossier ")) << v.out;
}

TEST(E2eExitCodes, StrictMakesWarningsErrors) {
  RunResult lax = check_fixture("warnings");
  EXPECT_EQ(lax.exit_code, 0);
  RunResult strict = check_fixture("warnings", {"--strict"});
  EXPECT_EQ(strict.exit_code, 1);
  Lines lines = diagnostic_lines(strict.out);
  ASSERT_EQ(lines.size(), 6u) << strict.out;
  EXPECT_EQ(lines[0],
            "content/reports/warned.md:4:14: error: unknown unit '市不存在局' (not in units/): it "
            "gets a page all the same [unknown-unit]");
  // Notes never fail.
  EXPECT_EQ(lines[5],
            "content/reports/warned.md:15:3: note: unregistered citation 《关于某某工作的通知》 "
            "[citation]");
  EXPECT_EQ(lines_of(strict.out).back(), "5 errors, 0 warnings, 1 note");

  // And for build: nothing is written.
  TempDir dir;
  copy_fixture(dir, "invalid", "warnings");
  RunResult build = run_dossier(dir.path(), {"build", "--strict", "-o", "site"});
  EXPECT_EQ(build.exit_code, 1) << build.err;
  EXPECT_FALSE(fs::exists(dir / "site"));
  RunResult lax_build = run_dossier(dir.path(), {"build", "-o", "site"});
  EXPECT_EQ(lax_build.exit_code, 0) << lax_build.err;
  EXPECT_TRUE(fs::exists(dir / "site/index.html"));
}

// A build shows warnings and errors but stays quiet about notes.
TEST(E2eDiagnostics, BuildListsWarningsButNotNotes) {
  TempDir dir;
  copy_fixture(dir, "invalid", "warnings");
  RunResult r = run_dossier(dir.path(), {"build", "-o", "site"});
  Lines lines = diagnostic_lines(r.err);
  ASSERT_EQ(lines.size(), 5u) << r.err;
  for (const auto& line : lines) EXPECT_EQ(line.find(": note: "), std::string::npos) << line;
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace dossier::e2e
