// Tests for publish/manifest: the bytes the build writes, what publish and
// verify accept (each refusal's message), SHA-256 in pieces.
#include "publish/manifest.h"

#include <gtest/gtest.h>

#include "../test_support.h"
#include "publish/site_writer.h"

namespace dossier {
namespace {

const std::string kAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const std::string kEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// A manifest.json listing `paths`, each with the SHA-256 of "abc".
std::string manifest_listing(const std::vector<std::string>& paths) {
  std::vector<ManifestEntry> files;
  for (const auto& p : paths) files.push_back({p, 3, kAbc});
  return manifest_json(files);
}

std::string error_of(std::string_view text) {
  return parse_manifest(text).status().message();
}

TEST(ManifestJson, RoundTrips) {
  std::string text = manifest_listing({"index.html", "reports/a/index.html"});
  auto m = parse_manifest(text);
  ASSERT_TRUE(m.is_ok()) << m.status().message();
  EXPECT_EQ(m.value().generator, "dossier " DOSSIER_VERSION);
  ASSERT_EQ(m.value().files.size(), 2u);
  EXPECT_EQ(m.value().files[1].path, "reports/a/index.html");
  EXPECT_EQ(m.value().files[1].digest(), (FileDigest{3, kAbc}));
  EXPECT_EQ(manifest_json(m.value().files), text);
}

TEST(ParseManifest, SortsByPath) {
  auto m = parse_manifest(
      "{\"generator\": \"dossier 9\", \"files\": [{\"path\": \"b\", \"size\": 0, \"sha256\": \"" +
      kEmpty + "\"}, {\"path\": \"a\", \"size\": 0, \"sha256\": \"" + kEmpty + "\"}]}");
  ASSERT_TRUE(m.is_ok()) << m.status().message();
  EXPECT_EQ(m.value().files[0].path, "a");
}

TEST(ParseManifest, RefusesWhatIsNotADossierManifest) {
  EXPECT_EQ(error_of("not json"), "not a JSON object");
  EXPECT_EQ(error_of("[]"), "not a JSON object");
  EXPECT_EQ(error_of("{\"name\": \"an app\"}"),
            "not written by dossier (no \"generator\": \"dossier ...\")");
  EXPECT_EQ(error_of("{\"generator\": \"dossier 1\"}"), "no \"files\" list");
  EXPECT_EQ(error_of("{\"generator\": \"dossier 1\", \"files\": {}}"), "\"files\" is not a list");
  EXPECT_EQ(error_of("{\"generator\": \"dossier 1\", \"files\": [{\"path\": \"a\", \"size\": -1, "
                     "\"sha256\": \"" +
                     kEmpty + "\"}]}"),
            "entry 1 of \"files\" is not a path, a size and a SHA-256");
  EXPECT_EQ(error_of("{\"generator\": \"dossier 1\", \"files\": [{\"path\": \"a\", \"size\": 1, "
                     "\"sha256\": \"ABC\"}]}"),
            "entry 1 of \"files\" is not a path, a size and a SHA-256");
}

TEST(ParseManifest, RefusesPathsThatLeaveTheFolder) {
  EXPECT_EQ(error_of(manifest_listing({"../outside.html"})),
            "output path leaves the site folder: ../outside.html");
  EXPECT_EQ(error_of(manifest_listing({"/etc/passwd"})),
            "output path leaves the site folder: /etc/passwd");
  EXPECT_EQ(error_of(manifest_listing({"manifest.json"})), "lists manifest.json itself");
}

// On a Windows share, a.html and A.html would be one file.
TEST(ParseManifest, RefusesTwoPathsEqualIgnoringCase) {
  EXPECT_EQ(error_of(manifest_listing({"reports/a/index.html", "reports/A/index.html"})),
            "lists reports/A/index.html and reports/a/index.html, which differ only in case: "
            "they would be one file on a Windows share");
  EXPECT_EQ(error_of(manifest_listing({"index.html", "index.html"})), "lists index.html twice");
}

TEST(IsDossierSite, ByTheGenerator) {
  test::TempDir dir;
  EXPECT_FALSE(is_dossier_site(dir.path().string()));
  test::write_file(dir / "manifest.json", "{\"generator\": \"dossier 0\", \"files\": 3}");
  EXPECT_TRUE(is_dossier_site(dir.path().string()));  // not checked further
  test::write_file(dir / "manifest.json", "{\"name\": \"app\"}");
  EXPECT_FALSE(is_dossier_site(dir.path().string()));
}

TEST(IsDossierManifest, AGeneratorThatIsNoStringIsNotOurs) {
  EXPECT_TRUE(is_dossier_manifest("{\"generator\": \"dossier 0.1.0\"}"));
  EXPECT_FALSE(is_dossier_manifest("{\"generator\": 1}"));  // was an exception
  EXPECT_FALSE(is_dossier_manifest("{\"generator\": null}"));
  EXPECT_FALSE(is_dossier_manifest("[\"dossier\"]"));
  EXPECT_FALSE(is_dossier_manifest("not json"));
}

TEST(Sha256, InPiecesAsWhole) {
  Sha256 hash;
  hash.update("a");
  hash.update("");
  hash.update("bc");
  EXPECT_EQ(hash.hex(), kAbc);
  EXPECT_EQ(sha256_hex(""), kEmpty);
}

}  // namespace
}  // namespace dossier
