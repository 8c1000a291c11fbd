// Tests for publish/site_writer: staging, the swap into place, the manifest,
// refusing a folder that is not a dossier site, leaving the old site
// untouched when a build is abandoned, and a rebuild's reuse of the old
// site's unchanged files.
#include "publish/site_writer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "../test_support.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class SiteWriterTest : public ::testing::Test {
 protected:
  std::string read(const fs::path& p) { return test::read_file(p); }
  void write(const fs::path& p, const std::string& data) { test::write_file(p, data); }
  // Every entry below `root`, relative, sorted.
  std::vector<std::string> tree(const fs::path& root) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root))
      out.push_back(e.path().lexically_relative(root).generic_string() +
                    (e.is_directory() ? "/" : ""));
    std::sort(out.begin(), out.end());
    return out;
  }
  static ino_t inode(const fs::path& p) {
    struct stat st {};
    EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
    return st.st_ino;
  }
  // Builds `site` holding `files` (path, content).
  void build(const fs::path& site, const std::vector<std::pair<std::string, std::string>>& files) {
    auto w = create(site);
    ASSERT_TRUE(w);
    for (const auto& [path, data] : files) ASSERT_TRUE(w->write(path, data).is_ok()) << path;
    ASSERT_TRUE(w->commit().is_ok());
  }
  std::unique_ptr<SiteWriter> create(const fs::path& target) {
    auto w = SiteWriter::create(target.string());
    EXPECT_TRUE(w.is_ok()) << w.status().message();
    return w.is_ok() ? std::move(w.value()) : nullptr;
  }

  test::TempDir temp_;
  fs::path dir_ = temp_.path();
};

TEST(Sha256Hex, KnownValues) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(CheckOutputPath, Accepts) {
  for (std::string_view p : {"index.html", "reports/2023-a/index.html", "assets/fu-jian/a_b.v2.pdf",
                             "theme/style.css", "ledger/ledger.csv"})
    EXPECT_TRUE(check_output_path(p).is_ok()) << p << ": " << check_output_path(p).message();
  EXPECT_TRUE(check_output_path(std::string(200, 'a')).is_ok());
}

// Regression: any ".." (an asset "v1..2.pdf") was refused as leaving the site
// folder, and an empty path was "longer than 200 characters".
TEST(CheckOutputPath, DotsInsideANameAreFine) {
  EXPECT_TRUE(check_output_path("assets/v1..2.pdf").is_ok());
  EXPECT_TRUE(check_output_path("assets/..x/a...pdf").is_ok());
}

TEST(CheckOutputPath, Rejects) {
  EXPECT_EQ(check_output_path(std::string(201, 'a')).message(),
            "output path longer than 200 characters: " + std::string(201, 'a'));
  EXPECT_EQ(check_output_path("").message(), "output path is empty");
  EXPECT_EQ(check_output_path("/etc/passwd").message(),
            "output path leaves the site folder: /etc/passwd");
  EXPECT_EQ(check_output_path("../x.html").message(),
            "output path leaves the site folder: ../x.html");
  EXPECT_EQ(check_output_path("a/../../x.html").message(),
            "output path leaves the site folder: a/../../x.html");
  EXPECT_EQ(check_output_path("a//b.html").message(),
            "output path has an empty or '.' part: a//b.html");
  EXPECT_EQ(check_output_path("a/./b.html").message(),
            "output path has an empty or '.' part: a/./b.html");
  EXPECT_EQ(check_output_path("reports/").message(),
            "output path has an empty or '.' part: reports/");
  EXPECT_EQ(check_output_path("Reports/a.html").message(),
            "output path is not lower-case ASCII: Reports/a.html");
  EXPECT_EQ(check_output_path("附件.pdf").message(),
            "output path is not lower-case ASCII: 附件.pdf");
  EXPECT_EQ(check_output_path("a b.pdf").message(), "output path is not lower-case ASCII: a b.pdf");
}

TEST_F(SiteWriterTest, WritesIntoStagingThenCommitMovesItIntoPlace) {
  fs::path site = dir_ / "site";
  auto w = create(site);
  ASSERT_TRUE(w);
  fs::path staging = w->staging_dir();
  EXPECT_EQ(staging.parent_path(), dir_);
  EXPECT_TRUE(staging.filename().string().starts_with(".site.staging-")) << staging;
  ASSERT_TRUE(w->write("index.html", "<p>首页</p>").is_ok());
  ASSERT_TRUE(w->write("reports/a/index.html", "abc").is_ok());
  EXPECT_FALSE(fs::exists(site));
  EXPECT_EQ(read(staging / "reports/a/index.html"), "abc");
  ASSERT_TRUE(w->commit().is_ok());
  EXPECT_EQ(tree(site), (std::vector<std::string>{"index.html", "manifest.json", "reports/",
                                                  "reports/a/", "reports/a/index.html"}));
  EXPECT_EQ(read(site / "index.html"), "<p>首页</p>");
  EXPECT_FALSE(fs::exists(staging));
  w.reset();
  EXPECT_TRUE(fs::exists(site / "index.html"));  // the destructor leaves a committed site alone
}

