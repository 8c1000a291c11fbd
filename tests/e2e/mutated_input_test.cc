// Mutated input (README "Damaged input"): the valid fixture archives and the
// .docx import fixtures, changed at random, go through the real binary.
// The random numbers come from a fixed seed, so every run makes the same
// changes and a failure names the round that replays it. Whatever the
// change: `check` and `build` exit 0 or 1 (SPEC §3) and agree, every
// diagnostic names its line and column, a failed build leaves the previous site as it
// was, and a site built holds nothing live; an import writes a report that
// checks without errors, or skips the file with a message.
#include <zip.h>

#include <algorithm>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/harness.h"
#include "e2e/live_markup.h"

namespace dossier::e2e {
namespace {

constexpr int kContentRounds = 12;  // per fixture archive
constexpr int kImportRounds = 12;   // per .docx

// Changes bytes the way damaged files and careless edits do: a byte
// replaced, a run deleted, a token inserted, the end cut off, a run doubled.
class Mutator {
 public:
  // The same `seed` gives the same changes.
  Mutator(const std::string& seed, std::vector<std::string> tokens) : tokens_(std::move(tokens)) {
    std::seed_seq seq(seed.begin(), seed.end());
    random_.seed(seq);
  }
  size_t below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }

  // `data` changed once; `what` gets a line saying how.
  std::string mutate(std::string data, std::string& what) {
    size_t at = below(data.size() + 1), op = below(5);
    what += " op " + std::to_string(op) + " at " + std::to_string(at) + ";";
    if (data.empty() || op == 0) return data.insert(at, tokens_[below(tokens_.size())]);
    at = std::min(at, data.size() - 1);
    if (op == 1) data[at] = static_cast<char>(below(256));
    if (op == 2) data.erase(at, 1 + below(40));
    if (op == 3) data.resize(at);
    if (op == 4) data.insert(at, data.substr(at, 1 + below(400)));
    return data;
  }

