// Tests for publish/file_ops: hashes, hashed copies (whole and cut), new files,
// symbolic links left alone, removals that prune only empty folders, and
// whole trees removed on several threads.
#include "publish/file_ops.h"

#include <gtest/gtest.h>

#include "../test_support.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class FileOpsTest : public testing::Test {
 protected:
  std::string at(const std::string& rel) const { return (temp_ / rel).string(); }
  test::TempDir temp_;
};

TEST_F(FileOpsTest, CopyReturnsWhatItRead) {
  std::string data(3 << 20, 'q');
  test::write_file(temp_ / "from", data);
  auto copied = copy_file_hashed(at("from"), at("to"));
  ASSERT_TRUE(copied.is_ok()) << copied.status().message();
  EXPECT_EQ(copied.value(), (FileDigest{data.size(), sha256_hex(data)}));
  EXPECT_EQ(test::read_file(temp_ / "to"), data);
}

TEST_F(FileOpsTest, CopyCanStopHalfWay) {
  test::write_file(temp_ / "from", "abcdef");
  auto copied = copy_file_hashed(at("from"), at("to"), 3);
  ASSERT_TRUE(copied.is_ok());
  EXPECT_EQ(test::read_file(temp_ / "to"), "abc");
}

TEST_F(FileOpsTest, CopyNamesTheFileItCannotRead) {
  EXPECT_EQ(copy_file_hashed(at("none"), at("to")).status().message(),
            "cannot read " + at("none") + ": No such file or directory");
  EXPECT_FALSE(fs::exists(temp_ / "to"));
}

TEST_F(FileOpsTest, CreateNewFileRefusesAnExistingOne) {
  ASSERT_TRUE(create_new_file(at("a.html"), "new").is_ok());
  EXPECT_EQ(create_new_file(at("a.html"), "again").message(),
            "cannot write " + at("a.html") + ": File exists");
  EXPECT_EQ(test::read_file(temp_ / "a.html"), "new");
}

// A symbolic link on a share is not written through, nor taken for a file.
TEST_F(FileOpsTest, SymbolicLinksAreNotFollowed) {
  test::write_file(temp_ / "elsewhere", "keep");
  fs::create_symlink(temp_ / "elsewhere", temp_ / "link");
  EXPECT_FALSE(write_whole_file(at("link"), "x").is_ok());
  EXPECT_EQ(test::read_file(temp_ / "elsewhere"), "keep");
  EXPECT_EQ(regular_file_size(at("link")), std::nullopt);
  EXPECT_EQ(regular_file_size(at("elsewhere")), 4u);
  EXPECT_EQ(regular_file_size(at(".")), std::nullopt);
}

TEST_F(FileOpsTest, RemovePrunesOnlyEmptyFolders) {
  test::write_file(temp_ / "site/a/b/c.html", "x");
  test::write_file(temp_ / "site/a/other.txt", "x");
  std::string root = at("site");
  auto removed = remove_file_and_empty_folders(root, "a/b/c.html");
  ASSERT_TRUE(removed.is_ok());
  EXPECT_TRUE(removed.value());
  EXPECT_FALSE(fs::exists(temp_ / "site/a/b"));
  EXPECT_TRUE(fs::exists(temp_ / "site/a/other.txt"));
  ASSERT_TRUE(remove_file_and_empty_folders(root, "a/other.txt").is_ok());
  EXPECT_TRUE(fs::is_directory(temp_ / "site")) << "never the root";
  EXPECT_FALSE(fs::exists(temp_ / "site/a"));
  auto again = remove_file_and_empty_folders(root, "a/other.txt");
  ASSERT_TRUE(again.is_ok());
  EXPECT_FALSE(again.value());
}

TEST_F(FileOpsTest, RemoveTreeTakesAwayEverythingButWhatLinksPointTo) {
  for (int i = 0; i < 1000; ++i)  // several threads' batches
    test::write_file(temp_ / ("site/d" + std::to_string(i % 7) + "/e/" + std::to_string(i)), "x");
  test::write_file(temp_ / "outside/kept.txt", "kept");
  fs::create_directory_symlink(temp_ / "outside", temp_ / "site/d1/folder-link");
  fs::create_symlink(temp_ / "outside/kept.txt", temp_ / "site/file-link");
  fs::create_directories(temp_ / "site/empty/deeper");

  Status s = remove_tree(at("site"), 4);
  ASSERT_TRUE(s.is_ok()) << s.message();
  EXPECT_FALSE(fs::exists(fs::symlink_status(temp_ / "site")));
  EXPECT_EQ(test::read_file(temp_ / "outside/kept.txt"), "kept") << "links are not followed";

  EXPECT_TRUE(remove_tree(at("site"), 4).is_ok()) << "nothing there is no failure";
  test::write_file(temp_ / "plain", "p");
  EXPECT_TRUE(remove_tree(at("plain"), 4).is_ok());
  EXPECT_FALSE(fs::exists(temp_ / "plain"));
}

TEST_F(FileOpsTest, CreateParentFoldersAndRename) {
  ASSERT_TRUE(create_parent_folders(at("site"), "x/y/z.html").is_ok());
  EXPECT_TRUE(fs::is_directory(temp_ / "site/x/y"));
  ASSERT_TRUE(write_whole_file(at("site/x/y/.z.html~tmp"), "z").is_ok());
  ASSERT_TRUE(rename_file(at("site/x/y/.z.html~tmp"), at("site/x/y/z.html")).is_ok());
  EXPECT_EQ(test::read_file(temp_ / "site/x/y/z.html"), "z");
  test::write_file(temp_ / "file", "f");
  EXPECT_FALSE(create_parent_folders(at("file"), "x/y.html").is_ok());
}

TEST_F(FileOpsTest, DigestFileGivesSizeAndSha256) {
  test::TempDir& dir = temp_;
  std::string big(3 << 20, 'x');  // more than one read
  test::write_file(dir / "big", big);
  auto d = digest_file((dir / "big").string());
  ASSERT_TRUE(d.is_ok());
  EXPECT_EQ(d.value(), (FileDigest{big.size(), sha256_hex(big)}));
  EXPECT_EQ(digest_file((dir / "none").string()).status().message(),
            "cannot read " + (dir / "none").string() + ": No such file or directory");
}

}  // namespace
}  // namespace dossier
