// `dossier verify DIR` (SPEC §3, docs/publish.md): compares a published
// folder with its manifest.json, so that an auditor can show that a share
// holds what the archive published: the files missing, changed or extra,
// and the SHA-256 of manifest.json itself, to compare with the build's.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "base/status.h"
#include "publish/manifest.h"

namespace dossier {

struct ChangedFile {
  std::string path;
  FileDigest expected;  // as manifest.json lists it
  FileDigest actual;    // size and SHA-256 read; empty SHA-256 when not a regular file
};

struct VerifyReport {
  std::string manifest_sha256;  // of DIR/manifest.json's bytes
  std::string generator;        // "dossier 0.1.0"
  size_t checked = 0;           // files manifest.json lists
  std::vector<std::string> missing;
  std::vector<ChangedFile> changed;
  std::vector<std::string> extra;   // files below DIR it does not list, sorted
  bool unfinished_publish = false;  // the journal of a publish is there
  bool ok() const { return missing.empty() && changed.empty() && extra.empty(); }
};

// Compares every file below `dir` with `manifest`, read from its
// manifest.json whose bytes are `manifest_text`. Fails when a file or folder
// cannot be read.
Result<VerifyReport> verify_site(const std::string& dir, const Manifest& manifest,
                                 std::string_view manifest_text);

// The report as `verify` prints it (docs/publish.md, "verify").
void print_verify_text(const VerifyReport& report, const std::string& dir, std::ostream& out);
std::string verify_json(const VerifyReport& report, const std::string& dir);

// `dossier verify`: returns 0 when every file matches and none is extra,
// 1 when some do not or manifest.json is not valid, 2 when DIR is not a
// folder with a manifest.json, 3 when a file cannot be read.
int run_verify(const std::string& dir, bool json, std::ostream& out, std::ostream& err);

}  // namespace dossier