TEST_F(SiteWriterTest, ManifestListsEveryFileWithSizeAndSha256) {
  fs::path site = dir_ / "site";
  auto w = create(site);
  ASSERT_TRUE(w);
  ASSERT_TRUE(w->write("reports/a/index.html", "abc").is_ok());
  ASSERT_TRUE(w->write("index.html", "").is_ok());
  ASSERT_TRUE(w->commit().is_ok());
  EXPECT_EQ(read(site / "manifest.json"),
            "{\n"
            " \"generator\": \"dossier " DOSSIER_VERSION
            "\",\n"
            " \"files\": [\n"
            "  {\n"
            "   \"path\": \"index.html\",\n"
            "   \"size\": 0,\n"
            "   \"sha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"\n"
            "  },\n"
            "  {\n"
            "   \"path\": \"reports/a/index.html\",\n"
            "   \"size\": 3,\n"
            "   \"sha256\": \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"\n"
            "  }\n"
            " ]\n"
            "}\n");
}

TEST_F(SiteWriterTest, CommitReplacesAPreviousSite) {
  fs::path site = dir_ / "site";
  {
    auto w = create(site);
    ASSERT_TRUE(w);
    ASSERT_TRUE(w->write("old.html", "old").is_ok());
    ASSERT_TRUE(w->commit().is_ok());
  }
  auto w = create(site);
  ASSERT_TRUE(w);
  ASSERT_TRUE(w->write("new.html", "new").is_ok());
  ASSERT_TRUE(w->commit().is_ok());
  EXPECT_EQ(tree(site), (std::vector<std::string>{"manifest.json", "new.html"}));
  EXPECT_EQ(tree(dir_), (std::vector<std::string>{"site/", "site/manifest.json", "site/new.html"}));
}

TEST_F(SiteWriterTest, AbandonedBuildLeavesTheOldSiteAndRemovesStaging) {
  fs::path site = dir_ / "site";
  {
    auto w = create(site);
    ASSERT_TRUE(w);
    ASSERT_TRUE(w->write("index.html", "old").is_ok());
    ASSERT_TRUE(w->commit().is_ok());
  }
  std::string manifest = read(site / "manifest.json");
  {
    auto w = create(site);
    ASSERT_TRUE(w);
    ASSERT_TRUE(w->write("index.html", "new").is_ok());
    EXPECT_TRUE(fs::exists(w->staging_dir()));
  }  // no commit
  EXPECT_EQ(tree(dir_),
            (std::vector<std::string>{"site/", "site/index.html", "site/manifest.json"}));
  EXPECT_EQ(read(site / "index.html"), "old");
  EXPECT_EQ(read(site / "manifest.json"), manifest);
}

TEST_F(SiteWriterTest, AcceptsAnEmptyFolder) {
  fs::create_directories(dir_ / "site");
  auto w = create(dir_ / "site");
  ASSERT_TRUE(w);
  ASSERT_TRUE(w->write("index.html", "x").is_ok());
  ASSERT_TRUE(w->commit().is_ok());
  EXPECT_EQ(read(dir_ / "site/index.html"), "x");
}

TEST_F(SiteWriterTest, RefusesAFolderThatIsNotADossierSite) {
  write(dir_ / "docs/report.docx", "PK");
  auto w = SiteWriter::create((dir_ / "docs").string());
  ASSERT_FALSE(w.is_ok());
  EXPECT_EQ(w.status().message(),
            "refusing to replace " + (dir_ / "docs").string() +
                ": it is not empty and not a dossier site (no manifest.json)");
  EXPECT_EQ(tree(dir_), (std::vector<std::string>{"docs/", "docs/report.docx"}));
}

TEST_F(SiteWriterTest, RefusesAForeignManifest) {
  write(dir_ / "app/manifest.json", "{\"name\": \"web app\"}");
  EXPECT_FALSE(SiteWriter::create((dir_ / "app").string()).is_ok());
  write(dir_ / "bad/manifest.json", "not json");
  EXPECT_FALSE(SiteWriter::create((dir_ / "bad").string()).is_ok());
}

TEST_F(SiteWriterTest, RefusesAFile) {
  write(dir_ / "site", "x");
  auto w = SiteWriter::create((dir_ / "site").string());
  ASSERT_FALSE(w.is_ok());
  EXPECT_EQ(w.status().message(), (dir_ / "site").string() + " exists and is not a folder");
}

