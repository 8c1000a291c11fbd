// Writing the site (SPEC §4, README "The site"): the same input gives a
// byte-identical site; a failed build leaves the previous site as it was and
// no staging folder behind; -o refuses a folder that is not a dossier site.
#include <algorithm>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/harness.h"

namespace dossier::e2e {
namespace {

// The names in a folder (not recursive), sorted.
std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// manifest.json without the entries of the Xapian database.
std::string manifest_without_xapian(const fs::path& site) {
  nlohmann::json m = nlohmann::json::parse(read_file(site / "manifest.json"));
  auto& files = m["files"];
  files.erase(std::remove_if(files.begin(), files.end(),
                             [](const nlohmann::json& f) {
                               return f["path"].get<std::string>().starts_with("search/xapian/");
                             }),
              files.end());
  return m.dump();
}

// Every file of `a` and `b`, byte for byte; the Xapian database aside (SPEC
// §4: its files carry a random UUID, and so do their manifest entries).
void expect_same_tree(const fs::path& a, const fs::path& b) {
  std::vector<std::string> files = list_files(a);
  ASSERT_EQ(files, list_files(b));
  EXPECT_GT(files.size(), 10u);
  for (const auto& rel : files) {
    if (rel.starts_with("search/xapian/")) continue;
    if (rel == "manifest.json") {
      EXPECT_EQ(manifest_without_xapian(a), manifest_without_xapian(b));
      continue;
    }
    EXPECT_TRUE(read_file(a / rel) == read_file(b / rel)) << rel;
  }
}

// Built twice, from the archive where it is and from a copy elsewhere
// named by a relative path: where the content lives leaks into no file.
TEST(E2eDeterminism, SampleArchiveTwiceGivesTheSameBytes) {
  TempDir dir;
  RunResult one = run_dossier(dir.path(), {"build", sample_content().string(), "-o", "one"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  fs::create_directory(dir / "copy");
  fs::copy(sample_content(), dir / "copy/content", fs::copy_options::recursive);
  RunResult two = run_dossier(dir / "copy", {"build", "content", "-o", "../two"});
  ASSERT_EQ(two.exit_code, 0) << two.err;
  expect_same_tree(dir / "one", dir / "two");
  EXPECT_TRUE(fs::exists(dir / "one/manifest.json"));
}

// Nor does the number of threads change a byte.
TEST(E2eDeterminism, JobCountDoesNotChangeTheSite) {
  TempDir dir;
  std::string content = sample_content().string();
  RunResult one = run_dossier(dir.path(), {"build", content, "-o", "serial", "--jobs", "1"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  RunResult many = run_dossier(dir.path(), {"build", content, "-o", "parallel", "--jobs", "8"});
  ASSERT_EQ(many.exit_code, 0) << many.err;
  expect_same_tree(dir / "serial", dir / "parallel");
}

// Unregistered units and topics (slugs from pinyin, hash suffixes) too.
TEST(E2eDeterminism, HostileFixtureTwiceGivesTheSameBytes) {
  TempDir dir;
  copy_fixture(dir, "valid", "hostile");
  for (std::string_view out : {"one", "two"}) {
    RunResult r = run_dossier(dir.path(), {"build", "content", "-o", std::string(out)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  expect_same_tree(dir / "one", dir / "two");
}

// Rewrites every file below `root` with a UTF-8 BOM and CRLF line ends, as
// Windows editors save them.
void to_crlf_with_bom(const fs::path& root) {
  for (const auto& rel : list_files(root)) {
    std::string text = read_file(root / rel), out = "\xEF\xBB\xBF";
    for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    write_file(root / rel, out);
  }
}

// SPEC §2: a BOM and CRLF line ends are accepted, and change nothing.
TEST(E2eDeterminism, CrlfAndBomGiveTheSameSite) {
  TempDir unix_dir, windows_dir;
  ASSERT_EQ(build_fixture(unix_dir, "valid", "citations").exit_code, 0);
  copy_fixture(windows_dir, "valid", "citations");
  to_crlf_with_bom(windows_dir / "content");
  RunResult r = run_dossier(windows_dir.path(), {"build", "content", "-o", "site"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_same_tree(unix_dir / "site", windows_dir / "site");
}

TEST(E2eDeterminism, CrlfAndBomGiveTheSameDiagnostics) {
  TempDir unix_dir, windows_dir;
  copy_fixture(unix_dir, "invalid", "many-problems");
  copy_fixture(windows_dir, "invalid", "many-problems");
  to_crlf_with_bom(windows_dir / "content");
  RunResult unix_check = run_dossier(unix_dir.path(), {"check"});
  RunResult windows_check = run_dossier(windows_dir.path(), {"check"});
  EXPECT_EQ(windows_check.out, unix_check.out);
  EXPECT_EQ(windows_check.exit_code, 1);
}

class E2ePublish : public testing::Test {
 protected:
  void SetUp() override {
    RunResult r = build_fixture(dir_, "valid", "status");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_EQ(entries(dir_.path()), (std::vector<std::string>{"content", "site"}));
  }
  fs::path report() const { return dir_ / "content/reports/2023-xunshi-fankui.md"; }
  RunResult build(const std::string& out = "site") {
    return run_dossier(dir_.path(), {"build", "content", "-o", out});
  }
  TempDir dir_;
};

TEST_F(E2ePublish, FailedBuildKeepsTheOldSite) {
  auto before = hash_tree(dir_ / "site");
  std::string text = read_file(report());
  size_t at = text.find("date: 2023-11-01");
  ASSERT_NE(at, std::string::npos);
  write_file(report(), text.replace(at, 16, "date: 2023-11-31"));

  RunResult r = build();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(diagnostic_lines(r.err),
            std::vector<std::string>{"content/reports/2023-xunshi-fankui.md:3:7: error: 'date' "
                                     "is not a real date: 2023-11-31 [date]"});
  EXPECT_TRUE(Contains(r.err, "build failed: site was left as it was"));
  EXPECT_EQ(hash_tree(dir_ / "site"), before);
  EXPECT_EQ(entries(dir_.path()), (std::vector<std::string>{"content", "site"}))
      << "no staging folder may be left beside the site";
}

TEST_F(E2ePublish, SecondBuildReplacesTheSiteWholly) {
  // A page that no longer has a source must go; no staging folder stays.
  fs::path old_report = dir_ / "site/reports/2023-xunshi-fankui/index.html";
  ASSERT_TRUE(fs::exists(old_report));
  fs::rename(report(), dir_ / "content/reports/2023-xunshi.md");
  RunResult r = build();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(old_report));
  EXPECT_TRUE(fs::exists(dir_ / "site/reports/2023-xunshi/index.html"));
  EXPECT_EQ(entries(dir_.path()), (std::vector<std::string>{"content", "site"}));
}

TEST_F(E2ePublish, RefusesAFolderThatIsNotADossierSite) {
  write_file(dir_ / "papers/notes.txt", "工作笔记\n");
  write_file(dir_ / "papers/sub/a.md", "# 草稿\n");
  auto before = hash_tree(dir_ / "papers");
  RunResult r = build("papers");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err,
            "dossier: refusing to replace papers: it is not empty and not a dossier site (no "
            "manifest.json)\n");
  EXPECT_EQ(hash_tree(dir_ / "papers"), before);
  EXPECT_EQ(entries(dir_.path()), (std::vector<std::string>{"content", "papers", "site"}));
}

// A manifest.json that another tool wrote does not make a folder ours.
TEST_F(E2ePublish, RefusesAFolderWithAForeignManifest) {
  write_file(dir_ / "other/manifest.json", "{\"name\": \"an app\"}\n");
  write_file(dir_ / "other/index.html", "<!DOCTYPE html><title>app</title>\n");
  auto before = hash_tree(dir_ / "other");
  RunResult r = build("other");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(hash_tree(dir_ / "other"), before);
}

TEST_F(E2ePublish, AcceptsAnEmptyFolderAndANewOne) {
  fs::create_directory(dir_ / "empty");
  EXPECT_EQ(build("empty").exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "empty/index.html"));
  EXPECT_EQ(build("new/nested/site").exit_code, 0);
  EXPECT_TRUE(fs::exists(dir_ / "new/nested/site/index.html"));
  EXPECT_EQ(entries(dir_ / "new/nested"), std::vector<std::string>{"site"});
}

TEST_F(E2ePublish, RefusesAFileAsTheSiteFolder) {
  write_file(dir_ / "file.txt", "x");
  RunResult r = build("file.txt");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(read_file(dir_ / "file.txt"), "x");
}

TEST_F(E2ePublish, RefusesAnOutputInsideTheContent) {
  auto before = hash_tree(dir_ / "content");
  RunResult r = build("content/site");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "dossier: the output folder content/site and the content folder content must not "
            "contain each other\n");
  EXPECT_EQ(hash_tree(dir_ / "content"), before);
}

}  // namespace
}  // namespace dossier::e2e
