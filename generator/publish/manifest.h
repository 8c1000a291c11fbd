// manifest.json (SPEC §4, docs/publish.md): the size and SHA-256 of every
// other file of a site. Its bytes as the build writes them, its checks as
// `publish` and `verify` read it, and the SHA-256 helpers that fill it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX

namespace dossier {

// What a file holds, as far as the manifest can tell.
struct FileDigest {
  uint64_t size = 0;
  std::string sha256;  // lower-case hex
  bool operator==(const FileDigest&) const = default;
};

struct ManifestEntry {
  std::string path;  // relative to the site folder
  uint64_t size = 0;
  std::string sha256;  // lower-case hex
  FileDigest digest() const { return {size, sha256}; }
};

struct Manifest {
  std::string generator;             // "dossier 0.1.0"
  std::vector<ManifestEntry> files;  // sorted by path
};

// The bytes of manifest.json listing `files` (sorted by path).
std::string manifest_json(const std::vector<ManifestEntry>& files);

// Parses manifest.json and checks what publish and verify rely on: written
// by dossier; every entry a path, a size and a SHA-256; every path an output
// path (check_output_path) listed once; no two paths equal ignoring case
// (they would be one file on a Windows share); manifest.json not listed.
Result<Manifest> parse_manifest(std::string_view text);

// Whether `dir` holds a manifest.json that dossier wrote (its "generator"),
// valid or not.
bool is_dossier_site(const std::string& dir);

// Whether the text of a manifest.json says dossier wrote it, valid or not.
bool is_dossier_manifest(std::string_view text);

// SHA-256 of data given in pieces (OpenSSL).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view data);
  std::string hex();  // once, after the last update

 private:
  evp_md_ctx_st* context_;
};

// Hex SHA-256 of data.
std::string sha256_hex(std::string_view data);

}  // namespace dossier
