// `dossier import` and `dossier new report` end to end: the five seed
// reports (tests/shared-corpus/seeds) as UTF-8, GBK, UTF-16 and .docx
// (tests/import-fixtures, made by tests/tools/make_docx_fixtures.py) are
// imported into a copy of the sample archive, which must then check and
// build, with each report's issues and measures anchored on its page.
#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <map>
#include <regex>

#include "e2e/harness.h"

namespace dossier::e2e {
namespace {

// Seed stem prefix -> issues and measures expected (issue 5's acceptance).
const std::map<std::string, std::pair<int, int>> kExpected = {
    {"000", {3, 5}}, {"001", {4, 5}}, {"002", {3, 3}}, {"003", {5, 5}}, {"004", {4, 4}}};

fs::path seeds() {
  return fs::path(DOSSIER_SOURCE_DIR) / "tests/shared-corpus/seeds";
}

std::string encode(const std::string& utf8, const char* encoding) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<size_t>(u.length()) * 4 + 4, '\0');
  int32_t n = u.extract(0, u.length(), out.data(), static_cast<uint32_t>(out.size()), encoding);
  out.resize(static_cast<size_t>(n));
  return out;
}

// Writes the seeds into `dir` in one encoding ("" = as they are).
void write_seeds(const fs::path& dir, const std::string& encoding) {
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(seeds())) {
    std::string text = read_file(e.path());
    if (encoding == "GBK") text = encode(text, "GBK");
    if (encoding == "UTF-16LE") text = "\xFF\xFE" + encode(text, "UTF-16LE");
    write_file(dir / e.path().filename(), text);
  }
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != text.npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Imports `inputs`, checks the counts of every written file, then checks and
// builds the archive and looks at the report pages.
void import_and_build(const std::string& inputs) {
  TempDir dir;
  fs::copy(sample_content(), dir / "content", fs::copy_options::recursive);
  RunResult r = run_dossier(dir.path(), {"import", inputs, "--date", "2023-03-01"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(Contains(r.out, "check: 5 imported file(s): 0 error(s)"));
  static const std::regex line("import .*/([0-9]{3})_[^ ]* → (content/reports/[^\\n]*\\.md)");
  int files = 0;
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), line), end; it != end; ++it, ++files) {
    std::string md = read_file(dir / (*it)[2].str());
    auto [issues, measures] = kExpected.at((*it)[1].str());
    EXPECT_EQ(count(md, "{#I"), issues) << (*it)[2].str();
    EXPECT_EQ(count(md, "{#M"), measures) << (*it)[2].str();
    EXPECT_EQ(count(md, "  - id: I"), issues);
    EXPECT_TRUE(Contains((*it)[2].str(), "content/reports/2023/2023-03-01-"));
  }
  EXPECT_EQ(files, 5);
  RunResult check = run_dossier(dir.path(), {"check", "content"});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  RunResult build = run_dossier(dir.path(), {"build", "content", "-o", "site"});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  int pages = 0;
  for (const auto& page : load_pages(dir / "site")) {
    if (page.path.rfind("reports/2023-03-01-", 0) != 0) continue;
    ++pages;
    EXPECT_TRUE(page.html->by_id("I1")) << page.path;
    EXPECT_TRUE(page.html->by_id("M1")) << page.path;
  }
  EXPECT_EQ(pages, 5);
}

TEST(Import, SeedsInUtf8) {
  TempDir in;
  write_seeds(in / "seeds", "");
  import_and_build((in / "seeds").string());
}

TEST(Import, SeedsInGbk) {
  TempDir in;
  write_seeds(in / "seeds", "GBK");
  import_and_build((in / "seeds").string());
}

TEST(Import, SeedsInUtf16) {
  TempDir in;
  write_seeds(in / "seeds", "UTF-16LE");
  import_and_build((in / "seeds").string());
}

TEST(Import, SeedsAsDocx) {
  import_and_build((fs::path(DOSSIER_SOURCE_DIR) / "tests/import-fixtures").string());
}

