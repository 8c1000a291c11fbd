// Tests for publish/publish_journal: temporary names, the state a manifest
// and a journal describe, and a journal cut by a kill.
#include "publish/publish_journal.h"

#include <gtest/gtest.h>

#include "../test_support.h"
#include "publish/site_writer.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

const std::string kAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const std::string kEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

TEST(TempPathFor, SameFolderHiddenWithATilde) {
  EXPECT_EQ(temp_path_for("index.html"), ".index.html~dossier-tmp");
  EXPECT_EQ(temp_path_for("reports/a/index.html"), "reports/a/.index.html~dossier-tmp");
  // Never an output path, so never a file of the site.
  EXPECT_FALSE(check_output_path(temp_path_for("a/b.css")).is_ok());
  EXPECT_FALSE(check_output_path(kJournalName).is_ok());
}

TEST(TargetState, FromAManifest) {
  Manifest m{"dossier 1", {{"a.html", 3, kAbc}, {"b.css", 0, kEmpty}}};
  TargetState s = state_from_manifest(&m);
  EXPECT_EQ(s.known.at("a.html"), (FileDigest{3, kAbc}));
  EXPECT_EQ(s.owned, (std::set<std::string>{"a.html", "b.css"}));
  EXPECT_TRUE(s.temps.empty());
  EXPECT_TRUE(s.rewritten.empty());
  EXPECT_TRUE(state_from_manifest(nullptr).owned.empty());
}

// A temporary file leaves its file as it was; a write makes the file
// dossier's, its content unknown until read back.
TEST(ApplyJournal, TempsAndWrites) {
  Manifest m{"dossier 1", {{"a.html", 3, kAbc}, {"old.html", 3, kAbc}}};
  TargetState s = state_from_manifest(&m);
  ASSERT_TRUE(apply_journal("dossier publish journal 1\n"
                            "temp a.html\n"
                            "temp new/b.html\n"
                            "temp old.html\n"
                            "write new/b.html\n"
                            "write a.html\n",
                            s)
                  .is_ok());
  EXPECT_FALSE(s.known.contains("a.html"));
  EXPECT_EQ(s.known.at("old.html"), (FileDigest{3, kAbc}));
  EXPECT_EQ(s.owned, (std::set<std::string>{"a.html", "new/b.html", "old.html"}));
  EXPECT_EQ(s.temps, (std::set<std::string>{"a.html", "new/b.html", "old.html"}));
  EXPECT_EQ(s.rewritten, (std::set<std::string>{"a.html", "new/b.html"}));
}

// A file the journal names only as a temporary file is not dossier's: with
// --force, it may be the folder's own.
TEST(ApplyJournal, ATempDoesNotMakeAFileDossiers) {
  TargetState s;
  ASSERT_TRUE(apply_journal("temp notes.html\n", s).is_ok());
  EXPECT_TRUE(s.owned.empty());
}

TEST(ApplyJournal, IgnoresALastLineCutByAKill) {
  TargetState s;
  ASSERT_TRUE(apply_journal("dossier publish journal 1\ntemp a.html\nwrite a.ht", s).is_ok());
  EXPECT_TRUE(s.owned.empty());
  EXPECT_TRUE(apply_journal("dossier publ", s).is_ok());
}

// Files a journal names may be removed: a path that leaves the folder is
// refused, not acted on.
TEST(ApplyJournal, RefusesLinesThatAreNotJournalLines) {
  TargetState s;
  EXPECT_EQ(apply_journal("dossier publish journal 1\nwrite ../../etc/passwd\n", s).message(),
            "2: not a journal line: write ../../etc/passwd");
  EXPECT_EQ(apply_journal("write a.html b\n", s).message(),
            "1: not a journal line: write a.html b");
  EXPECT_EQ(apply_journal("move a.html\n", s).message(), "1: not a journal line: move a.html");
  EXPECT_EQ(apply_journal("\n", s).message(), "1: not a journal line: ");
  EXPECT_TRUE(s.owned.empty());
}

TEST(JournalWriter, AppendsLinesAndDropsACutOne) {
  test::TempDir dir;
  std::string target = dir.path().string();
  {
    auto j = JournalWriter::open(target);
    ASSERT_TRUE(j.is_ok()) << j.status().message();
    ASSERT_TRUE(j.value()->temp("a.html").is_ok());
    ASSERT_TRUE(j.value()->write("a.html").is_ok());
  }
  fs::path path = dir / std::string(kJournalName);
  EXPECT_EQ(test::read_file(path), "dossier publish journal 1\ntemp a.html\nwrite a.html\n");
  test::write_file(path, test::read_file(path) + "temp b.ht");  // a kill cut this line
  auto j = JournalWriter::open(target);
  ASSERT_TRUE(j.is_ok());
  ASSERT_TRUE(j.value()->temp("c.html").is_ok());
  EXPECT_EQ(test::read_file(path),
            "dossier publish journal 1\ntemp a.html\nwrite a.html\ntemp c.html\n");
  ASSERT_TRUE(j.value()->remove().is_ok());
  EXPECT_FALSE(fs::exists(path));
}

}  // namespace
}  // namespace dossier