 private:
  std::mt19937 random_;
  std::vector<std::string> tokens_;
};

// clang-format off
const std::vector<std::string> kContentTokens = {
    "\n---\n", "<script>alert(1)</script>", "{{x}}", "\xE4\xB8", "\xFF", std::string(1, '\0'),
    "\x1A", "\t", "\r", "[x](javascript:alert(1))", "{#I1}", "  - id: I1\n", "*&a [", "!!binary ",
    "%YAML 1.2\n", "\n  - ", ": ", "'", "\"", "|\n", "\n## ", " {#", "[[", "]]", "![a](b.png)",
    "<!--", "\xEF\xBB\xBF", "```\n", "| a | b |\n|---|---|\n", "due: 2024-02-30\n", "status: ",
    "addresses: [", "cites: [", "\xED\xA0\x80", std::string(3000, 'x')
};
// clang-format on

// clang-format off
const std::vector<std::string> kDocxTokens = {
    "<w:p>", "</w:p>", "<w:t>", "</w:t>", "&#0;", "&#x110000;", "&lt;script&gt;", "\xFF",
    "\xE4\xB8", "\x07", "<w:numPr><w:ilvl w:val=\"99999999\"/><w:numId w:val=\"-1\"/></w:numPr>",
    "<w:pStyle w:val=\"Heading1\"/>", "<w:outlineLvl w:val=\"-5\"/>", "<w:lvlText w:val=\"%\"/>",
    "<w:r><w:t>二、存在的问题</w:t></w:r>", "<w:r><w:t>三、整改措施</w:t></w:r>",
    "<w:r><w:t>{#I1} --- *&a</w:t></w:r>", "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
};
// clang-format on

bool sanitizer_spoke(const RunResult& r) {
  return r.err.find("Sanitizer") != std::string::npos ||
         r.err.find("runtime error:") != std::string::npos;
}

// A fixture's name as a test's: "cross_report", "docx_000".
std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  if (name.ends_with(".docx")) return "docx_" + name.substr(0, 3);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

class E2eMutatedContent : public testing::TestWithParam<std::string> {};

TEST_P(E2eMutatedContent, ChecksAndBuildsWithoutHarm) {
  TempDir dir;
  std::string name = GetParam();
  ASSERT_EQ(build_fixture(dir, "valid", name).exit_code, 0);
  auto site = hash_tree(dir / "site");
  Mutator m(name, kContentTokens);
  for (int round = 0; round < kContentRounds; ++round) {
    fs::remove_all(dir / "content");
    copy_fixture(dir, "valid", name);
    std::vector<std::string> files = list_files(dir / "content");
    std::string what;
    for (size_t n = 1 + m.below(3); n > 0; --n) {
      std::string file = files[m.below(files.size())];
      what += " " + file;
      write_file(dir / "content" / file, m.mutate(read_file(dir / "content" / file), what));
    }
    SCOPED_TRACE(name + " round " + std::to_string(round) + ":" + what);

    RunResult check = run_dossier(dir.path(), {"check", "content", "--format", "json"});
    RunResult build = run_dossier(dir.path(), {"build", "content", "-o", "site"});
    EXPECT_FALSE(sanitizer_spoke(check)) << check.err;
    EXPECT_FALSE(sanitizer_spoke(build)) << build.err;
    ASSERT_TRUE(build.exit_code == 0 || build.exit_code == 1) << build.err;
    EXPECT_EQ(check.exit_code, build.exit_code) << build.err;
    auto report = nlohmann::json::parse(check.out, nullptr, false);
    ASSERT_FALSE(report.is_discarded()) << check.out;
    for (const auto& d : report["diagnostics"])
      EXPECT_TRUE(d["line"].get<int>() >= 1 && d["column"].get<int>() >= 1) << d.dump();

    if (build.exit_code == 1) {
      EXPECT_TRUE(build.err.ends_with("build failed: site was left as it was\n")) << build.err;
      EXPECT_EQ(hash_tree(dir / "site"), site) << "a failed build changed the site";
      continue;
    }
    site = hash_tree(dir / "site");
    for (const SitePage& page : load_pages(dir / "site"))
      EXPECT_EQ(live_markup(page), std::vector<std::string>{});
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, E2eMutatedContent,
                         testing::Values("citations", "cross-report", "hostile", "registry-bodies",
                                         "status", "units"),
                         test_name);

// `docx` with one of its XML parts changed.
std::string mutate_part(const fs::path& docx, Mutator& m, std::string& what) {
  static const char* kParts[] = {"word/document.xml", "word/styles.xml", "word/numbering.xml"};
  const char* part = kParts[m.below(3)];
  what += std::string(" ") + part;
  int error = 0;
  zip_t* za = zip_open(docx.c_str(), 0, &error);
  if (!za) return read_file(docx);
  zip_stat_t st;
  std::string data;
  zip_file_t* f = zip_stat(za, part, 0, &st) == 0 ? zip_fopen(za, part, 0) : nullptr;
  if (f) {
    data.resize(st.size);
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    for (size_t n = 1 + m.below(3); n > 0; --n) data = m.mutate(data, what);
    zip_source_t* source = zip_source_buffer(za, data.data(), data.size(), 0);
    if (source && zip_file_add(za, part, source, ZIP_FL_OVERWRITE) < 0) zip_source_free(source);
  }
  zip_close(za);  // writes the changed part; `data` must live until here
  return read_file(docx);
}

class E2eMutatedImport : public testing::TestWithParam<std::string> {};

TEST_P(E2eMutatedImport, WritesAReportThatChecksOrSkipsTheFile) {
  TempDir dir;
  std::string name = GetParam();
  fs::path fixture = fs::path(DOSSIER_SOURCE_DIR) / "tests/import-fixtures" / name;
  Mutator m(name, kDocxTokens);
  for (int round = 0; round < kImportRounds; ++round) {
    fs::remove_all(dir / "content");
    fs::create_directories(dir / "content");
    fs::copy_file(fixture, dir / "in.docx", fs::copy_options::overwrite_existing);
    std::string what;
    std::string bytes = mutate_part(dir / "in.docx", m, what);
    if (m.below(8) == 0) bytes = m.mutate(bytes, what);  // the zip itself
    write_file(dir / "in.docx", bytes);
    SCOPED_TRACE(name + " round " + std::to_string(round) + ":" + what);

    RunResult r = run_dossier(dir.path(), {"import", "in.docx", "--into", "content", "--unit",
                                           "测试局", "--date", "2024-01-01"});
    EXPECT_FALSE(sanitizer_spoke(r)) << r.err;
    if (r.exit_code == 3) {
      EXPECT_TRUE(Contains(r.err, "dossier: in.docx: "));
      EXPECT_TRUE(r.err.ends_with("; skipped\n")) << r.err;
      EXPECT_TRUE(Contains(r.out, "imported 0 of 1 file(s), 1 skipped"));
      continue;
    }
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_TRUE(Contains(r.out, "check: 1 imported file(s): 0 error(s)"));
    EXPECT_EQ(run_dossier(dir.path(), {"check", "content"}).exit_code, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, E2eMutatedImport,
                         testing::Values("000_d1bfaa4a5a852cd3.docx", "001_548a5fee932cb2a5.docx",
                                         "002_09617fdc37cfe9dc.docx", "003_de37e5120c3870ed.docx",
                                         "004_aa7c3ad28f17e7b9.docx"),
                         test_name);

}  // namespace
}  // namespace dossier::e2e
