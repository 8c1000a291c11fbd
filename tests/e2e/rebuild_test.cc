// A build into the folder of the site it replaces (the usual rebuild after
// an edit): the new site is the one a build into an empty folder gives, and
// each file that did not change is the previous site's file, not a copy.
#include <sys/stat.h>

#include <algorithm>
#include <map>

#include <gtest/gtest.h>

#include "e2e/harness.h"

namespace dossier::e2e {
namespace {

// Relative path -> inode of every file below `root`.
std::map<std::string, ino_t> inodes(const fs::path& root) {
  std::map<std::string, ino_t> out;
  for (const std::string& path : list_files(root)) {
    struct stat st {};
    EXPECT_EQ(::lstat((root / path).c_str(), &st), 0) << path;
    out[path] = st.st_ino;
  }
  return out;
}

TEST(E2eRebuild, AnEditedReportRebuildsIntoTheSameSiteAsAFreshBuild) {
  TempDir dir;
  fs::copy(sample_content(), dir / "content", fs::copy_options::recursive);
  ASSERT_EQ(run_dossier(dir.path(), {"build", "content", "-o", "site"}).exit_code, 0);
  std::map<std::string, std::string> before = hash_tree(dir / "site");
  std::map<std::string, ino_t> before_inodes = inodes(dir / "site");

  // One report's body gains a paragraph.
  fs::path report;
  for (const auto& e : fs::recursive_directory_iterator(dir / "content/reports"))
    if (e.path().extension() == ".md") report = e.path();
  ASSERT_FALSE(report.empty());
  write_file(report, read_file(report) + "\n重建测试新增的一段文字。\n");

  RunResult rebuilt = run_dossier(dir.path(), {"build", "content", "-o", "site"});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  RunResult fresh = run_dossier(dir.path(), {"build", "content", "-o", "fresh"});
  ASSERT_EQ(fresh.exit_code, 0) << fresh.err;
  // The same files, but for the Xapian database's UUID (new each build) and
  // so the manifest, which lists its hash.
  std::map<std::string, std::string> after = hash_tree(dir / "site"),
                                     expected = hash_tree(dir / "fresh");
  for (const char* differs : {"search/xapian/iamglass", "manifest.json"}) {
    EXPECT_NE(after[differs], expected[differs]) << differs;
    after.erase(differs);
    expected.erase(differs);
  }
  EXPECT_EQ(after, expected);

  std::map<std::string, ino_t> after_inodes = inodes(dir / "site");
  std::string edited_page = "reports/" + report.stem().string() + "/index.html";
  size_t other_pages = 0;
  for (const auto& [path, sha] : after) {
    // Xapian writes its database itself, anew each build.
    if (!before.contains(path) || path.starts_with("search/xapian/")) continue;
    bool same = before[path] == sha;
    EXPECT_EQ(after_inodes[path] == before_inodes[path], same)
        << path << (same ? " did not change: the previous site's file" : " changed: a new file");
    bool report_page =
        path.starts_with("reports/") && std::count(path.begin(), path.end(), '/') == 2;
    if (report_page && path != edited_page) {
      EXPECT_TRUE(same) << path;
      ++other_pages;
    }
  }
  EXPECT_NE(before[edited_page], after[edited_page]);
  EXPECT_EQ(other_pages, 4u) << "the sample archive's other reports";
}

}  // namespace
}  // namespace dossier::e2e
