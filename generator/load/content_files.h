// Load stage: walks the content folder (SPEC §2), sorts its files by kind,
// and reads each one as checked UTF-8 text.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "base/source_text.h"

namespace dossier {

// Paths are relative to the content folder, '/'-separated, sorted.
struct ContentFiles {
  std::string root;  // the content folder as given, without trailing '/'
  bool has_site_yaml = false;
  std::vector<std::string> reports;      // reports/**/<id>.md
  std::vector<std::string> regulations;  // regulations/<slug>.md
  std::vector<std::string> units;        // units/<slug>.md
  std::vector<std::string> topics;       // topics/<slug>.md
  std::vector<std::string> assets;       // assets/**

  std::string display_path(const std::string& rel) const { return root + "/" + rel; }
};

// Lists the content folder. Diagnoses files that cannot belong there (a .txt
// among reports, a symlink leaving the folder). A missing folder is an error.
ContentFiles list_content(const FileSystem& fs, const std::string& root, Diagnostics& diags);

// Reads one content file; nullptr (and a diagnostic) when it cannot be read
// or is not UTF-8.
std::shared_ptr<const SourceText> read_source(const FileSystem& fs, const ContentFiles& files,
                                              const std::string& rel, Diagnostics& diags);

// The file stem of a path: "reports/2023/a-b.md" -> "a-b".
std::string file_stem(const std::string& rel);

}  // namespace dossier