TEST(Import, ReportsWhatItFoundAndGuessed) {
  TempDir dir;
  fs::copy(sample_content(), dir / "content", fs::copy_options::recursive);
  RunResult r =
      run_dossier(dir.path(), {"import", (seeds() / "002_09617fdc37cfe9dc.txt").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Contains(r.out, "  date: from text '2022年以来' → 2022-01-01\n"));
  EXPECT_TRUE(
      Contains(r.out, "  unit: from text '市文化和旅游局机关党委' → 市文化和旅游局机关党委\n"));
  EXPECT_TRUE(Contains(r.out, "content/reports/2022/2022-01-01-wenlv-jiguan-dangwei.md"));
  // A second import never overwrites the first.
  RunResult again =
      run_dossier(dir.path(), {"import", (seeds() / "002_09617fdc37cfe9dc.txt").string()});
  EXPECT_TRUE(Contains(again.out, "2022-01-01-wenlv-jiguan-dangwei-2.md"));
  RunResult unit =
      run_dossier(dir.path(), {"import", (seeds() / "004_aa7c3ad28f17e7b9.txt").string(), "--unit",
                               "市博物馆", "--date", "2023-05-04"});
  EXPECT_TRUE(Contains(unit.out, "  unit: not found in the opening, used --unit 市博物馆\n"));
  EXPECT_TRUE(Contains(unit.out, "2023-05-04-shi-bowuguan.md"));
}

TEST(Import, UnreadableFilesAreSkippedAndTheRestImported) {
  TempDir dir;
  fs::copy(sample_content(), dir / "content", fs::copy_options::recursive);
  fs::create_directories(dir / "in");
  fs::copy(seeds() / "003_de37e5120c3870ed.txt", dir / "in/a.txt");
  write_file(dir / "in/b.txt", "");
  write_file(dir / "in/c.txt", std::string("\x7f"
                                           "ELF\x02\x01\x01\x00\x00\x00\x00",
                                           12));
  write_file(dir / "in/d.docx", "PK not really a zip");
  RunResult r = run_dossier(dir.path(), {"import", "in", "missing.txt"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(Contains(r.err, "dossier: in/b.txt: the file is empty; skipped\n"));
  EXPECT_TRUE(Contains(r.err, "dossier: in/c.txt: not a text file"));
  EXPECT_TRUE(Contains(r.err, "dossier: in/d.docx: not a Word document"));
  EXPECT_TRUE(Contains(r.err, "dossier: missing.txt: no such file or folder; skipped\n"));
  EXPECT_TRUE(Contains(r.out, "imported 1 of 5 file(s), 4 skipped\n"));
  EXPECT_EQ(run_dossier(dir.path(), {"check", "content"}).exit_code, 0);
}

// An old text file's control characters (its closing ^Z, a vertical tab
// for a line break) do not reach the content, which then checks clean.
TEST(Import, ControlCharactersOfOldTextFilesAreDropped) {
  TempDir dir;
  fs::copy(sample_content(), dir / "content", fs::copy_options::recursive);
  std::string text = read_file(seeds() / "003_de37e5120c3870ed.txt");
  size_t issues = text.find("存在的问题");
  ASSERT_NE(issues, std::string::npos);
  text.insert(text.find('\n', issues), "\v");
  write_file(dir / "old.txt", text + "\x1a");
  RunResult r = run_dossier(dir.path(), {"import", "old.txt", "--date", "2023-03-01"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(Contains(r.out, "check: 1 imported file(s): 0 error(s)")) << r.out;
  EXPECT_EQ(run_dossier(dir.path(), {"check", "content"}).exit_code, 0);
}

TEST(Import, BadDateIsAUsageError) {
  TempDir dir;
  RunResult r = run_dossier(dir.path(), {"import", "x.txt", "--date", "2023-02-30"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(Contains(r.err, "--date must be a day written YYYY-MM-DD"));
}

TEST(NewReport, WritesASkeletonThatChecks) {
  TempDir dir;
  fs::copy(sample_content(), dir / "content", fs::copy_options::recursive);
  RunResult r =
      run_dossier(dir.path(), {"new", "report", "--unit", "市图书馆", "--title", "测试报告"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::smatch m;
  static const std::regex wrote("wrote (content/reports/[0-9]{4}/[0-9-]+-shi-tushuguan\\.md)");
  ASSERT_TRUE(std::regex_search(r.out, m, wrote)) << r.out;
  std::string md = read_file(dir / m[1].str());
  EXPECT_TRUE(Contains(md, "title: 测试报告\n"));
  EXPECT_TRUE(Contains(md, "## 二、存在的问题"));
  EXPECT_TRUE(Contains(md, "### 一是主体责任落实还不够深入 {#I1}"));
  RunResult check = run_dossier(dir.path(), {"check", "content"});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_EQ(run_dossier(dir.path(), {"new", "page"}).exit_code, 2);
}

}  // namespace
}  // namespace dossier::e2e
