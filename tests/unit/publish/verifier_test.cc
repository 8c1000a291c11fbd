// Tests for publish/verifier: what it finds (missing, changed, extra, a
// publish that did not finish) and the exact text and JSON it prints.
#include "publish/verifier.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "../test_support.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class VerifierTest : public testing::Test {
 protected:
  // A published folder holding `files`, with their manifest.json.
  void publish(const std::map<std::string, std::string>& files) {
    std::vector<ManifestEntry> entries;
    for (const auto& [path, data] : files) {
      test::write_file(dir() / path, data);
      entries.push_back({path, data.size(), sha256_hex(data)});
    }
    manifest_ = manifest_json(entries);
    test::write_file(dir() / "manifest.json", manifest_);
  }
  fs::path dir() const { return temp_ / "share"; }
  // What `dossier verify` prints, and its exit code.
  int verify(std::string& out, std::string& err, bool json = false) {
    std::ostringstream o, e;
    int code = run_verify(dir().string(), json, o, e);
    out = o.str();
    err = e.str();
    return code;
  }
  test::TempDir temp_;
  std::string manifest_;
};

TEST_F(VerifierTest, AllMatch) {
  publish({{"index.html", "abc"}, {"reports/a/index.html", ""}});
  std::string out, err;
  EXPECT_EQ(verify(out, err), 0);
  EXPECT_EQ(out, "manifest.json sha256 " + sha256_hex(manifest_) +
                     " (dossier " DOSSIER_VERSION
                     ", 2 files)\n"
                     "checked 2 files in " +
                     dir().string() + ": 2 match, 0 missing, 0 changed, 0 extra\n");
  EXPECT_EQ(err, "");
}

TEST_F(VerifierTest, FindsMissingChangedAndExtraFiles) {
  publish({{"a.html", "abc"}, {"b.html", "abc"}, {"c.html", "abc"}, {"d/e.css", "x"}});
  test::write_file(dir() / "a.html", "abd");  // same size
  test::write_file(dir() / "b.html", "abcd");
  fs::remove(dir() / "d/e.css");
  test::write_file(dir() / "notes/z.txt", "mine");
  fs::create_directories(dir() / "empty");  // a folder is not a file
  fs::create_symlink("c.html", dir() / "link.html");
  std::string out, err;
  EXPECT_EQ(verify(out, err), 1);
  EXPECT_EQ(out, "manifest.json sha256 " + sha256_hex(manifest_) +
                     " (dossier " DOSSIER_VERSION
                     ", 4 files)\n"
                     "missing  d/e.css\n"
                     "changed  a.html\n"
                     "changed  b.html\n"
                     "extra    link.html\n"
                     "extra    notes/z.txt\n"
                     "checked 4 files in " +
                     dir().string() + ": 1 match, 1 missing, 2 changed, 2 extra\n");
}

TEST_F(VerifierTest, JsonSaysWhatChanged) {
  publish({{"a.html", "abc"}});
  test::write_file(dir() / "a.html", "abd");
  std::string out, err;
  EXPECT_EQ(verify(out, err, true), 1);
  auto doc = nlohmann::json::parse(out);
  EXPECT_EQ(doc["checked"], 1);
  EXPECT_EQ(doc["match"], 0);
  EXPECT_EQ(doc["ok"], false);
  EXPECT_EQ(doc["manifest"]["sha256"], sha256_hex(manifest_));
  EXPECT_EQ(doc["changed"][0]["path"], "a.html");
  EXPECT_EQ(doc["changed"][0]["expected"]["sha256"], sha256_hex("abc"));
  EXPECT_EQ(doc["changed"][0]["actual"]["sha256"], sha256_hex("abd"));
  EXPECT_EQ(doc["changed"][0]["actual"]["size"], 3);
}

// A file name cannot forge lines of the report an auditor reads.
TEST_F(VerifierTest, EscapesControlCharactersInNames) {
  publish({{"a.html", "abc"}});
  test::write_file(dir() / "x\nchecked 1 files", "");
  std::string out, err;
  EXPECT_EQ(verify(out, err), 1);
  EXPECT_TRUE(out.find("extra    x\\x0achecked 1 files\n") != std::string::npos) << out;
}

TEST_F(VerifierTest, NotesAPublishThatDidNotFinish) {
  publish({{"a.html", "abc"}});
  test::write_file(dir() / ".dossier-publish~journal", "dossier publish journal 1\n");
  std::string out, err;
  EXPECT_EQ(verify(out, err), 1);
  EXPECT_TRUE(out.find("extra    .dossier-publish~journal\n") != std::string::npos) << out;
  EXPECT_EQ(err, "dossier: a publish into " + dir().string() +
                     " did not finish (.dossier-publish~journal is there): publish again to "
                     "complete it\n");
}

TEST_F(VerifierTest, NoManifestIsAUsageErrorABadOneADifference) {
  std::string out, err;
  EXPECT_EQ(verify(out, err), 2);
  EXPECT_EQ(err, "dossier: " + dir().string() + " is not a published site (no manifest.json)\n");
  test::write_file(dir() / "manifest.json", "{\"generator\": \"dossier 1\", \"files\": 3}");
  EXPECT_EQ(verify(out, err), 1);
  EXPECT_EQ(err, "dossier: " + dir().string() + "/manifest.json: \"files\" is not a list\n");
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace dossier
