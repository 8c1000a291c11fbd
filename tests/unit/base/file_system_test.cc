// Tests for base/file_system: the in-memory tree the load tests use, and the
// real file system's handling of hidden files and symlinks.
#include "base/file_system.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "../test_support.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> paths(const std::vector<TreeEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries)
    out.push_back(e.path + (e.kind == TreeEntry::Kind::kOutsideLink ? " (outside)" : ""));
  return out;
}

TEST(MemoryFileSystem, ListsFilesBelowAFolderSortedWithoutHiddenOnes) {
  MemoryFileSystem mem;
  mem.add("content/reports/b.md", "b");
  mem.add("content/reports/2023/a.md", "a");
  mem.add("content/.git/config", "x");
  mem.add("content/reports/.DS_Store", "x");
  mem.add("contents/other.md", "x");
  mem.add("other/x.md", "x");
  EXPECT_EQ(paths(mem.list_tree("content")),
            (std::vector<std::string>{"reports/2023/a.md", "reports/b.md"}));
  EXPECT_EQ(paths(mem.list_tree("content/")), paths(mem.list_tree("content")));
  EXPECT_TRUE(mem.list_tree("missing").empty());
}

TEST(MemoryFileSystem, FilesAndFolders) {
  MemoryFileSystem mem;
  mem.add("content/site.yaml", "title: x\n");
  EXPECT_TRUE(mem.is_file("content/site.yaml"));
  EXPECT_FALSE(mem.is_file("content"));
  EXPECT_TRUE(mem.is_directory("content"));
  EXPECT_TRUE(mem.is_directory("content/"));
  EXPECT_FALSE(mem.is_directory("cont"));
  EXPECT_FALSE(mem.is_directory("content/site.yaml"));
  EXPECT_EQ(mem.read_file("content/site.yaml").value(), "title: x\n");
  auto missing = mem.read_file("content/none.md");
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().message(), "cannot read content/none.md: No such file");
}

class RealFileSystemTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(root_ / "content/reports/2023");
    fs::create_directories(root_ / "content/.git");
    fs::create_directories(root_ / "outside");
  }
  void write(const std::string& rel, const std::string& data) {
    test::write_file(root_ / rel, data);
  }

  test::TempDir dir_;
  fs::path root_ = dir_.path();
};

TEST_F(RealFileSystemTest, ListsSortedSkipsHiddenAndFlagsLinksLeavingTheTree) {
  write("content/reports/2023/a.md", "a");
  write("content/reports/b.md", "b");
  write("content/.git/config", "x");
  write("content/.hidden.md", "x");
  write("outside/secret.txt", "s");
  fs::create_symlink(root_ / "outside/secret.txt", root_ / "content/reports/link.md");
  fs::create_symlink(root_ / "content/reports/b.md", root_ / "content/reports/same.md");
  RealFileSystem real;
  EXPECT_EQ(paths(real.list_tree((root_ / "content").string())),
            (std::vector<std::string>{"reports/2023/a.md", "reports/b.md",
                                      "reports/link.md (outside)", "reports/same.md"}));
  EXPECT_TRUE(real.is_directory((root_ / "content").string()));
  EXPECT_TRUE(real.is_file((root_ / "content/reports/b.md").string()));
  EXPECT_EQ(real.read_file((root_ / "content/reports/b.md").string()).value(), "b");
  EXPECT_FALSE(real.read_file((root_ / "content/none.md").string()).is_ok());
  EXPECT_TRUE(real.list_tree((root_ / "missing").string()).empty());
}

// The build asks for every content file ahead of parsing it: the hint must
// leave the file as it was and hold no descriptor (a build reads tens of
// thousands of files).
TEST_F(RealFileSystemTest, PrefetchLeavesFilesAsTheyWereAndKeepsNoDescriptor) {
  write("content/reports/a.md", "---\ntitle: 甲\n---\n正文\n");
  RealFileSystem real;
  auto open_descriptors = [] {
    return std::distance(fs::directory_iterator("/proc/self/fd"), fs::directory_iterator());
  };
  auto before = open_descriptors();
  for (int i = 0; i < 2000; ++i) {
    real.prefetch((root_ / "content/reports/a.md").string());
    real.prefetch((root_ / "content/reports/none.md").string());
  }
  EXPECT_EQ(open_descriptors(), before);
  EXPECT_EQ(real.read_file((root_ / "content/reports/a.md").string()).value(),
            "---\ntitle: 甲\n---\n正文\n");
  EXPECT_FALSE(fs::exists(root_ / "content/reports/none.md"));
}

}  // namespace
}  // namespace dossier