TEST_F(SiteWriterTest, TrailingSlashInTheTarget) {
  auto w = create(dir_.string() + "/site/");
  ASSERT_TRUE(w);
  ASSERT_TRUE(w->write("index.html", "x").is_ok());
  ASSERT_TRUE(w->commit().is_ok());
  EXPECT_EQ(read(dir_ / "site/index.html"), "x");
}

TEST_F(SiteWriterTest, WriteChecksThePath) {
  auto w = create(dir_ / "site");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->write("../escape.html", "x").message(),
            "output path leaves the site folder: ../escape.html");
  EXPECT_EQ(w->write("Index.html", "x").message(),
            "output path is not lower-case ASCII: Index.html");
  EXPECT_FALSE(fs::exists(dir_ / "escape.html"));
}

TEST_F(SiteWriterTest, TwoOutputsOnOnePathFailTheCommit) {
  auto w = create(dir_ / "site");
  ASSERT_TRUE(w);
  ASSERT_TRUE(w->write("index.html", "a").is_ok());
  ASSERT_TRUE(w->write("index.html", "b").is_ok());
  EXPECT_EQ(w->commit().message(), "two outputs share the path index.html");
  w.reset();
  EXPECT_TRUE(tree(dir_).empty());
}

// A rebuild gives a file that did not change the old site's file (the
// same inode): it creates and writes no file for it.
TEST_F(SiteWriterTest, RebuildKeepsUnchangedFilesAndWritesChangedOnes) {
  fs::path site = dir_ / "site";
  build(site, {{"index.html", "same"}, {"reports/a/index.html", "old"}, {"gone.html", "x"}});
  ino_t same = inode(site / "index.html"), changed = inode(site / "reports/a/index.html");
  build(site, {{"index.html", "same"}, {"reports/a/index.html", "new"}, {"added.html", "x"}});
  EXPECT_EQ(tree(site),
            (std::vector<std::string>{"added.html", "index.html", "manifest.json", "reports/",
                                      "reports/a/", "reports/a/index.html"}));
  EXPECT_EQ(read(site / "index.html"), "same");
  EXPECT_EQ(inode(site / "index.html"), same);
  EXPECT_EQ(read(site / "reports/a/index.html"), "new");
  EXPECT_NE(inode(site / "reports/a/index.html"), changed);
}

// A rebuild tells a file changed by hand from one the build wrote by its
// time, so the manifest must be later than every file even where file
// times come from a clock of a few milliseconds a tick.
TEST_F(SiteWriterTest, TheManifestIsWrittenAfterEveryFile) {
  fs::path site = dir_ / "site";
  build(site, {{"a.html", "a"}, {"b/c.html", "c"}, {"index.html", "i"}});
  auto manifest = fs::last_write_time(site / "manifest.json");
  for (const char* file : {"a.html", "b/c.html", "index.html"})
    EXPECT_LT(fs::last_write_time(site / file), manifest) << file;
}

// The old site's manifest says what its files held when they were written,
// before the manifest: a file changed by hand since (here to another text of
// the same size, so only its time tells) is written anew, and a symbolic
// link put in a file's place is not followed.
TEST_F(SiteWriterTest, RebuildWritesAnewWhatChangedSinceTheLastBuild) {
  fs::path site = dir_ / "site";
  build(site, {{"a.html", "abc"}, {"b.html", "abc"}});
  write(site / "a.html", "abd");
  write(dir_ / "outside.html", "abc");
  fs::remove(site / "b.html");
  fs::create_symlink(dir_ / "outside.html", site / "b.html");
  build(site, {{"a.html", "abc"}, {"b.html", "abc"}});
  EXPECT_EQ(read(site / "a.html"), "abc");
  EXPECT_FALSE(fs::is_symlink(site / "b.html"));
  EXPECT_EQ(read(site / "b.html"), "abc");
  EXPECT_NE(inode(site / "b.html"), inode(dir_ / "outside.html"));
}

// A reused file is shared with the old site until the swap: writing its
// path again must not write into it.
TEST_F(SiteWriterTest, AbandonedRebuildNeverWritesIntoAReusedFile) {
  fs::path site = dir_ / "site";
  build(site, {{"index.html", "old"}});
  {
    auto w = create(site);
    ASSERT_TRUE(w);
    ASSERT_TRUE(w->write("index.html", "old").is_ok());
    ASSERT_TRUE(w->write("index.html", "other").is_ok());
    EXPECT_EQ(read(fs::path(w->staging_dir()) / "index.html"), "other");
    EXPECT_EQ(w->commit().message(), "two outputs share the path index.html");
  }
  EXPECT_EQ(read(site / "index.html"), "old");
}

}  // namespace
}  // namespace dossier
